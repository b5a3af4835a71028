package dev.jwc.text.core;

import dev.jwc.binary.core.types.AbstractHeapKind;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.StorageType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The index spaces of one module being parsed, and the type syntax that refers to them. Function
 * types used inline (type uses without an index) are interned as wasm-tools does: a top-level
 * {@code (type (func ...))} with the same signature is reused, otherwise a new type is appended
 * after all explicit types.
 */
final class ModuleScope {
    final Namespace types = new Namespace("type");
    final Namespace funcs = new Namespace("func");
    final Namespace tables = new Namespace("table");
    final Namespace memories = new Namespace("memory");
    final Namespace globals = new Namespace("global");
    final Namespace tags = new Namespace("tag");
    final Namespace elems = new Namespace("elem");
    final Namespace datas = new Namespace("data");
    /** Field names of struct types, by type index. */
    final Map<Integer, Namespace> fields = new HashMap<>();

    /** Every type by index: explicit ones first (filled once parsed), then interned ones. */
    private final List<SubType> typeList = new ArrayList<>();
    private final List<SubType> implicitTypes = new ArrayList<>();
    private final Map<FuncType, Integer> funcTypeIndex = new HashMap<>();
    /** Whether an instruction needs the data count section. */
    boolean usesDataCount;

    void defineType(SubType type, boolean internable) {
        if (internable && type.composite() instanceof FuncType f) {
            funcTypeIndex.putIfAbsent(f, typeList.size());
        }
        typeList.add(type);
    }

    List<SubType> implicitTypes() {
        return implicitTypes;
    }

    /** The index of a function type with this signature, appending one if none is registered. */
    int intern(FuncType f) {
        Integer index = funcTypeIndex.get(f);
        if (index != null) {
            return index;
        }
        int added = typeList.size();
        SubType t = SubType.plain(f);
        typeList.add(t);
        implicitTypes.add(t);
        funcTypeIndex.put(f, added);
        return added;
    }

    /** The function type at {@code index}. */
    FuncType funcType(int index, Position at) {
        if (index < 0 || index >= typeList.size()) {
            throw new TextException(at, "unknown type: type index out of bounds");
        }
        if (!(typeList.get(index).composite() instanceof FuncType f)) {
            throw new TextException(at, "type index " + index + " is not a function type");
        }
        return f;
    }

    // ---- value types ----

    boolean peekValType(Cursor c) {
        if (c.peekList("ref")) {
            return true;
        }
        return c.peekKeyword().map(k -> numType(k) != null || refShorthand(k) != null).orElse(false);
    }

    ValType valType(Cursor c) {
        if (c.peekList("ref")) {
            return refType(c);
        }
        Position at = c.position();
        String k = c.peekKeyword().orElseThrow(() -> c.error("expected a value type"));
        c.keyword();
        NumType n = numType(k);
        if (n != null) {
            return n;
        }
        RefType r = refShorthand(k);
        if (r == null) {
            throw new TextException(at, "expected a value type, found '" + k + "'");
        }
        return r;
    }

    /** {@code (ref null? heaptype)} or a shorthand such as {@code funcref}. */
    RefType refType(Cursor c) {
        if (c.peekList("ref")) {
            Cursor r = c.list("ref");
            boolean nullable = r.takeKeyword("null");
            HeapType heap = heapType(r);
            r.expectEnd();
            return new RefType(nullable, heap);
        }
        Position at = c.position();
        String k = c.keyword();
        RefType r = refShorthand(k);
        if (r == null) {
            throw new TextException(at, "expected a reference type, found '" + k + "'");
        }
        return r;
    }

    HeapType heapType(Cursor c) {
        if (c.peekList("shared")) {
            Cursor s = c.list("shared");
            Position at = s.position();
            AbstractHeapKind kind = AbstractHeapKind.fromText(s.keyword());
            if (kind == null) {
                throw new TextException(at, "expected an abstract heap type");
            }
            s.expectEnd();
            return new HeapType.Abstract(kind, true);
        }
        Optional<String> k = c.peekKeyword();
        if (k.isPresent()) {
            AbstractHeapKind kind = AbstractHeapKind.fromText(k.get());
            if (kind == null) {
                throw c.error("expected a heap type, found '" + k.get() + "'");
            }
            c.keyword();
            return HeapType.of(kind);
        }
        return HeapType.index(types.resolve(c));
    }

