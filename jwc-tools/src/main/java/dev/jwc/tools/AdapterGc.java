package dev.jwc.tools;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CustomSection;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.FunctionBody;
import dev.jwc.binary.core.Global;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.Locals;
import dev.jwc.binary.core.NameSection;
import dev.jwc.binary.core.Names;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.BlockType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.validate.CoreValidator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Shrinks an adapter module to what the component needs, as wit-component's adapter GC does: only the
 * required exports (and the {@code cabi_*realloc} functions lowerings may use) stay, and with them only the
 * functions they reach, so the adapter imports only what it really calls. The adapter's
 * {@code __stack_pointer} then gets a stack: lazily from the main module's {@code cabi_realloc} when an
 * {@code allocation_state} global guards against reentrance, otherwise one page from {@code memory.grow} in a
 * start function. An adapter importing {@code cabi_realloc} from a main module that has none gets a local
 * one that hands out fresh pages.
 */
final class AdapterGc {
    static final String MAIN_MODULE = "__main_module__";
    private static final List<String> REALLOCS = List.of("cabi_realloc", "cabi_import_realloc", "cabi_export_realloc");
    private static final FuncType REALLOC_TYPE = new FuncType(List.of(NumType.I32, NumType.I32, NumType.I32,
            NumType.I32), List.of(NumType.I32));
    private static final int PAGE = 65536;
    private static final int UNALLOCATED = 0;
    private static final int ALLOCATING = 1;
    private static final int ALLOCATED = 2;

    private final CoreModule module;
    private final int importedFuncs;
    private final int importedGlobals;
    private final List<Integer> funcTypes = new ArrayList<>();
    private final BitSet liveFuncs = new BitSet();
    private final BitSet liveGlobals = new BitSet();
    private boolean memoryUsed;
    private final Deque<Integer> pending = new ArrayDeque<>();

    private AdapterGc(CoreModule module) {
        this.module = module;
        this.importedFuncs = module.importCount(ExternalKind.FUNC);
        this.importedGlobals = module.importCount(ExternalKind.GLOBAL);
        for (Import i : module.imports()) {
            if (i.type() instanceof EntityType.Func(int t)) {
                funcTypes.add(t);
            }
        }
        funcTypes.addAll(module.functions());
    }

    /**
     * The adapter reduced to the exports {@code required}; {@code mainRealloc} is the main module's
     * {@code cabi_realloc} export, when it has one.
     */
    static CoreModule trim(String adapterName, CoreModule adapter, Set<String> required, Optional<String> mainRealloc) {
        try {
            // Like wit-component, check the module's structure; code the trimming drops need not be valid.
            CoreValidator.validateDeferringBodies(adapter, Features.all());
        } catch (ValidationException e) {
            throw new ToolsException("adapter `" + adapterName + "` is not a valid core module: " + e.getMessage(), e);
        }
        if (!adapter.elements().isEmpty() || !adapter.data().isEmpty() || adapter.start().isPresent()) {
            throw new ToolsException("adapter `" + adapterName
                    + "` has element segments, data segments or a start function, which adapters cannot have");
        }
        for (String name : required) {
            if (adapter.exports().stream().noneMatch(e -> e.name().equals(name))) {
                throw new ToolsException("adapter module `" + adapterName + "` does not have export `" + name + "`");
            }
        }
        return new AdapterGc(adapter).run(required, mainRealloc);
    }

    private CoreModule run(Set<String> required, Optional<String> mainRealloc) {
        List<Export> exports = module.exports().stream()
                .filter(e -> required.contains(e.name()) || REALLOCS.contains(e.name())).toList();
        for (Export e : exports) {
            switch (e.kind()) {
                case FUNC -> func(e.index());
                case GLOBAL -> liveGlobals.set(e.index());
                case MEMORY -> memoryUsed = true;
                case TABLE, TAG -> { }
            }
        }
        while (!pending.isEmpty()) {
            int f = pending.pop();
            if (f >= importedFuncs) {
                FunctionBody body = module.code().get(f - importedFuncs);
                walk(body.body());
            }
        }
        return new Rewriter(exports, mainRealloc).rewrite();
    }

