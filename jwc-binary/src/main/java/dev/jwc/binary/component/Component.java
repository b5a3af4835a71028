package dev.jwc.binary.component;

import java.util.List;
import java.util.stream.Stream;

/**
 * A decoded component: its sections in binary order. Order matters because each definition extends an
 * index space; the same section kind may repeat and custom sections stay where they were.
 */
public record Component(List<Section> sections) implements WasmBinary {
    public Component {
        sections = List.copyOf(sections);
    }

    /** Every import, across import sections, in order. */
    public List<Import> imports() {
        return sections.stream()
                .flatMap(s -> s instanceof Section.Imports i ? i.imports().stream() : Stream.empty())
                .toList();
    }

    /** Every export, across export sections, in order. */
    public List<Export> exports() {
        return sections.stream()
                .flatMap(s -> s instanceof Section.Exports e ? e.exports().stream() : Stream.empty())
                .toList();
    }
}
