package dev.jwc.binary.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.validate.DeferredBodies;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What one validation run shares: enabled features, fresh resource ids, renamed types and the current offset. */
final class Context {
    /** wasmparser's bound on the nesting of component and instance types and components. */
    static final int MAX_DEPTH = 100;
    /** Bound on how deeply value types nest ({@code list<list<...>>}). */
    static final int MAX_VALUE_TYPE_DEPTH = 100;
    /** Bound on how deeply any types nest, value types inside functions inside instances inside instances... */
    static final int MAX_TYPE_DEPTH = 500;
    /**
     * Bound on the type nodes one run may build by substitution. Instantiation copies the types it exports, and
     * nesting instances of instances lets a small binary ask for exponentially many copies; the bound keeps the
     * validator's time and memory proportional to it, whatever the input.
     */
    static final long MAX_TYPE_NODES = 2_000_000;

    final Features features;
    private final TypeSizes sizes = new TypeSizes();
    /** Core modules whose function bodies wait for the end of the component, as wasmparser checks them last. */
    private final List<DeferredBodies> bodies = new ArrayList<>();
    private long nextId;
    /** Each type an import or export renamed, to the type it renamed. */
    private final Map<ValueType, ValueType> renamedFrom = new IdentityHashMap<>();
    private long typeNodes;
    /** Absolute offset of the item being validated, for error positions. */
    long at;

    Context(Features features) {
        this.features = features;
    }

    /** Whether a feature is enabled; the threading feature builds on, and so implies, the async one. */
    boolean has(Feature f) {
        return features.has(f) || f == Feature.CM_ASYNC && features.has(Feature.CM_THREADING);
    }

    ResourceId freshResource() {
        long id = ++nextId;
        return new ResourceId(id, id);
    }

    /** Another name for the same resource. */
    ResourceId alias(ResourceId r) {
        return new ResourceId(r.id(), ++nextId);
    }

    /** Counts type nodes built by substitution, failing once the run exceeds {@link #MAX_TYPE_NODES}. */
    void countTypeNodes(int count) {
        typeNodes += count;
        if (typeNodes > MAX_TYPE_NODES) {
            throw fail("types too large: more than " + MAX_TYPE_NODES + " type nodes built by instantiation");
        }
    }

    void deferBodies(DeferredBodies module) {
        bodies.add(module);
    }

    /** Validates the function bodies of every core module met, in order. */
    void validateDeferredBodies() {
        bodies.forEach(DeferredBodies::validateFunctionBodies);
    }

    /**
     * Fails when {@code t} unfolds to a tree of {@link TypeSizes#LIMIT} nodes or more, or nests too deeply: value
     * types at most {@link #MAX_VALUE_TYPE_DEPTH} levels (Wasmtime's and wasmparser's bound), any type at most
     * {@link #MAX_TYPE_DEPTH} (instances of instances, functions over deep values).
     */
    <T extends TypeEntry> T checkSize(T t) {
        TypeSizes.Measure m = sizes.of(t);
        if (m.size() >= TypeSizes.LIMIT) {
            throw fail("effective type size exceeds the limit of " + TypeSizes.LIMIT);
        }
        int limit = t instanceof ValueType ? MAX_VALUE_TYPE_DEPTH : MAX_TYPE_DEPTH;
        if (m.depth() > limit) {
            throw fail("type nesting is too deep: more than " + limit + " levels");
        }
        return t;
    }

    ValidationException fail(String message) {
        return new ValidationException(message, at);
    }

    void require(Feature f, String message) {
        if (!has(f)) {
            throw fail(message);
        }
    }

    /** {@code renamed} is {@code original} under the new identity an import or export gave it. */
    void renamed(ValueType renamed, ValueType original) {
        renamedFrom.put(renamed, original);
    }

    /** The type {@code v} renames, or null when it renames none. */
    ValueType original(ValueType v) {
        return renamedFrom.get(v);
    }
}