    private void func(int index) {
        if (index < 0 || index >= funcTypes.size()) {
            throw new ToolsException("the adapter refers to function " + index + ", which it does not have");
        }
        if (!liveFuncs.get(index)) {
            liveFuncs.set(index);
            pending.push(index);
        }
    }

    private void walk(Expression e) {
        for (Instruction i : e.instructions()) {
            switch (i.opcode().immediateKind()) {
                case FUNC -> func(((Immediate.Index) i.immediate()).value());
                case GLOBAL -> {
                    int g = ((Immediate.Index) i.immediate()).value();
                    if (g < 0 || g >= importedGlobals + module.globals().size()) {
                        throw new ToolsException("the adapter refers to global " + g + ", which it does not have");
                    }
                    if (!liveGlobals.get(g)) {
                        liveGlobals.set(g);
                        if (g >= importedGlobals) {
                            walk(module.globals().get(g - importedGlobals).init());
                        }
                    }
                }
                case MEMORY, MEMARG, MEMARG_LANE, MEMORY_COPY, MEMORY_INIT -> memoryUsed = true;
                default -> { }
            }
        }
    }

    /** Builds the trimmed module once liveness is known. */
    private final class Rewriter {
        private final List<Export> exports;
        private final Optional<String> mainRealloc;
        private final List<RecGroup> types = new ArrayList<>(module.types());
        private final List<Import> imports = new ArrayList<>();
        private final List<Integer> functions = new ArrayList<>();
        private final List<FunctionBody> code = new ArrayList<>();
        private final Map<Integer, Integer> remap = new HashMap<>();
        private final Map<Integer, String> names = new LinkedHashMap<>();
        private int funcCount;
        private OptionalInt realloc = OptionalInt.empty();

        Rewriter(List<Export> exports, Optional<String> mainRealloc) {
            this.exports = exports;
            this.mainRealloc = mainRealloc;
        }

