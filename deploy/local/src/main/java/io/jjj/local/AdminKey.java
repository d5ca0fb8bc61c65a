package io.jjj.local;

import java.nio.file.Path;
import java.util.Optional;

/** The gateway's admin API key: {@code JJJ_ADMIN_KEY} when set, else the one kept in the state folder. */
public final class AdminKey {

    private AdminKey() {
    }

    public static Path file(Path stateDir) {
        return StoredSecret.ADMIN_KEY.file(stateDir);
    }

    /** The key to start the gateway with (creating the stored one when needed). */
    public static String forUp(Optional<String> fromEnv, Path stateDir) {
        return StoredSecret.ADMIN_KEY.forUp(fromEnv, stateDir);
    }

    /** The key stored by an earlier {@code up}, if any. */
    public static Optional<String> stored(Path stateDir) {
        return StoredSecret.ADMIN_KEY.stored(stateDir);
    }

    static String generate() {
        return StoredSecret.ADMIN_KEY.generate();
    }
}
