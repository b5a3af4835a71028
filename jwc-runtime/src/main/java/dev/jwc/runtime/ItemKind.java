package dev.jwc.runtime;

import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.Sort;

/** What a component import or export is. */
public enum ItemKind {
    FUNC, INSTANCE, TYPE, COMPONENT, CORE_MODULE, VALUE;

    static ItemKind of(Sort sort) {
        return switch (sort) {
            case ComponentSort c -> switch (c) {
                case FUNC -> FUNC;
                case INSTANCE -> INSTANCE;
                case TYPE -> TYPE;
                case COMPONENT -> COMPONENT;
                case VALUE -> VALUE;
            };
            case CoreSort c when c == CoreSort.MODULE -> CORE_MODULE;
            case CoreSort c -> throw new IllegalArgumentException("core " + c.keyword() + " is not a component item");
        };
    }
}
