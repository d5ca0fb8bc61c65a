package io.jjj.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What one {@code ./jjj up} started: kept in the state folder so that {@code down} and
 * {@code status} (other JVMs) can find the processes. Saved after every start, so a launcher that
 * dies half way still leaves a usable record.
 */
public final class RunState {

    public static final String FILE_NAME = "run.properties";

    public enum Mode { STARTING, FOREGROUND, DETACHED }

    public enum Kind { POSTGRES, JAVA }

    /** A started process. {@code startMillis} guards against a recycled pid. */
    public record Proc(String name, Kind kind, long pid, long startMillis, int port, String log) {
    }

    private long launcherPid;
    private long launcherStartMillis;
    private Mode mode = Mode.STARTING;
    private String logsDir = "";
    private String postgresBin = "";
    private String postgresData = "";
    private String adminKey = "";
    private final List<Proc> procs = new ArrayList<>();

    public long launcherPid() {
        return launcherPid;
    }

    public long launcherStartMillis() {
        return launcherStartMillis;
    }

    public RunState launcher(long pid, long startMillis) {
        this.launcherPid = pid;
        this.launcherStartMillis = startMillis;
        return this;
    }

    public Mode mode() {
        return mode;
    }

    public RunState mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public String logsDir() {
        return logsDir;
    }

    public RunState logsDir(String logsDir) {
        this.logsDir = logsDir;
        return this;
    }

    public String postgresBin() {
        return postgresBin;
    }

    public String postgresData() {
        return postgresData;
    }

    public RunState postgres(String bin, String data) {
        this.postgresBin = bin;
        this.postgresData = data;
        return this;
    }

    /** The admin key the gateway of this run was started with (for {@code ./jjj load}). */
    public String adminKey() {
        return adminKey;
    }

    public RunState adminKey(String key) {
        this.adminKey = key == null ? "" : key;
        return this;
    }

    public synchronized List<Proc> procs() {
        return Collections.unmodifiableList(new ArrayList<>(procs));
    }

    /** Adds or replaces the process of that name. */
    public synchronized RunState put(Proc proc) {
        procs.removeIf(p -> p.name().equals(proc.name()));
        procs.add(proc);
        return this;
    }

    public synchronized RunState remove(String name) {
        procs.removeIf(p -> p.name().equals(name));
        return this;
    }

    public synchronized Optional<Proc> proc(String name) {
        return procs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public synchronized String write() {
        Properties p = new Properties();
        p.setProperty("launcher.pid", Long.toString(launcherPid));
        p.setProperty("launcher.start", Long.toString(launcherStartMillis));
        p.setProperty("mode", mode.name());
        p.setProperty("logs", logsDir);
        p.setProperty("postgres.bin", postgresBin);
        p.setProperty("postgres.data", postgresData);
        p.setProperty("admin.key", adminKey);
        List<String> names = new ArrayList<>();
        for (Proc proc : procs) {
            names.add(proc.name());
            String k = "proc." + proc.name() + ".";
            p.setProperty(k + "kind", proc.kind().name());
            p.setProperty(k + "pid", Long.toString(proc.pid()));
            p.setProperty(k + "start", Long.toString(proc.startMillis()));
            p.setProperty(k + "port", Integer.toString(proc.port()));
            p.setProperty(k + "log", proc.log());
        }
        p.setProperty("procs", String.join(",", names));
        StringWriter w = new StringWriter();
        try {
            p.store(w, "written by ./jjj up; read by ./jjj status and ./jjj down");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static RunState read(String text) {
        return read(new StringReader(text));
    }

    static RunState read(Reader reader) {
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new LauncherException("the state file is damaged (" + e.getMessage() + ")");
        }
        RunState s = new RunState();
        s.launcherPid = longOf(p, "launcher.pid");
        s.launcherStartMillis = longOf(p, "launcher.start");
        try {
            s.mode = Mode.valueOf(p.getProperty("mode", Mode.STARTING.name()));
        } catch (IllegalArgumentException e) {
            s.mode = Mode.STARTING;
        }
        s.logsDir = p.getProperty("logs", "");
        s.postgresBin = p.getProperty("postgres.bin", "");
        s.postgresData = p.getProperty("postgres.data", "");
        s.adminKey = p.getProperty("admin.key", "");
        String names = p.getProperty("procs", "");
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            String k = "proc." + name + ".";
            Kind kind;
            try {
                kind = Kind.valueOf(p.getProperty(k + "kind", Kind.JAVA.name()));
            } catch (IllegalArgumentException e) {
                kind = Kind.JAVA;
            }
            s.procs.add(new Proc(name, kind, longOf(p, k + "pid"), longOf(p, k + "start"),
                    (int) longOf(p, k + "port"), p.getProperty(k + "log", "")));
        }
        return s;
    }

    private static long longOf(Properties p, String key) {
        try {
            return Long.parseLong(p.getProperty(key, "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Reads and writes the state file of a state folder. */
    public static final class Store {

        private final Path file;

        public Store(Path stateDir) {
            this.file = stateDir.resolve(FILE_NAME);
        }

        public Path file() {
            return file;
        }

        public Optional<RunState> load() {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(read(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new LauncherException("cannot read " + file + ": " + e.getMessage());
            }
        }

        /** Writes atomically (temp file + rename), so a reader never sees half a file. */
        public synchronized void save(RunState state) {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
                Files.deleteIfExists(tmp);
                try {
                    // it holds the admin key: readable by the owner only
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(tmp);
                }
                Files.writeString(tmp, state.write(), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new LauncherException("cannot write " + file + ": " + e.getMessage());
            }
        }

        public synchronized void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new LauncherException("cannot delete " + file + ": " + e.getMessage());
            }
        }
    }
}
