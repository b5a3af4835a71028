package dev.jwc.wit.print;

/** Indented lines of text; blank lines never carry indentation or trailing spaces. */
final class Output {
    private static final String INDENT = "  ";

    private final StringBuilder text = new StringBuilder();
    private int depth;

    void line(String content) {
        if (!content.isEmpty()) {
            text.append(INDENT.repeat(depth)).append(content);
        }
        text.append('\n');
    }

    void blank() {
        text.append('\n');
    }

    void indent() {
        depth++;
    }

    void dedent() {
        depth--;
    }

    /** The text, ending in exactly one newline: a block's trailing blank line does not outlast the file. */
    @Override
    public String toString() {
        int end = text.length();
        while (end > 1 && text.charAt(end - 1) == '\n' && text.charAt(end - 2) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }
}
