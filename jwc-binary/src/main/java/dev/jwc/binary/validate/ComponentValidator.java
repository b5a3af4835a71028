package dev.jwc.binary.validate;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentOffsets;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.io.DecodeException;

/**
 * Validates components against the Component Model's rules (Explainer.md, Binary.md,
 * CanonicalABI.md) and resolves their types. Messages follow wasmparser's wording; offsets point at
 * the offending item.
 */
public final class ComponentValidator {
    private ComponentValidator() {
    }

    /**
     * Decodes and validates a component or a core module.
     *
     * @throws DecodeException     when the binary is malformed
     * @throws ValidationException when it breaks a validation rule
     */
    public static Validated validate(byte[] bytes, Features features) {
        ComponentReader.Located read = ComponentReader.readWithOffsets(bytes, features);
        return switch (read.binary()) {
            case Component c -> new Validated.OfComponent(c, validate(c, read.offsets(), features));
            case CoreModuleBinary m -> new Validated.OfModule(m, validateModule(m, features));
        };
    }

    /**
     * Validates a decoded component and returns its type. Error offsets point into the component's encoding.
     *
     * @throws DecodeException     when it uses an encoding whose feature {@code features} leaves disabled
     * @throws ValidationException when it breaks a validation rule
     */
    public static ComponentSignature validate(Component component, Features features) {
        byte[] encoded = ComponentWriter.write(component);
        return validate(component, ComponentReader.readWithOffsets(encoded, features).offsets(), features);
    }

    /** Validates a core module (with the core validator, then the rules components add) and returns its type. */
    public static ModuleSignature validateModule(CoreModuleBinary module, Features features) {
        Context cx = new Context(features);
        cx.at = module.offset();
        CoreValidator.validate(module.module(), features);
        return CoreModules.signature(cx, module.module());
    }

    private static ComponentSignature validate(Component component, ComponentOffsets offsets, Features features) {
        Context cx = new Context(features);
        ComponentSignature signature = new ComponentWalker(cx).walk(component, null, offsets);
        cx.validateDeferredBodies();
        return signature;
    }
}
