package dev.jwc.binary.core.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.StorageType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.PackedType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/** What instruction typing needs to know about the module; the validator fills it section by section. */
final class ModuleContext {
    final Features features;
    final TypeContext types = new TypeContext();
    final List<Integer> functions = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<GlobalType> globals = new ArrayList<>();
    final List<Integer> tags = new ArrayList<>();
    final List<RefType> elements = new ArrayList<>();
    int importedGlobals;
    OptionalInt dataCount = OptionalInt.empty();
    /** Functions that may be referenced with {@code ref.func} inside function bodies. */
    final BitSet declaredFunctions = new BitSet();

    ModuleContext(Features features) {
        this.features = features;
    }

    static ValidationException error(String message, long offset) {
        return new ValidationException(message, offset);
    }

    void require(Feature feature, String what, long offset) {
        if (!features.has(feature)) {
            throw error(what + " support is not enabled", offset);
        }
    }

    static String featureText(Feature feature) {
        return switch (feature) {
            case SIMD -> "SIMD";
            case RELAXED_SIMD -> "relaxed SIMD";
            case REFERENCE_TYPES -> "reference types";
            case BULK_MEMORY -> "bulk memory";
            case SATURATING_FLOAT_TO_INT -> "saturating float to int conversions";
            case SIGN_EXTENSION -> "sign extension operations";
            case TAIL_CALL -> "tail calls";
            case THREADS -> "threads";
            case EXCEPTIONS -> "exceptions";
            case LEGACY_EXCEPTIONS -> "legacy exceptions";
            case FUNCTION_REFERENCES -> "function references";
            case GC -> "gc";
            case MEMORY64 -> "memory64";
            case MULTI_MEMORY -> "multi-memory";
            case MULTI_VALUE -> "multi-value";
            case WIDE_ARITHMETIC -> "wide arithmetic";
            case CUSTOM_PAGE_SIZES -> "custom page sizes";
            case SHARED_EVERYTHING_THREADS -> "shared-everything-threads";
            case EXTENDED_CONST -> "extended const";
            case STACK_SWITCHING -> "stack switching";
            default -> feature.flagName();
        };
    }

    void require(Feature feature, long offset) {
        require(feature, featureText(feature), offset);
    }

    // ---- index lookups with wasmparser's messages ----

    SubType type(int index, long offset) {
        if (Integer.compareUnsigned(index, types.size()) >= 0) {
            throw error("unknown type " + Integer.toUnsignedString(index) + ": type index out of bounds", offset);
        }
        return types.get(index);
    }

    FuncType funcType(int typeIndex, long offset) {
        if (type(typeIndex, offset).composite() instanceof FuncType f) {
            return f;
        }
        throw error("type index " + typeIndex + " is not a function type", offset);
    }

    CompositeType.Struct structType(int typeIndex, long offset) {
        if (type(typeIndex, offset).composite() instanceof CompositeType.Struct s) {
            return s;
        }
        throw error("expected struct type at index " + typeIndex + ", found " + describe(typeIndex), offset);
    }

    CompositeType.Array arrayType(int typeIndex, long offset) {
        if (type(typeIndex, offset).composite() instanceof CompositeType.Array a) {
            return a;
        }
        throw error("expected array type at index " + typeIndex + ", found " + describe(typeIndex), offset);
    }

    private String describe(int typeIndex) {
        return switch (types.get(typeIndex).composite()) {
            case FuncType f -> "func";
            case CompositeType.Struct s -> "struct";
            case CompositeType.Array a -> "array";
        };
    }

    FuncType functionType(int funcIndex, long offset) {
        if (Integer.compareUnsigned(funcIndex, functions.size()) >= 0) {
            throw error("unknown function " + Integer.toUnsignedString(funcIndex) + ": function index out of bounds",
                    offset);
        }
        return funcType(functions.get(funcIndex), offset);
    }

