package dev.jwc.text.wast;

import java.util.List;

/** A parsed {@code .wast} script: its directives in order. */
public record WastScript(List<WastDirective> directives) {
    public WastScript {
        directives = List.copyOf(directives);
    }

    /** Parses a script; a file holding just a module is a script of one {@code Module} directive. */
    public static WastScript parse(String source) {
        return WastParser.parse(source);
    }
}