        CoreModule rewrite() {
            Map<Integer, String> oldNames = module.names().map(Names::functions).orElse(Map.of());
            if (mainRealloc.isEmpty() && importsLiveRealloc()) {
                memoryUsed = true;
            }
            int funcIndex = 0;
            int replacedRealloc = -1;
            for (Import i : module.imports()) {
                if (i.type() instanceof EntityType.Func) {
                    int old = funcIndex++;
                    if (!liveFuncs.get(old)) {
                        continue;
                    }
                    if (isRealloc(i)) {
                        if (mainRealloc.isEmpty()) {
                            replacedRealloc = old;
                            continue;
                        }
                        realloc = OptionalInt.of(funcCount);
                        i = new Import(i.module(), mainRealloc.get(), i.type());
                    }
                    remap.put(old, funcCount++);
                    imports.add(i);
                } else if (!(i.type() instanceof dev.jwc.binary.core.types.MemoryType) || memoryUsed) {
                    imports.add(i);
                }
            }
            OptionalInt sp = mutableI32Global("__stack_pointer");
            OptionalInt state = mutableI32Global("allocation_state");
            boolean lazyStack = sp.isPresent() && state.isPresent() && mainRealloc.isPresent();
            if (lazyStack && realloc.isEmpty()) {
                imports.add(new Import(MAIN_MODULE, mainRealloc.get(), new EntityType.Func(type(REALLOC_TYPE))));
                names.put(funcCount, mainRealloc.get());
                realloc = OptionalInt.of(funcCount++);
            }
            if (replacedRealloc >= 0) {
                remap.put(replacedRealloc, funcCount);
                define(REALLOC_TYPE, reallocViaMemoryGrow(), "realloc_via_memory_grow");
            }
            List<Integer> liveDefined = new ArrayList<>();
            for (int f = importedFuncs; f < funcTypes.size(); f++) {
                if (liveFuncs.get(f)) {
                    liveDefined.add(f);
                    remap.put(f, funcCount + liveDefined.size() - 1);
                }
            }
            int firstDefined = funcCount;
            funcCount += liveDefined.size();
            int allocateStack = lazyStack ? funcCount : -1;
            for (int f : liveDefined) {
                FunctionBody body = module.code().get(f - importedFuncs);
                List<Instruction> instrs = new ArrayList<>();
                if (lazyStack && exportsFunction(f)) {
                    instrs.add(Instruction.index(Opcode.CALL, allocateStack));
                }
                body.body().instructions().forEach(i -> instrs.add(remapped(i)));
                functions.add(funcTypes.get(f));
                code.add(new FunctionBody(body.locals(), Expression.of(instrs)));
            }
            if (firstDefined + liveDefined.size() != funcCount) {
                throw new IllegalStateException("function numbering out of step");
            }
            OptionalInt start = OptionalInt.empty();
            if (lazyStack) {
                define(FuncType.EMPTY, allocateStack(realloc.getAsInt(), sp.getAsInt(), state), "allocate_stack");
            } else if (sp.isPresent() && memoryUsed) {
                int memoryGrow = funcCount;
                define(REALLOC_TYPE, reallocViaMemoryGrow(), "realloc_via_memory_grow");
                start = OptionalInt.of(funcCount);
                define(FuncType.EMPTY, allocateStack(memoryGrow, sp.getAsInt(), state), "allocate_stack");
            }
            remap.forEach((old, now) -> {
                if (oldNames.containsKey(old)) {
                    names.putIfAbsent(now, oldNames.get(old));
                }
            });
            List<Export> newExports = exports.stream().map(e -> e.kind() == ExternalKind.FUNC
                    ? new Export(e.name(), e.kind(), remap.get(e.index())) : e).toList();
            List<CustomSection> customs = new ArrayList<>();
            Names oldAll = module.names().orElse(Names.EMPTY);
            customs.add(new NameSection(new Names(oldAll.module(), new java.util.TreeMap<>(names), Map.of(), Map.of(), oldAll.types(),
                    oldAll.tables(), oldAll.memories(), oldAll.globals(), Map.of(), Map.of(), oldAll.fields(),
                    oldAll.tags()), Optional.empty()));
            List<Global> globals = module.globals().stream()
                    .map(g -> new Global(g.type(), remapped(g.init()))).toList();
            return new CoreModule(types, imports, functions, module.tables(),
                    memoryUsed ? module.memories() : List.of(), module.tags(), globals, newExports, start,
                    List.of(), OptionalInt.empty(), code, List.of(), customs);
        }

        /** Whether a live function import is the main module's realloc, which a local one must then replace. */
        private boolean importsLiveRealloc() {
            int f = 0;
            for (Import i : module.imports()) {
                if (i.type() instanceof EntityType.Func) {
                    if (liveFuncs.get(f) && isRealloc(i)) {
                        return true;
                    }
                    f++;
                }
            }
            return false;
        }

        private boolean exportsFunction(int f) {
            return exports.stream().anyMatch(e -> e.kind() == ExternalKind.FUNC && e.index() == f);
        }

        private void define(FuncType type, FunctionBody body, String name) {
            functions.add(type(type));
            code.add(body);
            names.put(funcCount++, name);
        }

        private int type(FuncType wanted) {
            List<SubType> all = new ArrayList<>();
            types.forEach(g -> all.addAll(g.types()));
            for (int t = 0; t < all.size(); t++) {
                if (all.get(t).composite().equals(wanted) && all.get(t).isFinal() && all.get(t).supertypes().isEmpty()) {
                    return t;
                }
            }
            types.add(RecGroup.single(SubType.plain(wanted)));
            return all.size();
        }

        private OptionalInt mutableI32Global(String name) {
            Map<Integer, String> globalNames = module.names().map(Names::globals).orElse(Map.of());
            int imported = module.importCount(ExternalKind.GLOBAL);
            OptionalInt found = OptionalInt.empty();
            for (var e : globalNames.entrySet()) {
                int g = e.getKey();
                if (e.getValue().equals(name) && liveGlobals.get(g) && g >= imported
                        && g - imported < module.globals().size()) {
                    GlobalType t = module.globals().get(g - imported).type();
                    if (t.mutable() && t.type() == NumType.I32) {
                        if (found.isPresent()) {
                            throw new ToolsException("the adapter has several globals named `" + name + "`");
                        }
                        found = OptionalInt.of(g);
                    }
                }
            }
            return found;
        }

