package dev.jwc.binary.validate;

import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.StorageType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The core types the {@code gc} canonical option passes component values as: scalars as numbers, strings and lists
 * as GC arrays, records and tuples as structs, variants as empty structs, handles as {@code externref}s. A lifted or
 * lowered function's core type (its {@code core-type}, or the lifted core function's type) must have them.
 * Messages follow wasmparser's.
 */
final class GcLowering {
    /** One component type and the core parameter, result, struct field or array element that carries it. */
    private record Slot(ValueType type, StorageType core, boolean field) {
        /** The value type of the slot; a packed field has none. */
        Optional<ValType> valType() {
            return core instanceof ValType v ? Optional.of(v) : Optional.empty();
        }
    }

    private final Context cx;
    private final CoreTypeSpace space;
    private final CanonOpt.StringEncoding encoding;

    private GcLowering(Context cx, CoreTypeSpace space, CanonOpt.StringEncoding encoding) {
        this.cx = cx;
        this.space = space;
        this.encoding = encoding;
    }

    /** Checks that {@code core}, whose references {@code space} resolves, carries {@code f}'s parameters and result. */
    static void check(Context cx, FunctionType f, FuncType core, CoreTypeSpace space,
            CanonOpt.StringEncoding encoding) {
        if (core.params().size() != f.params().size()) {
            throw cx.fail("declared `core-type` has " + core.params().size() + " parameters, but component function has "
                    + f.params().size() + " parameters");
        }
        int results = f.result().isPresent() ? 1 : 0;
        if (core.results().size() != results) {
            throw cx.fail("declared `core-type` has " + core.results().size() + " results, but component function has "
                    + results + " results");
        }
        GcLowering lowering = new GcLowering(cx, space, encoding);
        for (int i = 0; i < core.params().size(); i++) {
            lowering.walk(new Slot(f.params().get(i).type(), core.params().get(i), false));
        }
        f.result().ifPresent(r -> lowering.walk(new Slot(r, core.results().getFirst(), false)));
    }

