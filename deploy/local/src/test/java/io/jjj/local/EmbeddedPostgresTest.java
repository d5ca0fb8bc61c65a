package io.jjj.local;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresTest {

    private static byte[] txz(TarWriter w) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(bytes, new LZMA2Options());
             TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
            w.write(tar);
        }
        return bytes.toByteArray();
    }

    interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static void file(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(b.length);
        e.setMode(mode);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
    }

    @Test
    void unpacksFilesWithTheirModesAndLinks(@TempDir Path dir) throws Exception {
        byte[] archive = txz(tar -> {
            TarArchiveEntry d = new TarArchiveEntry("bin/");
            tar.putArchiveEntry(d);
            tar.closeArchiveEntry();
            file(tar, "bin/pg_ctl", "#!/bin/sh\n", 0755);
            file(tar, "lib/libpq.so.5.17", "lib", 0644);
            TarArchiveEntry sym = new TarArchiveEntry("lib/libpq.so.5", TarArchiveEntry.LF_SYMLINK);
            sym.setLinkName("libpq.so.5.17");
            tar.putArchiveEntry(sym);
            tar.closeArchiveEntry();
            TarArchiveEntry hard = new TarArchiveEntry("bin/postmaster", TarArchiveEntry.LF_LINK);
            hard.setLinkName("bin/pg_ctl");
            tar.putArchiveEntry(hard);
            tar.closeArchiveEntry();
        });
        EmbeddedPostgres.unpackTxz(new java.io.ByteArrayInputStream(archive), dir);
        assertTrue(Files.isExecutable(dir.resolve("bin/pg_ctl")));
        assertFalse(Files.isExecutable(dir.resolve("lib/libpq.so.5.17")));
        assertTrue(Files.isSymbolicLink(dir.resolve("lib/libpq.so.5")));
        assertEquals("lib", Files.readString(dir.resolve("lib/libpq.so.5")));
        assertEquals("#!/bin/sh\n", Files.readString(dir.resolve("bin/postmaster")));
    }

    @Test
    void refusesEntriesThatEscapeTheTarget(@TempDir Path dir) throws Exception {
        byte[] archive = txz(tar -> file(tar, "../evil", "x", 0644));
        assertThrows(IOException.class, () -> EmbeddedPostgres.unpackTxz(new java.io.ByteArrayInputStream(archive), dir.resolve("t")));
        assertFalse(Files.exists(dir.resolve("evil")));
    }

    @Test
    void noPidFileMeansNoServer(@TempDir Path dir) throws Exception {
        assertTrue(EmbeddedPostgres.postmasterPid(dir).isEmpty());
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n/data\n");
        assertEquals(ProcessHandle.current().pid(), EmbeddedPostgres.postmasterPid(dir).orElseThrow());
        Files.writeString(dir.resolve("postmaster.pid"), "garbage\n");
        assertTrue(EmbeddedPostgres.postmasterPid(dir).isEmpty());
    }
}
