package dev.jwc.wasi;

import java.nio.file.Path;
import java.util.Objects;

/** A host directory granted to the guest under {@code guestPath}, optionally read-only. */
public record Preopen(Path hostDir, String guestPath, boolean readOnly) {
    public Preopen {
        Objects.requireNonNull(hostDir, "hostDir");
        Objects.requireNonNull(guestPath, "guestPath");
    }

    /** Parses {@code HOST[::GUEST]}; the guest path defaults to the host path as written. */
    public static Preopen parse(String spec, boolean readOnly) {
        int sep = spec.indexOf("::");
        String host = sep < 0 ? spec : spec.substring(0, sep);
        String guest = sep < 0 ? spec : spec.substring(sep + 2);
        return new Preopen(Path.of(host), guest, readOnly);
    }
}
