package dev.jwc.binary.core.validate;

import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.StorageType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The defined types of a module with iso-recursive type equivalence (structurally identical types,
 * recursion group by recursion group, get the same canonical id) and the subtyping relation of the GC
 * proposal. Contexts sharing one interner give equal ids to equal types of different modules.
 */
final class TypeContext {
    private final List<SubType> types = new ArrayList<>();
    private final List<Integer> canonical = new ArrayList<>();
    private final List<Integer> depths = new ArrayList<>();
    private final Map<String, Integer> canonicalByKey;

    TypeContext() {
        this(new HashMap<>());
    }

    /** A context whose canonical ids come from {@code interner}, shared with other contexts. */
    TypeContext(Map<String, Integer> interner) {
        this.canonicalByKey = interner;
    }

    int size() {
        return types.size();
    }

    SubType get(int index) {
        return types.get(index);
    }

    List<SubType> all() {
        return List.copyOf(types);
    }

    /** The length of a type's chain of declared supertypes. */
    int depth(int index) {
        return depths.get(index);
    }

    /**
     * Adds a recursion group whose references have been checked to stay within it or point back,
     * giving each of its types a canonical id and a subtyping depth.
     */
    void add(RecGroup group) {
        int start = types.size();
        types.addAll(group.types());
        for (SubType t : group.types()) {
            depths.add(t.supertypes().isEmpty() ? 0 : depths.get(t.supertypes().get(0)) + 1);
        }
        StringBuilder groupKey = new StringBuilder();
        for (SubType t : group.types()) {
            appendKey(groupKey, t, start, types.size());
            groupKey.append(';');
        }
        for (int i = 0; i < group.types().size(); i++) {
            canonical.add(canonicalByKey.computeIfAbsent(groupKey + "#" + i, k -> canonicalByKey.size()));
        }
    }

    /** The canonical id of a type: equal ids mean equal types. */
    int canonicalId(int index) {
        return canonical.get(index);
    }

    boolean sameType(int a, int b) {
        return canonical.get(a).equals(canonical.get(b));
    }

    private void appendKey(StringBuilder key, SubType t, int groupStart, int groupEnd) {
        key.append(t.isFinal() ? 'F' : 'N').append(t.shared() ? 'S' : 'U').append('[');
        for (int s : t.supertypes()) {
            appendRef(key, s, groupStart, groupEnd);
        }
        key.append(']');
        switch (t.composite()) {
            case FuncType f -> {
                key.append("func(");
                f.params().forEach(p -> appendStorage(key, p, groupStart, groupEnd));
                key.append(")(");
                f.results().forEach(r -> appendStorage(key, r, groupStart, groupEnd));
                key.append(')');
            }
            case CompositeType.Struct s -> {
                key.append("struct(");
                s.fields().forEach(f -> appendField(key, f, groupStart, groupEnd));
                key.append(')');
            }
            case CompositeType.Array a -> {
                key.append("array(");
                appendField(key, a.element(), groupStart, groupEnd);
                key.append(')');
            }
        }
    }

    private void appendField(StringBuilder key, FieldType f, int groupStart, int groupEnd) {
        key.append(f.mutable() ? "mut " : "");
        appendStorage(key, f.storage(), groupStart, groupEnd);
    }

    private void appendStorage(StringBuilder key, StorageType s, int groupStart, int groupEnd) {
        switch (s) {
            case NumType n -> key.append(n.text());
            case PackedType p -> key.append(p.text());
            case RefType r -> {
                key.append(r.nullable() ? "(ref null " : "(ref ");
                switch (r.heap()) {
                    case HeapType.Abstract a -> key.append(a.text());
                    case HeapType.Concrete c -> appendRef(key, c.typeIndex(), groupStart, groupEnd);
                }
                key.append(')');
            }
        }
        key.append(' ');
    }

    private void appendRef(StringBuilder key, int index, int groupStart, int groupEnd) {
        if (index >= groupStart && index < groupEnd) {
            key.append("rec.").append(index - groupStart);
        } else {
            key.append("canon.").append(canonical.get(index));
        }
        key.append(' ');
    }

    // ---- subtyping ----

