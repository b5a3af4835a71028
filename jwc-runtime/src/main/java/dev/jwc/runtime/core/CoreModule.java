package dev.jwc.runtime.core;

/** A compiled core module, opaque outside the engine. */
public interface CoreModule {
}