    private static NumType numType(String k) {
        return switch (k) {
            case "i32" -> NumType.I32;
            case "i64" -> NumType.I64;
            case "f32" -> NumType.F32;
            case "f64" -> NumType.F64;
            case "v128" -> NumType.V128;
            default -> null;
        };
    }

    private static RefType refShorthand(String k) {
        AbstractHeapKind kind = switch (k) {
            case "funcref" -> AbstractHeapKind.FUNC;
            case "externref" -> AbstractHeapKind.EXTERN;
            case "anyref" -> AbstractHeapKind.ANY;
            case "eqref" -> AbstractHeapKind.EQ;
            case "i31ref" -> AbstractHeapKind.I31;
            case "structref" -> AbstractHeapKind.STRUCT;
            case "arrayref" -> AbstractHeapKind.ARRAY;
            case "exnref" -> AbstractHeapKind.EXN;
            case "contref" -> AbstractHeapKind.CONT;
            case "nullref" -> AbstractHeapKind.NONE;
            case "nullexternref" -> AbstractHeapKind.NOEXTERN;
            case "nullfuncref" -> AbstractHeapKind.NOFUNC;
            case "nullexnref" -> AbstractHeapKind.NOEXN;
            case "nullcontref" -> AbstractHeapKind.NOCONT;
            default -> null;
        };
        return kind == null ? null : RefType.nullable(kind);
    }

    // ---- function types and type uses ----

    /** The {@code (param ...)* (result ...)*} of a function type; parameter ids are collected. */
    FuncSignature signature(Cursor c) {
        List<ValType> params = new ArrayList<>();
        List<Optional<Token.Id>> names = new ArrayList<>();
        List<Optional<String>> annotated = new ArrayList<>();
        while (c.peekList("param")) {
            Cursor p = c.list("param");
            Optional<Token.Id> id = p.takeId();
            if (id.isPresent()) {
                annotated.add(CoreModuleParser.nameAnnotation(p));
                params.add(valType(p));
                names.add(id);
            } else {
                while (!p.atEnd()) {
                    params.add(valType(p));
                    names.add(Optional.empty());
                    annotated.add(Optional.empty());
                }
            }
            p.expectEnd();
        }
        List<ValType> results = new ArrayList<>();
        while (c.peekList("result")) {
            Cursor r = c.list("result");
            while (!r.atEnd()) {
                results.add(valType(r));
            }
        }
        return new FuncSignature(new FuncType(params, results), names, annotated);
    }

    /** A parsed function signature with the ids of its parameters and their {@code (@name)}s. */
    record FuncSignature(FuncType type, List<Optional<Token.Id>> paramIds, List<Optional<String>> paramNames) {
        boolean isEmpty() {
            return type.params().isEmpty() && type.results().isEmpty();
        }
    }

    /** {@code (type idx)? (param ...)* (result ...)*}. */
    record TypeUse(OptionalInt index, FuncSignature inline, Position position) {}

    TypeUse typeUse(Cursor c) {
        Position at = c.position();
        OptionalInt index = OptionalInt.empty();
        if (c.peekList("type")) {
            Cursor t = c.list("type");
            index = OptionalInt.of(types.resolve(t));
            t.expectEnd();
        }
        return new TypeUse(index, signature(c), at);
    }

    /** The type index of a type use, interning the inline signature when no index is given. */
    int resolve(TypeUse use) {
        if (use.index().isPresent()) {
            int index = use.index().getAsInt();
            if (!use.inline().isEmpty() && !funcType(index, use.position()).equals(use.inline().type())) {
                throw new TextException(use.position(), "inline function type doesn't match type reference");
            }
            return index;
        }
        return intern(use.inline().type());
    }

    /**
     * The number of parameters of the function type at {@code index}; 0 when the index names no
     * function type, which validation reports (the text is still well-formed).
     */
    int paramCount(int index) {
        return index >= 0 && index < typeList.size() && typeList.get(index).composite() instanceof FuncType f
                ? f.params().size()
                : 0;
    }

    // ---- defined types ----

    /** The body of {@code (type $id? ...)} after the id: a composite type or {@code (sub ...)}. */
    SubType subType(Cursor c, int selfIndex) {
        if (c.peekList("sub")) {
            Cursor s = c.list("sub");
            boolean isFinal = s.takeKeyword("final");
            List<Integer> supers = new ArrayList<>();
            while (types.peek(s)) {
                supers.add(types.resolve(s));
            }
            SubType inner = sharedComposite(s, selfIndex);
            s.expectEnd();
            return new SubType(isFinal, supers, inner.composite(), inner.shared());
        }
        return sharedComposite(c, selfIndex);
    }

