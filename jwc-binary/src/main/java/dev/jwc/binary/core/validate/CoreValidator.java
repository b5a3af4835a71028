package dev.jwc.binary.core.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.DataSegment;
import dev.jwc.binary.core.ElementSegment;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.FunctionBody;
import dev.jwc.binary.core.Global;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.SectionId;
import dev.jwc.binary.core.SourceOffsets;
import dev.jwc.binary.core.Table;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.StorageType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a core module as the core specification defines (types, index spaces, constant
 * expressions, limits, exports, start function and every function body), gated by {@link Features}.
 * Returns the module's resolved {@link ModuleInfo}; a violation raises a {@link ValidationException}.
 */
public final class CoreValidator {
    private static final long UNKNOWN = -1;
    /** wasmparser's limit on table sizes and element segment lengths. */
    private static final long MAX_TABLE_ENTRIES = 10_000_000;
    /** The GC proposal's limit on the length of a chain of supertypes. */
    private static final int MAX_SUBTYPING_DEPTH = 63;

    private final CoreModule module;
    private final SourceOffsets offsets;
    private final ModuleContext ctx;
    /** The offset of the item being validated, for errors about it (-1 when unknown). */
    private long at = UNKNOWN;

    private CoreValidator(CoreModule module, Features features, SourceOffsets offsets) {
        this.module = module;
        this.offsets = offsets;
        this.ctx = new ModuleContext(features);
    }

    /** Validates the whole module, function bodies last (as wasmparser reports them). */
    public static ModuleInfo validate(CoreModule module, Features features) {
        return validate(module, features, SourceOffsets.NONE);
    }

    /** As {@link #validate(CoreModule, Features)}, locating errors with the offsets the reader recorded. */
    public static ModuleInfo validate(CoreModule module, Features features, SourceOffsets offsets) {
        DeferredBodies validated = validateDeferringBodies(module, features, offsets);
        validated.validateFunctionBodies();
        return validated.info();
    }

    /**
     * Validates everything but the function bodies, which the caller validates later through the
     * result: wasmparser checks bodies after the rest of the binary, so a component's own errors come
     * before those of the bodies of its core modules.
     */
    public static DeferredBodies validateDeferringBodies(CoreModule module, Features features) {
        return validateDeferringBodies(module, features, SourceOffsets.NONE);
    }

    public static DeferredBodies validateDeferringBodies(CoreModule module, Features features,
            SourceOffsets offsets) {
        CoreValidator validator = new CoreValidator(module, features, offsets);
        ModuleInfo info = validator.run();
        return new DeferredBodies(info, validator::functionBodies);
    }

    private ModuleInfo run() {
        for (int i = 0; i < module.types().size(); i++) {
            at = offsets.of(SectionId.TYPE, i);
            recGroup(module.types().get(i));
        }
        declaredFunctions();
        List<ModuleInfo.ImportInfo> imports = new ArrayList<>();
        for (int n = 0; n < module.imports().size(); n++) {
            Import i = module.imports().get(n);
            at = offsets.of(SectionId.IMPORT, n);
            entity(i.type());
            imports.add(new ModuleInfo.ImportInfo(i.module(), i.name(), i.type()));
        }
        ctx.importedGlobals = ctx.globals.size();
        for (int i = 0; i < module.functions().size(); i++) {
            at = offsets.of(SectionId.FUNCTION, i);
            ctx.funcType(module.functions().get(i), at);
            ctx.functions.add(module.functions().get(i));
        }
        for (int i = 0; i < module.tables().size(); i++) {
            at = offsets.of(SectionId.TABLE, i);
            table(module.tables().get(i));
        }
        for (int i = 0; i < module.memories().size(); i++) {
            at = offsets.of(SectionId.MEMORY, i);
            memory(module.memories().get(i));
        }
        for (int i = 0; i < module.tags().size(); i++) {
            at = offsets.of(SectionId.TAG, i);
            tag(module.tags().get(i));
        }
        for (int i = 0; i < module.globals().size(); i++) {
            Global global = module.globals().get(i);
            at = offsets.of(SectionId.GLOBAL, i);
            globalType(global.type());
            OperatorValidator.validateConstant(ctx, global.init(), global.type().type(), startOf(global.init()));
            ctx.globals.add(global.type());
        }
        List<ModuleInfo.ExportInfo> exports = exports();
        at = offsets.of(SectionId.START, 0);
        module.start().ifPresent(this::start);
        for (int i = 0; i < module.elements().size(); i++) {
            at = offsets.of(SectionId.ELEMENT, i);
            element(module.elements().get(i));
        }
        at = offsets.end();
        ctx.dataCount = module.dataCount();
        if (module.dataCount().isPresent() && module.dataCount().getAsInt() != module.data().size()) {
            throw new ValidationException("data count and data section have inconsistent lengths", at);
        }
        if (module.code().size() != module.functions().size()) {
            throw new ValidationException("function and code section have inconsistent lengths", at);
        }
        for (int i = 0; i < module.data().size(); i++) {
            DataSegment segment = module.data().get(i);
            at = offsets.of(SectionId.DATA, i);
            if (segment.mode() instanceof DataSegment.Active active) {
                MemoryType memory = ctx.memory(active.memory(), startOf(active.offset()));
                OperatorValidator.validateConstant(ctx, active.offset(), memory.indexType(), startOf(active.offset()));
            } else {
                requireBulkMemory();
            }
        }
        return new ModuleInfo(module.types(), ctx.types.all(), ctx.functions, ctx.tables, ctx.memories, ctx.globals,
                tagTypes(), imports, exports);
    }

