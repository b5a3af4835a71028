package dev.jwc.runtime.core;

import java.util.Optional;

/** A core instance: a module instance or a bag of exports. */
public interface CoreInstance {

    /** The export named {@code name}, if any. */
    Optional<CoreExtern> export(String name);
}
