package dev.jwc.binary.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.StorageType;
import dev.jwc.binary.core.types.SubType;
import java.util.function.IntPredicate;

/** The rules components apply to the core types they define or import: features, indices, limits. */
final class CoreTypeRules {
    private static final long MAX_PAGES_32 = 1L << 16;
    private static final long MAX_PAGES_64 = 1L << 48;

    private CoreTypeRules() {
    }

    /**
     * Checks a core defined type. {@code count} is the size of the type index space it may refer to and
     * {@code isModule} tells which of those entries are module types, which value types cannot name.
     */
    static void subType(Context cx, SubType sub, int count, IntPredicate isModule) {
        switch (sub.composite()) {
            case FuncType f -> {
                f.params().forEach(t -> storage(cx, t, count, isModule));
                f.results().forEach(t -> storage(cx, t, count, isModule));
            }
            case CompositeType.Struct s -> s.fields().forEach(f -> field(cx, f, count, isModule));
            case CompositeType.Array a -> field(cx, a.element(), count, isModule);
        }
    }

    /**
     * Checks the declared supertype of the defined type at {@code index}, once its recursion group is in
     * {@code space}: it must come before the type and must not be final.
     */
    static void supertypes(Context cx, SubType sub, int index, CoreTypeSpace space) {
        if (sub.supertypes().size() > 1) {
            throw cx.fail("multiple supertypes not supported");
        }
        for (int s : sub.supertypes()) {
            if (Integer.compareUnsigned(s, index) >= 0) {
                throw cx.fail("unknown type " + Integer.toUnsignedString(s) + ": type index out of bounds");
            }
            SubType sup = space.at(s).orElseThrow(() -> cx.fail("type index " + s + " is a module type"));
            if (sup.isFinal()) {
                throw cx.fail("sub type cannot have a final super type");
            }
        }
    }

    private static void field(Context cx, FieldType f, int count, IntPredicate isModule) {
        storage(cx, f.storage(), count, isModule);
    }

    private static void storage(Context cx, StorageType t, int count, IntPredicate isModule) {
        if (t == NumType.V128) {
            cx.require(Feature.SIMD, "SIMD support is not enabled");
        }
        if (t instanceof RefType r) {
            if (r.heap() instanceof HeapType.Concrete c) {
                if (c.typeIndex() < 0 || c.typeIndex() >= count) {
                    throw cx.fail("unknown type " + Integer.toUnsignedString(c.typeIndex())
                            + ": type index out of bounds");
                }
                if (isModule.test(c.typeIndex())) {
                    throw cx.fail("type index " + c.typeIndex() + " is a module type");
                }
            }
            cx.require(Feature.REFERENCE_TYPES, "reference types support is not enabled");
        }
    }

    static void memory(Context cx, MemoryType m) {
        long max = m.memory64() ? MAX_PAGES_64 : MAX_PAGES_32 << 16 >> m.effectivePageSizeLog2();
        boolean tooBig = Long.compareUnsigned(m.limits().min(), max) > 0
                || m.limits().max().isPresent() && Long.compareUnsigned(m.limits().max().getAsLong(), max) > 0;
        if (tooBig) {
            throw cx.fail(m.memory64() ? "memory size must be at most 2**48 pages"
                    : "memory size must be at most " + max + " pages (4GiB)");
        }
    }
}
