/**
 * The component runtime: instantiation of component graphs, the Canonical ABI and the embedding API.
 * Chicory runs core wasm and stays behind {@code dev.jwc.runtime.core.CoreEngine}.
 */
module dev.jwc.runtime {
    requires transitive dev.jwc.types;
    requires transitive dev.jwc.binary;
    requires com.dylibso.chicory.runtime;
    requires com.dylibso.chicory.wasm;
    requires com.dylibso.chicory.compiler;

    exports dev.jwc.runtime;
}
