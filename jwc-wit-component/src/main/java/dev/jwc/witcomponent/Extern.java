package dev.jwc.witcomponent;

/** What an import, an export or an index-space slot holds, as far as WIT cares. */
sealed interface Extern {

    /** A function of type {@code type}. */
    record Func(TypeEntry.Func type) implements Extern {}

    /** An instance whose exports are {@code body.exports}. */
    record Instance(Scope body) implements Extern {}

    /** A type. */
    record Type(TypeEntry type) implements Extern {}

    /** A component of type {@code type}. */
    record Component(TypeEntry.Component type) implements Extern {}

    /** A component defined inside another, with the scope it was defined in (for its outer aliases). */
    record Nested(dev.jwc.binary.component.Component component, Scope parent) implements Extern {}

    /** A core module or a value: no WIT meaning. */
    record Other() implements Extern {}
}
