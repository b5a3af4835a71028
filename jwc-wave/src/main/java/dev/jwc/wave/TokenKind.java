package dev.jwc.wave;

/** The kinds of WAVE tokens; the names are the ones wasm-wave prints in "unexpected token" errors. */
enum TokenKind {
    BRACE_OPEN("BraceOpen"),
    BRACE_CLOSE("BraceClose"),
    PAREN_OPEN("ParenOpen"),
    PAREN_CLOSE("ParenClose"),
    BRACKET_OPEN("BracketOpen"),
    BRACKET_CLOSE("BracketClose"),
    COLON("Colon"),
    COMMA("Comma"),
    NUMBER("Number"),
    LABEL_OR_KEYWORD("LabelOrKeyword"),
    CHAR("Char"),
    STRING("String"),
    MULTILINE_STRING("MultilineString"),
    END("end of input");

    private final String display;

    TokenKind(String display) {
        this.display = display;
    }

    String display() {
        return display;
    }
}
