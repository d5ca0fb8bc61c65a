package io.jjj.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret of this installation: the value from the environment when set, else one generated on the first
 * {@code up} and kept, readable by its owner only, in the state folder, so it stays the same across runs.
 */
public final class StoredSecret {

    /** The gateway's admin API key ({@code JJJ_ADMIN_KEY}). */
    public static final StoredSecret ADMIN_KEY = new StoredSecret("admin-key", "jjj-admin-", 24);
    /** The secret the gateway signs service tokens with ({@code JJJ_GATEWAY_TOKEN_SECRET}). */
    public static final StoredSecret GATEWAY_TOKEN_SECRET = new StoredSecret("token-secret", "", 32);

    private final String fileName;
    private final String prefix;
    private final int randomBytes;

    private StoredSecret(String fileName, String prefix, int randomBytes) {
        this.fileName = fileName;
        this.prefix = prefix;
        this.randomBytes = randomBytes;
    }

    public Path file(Path stateDir) {
        return stateDir.resolve(fileName);
    }

    /** The secret to start with (creating the stored one when needed). */
    public String forUp(Optional<String> fromEnv, Path stateDir) {
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Optional<String> stored = stored(stateDir);
        if (stored.isPresent()) {
            return stored.get();
        }
        String secret = generate();
        Path f = file(stateDir);
        try {
            Files.createDirectories(stateDir);
            Path tmp = stateDir.resolve(fileName + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LauncherException("cannot store " + fileName + " in " + f + ": " + e.getMessage());
        }
        return secret;
    }

    /** The secret stored by an earlier {@code up}, if any. */
    public Optional<String> stored(Path stateDir) {
        Path f = file(stateDir);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            String k = Files.readString(f, StandardCharsets.UTF_8).trim();
            return k.isEmpty() ? Optional.empty() : Optional.of(k);
        } catch (IOException e) {
            throw new LauncherException("cannot read " + f + ": " + e.getMessage());
        }
    }

    String generate() {
        byte[] bytes = new byte[randomBytes];
        new SecureRandom().nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