    private SubType sharedComposite(Cursor c, int selfIndex) {
        if (c.peekList("shared")) {
            Cursor s = c.list("shared");
            CompositeType t = composite(s, selfIndex);
            s.expectEnd();
            return new SubType(true, List.of(), t, true);
        }
        return SubType.plain(composite(c, selfIndex));
    }

    private CompositeType composite(Cursor c, int selfIndex) {
        Position at = c.position();
        String head = c.peekListHead().orElseThrow(() -> c.error("expected a type definition"));
        Cursor d = c.list(head);
        CompositeType t = switch (head) {
            case "func" -> signature(d).type();
            case "struct" -> struct(d, selfIndex);
            case "array" -> new CompositeType.Array(d.peekList("field") ? arrayField(d) : fieldType(d));
            default -> throw new TextException(at, "unknown type definition '" + head + "'");
        };
        d.expectEnd();
        return t;
    }

    private FieldType arrayField(Cursor c) {
        Cursor f = c.list("field");
        FieldType t = fieldType(f);
        f.expectEnd();
        return t;
    }

    private CompositeType.Struct struct(Cursor c, int selfIndex) {
        Namespace names = new Namespace("field");
        List<FieldType> fieldTypes = new ArrayList<>();
        while (c.peekList("field")) {
            Cursor f = c.list("field");
            Optional<Token.Id> id = f.takeId();
            if (id.isPresent()) {
                names.add(id);
                fieldTypes.add(fieldType(f));
            } else {
                while (!f.atEnd()) {
                    names.add(Optional.empty());
                    fieldTypes.add(fieldType(f));
                }
            }
            f.expectEnd();
        }
        fields.put(selfIndex, names);
        return new CompositeType.Struct(fieldTypes);
    }

    private FieldType fieldType(Cursor c) {
        if (c.peekList("mut")) {
            Cursor m = c.list("mut");
            StorageType t = storageType(m);
            m.expectEnd();
            return new FieldType(t, true);
        }
        return new FieldType(storageType(c), false);
    }

    private StorageType storageType(Cursor c) {
        if (c.takeKeyword("i8")) {
            return PackedType.I8;
        }
        if (c.takeKeyword("i16")) {
            return PackedType.I16;
        }
        return valType(c);
    }

    // ---- entity types ----

    GlobalType globalType(Cursor c) {
        if (c.peekList("mut")) {
            Cursor m = c.list("mut");
            boolean shared = m.takeKeyword("shared");
            ValType t = valType(m);
            m.expectEnd();
            return new GlobalType(t, true, shared);
        }
        boolean shared = c.takeKeyword("shared");
        return new GlobalType(valType(c), false, shared);
    }

    /** {@code addrtype? limits reftype}. */
    TableType tableType(Cursor c) {
        boolean table64 = addressType(c);
        boolean shared = c.takeKeyword("shared");
        Limits limits = limits(c);
        return new TableType(refType(c), limits, table64, shared);
    }

    /** {@code addrtype? limits shared? (pagesize n)?}. */
    MemoryType memoryType(Cursor c) {
        boolean memory64 = addressType(c);
        Limits limits = limits(c);
        boolean shared = false;
        OptionalInt pageSize = OptionalInt.empty();
        while (true) {
            if (c.takeKeyword("shared")) {
                shared = true;
            } else if (c.takeKeyword("unshared")) {
                shared = false;
            } else if (c.peekList("pagesize")) {
                pageSize = OptionalInt.of(pageSize(c));
            } else {
                break;
            }
        }
        return new MemoryType(limits, shared, memory64, pageSize);
    }

    /** {@code (pagesize n)} as log2 of n. */
    int pageSize(Cursor c) {
        Cursor p = c.list("pagesize");
        Position at = p.position();
        long size = p.u64();
        p.expectEnd();
        if (Long.bitCount(size) != 1) {
            throw new TextException(at, "invalid custom page size");
        }
        return Long.numberOfTrailingZeros(size);
    }

    /** {@code i32} or {@code i64} before limits; true for 64-bit. */
    boolean addressType(Cursor c) {
        if (c.takeKeyword("i64")) {
            return true;
        }
        c.takeKeyword("i32");
        return false;
    }

    Limits limits(Cursor c) {
        long min = c.u64();
        return c.peekUnsigned() ? new Limits(min, OptionalLong.of(c.u64())) : Limits.of(min);
    }
}
