package dev.jwc.binary.validate;

import dev.jwc.binary.core.types.SubType;

/** An entry of a component's core type index space: a core defined type or a module type. */
sealed interface CoreDefType {

    record Sub(SubType type) implements CoreDefType {
    }

    record Module(ModuleSignature type) implements CoreDefType {
    }
}
