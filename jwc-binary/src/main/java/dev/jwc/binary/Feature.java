package dev.jwc.binary;

import java.util.Locale;

/**
 * Optional WebAssembly and Component Model features, named as wasm-tools names them on its command
 * line ({@code -f cm-async,gc}). Each says whether it is on by default, as in wasmparser.
 */
public enum Feature {
    // Core WebAssembly.
    MUTABLE_GLOBAL("mutable-global", true),
    SATURATING_FLOAT_TO_INT("saturating-float-to-int", true),
    SIGN_EXTENSION("sign-extension", true),
    REFERENCE_TYPES("reference-types", true),
    MULTI_VALUE("multi-value", true),
    BULK_MEMORY("bulk-memory", true),
    SIMD("simd", true),
    RELAXED_SIMD("relaxed-simd", true),
    THREADS("threads", true),
    TAIL_CALL("tail-call", true),
    FLOATS("floats", true),
    MULTI_MEMORY("multi-memory", true),
    EXCEPTIONS("exceptions", true),
    MEMORY64("memory64", true),
    EXTENDED_CONST("extended-const", true),
    FUNCTION_REFERENCES("function-references", true),
    GC("gc", true),
    CUSTOM_PAGE_SIZES("custom-page-sizes", false),
    SHARED_EVERYTHING_THREADS("shared-everything-threads", false),
    LEGACY_EXCEPTIONS("legacy-exceptions", false),
    WIDE_ARITHMETIC("wide-arithmetic", false),
    STACK_SWITCHING("stack-switching", false),
    // Component Model.
    COMPONENT_MODEL("component-model", true),
    CM_VALUES("cm-values", false),
    CM_NESTED_NAMES("cm-nested-names", false),
    CM_ASYNC("cm-async", false),
    CM_ASYNC_STACKFUL("cm-async-stackful", false),
    CM_ASYNC_BUILTINS("cm-async-builtins", false),
    CM_MORE_ASYNC_BUILTINS("cm-more-async-builtins", false),
    CM_THREADING("cm-threading", false),
    CM_ERROR_CONTEXT("cm-error-context", false),
    CM_FIXED_LENGTH_LISTS("cm-fixed-length-lists", false),
    CM_GC("cm-gc", false),
    CM64("cm64", false),
    CM_MAP("cm-map", false),
    CM_IMPLEMENTS("cm-implements", false),
    CM_CANON_NAMES("cm-canon-names", false);

    private final String flagName;
    private final boolean enabledByDefault;

    Feature(String flagName, boolean enabledByDefault) {
        this.flagName = flagName;
        this.enabledByDefault = enabledByDefault;
    }

    /** The name used on command lines and in test directives. */
    public String flagName() {
        return flagName;
    }

    public boolean enabledByDefault() {
        return enabledByDefault;
    }

    /** The feature with the given flag name, or {@code null}. */
    public static Feature byFlagName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Feature f : values()) {
            if (f.flagName.equals(wanted)) {
                return f;
            }
        }
        return null;
    }
}
