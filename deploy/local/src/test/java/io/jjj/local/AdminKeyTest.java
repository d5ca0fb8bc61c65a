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
}
