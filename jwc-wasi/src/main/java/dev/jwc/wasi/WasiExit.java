package dev.jwc.wasi;

/** Thrown through the guest by {@code wasi:cli/exit}: ends the command with {@link #code()}. */
public final class WasiExit extends RuntimeException {
    private final int code;

    public WasiExit(int code) {
        super("exit with code " + code, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