    private void functionBodies() {
        for (int i = 0; i < module.code().size(); i++) {
            FunctionBody body = module.code().get(i);
            long bodyOffset = offsets.of(SectionId.CODE, i);
            FuncType type = ctx.funcType(module.functions().get(i), bodyOffset);
            OperatorValidator.validateFunction(ctx, type, body.locals(), body.body(),
                    bodyOffset >= 0 ? bodyOffset : startOf(body.body()));
        }
    }

    private static long startOf(Expression expression) {
        return expression.instructions().isEmpty() ? expression.endOffset() : expression.offsetOf(0);
    }

    private List<TagType> tagTypes() {
        return ctx.tags.stream().map(TagType::new).toList();
    }

    // ---- types ----

    private void recGroup(RecGroup group) {
        int start = ctx.types.size();
        int end = start + group.types().size();
        if (group.explicit() && group.types().size() != 1 && !ctx.features.has(Feature.GC)) {
            throw new ValidationException("rec group usage requires `gc` proposal to be enabled", at);
        }
        for (int i = 0; i < group.types().size(); i++) {
            SubType type = group.types().get(i);
            int index = start + i;
            if ((!type.isFinal() || !type.supertypes().isEmpty()) && !ctx.features.has(Feature.GC)) {
                throw new ValidationException("gc proposal must be enabled to use subtypes", at);
            }
            if (type.shared()) {
                ctx.require(Feature.SHARED_EVERYTHING_THREADS, at);
            }
            if (type.supertypes().size() > 1) {
                throw new ValidationException("multiple supertypes not supported", at);
            }
            for (int s : type.supertypes()) {
                if (Integer.compareUnsigned(s, index) >= 0) {
                    throw new ValidationException("unknown type " + Integer.toUnsignedString(s)
                            + ": type index out of bounds", at);
                }
            }
            forEachReference(type.composite(), ref -> {
                if (Integer.compareUnsigned(ref, end) >= 0) {
                    throw new ValidationException("unknown type " + Integer.toUnsignedString(ref)
                            + ": type index out of bounds", at);
                }
            });
        }
        ctx.types.add(group);
        for (int i = start; i < end; i++) {
            if (ctx.types.depth(i) > MAX_SUBTYPING_DEPTH) {
                throw new ValidationException("subtyping depth is too large", at);
            }
        }
        for (SubType type : group.types()) {
            composite(type.composite());
            for (int s : type.supertypes()) {
                SubType sup = ctx.types.get(s);
                if (sup.isFinal()) {
                    throw new ValidationException("sub type cannot have a final super type", at);
                }
                if (sup.shared() != type.shared() || !ctx.types.compositeMatches(type.composite(), sup.composite())) {
                    throw new ValidationException("sub type must match super type", at);
                }
            }
        }
    }

    private interface IntConsumer {
        void accept(int value);
    }

    private static void forEachReference(CompositeType composite, IntConsumer action) {
        switch (composite) {
            case FuncType f -> {
                f.params().forEach(t -> reference(t, action));
                f.results().forEach(t -> reference(t, action));
            }
            case CompositeType.Struct s -> s.fields().forEach(f -> reference(f.storage(), action));
            case CompositeType.Array a -> reference(a.element().storage(), action);
        }
    }

    private static void reference(StorageType type, IntConsumer action) {
        if (type instanceof RefType r && r.heap() instanceof HeapType.Concrete c) {
            action.accept(c.typeIndex());
        }
    }

    private void composite(CompositeType composite) {
        switch (composite) {
            case FuncType f -> {
                f.params().forEach(t -> ctx.checkValType(t, at));
                f.results().forEach(t -> ctx.checkValType(t, at));
                if (f.results().size() > 1 && !ctx.features.has(Feature.MULTI_VALUE)) {
                    throw new ValidationException(
                            "func type returns multiple values but the multi-value feature is not enabled", at);
                }
            }
            case CompositeType.Struct s -> {
                requireGc("struct");
                s.fields().forEach(this::field);
            }
            case CompositeType.Array a -> {
                requireGc("array");
                field(a.element());
            }
        }
    }

