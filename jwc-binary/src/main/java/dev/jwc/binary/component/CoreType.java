package dev.jwc.binary.component;

import java.util.List;

/**
 * A core type defined in a component ({@code core:deftype}): a recursion group of GC-style subtypes
 * (a plain function type is a one-element implicit group) or a module type.
 */
public sealed interface CoreType {

    /**
     * A recursion group. {@code explicit} says it was written with the {@code 0x4e} prefix; an implicit
     * group holds exactly one subtype.
     */
    record Rec(List<CoreSubType> types, boolean explicit) implements CoreType {
        public Rec {
            types = List.copyOf(types);
            if (!explicit && types.size() != 1) {
                throw new IllegalArgumentException("an implicit recursion group holds exactly one type");
            }
        }

        /** A single type outside any explicit {@code rec}. */
        public static Rec of(CoreSubType type) {
            return new Rec(List.of(type), false);
        }
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
        record Import(String module, String name, CoreExternType type) implements ModuleDecl {
        }

        /** {@code 0x01 core:type}. */
        record TypeDecl(CoreType type) implements ModuleDecl {
        }

        /** {@code 0x02 0x10 0x01 ct idx}: {@code (alias outer ct idx (type))}. */
        record OuterAlias(int count, int index) implements ModuleDecl {
        }

        /** {@code 0x03 core:exportdecl}. */
        record Export(String name, CoreExternType type) implements ModuleDecl {
        }
    }
}
