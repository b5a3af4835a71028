package dev.jwc.binary.validate;

/**
 * Where each section's payload of a component starts in the binary, so that errors found on the
 * decoded model can point back into the bytes. The binary has already been decoded successfully.
 */
final class SectionOffsets {
    private static final int PREAMBLE = 8;

    private SectionOffsets() {
    }

    /** Payload offsets of the sections of the component whose preamble starts at {@code start}. */
    static long[] of(byte[] bytes, long start, int sections) {
        long[] out = new long[sections];
        int pos = (int) start + PREAMBLE;
        for (int i = 0; i < sections && pos < bytes.length; i++) {
            pos++; // section id
            long size = 0;
            int shift = 0;
            int b;
            do {
                b = bytes[pos++] & 0xff;
                size |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            out[i] = pos;
            pos += (int) size;
        }
        return out;
    }
}