    private void requireGc(String what) {
        if (!ctx.features.has(Feature.GC)) {
            throw new ValidationException(what + " indexed types not supported without the gc feature", at);
        }
    }

    private void field(FieldType field) {
        ctx.checkStorageType(field.storage(), at);
    }

    // ---- entities ----

    private void entity(EntityType type) {
        switch (type) {
            case EntityType.Func f -> {
                ctx.funcType(f.typeIndex(), at);
                ctx.functions.add(f.typeIndex());
            }
            case TableType t -> tableType(t);
            case MemoryType m -> memory(m);
            case GlobalType g -> {
                globalType(g);
                requireMutableGlobals(g);
                ctx.globals.add(g);
            }
            case TagType t -> tag(t);
        }
    }

    private void tableType(TableType type) {
        if (!ctx.tables.isEmpty() && !ctx.features.has(Feature.REFERENCE_TYPES)) {
            throw new ValidationException("multiple tables", at);
        }
        if (!type.element().equals(RefType.FUNCREF)) {
            ctx.checkRefType(type.element(), at);
        }
        if (type.table64()) {
            ctx.require(Feature.MEMORY64, at);
        }
        if (type.shared()) {
            ctx.require(Feature.SHARED_EVERYTHING_THREADS, at);
        }
        limits(type.limits(), type.table64() ? -1L : 0xFFFF_FFFFL, "table size must be at most 2**32-1");
        if (!type.table64() && type.limits().min() > MAX_TABLE_ENTRIES) {
            throw new ValidationException("minimum table size is out of bounds", at);
        }
        ctx.tables.add(type);
    }

    private void table(Table table) {
        TableType type = table.type();
        tableType(type);
        if (table.init().isPresent()) {
            if (!ctx.features.has(Feature.FUNCTION_REFERENCES)) {
                throw new ValidationException(
                        "tables with expression initializers require the function-references proposal", at);
            }
            Expression init = table.init().get();
            OperatorValidator.validateConstant(ctx, init, type.element(), startOf(init));
        } else if (!type.element().nullable()) {
            throw new ValidationException("type mismatch: non-defaultable element type", at);
        }
    }

    private void memory(MemoryType type) {
        if (!ctx.memories.isEmpty() && !ctx.features.has(Feature.MULTI_MEMORY)) {
            throw new ValidationException("multiple memories", at);
        }
        if (type.memory64() && !ctx.features.has(Feature.MEMORY64)) {
            throw new ValidationException("memory64 must be enabled for 64-bit memories", at);
        }
        int pageLog2 = type.effectivePageSizeLog2();
        if (type.pageSizeLog2().isPresent()) {
            ctx.require(Feature.CUSTOM_PAGE_SIZES, at);
            if (pageLog2 != 0 && pageLog2 != 16) {
                throw new ValidationException("invalid custom page size", at);
            }
        }
        long maxPages = type.memory64() ? (pageLog2 == 16 ? 1L << 48 : -1L >>> pageLog2) : (1L << 32) >>> pageLog2;
        String message = type.memory64()
                ? "memory size must be at most 2**48 pages"
                : "memory size must be at most " + maxPages + " pages (4GiB)";
        limits(type.limits(), maxPages, message);
        if (type.shared()) {
            if (!ctx.features.has(Feature.THREADS)) {
                throw new ValidationException("threads must be enabled for shared memories", at);
            }
            if (type.limits().max().isEmpty()) {
                throw new ValidationException("shared memory must have maximum size", at);
            }
        }
        ctx.memories.add(type);
    }

    private void limits(Limits limits, long max, String tooLarge) {
        if (limits.max().isPresent() && Long.compareUnsigned(limits.min(), limits.max().getAsLong()) > 0) {
            throw new ValidationException("size minimum must not be greater than maximum", at);
        }
        if (Long.compareUnsigned(limits.min(), max) > 0
                || limits.max().isPresent() && Long.compareUnsigned(limits.max().getAsLong(), max) > 0) {
            throw new ValidationException(tooLarge, at);
        }
    }

    private void globalType(GlobalType type) {
        ctx.checkValType(type.type(), at);
        if (type.shared()) {
            ctx.require(Feature.SHARED_EVERYTHING_THREADS, at);
        }
    }

    /** Importing or exporting a mutable global needs the mutable-global feature. */
    private GlobalType requireMutableGlobals(GlobalType type) {
        if (type.mutable() && !ctx.features.has(Feature.MUTABLE_GLOBAL)) {
            throw new ValidationException("mutable global support is not enabled", at);
        }
        return type;
    }

