package dev.jwc.text.wast;

import dev.jwc.text.Position;
import dev.jwc.text.sexpr.SExpr;
import java.util.Arrays;
import java.util.Optional;

/** A module or component written in a script: as text, as {@code binary "..."} or as {@code quote "..."}. */
public sealed interface WastModule {
    enum Kind {
        MODULE,
        COMPONENT
    }

    Kind kind();

    /** The {@code $id} naming the module in the script, if any. */
    Optional<String> id();

    Position position();

    /**
     * A module in text form: {@code form} is the whole {@code (module ...)} or {@code (component ...)}
     * list (for a definition, the {@code definition} keyword stays in it, after the optional id).
     */
    record Text(Kind kind, Optional<String> id, SExpr.SList form, Position position) implements WastModule {}

    /** {@code (module $id? binary "..." ...)}: the concatenated bytes. */
    record Binary(Kind kind, Optional<String> id, byte[] bytes, Position position) implements WastModule {
        public Binary {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && kind == b.kind && id.equals(b.id) && Arrays.equals(bytes, b.bytes)
                    && position.equals(b.position);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + position.hashCode();
        }

        @Override
        public String toString() {
            return "Binary[" + kind + " " + id + ", " + bytes.length + " bytes @" + position + "]";
        }
    }

    /**
     * {@code (module quote "..." ...)}: {@code source} is the text to parse as a whole module or
     * component (the strings joined by spaces; for a component wrapped in {@code (component ...)}).
     */
    record Quote(Kind kind, Optional<String> id, String source, Position position) implements WastModule {}
}
