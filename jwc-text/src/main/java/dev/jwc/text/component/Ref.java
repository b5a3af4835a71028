package dev.jwc.text.component;

import dev.jwc.text.Position;
import java.util.List;

/**
 * An index as written, resolved later against a {@link Scope}: {@code $id}, a number, or a definition
 * the parser generated itself (an inline type lifted out of a type use), followed by the export names
 * of the {@code (func $i "a" "b")} alias sugar.
 */
sealed interface Ref {
    Position position();

    List<String> exportNames();

    record Named(String name, Position position, List<String> exportNames) implements Ref {
        public Named {
            exportNames = List.copyOf(exportNames);
        }
    }

    record Numbered(int index, Position position, List<String> exportNames) implements Ref {
        public Numbered {
            exportNames = List.copyOf(exportNames);
        }
    }

    /** A generated definition, identified by its key object. */
    record Generated(Object key, Position position) implements Ref {
        @Override
        public List<String> exportNames() {
            return List.of();
        }
    }

    /** The same reference without its export names. */
    default Ref base() {
        return switch (this) {
            case Named n -> new Named(n.name(), n.position(), List.of());
            case Numbered n -> new Numbered(n.index(), n.position(), List.of());
            case Generated g -> g;
        };
    }
}
