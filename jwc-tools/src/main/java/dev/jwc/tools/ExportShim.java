package dev.jwc.tools;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import java.util.Optional;

/**
 * The component through which an exported interface gets its names: the interface's instance type replayed as
 * definitions, each exported type exported, each function imported as {@code import-func-<name>} (the lifted
 * core export) and exported under its name. Instance-type indices and component indices agree because each
 * declaration becomes one definition of the same index space.
 */
final class ExportShim {
    private ExportShim() {}

    static Component of(InstanceType type) {
        ComponentBuilder b = new ComponentBuilder();
        for (InstanceDecl decl : type.decls()) {
            switch (decl) {
                case InstanceDecl.CoreTypeDecl d -> b.coreType(d.type());
                case InstanceDecl.TypeDecl d -> b.type(d.type());
                case InstanceDecl.AliasDecl d -> b.alias(d.alias());
                case InstanceDecl.ExportDecl d -> {
                    switch (d.type()) {
                        case ExternType.Type(ExternType.TypeBound.Eq(int target)) ->
                                b.export(new Export(d.name(), ComponentSort.TYPE, target, Optional.empty()));
                        case ExternType.Func f -> {
                            int imported = b.importing(new Import(ExternName.of("import-func-" + d.name().name()), f));
                            b.export(new Export(d.name(), ComponentSort.FUNC, imported, Optional.of(f)));
                        }
                        default -> throw new ToolsException("exporting `" + d.name().name()
                                + "` from an interface is not supported yet (resources)");
                    }
                }
            }
        }
        return b.build();
    }
}
