package io.jjj.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminKeyTest {

    @Test
    void theEnvironmentWinsAndNothingIsStored(@TempDir Path dir) {
        assertEquals("from-env", AdminKey.forUp(Optional.of("from-env"), dir));
        assertFalse(Files.exists(AdminKey.file(dir)));
    }

    @Test
    void aGeneratedKeyIsStoredPrivatelyAndReused(@TempDir Path dir) throws Exception {
        String first = AdminKey.forUp(Optional.empty(), dir);
        assertTrue(first.startsWith("jjj-admin-"));
        assertTrue(first.length() >= 40, "24 random bytes");
        assertEquals(first, AdminKey.forUp(Optional.empty(), dir), "same key on the next run");
        assertEquals(Optional.of(first), AdminKey.stored(dir));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(AdminKey.file(dir))));
    }

    @Test
    void generatedKeysDiffer() {
        assertNotEquals(AdminKey.generate(), AdminKey.generate());
    }

    @Test
    void theTokenSecretIsGeneratedOncePerInstallationBesideTheAdminKey(@TempDir Path dir) throws Exception {
        String secret = StoredSecret.GATEWAY_TOKEN_SECRET.forUp(Optional.empty(), dir);
        assertTrue(secret.length() >= 43, "32 random bytes: " + secret);
        assertEquals(secret, StoredSecret.GATEWAY_TOKEN_SECRET.forUp(Optional.empty(), dir));
        assertNotEquals(secret, AdminKey.forUp(Optional.empty(), dir));
        assertEquals(dir.resolve("token-secret"), StoredSecret.GATEWAY_TOKEN_SECRET.file(dir));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(StoredSecret.GATEWAY_TOKEN_SECRET.file(dir))));
        assertEquals("from-env", StoredSecret.GATEWAY_TOKEN_SECRET.forUp(Optional.of("from-env"), dir));
    }
}
