package io.jjj.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunStateTest {

    private static RunState sample() {
        return new RunState()
                .launcher(4242, 1_700_000_000_123L)
                .mode(RunState.Mode.DETACHED)
                .logsDir("/x/.jjj/logs")
                .postgres("/x/.jjj/postgres/pg-abc", "/x/.jjj/postgres/data")
                .adminKey("jjj-admin-key")
                .put(new RunState.Proc("postgres", RunState.Kind.POSTGRES, 11, 1_700_000_001_000L, 54320, "/x/.jjj/logs/postgres.log"))
                .put(new RunState.Proc("kafka", RunState.Kind.JAVA, 12, 1_700_000_002_000L, 9092, "/x/.jjj/logs/kafka.log"));
    }

    @Test
    void survivesAWriteReadRoundTrip() {
        RunState back = RunState.read(sample().write());
        assertEquals(4242, back.launcherPid());
        assertEquals(1_700_000_000_123L, back.launcherStartMillis());
        assertEquals(RunState.Mode.DETACHED, back.mode());
        assertEquals("/x/.jjj/logs", back.logsDir());
        assertEquals("/x/.jjj/postgres/pg-abc", back.postgresBin());
        assertEquals("/x/.jjj/postgres/data", back.postgresData());
        assertEquals("jjj-admin-key", back.adminKey());
        assertEquals(sample().procs(), back.procs(), "processes keep their order and every field");
    }

    @Test
    void putReplacesAProcessOfTheSameName() {
        RunState s = sample().put(new RunState.Proc("kafka", RunState.Kind.JAVA, 99, 5, 9094, "k.log"));
        assertEquals(2, s.procs().size());
        assertEquals(99, s.proc("kafka").orElseThrow().pid());
        assertEquals(List.of("postgres", "kafka"), s.procs().stream().map(RunState.Proc::name).toList());
        assertTrue(s.remove("kafka").proc("kafka").isEmpty());
    }

    @Test
    void storeSavesLoadsAndDeletesAndKeepsTheFilePrivate(@TempDir Path dir) throws Exception {
        RunState.Store store = new RunState.Store(dir.resolve("state"));
        assertTrue(store.load().isEmpty());
        store.save(sample());
        assertEquals(sample().procs(), store.load().orElseThrow().procs());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())),
                "the file holds the admin key");
        store.save(sample().mode(RunState.Mode.FOREGROUND));
        assertEquals(RunState.Mode.FOREGROUND, store.load().orElseThrow().mode());
        assertFalse(Files.exists(store.file().resolveSibling(RunState.FILE_NAME + ".tmp")), "no temp file left");
        store.delete();
        assertTrue(store.load().isEmpty());
    }

    @Test
    void unknownValuesFallBackInsteadOfFailing() {
        RunState s = RunState.read("mode=SOMETHING\nprocs=a\nproc.a.kind=ALIEN\nproc.a.pid=x\n");
        assertEquals(RunState.Mode.STARTING, s.mode());
        RunState.Proc a = s.proc("a").orElseThrow();
        assertEquals(RunState.Kind.JAVA, a.kind());
        assertEquals(0, a.pid());
    }

    @Test
    void aDamagedFileIsReportedAsSuch() {
        LauncherException e = assertThrows(LauncherException.class, () -> RunState.read("a=\\u12"));
        assertTrue(e.getMessage().contains("damaged"));
    }
}
