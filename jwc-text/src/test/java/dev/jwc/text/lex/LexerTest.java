package dev.jwc.text.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    @Test
    void classifiesTokensWithPositions() {
        List<Token> tokens = Lexer.tokenize("(module $m\n  (func $\"a b\" i32.const -0x_1 1.5e3 inf nan:0x1 $ \"x\"y))");
        assertThat(tokens).extracting(t -> t.getClass().getSimpleName()).containsExactly(
                "LParen", "Keyword", "Id", "LParen", "Keyword", "Id", "Keyword", "Reserved", "FloatLiteral",
                "FloatLiteral", "FloatLiteral", "Reserved", "Reserved", "RParen", "RParen");
        assertThat(tokens.get(5)).isEqualTo(new Token.Id("a b", new Position(2, 9)));
        assertThat(tokens.get(2)).isEqualTo(new Token.Id("m", new Position(1, 9)));
    }

    @Test
    void integers() {
        for (String s : List.of("0", "-1", "+1_000", "0xFF_ff", "-0x0")) {
            assertThat(Lexer.tokenize(s)).singleElement().isInstanceOf(Token.IntegerLiteral.class);
        }
        for (String s : List.of("1__0", "_1", "1_", "0x", "0x_1")) {
            assertThat(Lexer.tokenize(s)).singleElement().isNotInstanceOf(Token.IntegerLiteral.class);
        }
    }

    @Test
    void floats() {
        for (String s : List.of("1.", "1.5", "1e5", "1E-5", "0x1p3", "0x1.8P+3", "0x1.", "-inf",
                "+nan", "nan:0xabc", "1_0.0_1e+1_0")) {
            assertThat(Lexer.tokenize(s)).singleElement().isInstanceOf(Token.FloatLiteral.class);
        }
        assertThat(Lexer.tokenize(".5")).singleElement().isInstanceOf(Token.Reserved.class);
        assertThat(Lexer.tokenize("1.e")).singleElement().isInstanceOf(Token.Reserved.class);
    }

    @Test
    void stringEscapesAndRawBytes() {
        Token t = Lexer.tokenize("\"\\t\\n\\r\\\"\\'\\\\\\00\\ff\\u{1F600}é\"").get(0);
        byte[] expected = concat(new byte[] {9, 10, 13, '"', '\'', '\\', 0, (byte) 0xff},
                "\uD83D\uDE00é".getBytes(StandardCharsets.UTF_8));
        assertThat(((Token.StringLiteral) t).bytes()).isEqualTo(expected);
    }

    @Test
    void commentsAndAnnotations() {
        List<Token> tokens = Lexer.tokenize(";; line\n(; outer (; inner ;) still ;) (@custom \"x\") (@\"q n\"");
        assertThat(tokens).hasSize(4);
        assertThat(tokens.get(0)).isEqualTo(new Token.AnnotationStart("custom", new Position(2, 31)));
        assertThat(tokens.get(3)).isEqualTo(new Token.AnnotationStart("q n", new Position(2, 45)));
    }

    @Test
    void errorsHavePositions() {
        assertThatThrownBy(() -> Lexer.tokenize("\n  \"abc")).isInstanceOf(TextException.class)
                .hasMessage("2:3: unterminated string");
        assertThatThrownBy(() -> Lexer.tokenize("(; (; ;)")).hasMessage("1:1: unterminated block comment");
        assertThatThrownBy(() -> Lexer.tokenize("\"\\q\"")).hasMessage("1:2: invalid string escape");
        assertThatThrownBy(() -> Lexer.tokenize("\"\\u{D800}\"")).hasMessageContaining("not a Unicode scalar");
        assertThatThrownBy(() -> Lexer.tokenize("a ; b")).hasMessage("1:3: unexpected character ';'");
        assertThatThrownBy(() -> Lexer.tokenize("$\"\\ff\"")).hasMessageContaining("malformed UTF-8");
        assertThatThrownBy(() -> Lexer.tokenize("$\"\"")).hasMessageContaining("empty identifier");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
