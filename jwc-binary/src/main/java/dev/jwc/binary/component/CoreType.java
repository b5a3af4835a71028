package dev.jwc.binary.component;

import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.RecGroup;
import java.util.List;

/**
 * A core type defined in a component ({@code core:deftype}): a recursion group of the core type model
 * (a plain function type is a one-element implicit group) or a module type.
 */
public sealed interface CoreType {

    /** A recursion group, as core modules define them. */
    record Rec(RecGroup group) implements CoreType {
    }

    /** {@code (module decl*)}. */
    record Module(List<ModuleDecl> decls) implements CoreType {
        public Module {
            decls = List.copyOf(decls);
        }
    }

    /** A module type declarator. */
    sealed interface ModuleDecl {
        /** {@code 0x00 core:import}. */
        record Import(dev.jwc.binary.core.Import imported) implements ModuleDecl {
        }

        /** {@code 0x01 core:type}: a recursion group (module types do not nest). */
        record TypeDecl(RecGroup group) implements ModuleDecl {
        }

        /** {@code 0x02 0x10 0x01 ct idx}: {@code (alias outer ct idx (type))}. */
        record OuterAlias(int count, int index) implements ModuleDecl {
        }

        /** {@code 0x03 core:exportdecl}. */
        record Export(String name, EntityType type) implements ModuleDecl {
        }
    }
}
