package dev.jwc.binary.component;

import java.util.List;

/** An instance type: its declarators in order. */
public record InstanceType(List<InstanceDecl> decls) implements TypeDef {
    public InstanceType {
        decls = List.copyOf(decls);
    }
}
