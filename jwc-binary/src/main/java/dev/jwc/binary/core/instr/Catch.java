package dev.jwc.binary.core.instr;

/** One catch clause of {@code try_table}. {@code tag} is meaningless for the {@code catch_all} kinds. */
public record Catch(Kind kind, int tag, int label) {

    public enum Kind {
        CATCH(0x00, "catch", true, false),
        CATCH_REF(0x01, "catch_ref", true, true),
        CATCH_ALL(0x02, "catch_all", false, false),
        CATCH_ALL_REF(0x03, "catch_all_ref", false, true);

        private final int code;
        private final String text;
        private final boolean hasTag;
        private final boolean pushesExnRef;

        Kind(int code, String text, boolean hasTag, boolean pushesExnRef) {
            this.code = code;
            this.text = text;
            this.hasTag = hasTag;
            this.pushesExnRef = pushesExnRef;
        }

        public int code() {
            return code;
        }

        public String text() {
            return text;
        }

        public boolean hasTag() {
            return hasTag;
        }

        public boolean pushesExnRef() {
            return pushesExnRef;
        }

        /** The kind encoded by {@code code}, or {@code null}. */
        public static Kind fromCode(int code) {
            return code >= 0 && code < values().length ? values()[code] : null;
        }
    }
}