    boolean isSubtype(ValType a, ValType b) {
        if (a == null) {
            return true; // the unknown type of unreachable code matches anything
        }
        return switch (a) {
            case NumType n -> n == b;
            case RefType r -> b instanceof RefType rb && isSubtype(r, rb);
        };
    }

    boolean isSubtype(RefType a, RefType b) {
        return (!a.nullable() || b.nullable()) && isSubtype(a.heap(), b.heap());
    }

    boolean isSubtype(HeapType a, HeapType b) {
        return switch (a) {
            case HeapType.Abstract aa -> switch (b) {
                case HeapType.Abstract ab -> aa.shared() == ab.shared() && abstractSubtype(aa.kind(), ab.kind());
                case HeapType.Concrete cb -> aa.kind() == bottomOf(cb.typeIndex())
                        && aa.shared() == types.get(cb.typeIndex()).shared();
            };
            case HeapType.Concrete ca -> switch (b) {
                case HeapType.Abstract ab -> types.get(ca.typeIndex()).shared() == ab.shared()
                        && abstractSubtype(kindOf(ca.typeIndex()), ab.kind());
                case HeapType.Concrete cb -> concreteSubtype(ca.typeIndex(), cb.typeIndex());
            };
        };
    }

    private boolean concreteSubtype(int a, int b) {
        int current = a;
        for (int steps = 0; steps <= types.size(); steps++) {
            if (sameType(current, b)) {
                return true;
            }
            List<Integer> supers = types.get(current).supertypes();
            if (supers.isEmpty()) {
                return false;
            }
            current = supers.get(0);
        }
        return false;
    }

    static boolean abstractSubtype(AbstractHeapKind a, AbstractHeapKind b) {
        if (a == b) {
            return true;
        }
        if (a.top() != b.top()) {
            return false;
        }
        if (a == a.bottom() || b == b.top()) {
            return true;
        }
        return switch (a) {
            case I31, STRUCT, ARRAY -> b == AbstractHeapKind.EQ;
            default -> false;
        };
    }

    /** The abstract kind a defined type falls under: func, struct or array. */
    AbstractHeapKind kindOf(int typeIndex) {
        return switch (types.get(typeIndex).composite()) {
            case FuncType f -> AbstractHeapKind.FUNC;
            case CompositeType.Struct s -> AbstractHeapKind.STRUCT;
            case CompositeType.Array a -> AbstractHeapKind.ARRAY;
        };
    }

    AbstractHeapKind bottomOf(int typeIndex) {
        return kindOf(typeIndex).bottom();
    }

    /** The top abstract kind of a heap type's hierarchy. */
    AbstractHeapKind topOf(HeapType heap) {
        return switch (heap) {
            case HeapType.Abstract a -> a.kind().top();
            case HeapType.Concrete c -> kindOf(c.typeIndex()).top();
        };
    }


    /** Whether a subtype declaration's structure matches its supertype's. */
    boolean compositeMatches(CompositeType sub, CompositeType sup) {
        return switch (sub) {
            case FuncType f -> sup instanceof FuncType g && pointwise(g.params(), f.params())
                    && pointwise(f.results(), g.results());
            case CompositeType.Struct s -> {
                if (!(sup instanceof CompositeType.Struct t) || s.fields().size() < t.fields().size()) {
                    yield false;
                }
                for (int i = 0; i < t.fields().size(); i++) {
                    if (!fieldMatches(s.fields().get(i), t.fields().get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case CompositeType.Array a -> sup instanceof CompositeType.Array b && fieldMatches(a.element(), b.element());
        };
    }

    private boolean pointwise(List<ValType> a, List<ValType> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!isSubtype(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean fieldMatches(FieldType a, FieldType b) {
        if (a.mutable() != b.mutable()) {
            return false;
        }
        boolean covariant = storageSubtype(a.storage(), b.storage());
        return a.mutable() ? covariant && storageSubtype(b.storage(), a.storage()) : covariant;
    }

    private boolean storageSubtype(StorageType a, StorageType b) {
        return switch (a) {
            case PackedType p -> p == b;
            case ValType v -> b instanceof ValType w && isSubtype(v, w);
        };
    }

    /** Whether a local or field of this type has a default value (numbers and nullable references). */
    static boolean isDefaultable(ValType type) {
        return switch (type) {
            case NumType n -> true;
            case RefType r -> r.nullable();
        };
    }
}
