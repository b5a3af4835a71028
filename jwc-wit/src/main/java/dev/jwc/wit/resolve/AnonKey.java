package dev.jwc.wit.resolve;

import dev.jwc.wit.model.TypeDefKind;

/**
 * The identity of an anonymous type for interning: its structure without docs. Two {@code list<u8>} written
 * in different places are one type.
 */
record AnonKey(TypeDefKind kind) {
    static AnonKey of(TypeDefKind kind) {
        return new AnonKey(switch (kind) {
            case TypeDefKind.Record r -> new TypeDefKind.Record(r.fields().stream()
                    .map(f -> new TypeDefKind.Field(f.name(), f.type(), dev.jwc.wit.model.Docs.NONE)).toList());
            case TypeDefKind.Variant v -> new TypeDefKind.Variant(v.cases().stream()
                    .map(c -> new TypeDefKind.Case(c.name(), c.type(), dev.jwc.wit.model.Docs.NONE)).toList());
            case TypeDefKind.Flags f -> new TypeDefKind.Flags(f.flags().stream()
                    .map(x -> new TypeDefKind.Flag(x.name(), dev.jwc.wit.model.Docs.NONE)).toList());
            case TypeDefKind.Enum e -> new TypeDefKind.Enum(e.cases().stream()
                    .map(x -> new TypeDefKind.EnumCase(x.name(), dev.jwc.wit.model.Docs.NONE)).toList());
            default -> kind;
        });
    }

}
