package dev.jwc.binary.validate;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.CoreModuleBinary;

/** A binary that passed validation, with the type validation resolved for it. */
public sealed interface Validated {

    /** A component and its resolved imports and exports. */
    record OfComponent(Component component, ComponentSignature type) implements Validated {
    }

    /** A core module and its resolved imports and exports. */
    record OfModule(CoreModuleBinary module, ModuleSignature type) implements Validated {
    }
}
