package io.jjj.local;

import io.jjj.local.feed.FeedClient;
import io.jjj.local.feed.FeedRoutes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code ./jjj load FILE}: posts a feed to the gateway with the admin key and prints the report. */
final class Load {

    private final Config config;
    private final Cli cli;
    private final PrintStream out;

    Load(Config config, Cli cli, PrintStream out) {
        this.config = config;
        this.cli = cli;
        this.out = out;
    }

    int run() {
        Path file = Path.of(cli.file());
        if (!Files.isRegularFile(file)) {
            throw new LauncherException("no such file: " + file);
        }
        FeedRoutes.Target target = FeedRoutes.resolve(file, cli.toOption());
        FeedRoutes.Target withMode = new FeedRoutes.Target(FeedRoutes.withPartial(target.path(), cli.partial()), target.contentType());
        String key = adminKey();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new LauncherException("no such file: " + file);
        }
        out.printf("POST %s%s  (%s, %d bytes)%n", config.gatewayUrl(), withMode.path(), withMode.contentType(), size);
        FeedClient.Result r = new FeedClient(config.gatewayUrl(), key)
                .post(file, withMode, Optional.ofNullable(cli.idempotencyKey()), out);
        out.println("HTTP " + r.status());
        if (!r.body().isEmpty()) {
            out.println(r.body());
        }
        return r.ok() ? 0 : 1;
    }

    /** JJJ_ADMIN_KEY, else the key of the running suite, else the stored one. */
    private String adminKey() {
        if (config.adminKeyFromEnv().isPresent()) {
            return config.adminKeyFromEnv().get();
        }
        Optional<String> running = new RunState.Store(config.stateDir()).load()
                .map(RunState::adminKey).filter(k -> !k.isEmpty());
        if (running.isPresent()) {
            return running.get();
        }
        return AdminKey.stored(config.stateDir()).orElseThrow(() -> new LauncherException(
                "no admin key: set JJJ_ADMIN_KEY, or start the suite once with ./jjj up"));
    }
}