    /** Checks a slot and everything inside it; iterative, as component types may nest deeply. */
    private void walk(Slot root) {
        Deque<Slot> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Slot slot = pending.pop();
            List<Slot> inner = slot(slot);
            for (int i = inner.size() - 1; i >= 0; i--) {
                pending.push(inner.get(i));
            }
        }
    }

    /** Checks one slot and returns the slots of the values inside it. */
    private List<Slot> slot(Slot s) {
        return switch (s.type()) {
            case ValueType.Primitive p -> {
                primitive(s, p);
                yield List.of();
            }
            case ValueType.ListOf l -> List.of(element(s, l.element()));
            case ValueType.FixedList l -> List.of(element(s, l.element()));
            case ValueType.MapOf m -> throw cx.fail("GC lowering for component `map` type is not yet implemented");
            case ValueType.Record r -> product(s, r.fields().stream().map(ValueType.Field::type).toList(), "record");
            case ValueType.Tuple t -> product(s, t.types(), "tuple");
            case ValueType.Variant v -> sum(s, "variant");
            case ValueType.Option o -> sum(s, "option");
            case ValueType.Result r -> sum(s, "result");
            case ValueType.Flags f -> scalar(s, "flags");
            case ValueType.Enum e -> scalar(s, "enum");
            case ValueType.Own o -> handle(s, "own");
            case ValueType.Borrow b -> handle(s, "borrow");
            case ValueType.Future f -> handle(s, "future");
            case ValueType.Stream st -> handle(s, "stream");
        };
    }

    private void primitive(Slot s, ValueType.Primitive p) {
        String kind = p.type().keyword();
        switch (p.type()) {
            case BOOL, S8, U8 -> small(s, kind, PackedType.I8);
            case S16, U16 -> small(s, kind, PackedType.I16);
            case S32, U32, CHAR -> number(s, kind, NumType.I32);
            case S64, U64 -> number(s, kind, NumType.I64);
            case F32 -> number(s, kind, NumType.F32);
            case F64 -> number(s, kind, NumType.F64);
            case STRING -> string(s);
            case ERROR_CONTEXT -> handle(s, kind);
        }
    }

    /** Small integers are {@code i32} parameters, or packed fields. */
    private void small(Slot s, String kind, PackedType packed) {
        boolean ok = s.field() ? s.core() == packed : s.core() == NumType.I32;
        if (!ok) {
            String expected = s.field() ? packed.text() : "i32";
            throw cx.fail("expected to lower component `" + kind + "` type to core `" + expected + "` type, found `"
                    + s.core().text() + "`");
        }
    }

    private void number(Slot s, String kind, NumType expected) {
        if (s.valType().orElse(null) != expected) {
            throw cx.fail("expected to lower component `" + kind + "` type to core `" + expected.text()
                    + "` type, found `" + s.core().text() + "`");
        }
    }

    private void string(Slot s) {
        PackedType unit = encoding == CanonOpt.StringEncoding.UTF16 ? PackedType.I16 : PackedType.I8;
        boolean ok = concrete(s).orElse(null) instanceof CompositeType.Array a && a.element().storage() == unit;
        if (!ok) {
            throw cx.fail("expected to lower component `string` type to core `(ref null? (array (mut? " + unit.text()
                    + ")))` type, found `" + s.core().text() + "`");
        }
    }

    private Slot element(Slot s, ValueType element) {
        if (concrete(s).orElse(null) instanceof CompositeType.Array a) {
            return new Slot(element, a.element().storage(), true);
        }
        throw cx.fail("expected to lower component `list` type into `(ref null? (array ...))`, but found `"
                + s.core().text() + "`");
    }

    /** Records and tuples are structs with a field for each of theirs. */
    private List<Slot> product(Slot s, List<ValueType> parts, String kind) {
        if (!(concrete(s).orElse(null) instanceof CompositeType.Struct struct)) {
            throw cx.fail("expected to lower component `" + kind + "` type to core `(ref null? (struct ...))`, but "
                    + "found `" + s.core().text() + "`");
        }
        List<FieldType> fields = struct.fields();
        if (fields.size() != parts.size()) {
            throw cx.fail("core `struct` has " + fields.size() + " fields, but component `" + kind + "` has "
                    + parts.size() + " fields");
        }
        return IntStream.range(0, parts.size())
                .mapToObj(i -> new Slot(parts.get(i), fields.get(i).storage(), true))
                .toList();
    }

    /** Variants, options and results are (for now) empty structs. */
    private List<Slot> sum(Slot s, String kind) {
        if (!(concrete(s).orElse(null) instanceof CompositeType.Struct struct) || !struct.fields().isEmpty()) {
            throw cx.fail("expected to lower component `" + kind + "` type to core `(ref null? (struct))`, but found `"
                    + s.core().text() + "`");
        }
        return List.of();
    }

    private List<Slot> scalar(Slot s, String kind) {
        if (s.valType().orElse(null) != NumType.I32) {
            throw cx.fail("expected to lower component `" + kind + "` type into core `i32` type, but found `"
                    + s.core().text() + "`");
        }
        return List.of();
    }

    /** Handles, futures, streams and error contexts are external references. */
    private List<Slot> handle(Slot s, String kind) {
        boolean ok = s.valType().orElse(null) instanceof RefType r && r.heap() instanceof HeapType.Abstract a
                && a.kind() == AbstractHeapKind.EXTERN;
        if (!ok) {
            throw cx.fail("expected to lower component `" + kind + "` type into core `(ref null? extern)` type, but "
                    + "found `" + s.core().text() + "`");
        }
        return List.of();
    }

    /** The defined type a slot's concrete reference names, if it is one. */
    private Optional<CompositeType> concrete(Slot s) {
        if (s.valType().orElse(null) instanceof RefType r && r.heap() instanceof HeapType.Concrete c) {
            return space.at(c.typeIndex()).map(SubType::composite);
        }
        return Optional.empty();
    }
}
