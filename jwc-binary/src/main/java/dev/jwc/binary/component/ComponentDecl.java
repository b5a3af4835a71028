package dev.jwc.binary.component;

/** A declarator of a component type: an instance declarator or an import. */
public sealed interface ComponentDecl permits InstanceDecl, ComponentDecl.ImportDecl {

    /** {@code 0x03 importdecl}. */
    record ImportDecl(Import imported) implements ComponentDecl {
    }
}
