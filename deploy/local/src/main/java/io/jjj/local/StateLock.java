package io.jjj.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OS file lock in the state folder, held by a launcher while it starts things (and for the whole
 * run in the foreground). The OS drops it when the holder dies, so it is never stale.
 */
public final class StateLock implements AutoCloseable {

    public static final String FILE_NAME = "jjj.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process holds it. */
    public static Optional<StateLock> tryAcquire(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            FileChannel ch = FileChannel.open(stateDir.resolve(FILE_NAME),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new StateLock(ch, l));
        } catch (IOException e) {
            throw new LauncherException("cannot lock " + stateDir.resolve(FILE_NAME) + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException ignored) {
            // released by the OS at exit anyway
        }
    }
}
