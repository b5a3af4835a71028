package dev.jwc.binary.component;

/** A declarator of an instance type (also allowed in component types). */
public sealed interface InstanceDecl extends ComponentDecl {

    /** {@code 0x00 core:type}. */
    record CoreTypeDecl(CoreType type) implements InstanceDecl {
    }

    /** {@code 0x01 type}. */
    record TypeDecl(TypeDef type) implements InstanceDecl {
    }

    /** {@code 0x02 alias}. */
    record AliasDecl(Alias alias) implements InstanceDecl {
    }

    /** {@code 0x04 exportdecl}. */
    record ExportDecl(ExternName name, ExternType type) implements InstanceDecl {
    }
}
