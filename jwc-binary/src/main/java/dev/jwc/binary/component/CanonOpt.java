package dev.jwc.binary.component;

/** A canonical option ({@code canonopt}). */
public sealed interface CanonOpt {

    /** {@code string-encoding=...}: 0x00 utf8, 0x01 utf16, 0x02 latin1+utf16. */
    enum StringEncoding implements CanonOpt {
        UTF8("utf8"),
        UTF16("utf16"),
        LATIN1_UTF16("latin1+utf16");

        private final String keyword;

        StringEncoding(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** {@code (memory m)}: a core memory index. */
    record Memory(int memory) implements CanonOpt {
    }

    /** {@code (realloc f)}: a core function index. */
    record Realloc(int func) implements CanonOpt {
    }

    /** {@code (post-return f)}: a core function index. */
    record PostReturn(int func) implements CanonOpt {
    }

    /** {@code async} 🔀. */
    record Async() implements CanonOpt {
    }

    /** {@code (callback f)} 🔀: a core function index. */
    record Callback(int func) implements CanonOpt {
    }

    /** {@code (core-type t)}: the core function type to lower to (cm-gc). */
    record CoreType(int type) implements CanonOpt {
    }

    /** {@code gc}: use the GC flavour of the canonical ABI (cm-gc). */
    record Gc() implements CanonOpt {
    }
}