    TableType table(int index, long offset) {
        if (Integer.compareUnsigned(index, tables.size()) >= 0) {
            throw error("unknown table " + Integer.toUnsignedString(index) + ": table index out of bounds", offset);
        }
        return tables.get(index);
    }

    MemoryType memory(int index, long offset) {
        if (Integer.compareUnsigned(index, memories.size()) >= 0) {
            throw error("unknown memory " + Integer.toUnsignedString(index) + ": memory index out of bounds", offset);
        }
        return memories.get(index);
    }

    GlobalType global(int index, long offset) {
        if (Integer.compareUnsigned(index, globals.size()) >= 0) {
            throw error("unknown global " + Integer.toUnsignedString(index) + ": global index out of bounds", offset);
        }
        return globals.get(index);
    }

    FuncType tag(int index, long offset) {
        if (Integer.compareUnsigned(index, tags.size()) >= 0) {
            throw error("unknown tag " + Integer.toUnsignedString(index) + ": tag index out of bounds", offset);
        }
        return funcType(tags.get(index), offset);
    }

    RefType element(int index, long offset) {
        if (Integer.compareUnsigned(index, elements.size()) >= 0) {
            throw error("unknown elem segment " + Integer.toUnsignedString(index) + ": segment index out of bounds",
                    offset);
        }
        return elements.get(index);
    }

    void data(int index, long offset) {
        if (dataCount.isEmpty()) {
            throw error("data count section required", offset);
        }
        if (Integer.compareUnsigned(index, dataCount.getAsInt()) >= 0) {
            throw error("unknown data segment " + Integer.toUnsignedString(index), offset);
        }
    }

    // ---- type well-formedness (wasmparser's feature messages) ----

    void checkValType(ValType type, long offset) {
        switch (type) {
            case NumType n -> {
                if (n == NumType.V128 && !features.has(Feature.SIMD)) {
                    throw error("SIMD support is not enabled", offset);
                }
                if ((n == NumType.F32 || n == NumType.F64) && !features.has(Feature.FLOATS)) {
                    throw error("floating-point support is disabled", offset);
                }
            }
            case RefType r -> checkRefType(r, offset);
        }
    }

    void checkStorageType(StorageType type, long offset) {
        switch (type) {
            case ValType v -> checkValType(v, offset);
            case PackedType p -> {
            }
        }
    }

    void checkRefType(RefType type, long offset) {
        if (!features.has(Feature.REFERENCE_TYPES)) {
            throw error("reference types support is not enabled", offset);
        }
        switch (type.heap()) {
            case HeapType.Concrete c -> {
                if (!features.has(Feature.FUNCTION_REFERENCES) && !features.has(Feature.GC)) {
                    throw error("function references required for index reference types", offset);
                }
                type(c.typeIndex(), offset);
            }
            case HeapType.Abstract a -> {
                if (a.shared() && !features.has(Feature.SHARED_EVERYTHING_THREADS)) {
                    throw error("shared reference types require the shared-everything-threads proposal", offset);
                }
                String missing = switch (a.kind()) {
                    case FUNC, EXTERN -> type.nullable() || features.has(Feature.FUNCTION_REFERENCES) ? null
                            : "function references required for non-nullable types";
                    case ANY, EQ, I31, STRUCT, ARRAY, NONE, NOEXTERN, NOFUNC -> features.has(Feature.GC) ? null
                            : "heap types not supported without the gc feature";
                    case EXN, NOEXN -> features.has(Feature.EXCEPTIONS) ? null
                            : "exception refs not supported without the exception handling feature";
                    case CONT, NOCONT -> features.has(Feature.STACK_SWITCHING) ? null
                            : "continuation refs not supported without the stack switching feature";
                };
                if (missing != null) {
                    throw error(missing, offset);
                }
            }
        }
    }

    /** A heap type used on its own (as by {@code ref.null}): checked as its nullable reference. */
    void checkHeapType(HeapType heap, long offset) {
        checkRefType(new RefType(true, heap), offset);
    }
}
