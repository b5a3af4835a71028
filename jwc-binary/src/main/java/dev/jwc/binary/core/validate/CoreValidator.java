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

    private final CoreModule module;
    private final ModuleContext ctx;

    private CoreValidator(CoreModule module, Features features) {
        this.module = module;
        this.ctx = new ModuleContext(features);
    }

    public static ModuleInfo validate(CoreModule module, Features features) {
        return new CoreValidator(module, features).run();
    }

    private ModuleInfo run() {
        for (RecGroup group : module.types()) {
            recGroup(group);
        }
        declaredFunctions();
        List<ModuleInfo.ImportInfo> imports = new ArrayList<>();
        for (Import i : module.imports()) {
            entity(i.type());
            imports.add(new ModuleInfo.ImportInfo(i.module(), i.name(), i.type()));
        }
        ctx.importedFunctions = ctx.functions.size();
        ctx.importedGlobals = ctx.globals.size();
        for (int typeIndex : module.functions()) {
            ctx.funcType(typeIndex, UNKNOWN);
            ctx.functions.add(typeIndex);
        }
        for (Table table : module.tables()) {
            table(table);
        }
        for (MemoryType memory : module.memories()) {
            memory(memory);
        }
        for (TagType tag : module.tags()) {
            tag(tag);
        }
        for (Global global : module.globals()) {
            globalType(global.type());
            OperatorValidator.validateConstant(ctx, global.init(), global.type().type(), UNKNOWN);
            ctx.globals.add(global.type());
        }
        List<ModuleInfo.ExportInfo> exports = exports();
        module.start().ifPresent(this::start);
        for (ElementSegment segment : module.elements()) {
            element(segment);
        }
        ctx.dataCount = module.dataCount();
        if (module.dataCount().isPresent() && module.dataCount().getAsInt() != module.data().size()) {
            throw new ValidationException("data count and data section have inconsistent lengths", UNKNOWN);
        }
        if (module.code().size() != module.functions().size()) {
            throw new ValidationException("function and code section have inconsistent lengths", UNKNOWN);
        }
        for (int i = 0; i < module.code().size(); i++) {
            FunctionBody body = module.code().get(i);
            FuncType type = ctx.funcType(module.functions().get(i), UNKNOWN);
            OperatorValidator.validateFunction(ctx, type, body.locals(), body.body(), startOf(body.body()));
        }
        for (DataSegment segment : module.data()) {
            if (segment.mode() instanceof DataSegment.Active active) {
                MemoryType memory = ctx.memory(active.memory(), startOf(active.offset()));
                OperatorValidator.validateConstant(ctx, active.offset(), memory.indexType(), startOf(active.offset()));
            } else {
                ctx.require(Feature.BULK_MEMORY, UNKNOWN);
            }
        }
        return new ModuleInfo(ctx.types.all(), ctx.functions, ctx.tables, ctx.memories, ctx.globals,
                tagTypes(), imports, exports);
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
        if (group.explicit() && group.types().size() != 1) {
            ctx.require(Feature.GC, "gc proposal", UNKNOWN);
        }
        for (int i = 0; i < group.types().size(); i++) {
            SubType type = group.types().get(i);
            int index = start + i;
            if (!(type.composite() instanceof FuncType) || !type.isFinal() || !type.supertypes().isEmpty()) {
                ctx.require(Feature.GC, "gc proposal", UNKNOWN);
            }
            if (type.shared()) {
                ctx.require(Feature.SHARED_EVERYTHING_THREADS, UNKNOWN);
            }
            if (type.supertypes().size() > 1) {
                throw new ValidationException("multiple supertypes not supported", UNKNOWN);
            }
            for (int s : type.supertypes()) {
                if (Integer.compareUnsigned(s, index) >= 0) {
                    throw new ValidationException("unknown type " + Integer.toUnsignedString(s)
                            + ": type index out of bounds", UNKNOWN);
                }
            }
            forEachReference(type.composite(), ref -> {
                if (Integer.compareUnsigned(ref, end) >= 0) {
                    throw new ValidationException("unknown type " + Integer.toUnsignedString(ref)
                            + ": type index out of bounds", UNKNOWN);
                }
            });
        }
        ctx.types.add(group);
        for (SubType type : group.types()) {
            composite(type.composite());
            for (int s : type.supertypes()) {
                SubType sup = ctx.types.get(s);
                if (sup.isFinal()) {
                    throw new ValidationException("sub type cannot have a final super type", UNKNOWN);
                }
                if (sup.shared() != type.shared() || !ctx.types.compositeMatches(type.composite(), sup.composite())) {
                    throw new ValidationException("sub type must match super type", UNKNOWN);
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
                f.params().forEach(t -> ctx.checkValType(t, UNKNOWN));
                f.results().forEach(t -> ctx.checkValType(t, UNKNOWN));
                if (f.results().size() > 1) {
                    ctx.require(Feature.MULTI_VALUE, UNKNOWN);
                }
            }
            case CompositeType.Struct s -> s.fields().forEach(this::field);
            case CompositeType.Array a -> field(a.element());
        }
    }

    private void field(FieldType field) {
        ctx.checkStorageType(field.storage(), UNKNOWN);
    }

    // ---- entities ----

    private void entity(EntityType type) {
        switch (type) {
            case EntityType.Func f -> {
                ctx.funcType(f.typeIndex(), UNKNOWN);
                ctx.functions.add(f.typeIndex());
            }
            case TableType t -> tableType(t);
            case MemoryType m -> memory(m);
            case GlobalType g -> {
                globalType(g);
                ctx.globals.add(g);
            }
            case TagType t -> tag(t);
        }
    }

    private void tableType(TableType type) {
        if (!ctx.tables.isEmpty()) {
            ctx.require(Feature.REFERENCE_TYPES, UNKNOWN);
        }
        ctx.checkRefType(type.element(), UNKNOWN);
        if (type.table64()) {
            ctx.require(Feature.MEMORY64, UNKNOWN);
        }
        if (type.shared()) {
            ctx.require(Feature.SHARED_EVERYTHING_THREADS, UNKNOWN);
        }
        limits(type.limits(), type.table64() ? -1L : 0xFFFF_FFFFL, "table size must be at most 2**32-1");
        ctx.tables.add(type);
    }

    private void table(Table table) {
        TableType type = table.type();
        tableType(type);
        if (table.init().isPresent()) {
            ctx.require(Feature.FUNCTION_REFERENCES, UNKNOWN);
            Expression init = table.init().get();
            OperatorValidator.validateConstant(ctx, init, type.element(), startOf(init));
        } else if (!type.element().nullable()) {
            throw new ValidationException("type mismatch: non-defaultable element type", UNKNOWN);
        }
    }

    private void memory(MemoryType type) {
        if (!ctx.memories.isEmpty()) {
            ctx.require(Feature.MULTI_MEMORY, "multiple memories", UNKNOWN);
        }
        if (type.memory64()) {
            ctx.require(Feature.MEMORY64, UNKNOWN);
        }
        int pageLog2 = type.effectivePageSizeLog2();
        if (type.pageSizeLog2().isPresent()) {
            ctx.require(Feature.CUSTOM_PAGE_SIZES, UNKNOWN);
            if (pageLog2 != 0 && pageLog2 != 16) {
                throw new ValidationException("invalid custom page size", UNKNOWN);
            }
        }
        long maxPages = type.memory64() ? (pageLog2 == 16 ? 1L << 48 : -1L >>> pageLog2) : (1L << 32) >>> pageLog2;
        String message = type.memory64()
                ? "memory size must be at most 2**48 pages"
                : "memory size must be at most " + maxPages + " pages (4GiB)";
        limits(type.limits(), maxPages, message);
        if (type.shared()) {
            ctx.require(Feature.THREADS, UNKNOWN);
            if (type.limits().max().isEmpty()) {
                throw new ValidationException("shared memory must have maximum size", UNKNOWN);
            }
        }
        ctx.memories.add(type);
    }

    private static void limits(Limits limits, long max, String tooLarge) {
        if (Long.compareUnsigned(limits.min(), max) > 0
                || limits.max().isPresent() && Long.compareUnsigned(limits.max().getAsLong(), max) > 0) {
            throw new ValidationException(tooLarge, UNKNOWN);
        }
        if (limits.max().isPresent() && Long.compareUnsigned(limits.min(), limits.max().getAsLong()) > 0) {
            throw new ValidationException("size minimum must not be greater than maximum", UNKNOWN);
        }
    }

    private void globalType(GlobalType type) {
        ctx.checkValType(type.type(), UNKNOWN);
        if (type.shared()) {
            ctx.require(Feature.SHARED_EVERYTHING_THREADS, UNKNOWN);
        }
    }

    private void tag(TagType tag) {
        ctx.require(Feature.EXCEPTIONS, UNKNOWN);
        FuncType type = ctx.funcType(tag.typeIndex(), UNKNOWN);
        if (!type.results().isEmpty()) {
            throw new ValidationException("invalid exception type: non-empty tag result type", UNKNOWN);
        }
        ctx.tags.add(tag.typeIndex());
    }

    // ---- exports, start, segments ----

    private List<ModuleInfo.ExportInfo> exports() {
        Set<String> names = new HashSet<>();
        List<ModuleInfo.ExportInfo> exports = new ArrayList<>();
        for (Export e : module.exports()) {
            if (!names.add(e.name())) {
                throw new ValidationException("duplicate export name `" + e.name() + "` already defined", UNKNOWN);
            }
            EntityType type = switch (e.kind()) {
                case FUNC -> {
                    ctx.functionType(e.index(), UNKNOWN);
                    yield new EntityType.Func(ctx.functions.get(e.index()));
                }
                case TABLE -> ctx.table(e.index(), UNKNOWN);
                case MEMORY -> ctx.memory(e.index(), UNKNOWN);
                case GLOBAL -> ctx.global(e.index(), UNKNOWN);
                case TAG -> {
                    ctx.tag(e.index(), UNKNOWN);
                    yield new TagType(ctx.tags.get(e.index()));
                }
            };
            exports.add(new ModuleInfo.ExportInfo(e.name(), e.kind(), e.index(), type));
        }
        return exports;
    }

    private void start(int function) {
        FuncType type = ctx.functionType(function, UNKNOWN);
        if (!type.params().isEmpty() || !type.results().isEmpty()) {
            throw new ValidationException("invalid start function type", UNKNOWN);
        }
    }

    private void element(ElementSegment segment) {
        RefType type = segment.items().type();
        ctx.checkRefType(type, UNKNOWN);
        switch (segment.items()) {
            case ElementSegment.Functions f -> {
                for (int index : f.indices()) {
                    ctx.functionType(index, UNKNOWN);
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
                    throw new ValidationException("type mismatch: invalid element type " + type.text()
                            + " for table of " + table.element().text(), startOf(active.offset()));
                }
            }
            case ElementSegment.Passive p -> ctx.require(Feature.BULK_MEMORY, UNKNOWN);
            case ElementSegment.Declarative d -> ctx.require(Feature.REFERENCE_TYPES, UNKNOWN);
        }
        ctx.elements.add(type);
    }

    /** Functions referenced outside function bodies may be the target of {@code ref.func} inside them. */
    private void declaredFunctions() {
        for (Export e : module.exports()) {
            if (e.kind() == ExternalKind.FUNC) {
                ctx.declaredFunctions.set(e.index());
            }
        }
        module.globals().forEach(g -> declare(g.init()));
        module.tables().forEach(t -> t.init().ifPresent(this::declare));
        for (ElementSegment segment : module.elements()) {
            switch (segment.items()) {
                case ElementSegment.Functions f -> f.indices().forEach(ctx.declaredFunctions::set);
                case ElementSegment.Expressions x -> x.expressions().forEach(this::declare);
            }
            if (segment.mode() instanceof ElementSegment.Active a) {
                declare(a.offset());
            }
        }
        for (DataSegment segment : module.data()) {
            if (segment.mode() instanceof DataSegment.Active a) {
                declare(a.offset());
            }
        }
    }

    private void declare(Expression expression) {
        for (Instruction i : expression.instructions()) {
            if (i.opcode() == Opcode.REF_FUNC && i.immediate() instanceof Immediate.Index index && index.value() >= 0) {
                ctx.declaredFunctions.set(index.value());
            }
        }
    }
}
