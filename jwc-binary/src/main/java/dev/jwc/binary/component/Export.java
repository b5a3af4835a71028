package dev.jwc.binary.component;

import java.util.Optional;

/** An export definition: the exported item and an optional ascribed type. */
public record Export(ExternName name, Sort sort, int index, Optional<ExternType> ascribed) {
    public Export {
        SortRules.external(sort);
    }
}
