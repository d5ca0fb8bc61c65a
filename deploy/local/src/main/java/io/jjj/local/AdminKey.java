package io.jjj.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The gateway's admin API key: {@code JJJ_ADMIN_KEY} when set, else one generated on the first
 * {@code up} and kept in the state folder, so it stays the same across runs.
 */
public final class AdminKey {

    public static final String FILE_NAME = "admin-key";

    private AdminKey() {
    }

    public static Path file(Path stateDir) {
        return stateDir.resolve(FILE_NAME);
    }

    /** The key to start the gateway with (creating the stored one when needed). */
    public static String forUp(Optional<String> fromEnv, Path stateDir) {
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Optional<String> stored = stored(stateDir);
        if (stored.isPresent()) {
            return stored.get();
        }
        String key = generate();
        Path f = file(stateDir);
        try {
            Files.createDirectories(stateDir);
            Path tmp = stateDir.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LauncherException("cannot store the admin key in " + f + ": " + e.getMessage());
        }
        return key;
    }

    /** The key stored by an earlier {@code up}, if any. */
    public static Optional<String> stored(Path stateDir) {
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

    static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "jjj-admin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
