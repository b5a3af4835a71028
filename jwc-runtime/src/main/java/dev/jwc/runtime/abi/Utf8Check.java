package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;

/** Strict UTF-8 validation with the error wording of Rust's {@code Utf8Error}, which Wasmtime reports. */
final class Utf8Check {
    private Utf8Check() {
    }

    static void check(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int lead = b[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int width;
            int lo = 0x80;
            int hi = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                width = 2;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                width = 3;
                lo = lead == 0xe0 ? 0xa0 : 0x80;
                hi = lead == 0xed ? 0x9f : 0xbf;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                width = 4;
                lo = lead == 0xf0 ? 0x90 : 0x80;
                hi = lead == 0xf4 ? 0x8f : 0xbf;
            } else {
                throw invalid(1, i);
            }
            for (int k = 1; k < width; k++) {
                if (i + k >= b.length) {
                    throw new Trap("incomplete utf-8 byte sequence from index " + i);
                }
                int c = b[i + k] & 0xff;
                int min = k == 1 ? lo : 0x80;
                int max = k == 1 ? hi : 0xbf;
                if (c < min || c > max) {
                    throw invalid(k, i);
                }
            }
            i += width;
        }
    }

    private static Trap invalid(int length, int index) {
        return new Trap("invalid utf-8 sequence of " + length + " bytes from index " + index);
    }
}
