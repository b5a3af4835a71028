package dev.jwc.tools.link;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.tools.ToolsException;
import dev.jwc.witcomponent.ComponentTypeSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What linking needs to know of one dynamic library: its {@code dylink.0} data, its world, the special exports
 * the init module calls, and its symbols sorted by name (imports from {@code env}, {@code GOT.mem},
 * {@code GOT.func}, from adapters; exports).
 */
record Library(String name, boolean dlOpenable, CoreModule module, Dylink dylink,
               List<ComponentTypeSection.Decoded> worlds, Set<String> specialExports,
               SortedMap<String, EnvImport> envImports, SortedSet<String> memoryAddressImports,
               SortedSet<String> tableAddressImports, SortedMap<String, FuncType> tagImports,
               List<Exported> exports, List<AdapterImport> adapterImports, boolean asyncified,
               Set<String> threadImports) {

    static final String ENV = "env";
    static final String GOT_MEM = "GOT.mem";
    static final String GOT_FUNC = "GOT.func";
    static final String DATA_RELOCS = "__wasm_apply_data_relocs";
    static final String CTORS = "__wasm_call_ctors";
    static final String INITIALIZE = "_initialize";
    static final String START = "_start";
    static final String SET_LIBRARIES = "__wasm_set_libraries";
    static final String INIT_TASK = "__wasm_init_task";
    /** {@code GOT.mem} imports the main module defines itself rather than a library. */
    static final Set<String> MAIN_ADDRESSES = Set.of("__heap_base", "__heap_end", "__stack_high", "__stack_low",
            Tls.PROGRAM_INFO);
    /**
     * The {@code env} functions of the wasip3 threading ABI, which the main module provides (stack pointer in
     * context slot 0, a TLS base per library) rather than a library.
     */
    static final Map<String, FuncType> THREAD_FUNCTIONS = Map.of(
            Tls.GET_STACK_POINTER, Tls.GETTER, Tls.SET_STACK_POINTER, Tls.SETTER,
            Tls.GET_TLS_BASE, Tls.GETTER, Tls.SET_TLS_BASE, Tls.SETTER);
    private static final Set<String> SPECIAL = Set.of(DATA_RELOCS, CTORS, INITIALIZE, START, SET_LIBRARIES);

    /** A function imported from {@code env}, with its {@code dylink.0} flags. */
    record EnvImport(FuncType type, int flags) {
        boolean weak() {
            return (flags & Dylink.BINDING_WEAK) != 0;
        }
    }

    /** An exported symbol with its {@code dylink.0} flags. */
    record Exported(Symbol symbol, int flags) {}

    /** An import from an adapter, which the main module re-exports as {@code module:name}. */
    record AdapterImport(String module, String name, Symbol.Kind kind) {}

    boolean has(String export) {
        return specialExports.contains(export);
    }

    /** Whether the library imports {@code module::name}. */
    boolean imports(String module, String name) {
        return this.module.imports().stream().anyMatch(i -> i.module().equals(module) && i.name().equals(name));
    }

    /** Whether the library keeps its thread-local storage base through {@code env::__wasm_get_tls_base}. */
    boolean usesTls() {
        return threadImports.contains(Tls.GET_TLS_BASE) || threadImports.contains(Tls.SET_TLS_BASE);
    }

    boolean hasComponentExports() {
        return worlds.stream().anyMatch(w -> !w.resolve().get(w.world()).exports().isEmpty());
    }

    /** Reads a library; {@code adapters} are the module names imports from which go to an adapter. */
    static Library of(String name, boolean dlOpenable, CoreModule module, Set<String> adapters) {
        try {
            CoreValidator.validate(module, Features.all());
        } catch (ValidationException e) {
            throw new ToolsException("library `" + name + "` is not a valid core module: " + e.getMessage(), e);
        }
        List<ComponentTypeSection.Decoded> worlds;
        try {
            worlds = ComponentTypeSection.findAll(module);
        } catch (dev.jwc.witcomponent.WitComponentException e) {
            throw new ToolsException("library `" + name + "`: " + e.getMessage(), e);
        }
        Dylink dylink = Dylink.of(name, module);
        Reader r = new Reader(name, module);
        SortedMap<String, EnvImport> env = new TreeMap<>();
        SortedSet<String> memory = new TreeSet<>();
        SortedSet<String> table = new TreeSet<>();
        SortedMap<String, FuncType> tags = new TreeMap<>();
        List<AdapterImport> fromAdapters = new ArrayList<>();
        boolean asyncified = false;
        Set<String> threadImports = new TreeSet<>();
        for (Import i : module.imports()) {
            switch (i.module()) {
                case ENV -> {
                    switch (i.name()) {
                        case "memory" -> r.expect(i, i.type() instanceof MemoryType);
                        case "__asyncify_data", "__asyncify_state" -> {
                            asyncified = true;
                            r.expect(i, isI32Global(i.type()));
                        }
                        case "__memory_base", "__table_base", "__stack_pointer", "__init_stack_pointer" ->
                                r.expect(i, isI32Global(i.type()));
                        case "__indirect_function_table" -> r.expect(i, i.type() instanceof TableType t
                                && t.limits().max().isEmpty());
                        default -> {
                            if (THREAD_FUNCTIONS.containsKey(i.name())) {
                                r.expect(i, i.type() instanceof EntityType.Func(int type)
                                        && r.func(type).equals(THREAD_FUNCTIONS.get(i.name())));
                                threadImports.add(i.name());
                                continue;
                            }
                            switch (i.type()) {
                                case EntityType.Func(int type) -> env.put(i.name(), new EnvImport(r.func(type),
                                        dylink.importFlags().getOrDefault(Dylink.importKey(ENV, i.name()), 0)));
                                case TagType(int type) -> tags.put(i.name(), r.func(type));
                                default -> r.expect(i, false);
                            }
                        }
                    }
                }
                case GOT_MEM -> {
                    r.expect(i, isI32Global(i.type()));
                    if (!MAIN_ADDRESSES.contains(i.name())) {
                        memory.add(i.name());
                    }
                }
                case GOT_FUNC -> {
                    r.expect(i, isI32Global(i.type()));
                    table.add(i.name());
                }
                default -> {
                    if (adapters.contains(i.module())) {
                        fromAdapters.add(new AdapterImport(i.module(), i.name(), switch (i.type()) {
                            case EntityType.Func(int type) -> new Symbol.Function(r.func(type));
                            case GlobalType g -> new Symbol.Global(g.type(), g.mutable());
                            default -> throw r.unexpected(i);
                        }));
                    }
                }
            }
        }
        Set<String> special = new TreeSet<>();
        List<Exported> exports = new ArrayList<>();
        for (Export e : module.exports()) {
            if (SPECIAL.contains(e.name())) {
                special.add(e.name());
                continue;
            }
            if (e.name().equals(INIT_TASK)) {
                special.add(e.name());
            }
            Symbol.Kind kind = switch (e.kind()) {
                case FUNC -> new Symbol.Function(r.funcOf(e.index()));
                case GLOBAL -> {
                    GlobalType g = r.global(e.index());
                    yield new Symbol.Global(g.type(), g.mutable());
                }
                case TAG -> new Symbol.Tag(r.func(r.tag(e.index())));
                default -> throw new ToolsException("library `" + name + "` exports " + e.kind().text() + " `"
                        + e.name() + "`; only functions, globals and tags can be linked");
            };
            exports.add(new Exported(new Symbol(e.name(), kind), dylink.exportFlags().getOrDefault(e.name(), 0)));
        }
        exports.sort(Comparator.comparing((Exported x) -> x.symbol().name()));
        fromAdapters.sort(Comparator.comparing(AdapterImport::module).thenComparing(AdapterImport::name));
        return new Library(name, dlOpenable, module, dylink, worlds, special, env, memory, table, tags, exports,
                fromAdapters, asyncified, threadImports);
    }

    private static boolean isI32Global(EntityType type) {
        return type instanceof GlobalType g && g.type() == NumType.I32;
    }

    /** Index spaces of the module, to type its imports and exports. */
    private record Reader(String library, CoreModule module, List<Integer> funcTypes, List<GlobalType> globals,
                          List<Integer> tags) {
        Reader(String library, CoreModule module) {
            this(library, module, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Import i : module.imports()) {
                switch (i.type()) {
                    case EntityType.Func(int type) -> funcTypes.add(type);
                    case GlobalType g -> globals.add(g);
                    case TagType(int type) -> tags.add(type);
                    default -> { }
                }
            }
            funcTypes.addAll(module.functions());
            module.globals().forEach(g -> globals.add(g.type()));
            module.tags().forEach(t -> tags.add(t.typeIndex()));
        }

        FuncType func(int type) {
            CompositeType c = module.subTypes().get(type).composite();
            if (c instanceof FuncType f) {
                return f;
            }
            throw new ToolsException("library `" + library + "`: type " + type + " is not a function type");
        }

        FuncType funcOf(int function) {
            return func(funcTypes.get(function));
        }

        GlobalType global(int index) {
            return globals.get(index);
        }

        int tag(int index) {
            return tags.get(index);
        }

        void expect(Import i, boolean ok) {
            if (!ok) {
                throw unexpected(i);
            }
        }

        ToolsException unexpected(Import i) {
            return new ToolsException("library `" + library + "`: unexpected type for `" + i.module() + "::"
                    + i.name() + "`: " + i.kind().text());
        }
    }
}
