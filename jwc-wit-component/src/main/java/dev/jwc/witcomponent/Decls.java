package dev.jwc.witcomponent;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.ComponentDecl;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.wit.model.TypeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The declarators of a component or instance type being encoded, with the sizes of its index spaces. */
final class Decls {
    private final List<ComponentDecl> decls = new ArrayList<>();
    private int types;
    private int instances;
    /** The type index each WIT type already has in this scope. */
    final Map<TypeId, Integer> typeIndex = new HashMap<>();
    /** Function types are defined once per scope and shared by every function of that signature. */
    final Map<FuncType, Integer> funcTypes = new HashMap<>();

    int define(TypeDef def) {
        decls.add(new InstanceDecl.TypeDecl(def));
        return types++;
    }

    int alias(Alias alias) {
        decls.add(new InstanceDecl.AliasDecl(alias));
        return types++;
    }

    /** Imports or exports {@code name}; returns the index the item gets in its index space. */
    int declare(boolean isImport, String name, ExternType type) {
        return declare(isImport, ExternName.of(name), type);
    }

    /** Imports or exports under a name that may carry attributes. */
    int declare(boolean isImport, ExternName n, ExternType type) {
        decls.add(isImport ? new ComponentDecl.ImportDecl(new Import(n, type)) : new InstanceDecl.ExportDecl(n, type));
        return switch (type) {
            case ExternType.Type t -> types++;
            case ExternType.Instance i -> instances++;
            default -> -1;
        };
    }

    ComponentType toComponentType() {
        return new ComponentType(decls);
    }

    InstanceType toInstanceType() {
        List<InstanceDecl> out = new ArrayList<>();
        for (ComponentDecl d : decls) {
            if (!(d instanceof InstanceDecl i)) {
                throw new IllegalStateException("an instance type cannot import");
            }
            out.add(i);
        }
        return new InstanceType(out);
    }
}
