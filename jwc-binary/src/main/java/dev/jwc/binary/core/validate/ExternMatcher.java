package dev.jwc.binary.core.validate;

import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.binary.core.types.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import matching across two modules (the spec's external subtyping): whether an entity of type
 * {@code actual}, defined in the module described by {@code actualModule}, may satisfy an import of
 * type {@code expected} in {@code expectedModule}. Defined types are compared by iso-recursive
 * equivalence across the two modules' type sections.
 */
public final class ExternMatcher {
    private final ModuleInfo actualModule;
    private final TypeContext actualTypes;
    private final TypeContext expectedTypes;

    private ExternMatcher(ModuleInfo actualModule, ModuleInfo expectedModule) {
        this.actualModule = actualModule;
        // Both modules' types canonicalized together: equal types get equal ids, without recursion.
        Map<String, Integer> interner = new HashMap<>();
        this.actualTypes = canonicalize(actualModule, interner);
        this.expectedTypes = canonicalize(expectedModule, interner);
    }

    private static TypeContext canonicalize(ModuleInfo module, Map<String, Integer> interner) {
        TypeContext types = new TypeContext(interner);
        for (RecGroup group : module.recGroups()) {
            types.add(group);
        }
        return types;
    }

    /** Empty when {@code actual} matches {@code expected}, otherwise why not, in wasmparser's words. */
    public static Optional<String> mismatch(EntityType actual, ModuleInfo actualModule, EntityType expected,
            ModuleInfo expectedModule) {
        return new ExternMatcher(actualModule, expectedModule).check(actual, expected);
    }

    public static boolean matches(EntityType actual, ModuleInfo actualModule, EntityType expected,
            ModuleInfo expectedModule) {
        return mismatch(actual, actualModule, expected, expectedModule).isEmpty();
    }

    private Optional<String> check(EntityType actual, EntityType expected) {
        return switch (expected) {
            case EntityType.Func e -> actual instanceof EntityType.Func a
                    ? when(!sameType(a.typeIndex(), e.typeIndex()), "expected func type does not match")
                    : kindMismatch("func", actual);
            case TagType e -> actual instanceof TagType a
                    ? when(!sameType(a.typeIndex(), e.typeIndex()), "expected tag type does not match")
                    : kindMismatch("tag", actual);
            case GlobalType e -> actual instanceof GlobalType a ? global(a, e) : kindMismatch("global", actual);
            case TableType e -> actual instanceof TableType a ? table(a, e) : kindMismatch("table", actual);
            case MemoryType e -> actual instanceof MemoryType a ? memory(a, e) : kindMismatch("memory", actual);
        };
    }

    private static Optional<String> kindMismatch(String expected, EntityType actual) {
        String found = switch (actual) {
            case EntityType.Func f -> "func";
            case TagType t -> "tag";
            case GlobalType g -> "global";
            case TableType t -> "table";
            case MemoryType m -> "memory";
        };
        return Optional.of("expected " + expected + ", found " + found);
    }

    private static Optional<String> when(boolean failed, String message) {
        return failed ? Optional.of(message) : Optional.empty();
    }

    private Optional<String> global(GlobalType actual, GlobalType expected) {
        if (actual.mutable() != expected.mutable()) {
            return Optional.of("global types differ in mutability");
        }
        if (actual.shared() != expected.shared()) {
            return Optional.of("global types differ in sharedness");
        }
        boolean ok = expected.mutable()
                ? sameValType(actual.type(), expected.type())
                : subtype(actual.type(), expected.type());
        return when(!ok, "expected global type " + expected.type().text() + ", found " + actual.type().text());
    }

    private Optional<String> table(TableType actual, TableType expected) {
        if (actual.table64() != expected.table64()) {
            return Optional.of("mismatch in index type used for tables");
        }
        if (actual.shared() != expected.shared()) {
            return Optional.of("mismatch in the shared flag for tables");
        }
        if (!sameValType(actual.element(), expected.element())) {
            return Optional.of("expected table element type " + expected.element().text() + ", found "
                    + actual.element().text());
        }
        return when(!limits(actual.limits(), expected.limits()), "table types incompatible");
    }

    private Optional<String> memory(MemoryType actual, MemoryType expected) {
        if (actual.memory64() != expected.memory64()) {
            return Optional.of("mismatch in index type used for memories");
        }
        if (actual.shared() != expected.shared()) {
            return Optional.of("mismatch in the shared flag for memories");
        }
        if (actual.effectivePageSizeLog2() != expected.effectivePageSizeLog2()) {
            return Optional.of("mismatch in page size for memories");
        }
        return when(!limits(actual.limits(), expected.limits()), "memory types incompatible");
    }

    /** The actual range must lie within the expected one. */
    private static boolean limits(Limits actual, Limits expected) {
        if (Long.compareUnsigned(actual.min(), expected.min()) < 0) {
            return false;
        }
        if (expected.max().isEmpty()) {
            return true;
        }
        return actual.max().isPresent()
                && Long.compareUnsigned(actual.max().getAsLong(), expected.max().getAsLong()) <= 0;
    }

    // ---- types across the two modules ----

    private boolean sameType(int actual, int expected) {
        return actualTypes.canonicalId(actual) == expectedTypes.canonicalId(expected);
    }

    private boolean sameValType(ValType a, ValType e) {
        return switch (a) {
            case NumType n -> n == e;
            case RefType r -> e instanceof RefType s && r.nullable() == s.nullable() && sameHeap(r.heap(), s.heap());
        };
    }

    private boolean sameHeap(HeapType a, HeapType e) {
        return switch (a) {
            case HeapType.Abstract x -> x.equals(e);
            case HeapType.Concrete x -> e instanceof HeapType.Concrete y && sameType(x.typeIndex(), y.typeIndex());
        };
    }

    /** Subtyping between value types of the two modules, for immutable globals. */
    private boolean subtype(ValType a, ValType e) {
        if (sameValType(a, e)) {
            return true;
        }
        if (!(a instanceof RefType ra) || !(e instanceof RefType re) || ra.nullable() && !re.nullable()) {
            return false;
        }
        return switch (re.heap()) {
            case HeapType.Abstract target -> switch (ra.heap()) {
                case HeapType.Abstract source -> source.shared() == target.shared()
                        && TypeContext.abstractSubtype(source.kind(), target.kind());
                case HeapType.Concrete source -> TypeContext.abstractSubtype(
                        kindOf(actualModule.types().get(source.typeIndex())), target.kind());
            };
            case HeapType.Concrete target -> ra.heap() instanceof HeapType.Concrete source
                    && declaredSupertypeMatches(source.typeIndex(), target.typeIndex());
        };
    }

    private boolean declaredSupertypeMatches(int actual, int expected) {
        int current = actual;
        for (int steps = 0; steps <= actualModule.types().size(); steps++) {
            if (sameType(current, expected)) {
                return true;
            }
            List<Integer> supers = actualModule.types().get(current).supertypes();
            if (supers.isEmpty()) {
                return false;
            }
            current = supers.get(0);
        }
        return false;
    }

    private static AbstractHeapKind kindOf(SubType type) {
        return switch (type.composite()) {
            case FuncType f -> AbstractHeapKind.FUNC;
            case CompositeType.Struct s -> AbstractHeapKind.STRUCT;
            case CompositeType.Array r -> AbstractHeapKind.ARRAY;
        };
    }
}
