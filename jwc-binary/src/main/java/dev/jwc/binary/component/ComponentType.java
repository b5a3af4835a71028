package dev.jwc.binary.component;

import java.util.List;

/** A component type: its declarators in order. */
public record ComponentType(List<ComponentDecl> decls) implements TypeDef {
    public ComponentType {
        decls = List.copyOf(decls);
    }
}
