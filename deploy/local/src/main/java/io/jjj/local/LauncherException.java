package io.jjj.local;

/** A failure the launcher explains to the user in one message (no stack trace). */
public class LauncherException extends RuntimeException {

    private final int exitCode;

    public LauncherException(String message) {
        this(message, 1);
    }

    public LauncherException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = 1;
    }

    public int exitCode() {
        return exitCode;
    }
}
