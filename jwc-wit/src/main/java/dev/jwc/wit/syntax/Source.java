package dev.jwc.wit.syntax;

import dev.jwc.wit.WitException;
import java.nio.file.Path;

/** The text of one WIT file and the path it is reported under; turns offsets into line and column. */
public record Source(Path path, String text) {

    /** A positioned error at character offset {@code offset} of this source. */
    public WitException error(int offset, String message) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < clamped; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = text.indexOf('\n', lineStart);
        String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        if (lineText.endsWith("\r")) {
            lineText = lineText.substring(0, lineText.length() - 1);
        }
        int column = text.codePointCount(lineStart, clamped) + 1;
        return new WitException(path, line, column, message, lineText);
    }
}