    private void tag(TagType tag) {
        if (!ctx.features.has(Feature.EXCEPTIONS)) {
            throw new ValidationException("exceptions proposal not enabled", at);
        }
        FuncType type = ctx.funcType(tag.typeIndex(), at);
        if (!type.results().isEmpty()) {
            throw new ValidationException("invalid exception type: non-empty tag result type", at);
        }
        ctx.tags.add(tag.typeIndex());
    }

    // ---- exports, start, segments ----

    private List<ModuleInfo.ExportInfo> exports() {
        Set<String> names = new HashSet<>();
        List<ModuleInfo.ExportInfo> exports = new ArrayList<>();
        for (int n = 0; n < module.exports().size(); n++) {
            Export e = module.exports().get(n);
            at = offsets.of(SectionId.EXPORT, n);
            if (!names.add(e.name())) {
                throw new ValidationException("duplicate export name `" + e.name() + "` already defined", at);
            }
            int count = switch (e.kind()) {
                case FUNC -> ctx.functions.size();
                case TABLE -> ctx.tables.size();
                case MEMORY -> ctx.memories.size();
                case GLOBAL -> ctx.globals.size();
                case TAG -> ctx.tags.size();
            };
            if (Integer.compareUnsigned(e.index(), count) >= 0) {
                String kind = e.kind() == ExternalKind.FUNC ? "function" : e.kind().text();
                throw new ValidationException("unknown " + kind + " " + Integer.toUnsignedString(e.index())
                        + ": exported " + kind + " index out of bounds", at);
            }
            EntityType type = switch (e.kind()) {
                case FUNC -> new EntityType.Func(ctx.functions.get(e.index()));
                case TABLE -> ctx.tables.get(e.index());
                case MEMORY -> ctx.memories.get(e.index());
                case GLOBAL -> requireMutableGlobals(ctx.globals.get(e.index()));
                case TAG -> new TagType(ctx.tags.get(e.index()));
            };
            exports.add(new ModuleInfo.ExportInfo(e.name(), e.kind(), e.index(), type));
        }
        return exports;
    }

    private void start(int function) {
        FuncType type = ctx.functionType(function, at);
        if (!type.params().isEmpty() || !type.results().isEmpty()) {
            throw new ValidationException("invalid start function type", at);
        }
    }

    private void element(ElementSegment segment) {
        RefType type = segment.items().type();
        if (segment.items() instanceof ElementSegment.Expressions) {
            ctx.checkRefType(type, at);
        }
        if (segment.items().size() > MAX_TABLE_ENTRIES) {
            throw new ValidationException("number of elements is out of bounds", at);
        }
        switch (segment.items()) {
            case ElementSegment.Functions f -> {
                for (int index : f.indices()) {
                    ctx.functionType(index, at);
                }
            }
            case ElementSegment.Expressions x -> {
                for (Expression e : x.expressions()) {
                    OperatorValidator.validateConstant(ctx, e, type, startOf(e));
                }
            }
        }
        switch (segment.mode()) {
            case ElementSegment.Active active -> {
                TableType table = ctx.table(active.tableIndex(), startOf(active.offset()));
                OperatorValidator.validateConstant(ctx, active.offset(), table.indexType(), startOf(active.offset()));
                if (!ctx.types.isSubtype(type, table.element())) {
                    throw new ValidationException("type mismatch: invalid element type `" + type.text()
                            + "` for table type `" + table.element().text() + "`", startOf(active.offset()));
                }
            }
            case ElementSegment.Passive p -> requireBulkMemory();
            case ElementSegment.Declarative d -> requireBulkMemory();
        }
        ctx.elements.add(type);
    }

    private void requireBulkMemory() {
        if (!ctx.features.has(Feature.BULK_MEMORY)) {
            throw new ValidationException("bulk memory must be enabled", at);
        }
    }

    /** Functions referenced outside function bodies may be the target of {@code ref.func} inside them. */
    private void declaredFunctions() {
        for (Export e : module.exports()) {
            if (e.kind() == ExternalKind.FUNC) {
                declare(e.index());
            }
        }
        module.globals().forEach(g -> declare(g.init()));
        module.tables().forEach(t -> t.init().ifPresent(this::declare));
        for (ElementSegment segment : module.elements()) {
            switch (segment.items()) {
                case ElementSegment.Functions f -> f.indices().forEach(this::declare);
                case ElementSegment.Expressions x -> x.expressions().forEach(this::declare);
            }
            if (segment.mode() instanceof ElementSegment.Active a) {
                declare(a.offset());
            }
        }
    }

    private void declare(Expression expression) {
        for (Instruction i : expression.instructions()) {
            if (i.opcode() == Opcode.REF_FUNC && i.immediate() instanceof Immediate.Index index) {
                declare(index.value());
            }
        }
    }

    /** Indices beyond the function index space are reported where they are used, not here. */
    private void declare(int function) {
        if (function >= 0) {
            ctx.declaredFunctions.set(function);
        }
    }
}
