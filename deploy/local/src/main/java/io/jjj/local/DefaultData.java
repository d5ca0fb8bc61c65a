package io.jjj.local;

import io.jjj.local.feed.FeedClient;
import io.jjj.local.feed.FeedRoutes;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the default data set ({@code deploy/data}) through the gateway's feeds, exactly as a government system
 * would. Each file is sent with an {@code Idempotency-Key} made of its name and content hash, which the services
 * keep in their own databases: on a database that has the file already, the feed answers with the stored report
 * and applies nothing; a changed file gets a new key and is applied as updates (feeds upsert), never duplicated.
 */
final class DefaultData {

    private static final Pattern COUNT = Pattern.compile("\\\"(received|inserted|updated|unchanged|rejected)\\\"\\s*:\\s*(\\d+)");
    private static final Pattern REPLAYED = Pattern.compile("\\\"replayed\\\"\\s*:\\s*true");

    private final Config config;
    private final String adminKey;
    private final PrintStream out;

    DefaultData(Config config, String adminKey, PrintStream out) {
        this.config = config;
        this.adminKey = adminKey;
        this.out = out;
    }

    void load() {
        Path folder = config.root().resolve("deploy/data");
        FeedClient client = new FeedClient(config.gatewayUrl(), adminKey);
        out.println("default data set (" + Launcher.display(folder) + "):");
        for (FeedRoutes.Route route : FeedRoutes.ROUTES) {
            Path file = folder.resolve(route.name() + ".csv");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String key = idempotencyKey(file);
            FeedClient.Result result = client.post(file, new FeedRoutes.Target(route.path(), FeedRoutes.CSV), Optional.of(key), out);
            out.println("  " + describe(file.getFileName().toString(), result));
        }
    }

    static String describe(String file, FeedClient.Result result) {
        if (!result.ok()) {
            return file + ": refused (HTTP " + result.status() + "): " + result.body();
        }
        if (REPLAYED.matcher(result.body()).find()) {
            return file + ": already loaded in this database, nothing to do";
        }
        StringBuilder counts = new StringBuilder();
        Matcher m = COUNT.matcher(result.body());
        while (m.find()) {
            counts.append(counts.isEmpty() ? "" : ", ").append(m.group(2)).append(' ').append(m.group(1));
        }
        return file + ": loaded (" + counts + ")";
    }

    /** The file's name and the start of its SHA-256: the same content always gets the same key. */
    static String idempotencyKey(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return "default-data/" + file.getFileName() + "/" + HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (IOException e) {
            throw new LauncherException("cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