        private Instruction remapped(Instruction i) {
            if (i.opcode().immediateKind() == dev.jwc.binary.core.instr.ImmediateKind.FUNC) {
                return Instruction.index(i.opcode(), remap.get(((Immediate.Index) i.immediate()).value()));
            }
            return i;
        }

        private Expression remapped(Expression e) {
            return Expression.of(e.instructions().stream().map(this::remapped).toList());
        }
    }

    private static boolean isRealloc(Import i) {
        return i.module().equals(MAIN_MODULE) && (i.name().equals("cabi_realloc")
                || i.name().equals("canonical_abi_realloc"));
    }

    /** {@code cabi_realloc} for fresh page-sized allocations only, each one new page of memory. */
    private static FunctionBody reallocViaMemoryGrow() {
        List<Instruction> b = new ArrayList<>();
        trapUnless(b, 0, 0);
        trapUnless(b, 1, 0);
        trapUnless(b, 3, PAGE);
        b.add(Instruction.i32Const(1));
        b.add(Instruction.index(Opcode.MEMORY_GROW, 0));
        b.add(Instruction.index(Opcode.LOCAL_TEE, 4));
        b.add(Instruction.i32Const(-1));
        b.add(Instruction.of(Opcode.I32_EQ));
        trapIfTrue(b);
        b.add(Instruction.index(Opcode.LOCAL_GET, 4));
        b.add(Instruction.i32Const(16));
        b.add(Instruction.of(Opcode.I32_SHL));
        return new FunctionBody(List.of(new Locals(1, NumType.I32)), Expression.of(b));
    }

    private static void trapUnless(List<Instruction> b, int local, int expected) {
        b.add(Instruction.i32Const(expected));
        b.add(Instruction.index(Opcode.LOCAL_GET, local));
        b.add(Instruction.of(Opcode.I32_NE));
        trapIfTrue(b);
    }

    private static void trapIfTrue(List<Instruction> b) {
        b.add(new Instruction(Opcode.IF, new Immediate.Block(BlockType.EMPTY)));
        b.add(Instruction.of(Opcode.UNREACHABLE));
        b.add(Instruction.of(Opcode.END));
    }

    /** Sets the stack pointer to the top of a page from {@code realloc}, once when {@code state} guards it. */
    private static FunctionBody allocateStack(int realloc, int sp, OptionalInt state) {
        List<Instruction> b = new ArrayList<>();
        if (state.isPresent()) {
            b.add(Instruction.index(Opcode.GLOBAL_GET, state.getAsInt()));
            b.add(Instruction.i32Const(UNALLOCATED));
            b.add(Instruction.of(Opcode.I32_EQ));
            b.add(new Instruction(Opcode.IF, new Immediate.Block(BlockType.EMPTY)));
            b.add(Instruction.i32Const(ALLOCATING));
            b.add(Instruction.index(Opcode.GLOBAL_SET, state.getAsInt()));
        }
        b.add(Instruction.i32Const(0));
        b.add(Instruction.i32Const(0));
        b.add(Instruction.i32Const(8));
        b.add(Instruction.i32Const(PAGE));
        b.add(Instruction.index(Opcode.CALL, realloc));
        b.add(Instruction.i32Const(PAGE));
        b.add(Instruction.of(Opcode.I32_ADD));
        b.add(Instruction.index(Opcode.GLOBAL_SET, sp));
        if (state.isPresent()) {
            b.add(Instruction.i32Const(ALLOCATED));
            b.add(Instruction.index(Opcode.GLOBAL_SET, state.getAsInt()));
            b.add(Instruction.of(Opcode.END));
        }
        return new FunctionBody(List.of(), Expression.of(b));
    }
}
