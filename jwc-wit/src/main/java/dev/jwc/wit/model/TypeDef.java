package dev.jwc.wit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A type definition of the arena: a named type of an interface or world ({@code record}, {@code resource},
 * {@code type x = ...}, ...), or an anonymous type written inline ({@code list<u8>}, {@code own<r>}, ...).
 *
 * @param name  the declared name; empty for anonymous types
 * @param owner where it was declared; {@link TypeOwner#NONE} for anonymous types
 */
public record TypeDef(Optional<String> name, TypeDefKind kind, TypeOwner owner, Docs docs, Stability stability) {
    public TypeDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(stability, "stability");
    }

    /** An anonymous type, such as {@code list<u8>}. */
    public static TypeDef anonymous(TypeDefKind kind) {
        return new TypeDef(Optional.empty(), kind, TypeOwner.NONE, Docs.NONE, Stability.UNKNOWN);
    }

    /** A named type of {@code owner}. */
    public static TypeDef named(String name, TypeDefKind kind, TypeOwner owner, Docs docs, Stability stability) {
        return new TypeDef(Optional.of(name), kind, owner, docs, stability);
    }

    public TypeDef withKind(TypeDefKind newKind) {
        return new TypeDef(name, newKind, owner, docs, stability);
    }
}
