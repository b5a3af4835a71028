package dev.jwc.binary.core.validate;

import dev.jwc.binary.ValidationException;

/** A core module validated but for its function bodies, which {@link #validateFunctionBodies} checks. */
public final class DeferredBodies {
    private final ModuleInfo info;
    private final Runnable bodies;
    private boolean done;

    DeferredBodies(ModuleInfo info, Runnable bodies) {
        this.info = info;
        this.bodies = bodies;
    }

    /** The module's resolved view, valid as soon as the module-level checks passed. */
    public ModuleInfo info() {
        return info;
    }

    /**
     * Validates every function body (once; later calls return at once).
     *
     * @throws ValidationException at the first invalid instruction
     */
    public void validateFunctionBodies() {
        if (!done) {
            bodies.run();
            done = true;
        }
    }
}
