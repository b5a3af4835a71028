package dev.jwc.text.lex;

import dev.jwc.text.Position;
import java.util.Arrays;
import java.util.Optional;

/** One token of the WebAssembly text format; comments and white space are not tokens. */
public sealed interface Token {
    Position position();

    /** The token as written in the source (for messages). */
    String source();

    /** {@code (} */
    record LParen(Position position) implements Token {
        public String source() {
            return "(";
        }
    }

    /** {@code )} */
    record RParen(Position position) implements Token {
        public String source() {
            return ")";
        }
    }

    /** {@code (@name}: the start of an annotation; {@code name} is already unquoted. */
    record AnnotationStart(String name, Position position) implements Token {
        public String source() {
            return "(@" + name;
        }
    }

    /** A keyword: starts with a lower-case letter, e.g. {@code i32.add} or {@code offset=8}. */
    record Keyword(String text, Position position) implements Token {
        public String source() {
            return text;
        }
    }

    /** An identifier, {@code $name} or {@code $"name"}; {@code name} excludes the {@code $}. */
    record Id(String name, Position position) implements Token {
        public String source() {
            return "$" + name;
        }
    }

    /** A string literal; {@code bytes} holds the decoded value (any bytes, not necessarily UTF-8). */
    record StringLiteral(byte[] bytes, String source, Position position) implements Token {
        public StringLiteral {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StringLiteral s && Arrays.equals(bytes, s.bytes)
                    && source.equals(s.source) && position.equals(s.position);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + position.hashCode();
        }

        @Override
        public String toString() {
            return "StringLiteral[" + source + " @" + position + "]";
        }

        /** The value as UTF-8 text, or empty when it is not valid UTF-8. */
        public Optional<String> utf8() {
            return Utf8.decode(bytes);
        }
    }

    /** An integer literal ({@code 42}, {@code -0x_ff}, {@code 1_000}); also valid where a float is expected. */
    record IntegerLiteral(String text, Position position) implements Token {
        public String source() {
            return text;
        }
    }

    /** A float literal ({@code 1.5e3}, {@code 0x1p-2}, {@code -inf}, {@code nan:0x200000}). */
    record FloatLiteral(String text, Position position) implements Token {
        public String source() {
            return text;
        }
    }

    /** Any other run of identifier characters and strings, e.g. {@code $} or {@code "a""b"}. */
    record Reserved(String text, Position position) implements Token {
        public String source() {
            return text;
        }
    }
}
