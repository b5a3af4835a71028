package dev.jwc.text.component;

/**
 * How core items may be referred to where their sort is implied (canonical options, resource
 * destructors, built-in operands). {@link #STRICT} is what the spec and wasm-tools require by default:
 * {@code idx} or {@code (core sort idx "name"?)}. {@link #LEGACY} also accepts {@code idx "name"} and
 * {@code (sort idx "name"?)}, as wasm-tools does with {@code WAST_STRICT_COMPONENT_INDICES=0}.
 */
public enum IndexSyntax {
    STRICT,
    LEGACY
}
