package dev.jwc.binary.component;

import dev.jwc.binary.io.ByteReader;

/** The 8-byte preamble shared by core modules and components: magic, version and layer. */
enum Preamble {
    CORE_MODULE(0x01, 0x00),
    COMPONENT(0x0d, 0x01);

    static final int SIZE = 8;

    private final int version;
    private final int layer;

    Preamble(int version, int layer) {
        this.version = version;
        this.layer = layer;
    }

    byte[] bytes() {
        return new byte[] {0x00, 0x61, 0x73, 0x6d, (byte) version, (byte) (version >> 8), (byte) layer,
                (byte) (layer >> 8)};
    }

    /** Reads a preamble and tells which kind of binary follows. */
    static Preamble read(ByteReader r) {
        long start = r.offset();
        if (r.remaining() < 4) {
            throw r.error("unexpected end-of-file: magic header not detected");
        }
        if (r.u8() != 0x00 || r.u8() != 0x61 || r.u8() != 0x73 || r.u8() != 0x6d) {
            throw r.errorAt("magic header not detected: bad magic number", start);
        }
        long versionAt = r.offset();
        if (r.remaining() < 4) {
            throw r.error("unexpected end-of-file: no version and layer after the magic header");
        }
        int version = r.u8() | r.u8() << 8;
        int layer = r.u8() | r.u8() << 8;
        for (Preamble p : values()) {
            if (p.version == version && p.layer == layer) {
                return p;
            }
        }
        throw r.errorAt("unknown binary version and encoding combination: 0x" + Integer.toHexString(version)
                + " and 0x" + Integer.toHexString(layer), versionAt);
    }
}
