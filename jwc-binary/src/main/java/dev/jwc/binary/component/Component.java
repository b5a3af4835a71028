package dev.jwc.binary.component;

import java.util.List;

/**
 * A decoded component: its sections in binary order. Order matters because each definition extends an
 * index space; the same section kind may repeat and custom sections stay where they were.
 */
public record Component(List<Section> sections) implements WasmBinary {
    public Component {
        sections = List.copyOf(sections);
    }
}
