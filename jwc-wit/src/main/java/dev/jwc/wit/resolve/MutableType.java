package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeOwner;
import java.util.Optional;

/** A type definition while resolving: its kind and owner are rewritten as ids get remapped. */
final class MutableType {
    String name;
    TypeDefKind kind;
    TypeOwner owner;
    Docs docs;
    Stability stability;

    MutableType(String name, TypeDefKind kind, TypeOwner owner, Docs docs, Stability stability) {
        this.name = name;
        this.kind = kind;
        this.owner = owner;
        this.docs = docs;
        this.stability = stability;
    }

    MutableType copy() {
        return new MutableType(name, kind, owner, docs, stability);
    }

    TypeDef freeze() {
        return new TypeDef(Optional.ofNullable(name), kind, owner, docs, stability);
    }
}
