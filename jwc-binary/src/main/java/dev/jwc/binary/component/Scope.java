package dev.jwc.binary.component;

import dev.jwc.binary.Features;
import dev.jwc.binary.io.ByteReader;

/**
 * What decoding depends on beyond the bytes: the enabled features (a few encodings exist only with
 * their feature, as in wasmparser) and how deeply components and types are nested, which is bounded to
 * keep recursion safe on untrusted input.
 */
record Scope(Features features, int depth) {
    /** Deepest nesting of components and component/instance types accepted. */
    static final int MAX_NESTING = 100;

    static Scope top(Features features) {
        return new Scope(features, 0);
    }

    /** The scope of a nested component or component/instance type starting at {@code r}. */
    Scope inner(ByteReader r) {
        if (depth + 1 > MAX_NESTING) {
            throw r.error("nesting too deep: more than " + MAX_NESTING + " nested components or types");
        }
        return new Scope(features, depth + 1);
    }
}
