package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns doc comments into docs text and {@code @since}/{@code @unstable}/{@code @deprecated} into gates. */
final class DocsAndGates {
    private DocsAndGates() {}

    static Docs docs(Ast.Docs docs) {
        if (docs.comments().isEmpty()) {
            return Docs.NONE;
        }
        List<String> lines = new ArrayList<>();
        for (String comment : docs.comments()) {
            String contents = comment.startsWith("/**") ? comment.substring(3, comment.length() - 2)
                    : comment.replaceFirst("^/+", "");
            lines.add(contents.stripTrailing());
        }
        int minIndent = lines.stream().filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        String prefix = " ".repeat(minIndent);
        for (String line : lines) {
            String stripped = line.startsWith(prefix) ? line.substring(minIndent) : line;
            if (stripped.isEmpty()) {
                out.append('\n');
            } else {
                for (String l : stripped.split("\r?\n", -1)) {
                    out.append(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).append('\n');
                }
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return Docs.of(out.substring(0, end));
    }

    static Stability stability(List<Ast.Attribute> attrs) {
        if (attrs.isEmpty()) {
            return Stability.UNKNOWN;
        }
        if (attrs.size() == 1) {
            return switch (attrs.get(0)) {
                case Ast.Since s -> new Stability.Stable(s.version());
                case Ast.Unstable u -> new Stability.Unstable(u.feature().name());
                case Ast.Deprecated d -> throw d.span().error("must pair @deprecated with either @since or @unstable");
            };
        }
        if (attrs.size() == 2) {
            Ast.Attribute a = attrs.get(0);
            Ast.Attribute b = attrs.get(1);
            if (a instanceof Ast.Deprecated) {
                Ast.Attribute t = a;
                a = b;
                b = t;
            }
            if (b instanceof Ast.Deprecated d) {
                if (a instanceof Ast.Since s) {
                    return new Stability.Stable(s.version(), Optional.of(d.version()));
                }
                if (a instanceof Ast.Unstable u) {
                    return new Stability.Unstable(u.feature().name(), Optional.of(d.version()));
                }
            }
        }
        throw attrs.get(1).span().error("unsupported combination of attributes");
    }
}
