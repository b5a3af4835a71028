package dev.jwc.wit.syntax;

import java.util.HashMap;
import java.util.Map;

/** The kinds of WIT tokens, with the words wit-parser uses to describe them in errors. */
public enum TokenKind {
    WHITESPACE("whitespace"), COMMENT("a comment"),
    EQUALS("'='"), COMMA("','"), COLON("':'"), PERIOD("'.'"), SEMICOLON("';'"),
    LEFT_PAREN("'('"), RIGHT_PAREN("')'"), LEFT_BRACE("'{'"), RIGHT_BRACE("'}'"),
    LESS_THAN("'<'"), GREATER_THAN("'>'"), R_ARROW("`->`"), STAR("`*`"), AT("`@`"), SLASH("`/`"),
    PLUS("`+`"), MINUS("`-`"),
    USE(true, "use"), TYPE(true, "type"), FUNC(true, "func"),
    U8(true, "u8"), U16(true, "u16"), U32(true, "u32"), U64(true, "u64"),
    S8(true, "s8"), S16(true, "s16"), S32(true, "s32"), S64(true, "s64"),
    F32(true, "f32"), F64(true, "f64"), CHAR(true, "char"),
    RECORD(true, "record"), RESOURCE(true, "resource"), OWN(true, "own"), BORROW(true, "borrow"),
    FLAGS(true, "flags"), VARIANT(true, "variant"), ENUM(true, "enum"), BOOL(true, "bool"),
    STRING(true, "string"), OPTION(true, "option"), RESULT(true, "result"), FUTURE(true, "future"),
    STREAM(true, "stream"), ERROR_CONTEXT(true, "error-context"), LIST(true, "list"), MAP(true, "map"),
    UNDERSCORE(true, "_"), AS(true, "as"), FROM(true, "from"), STATIC(true, "static"),
    INTERFACE(true, "interface"), TUPLE(true, "tuple"), IMPORT(true, "import"), EXPORT(true, "export"),
    WORLD(true, "world"), PACKAGE(true, "package"), CONSTRUCTOR(true, "constructor"), ASYNC(true, "async"),
    INCLUDE(true, "include"), WITH(true, "with"),
    ID("an identifier"), EXPLICIT_ID("an '%' identifier"), INTEGER("an integer");

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind kind : values()) {
            if (kind.keyword != null) {
                KEYWORDS.put(kind.keyword, kind);
            }
        }
    }

    private final String keyword;
    private final String description;

    TokenKind(String description) {
        this.keyword = null;
        this.description = description;
    }

    TokenKind(boolean isKeyword, String keyword) {
        this.keyword = keyword;
        this.description = "keyword `" + keyword + "`";
    }

    public String describe() {
        return description;
    }

    /** The keyword spelled {@code word}, or {@link #ID} for any other word. */
    static TokenKind ofWord(String word) {
        return KEYWORDS.getOrDefault(word, ID);
    }
}
