package dev.jwc.tools.link;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.tools.ComponentNew;
import dev.jwc.tools.LinkedLibrary;
import dev.jwc.tools.ToolsException;
import dev.jwc.witcomponent.ComponentTypeSection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code component link}: shared-everything dynamic linking of dynamic libraries (core modules with a
 * {@code dylink.0} section and a {@code component-type} section each) into one component, as wit-component's
 * linker does. The libraries share one memory and one table that a synthesised main module ({@link EnvModule})
 * defines; each is instantiated once its dependencies are ({@code needed} libraries and the exporters of its
 * {@code env} imports; a cycle goes through a thunk of the main module), and an init module
 * ({@link InitModule}) finishes the job. The component's world is the union of the libraries' worlds.
 *
 * <p>Symbols resolve by name and type, the first library given winning over later ones; an unresolved import
 * is an error unless all unresolved imports are functions and either {@link #stubMissingFunctions} is set or
 * they are all weak, in which case a library of trapping stubs provides them. Libraries nothing reaches (no
 * world exports, not dl-openable, no {@code _start}, and no reachable library depends on them) are left out.
 */
public final class Linker {
    /** 1 MiB, the stack size LLVM uses by default. */
    public static final int DEFAULT_STACK_SIZE = 16 * EnvModule.PAGE;

    private record Input(String name, CoreModule module, boolean dlOpenable) {}

    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, CoreModule> adapters = new LinkedHashMap<>();
    private boolean stubMissingFunctions;
    private boolean useBuiltInLibdl;
    private int stackSize = DEFAULT_STACK_SIZE;

    /** Adds a library; a dl-openable one gets all its exports in the {@code dlopen}/{@code dlsym} table. */
    public Linker library(String name, CoreModule module, boolean dlOpenable) {
        if (inputs.stream().anyMatch(i -> i.name().equals(name))) {
            throw new ToolsException("library `" + name + "` given twice");
        }
        inputs.add(new Input(name, module, dlOpenable));
        return this;
    }

    /** Adds an adapter ({@code --adapt NAME=ADAPTER}), merged as {@code component new} merges it. */
    public Linker adapter(String name, CoreModule module) {
        if (adapters.put(name, module) != null) {
            throw new ToolsException("duplicate adapter name `" + name + "`");
        }
        return this;
    }

    /** Whether unresolved function imports become trapping stubs instead of an error. */
    public Linker stubMissingFunctions(boolean stub) {
        this.stubMissingFunctions = stub;
        return this;
    }

    /** Whether to add jwc's own {@code libdl.so} ({@code dlopen}/{@code dlsym} over the dl-openable libraries). */
    public Linker useBuiltInLibdl(boolean use) {
        this.useBuiltInLibdl = use;
        return this;
    }

    /** The stack size in bytes (default {@link #DEFAULT_STACK_SIZE}). */
    public Linker stackSize(int bytes) {
        if (bytes < 0 || bytes % 16 != 0) {
            throw new ToolsException("stack size must be a non-negative multiple of 16, not " + bytes);
        }
        this.stackSize = bytes;
        return this;
    }

    /** The linked component; with no libraries, an empty one (its world imports and exports nothing), as wit-component's. */
    public Component link() {
        if (inputs.isEmpty()) {
            if (!adapters.isEmpty()) {
                throw new ToolsException("nothing to adapt: adapters need at least one library");
            }
            return new Component(List.of());
        }
        List<Input> libraries = new ArrayList<>(inputs);
        if (useBuiltInLibdl) {
            if (libraries.stream().anyMatch(i -> i.name().equals(BuiltInLibdl.NAME))) {
                throw new ToolsException("library `" + BuiltInLibdl.NAME + "` given while using the built-in one");
            }
            libraries.add(new Input(BuiltInLibdl.NAME, BuiltInLibdl.module(), false));
        }
        boolean stub = stubMissingFunctions;
        while (true) {
            List<Library> metadata = libraries.stream()
                    .map(i -> Library.of(i.name(), i.dlOpenable(), i.module(), adapters.keySet())).toList();
            checkNeeded(metadata);
            Symbols symbols = new Symbols(metadata);
            if (!symbols.missing().isEmpty()) {
                List<Symbols.Missing> missing = symbols.missing();
                boolean functions = missing.stream().allMatch(m -> m.symbol().kind() instanceof Symbol.Function);
                if (functions && (stub || missing.stream().allMatch(Symbols.Missing::weak))) {
                    stub = false;
                    Set<Symbol> stubbed = new LinkedHashSet<>();
                    missing.forEach(m -> stubbed.add(m.symbol()));
                    libraries.add(new Input(Stubs.NAME, Stubs.module(stubbed), false));
                    continue;
                }
                throw new ToolsException("unresolved symbol(s):\n" + missing.stream().filter(m -> !m.weak())
                        .map(m -> "\t" + m.importer() + " needs " + m.symbol()).collect(Collectors.joining("\n")));
            }
            Dependencies deps = new Dependencies(metadata, symbols);
            Set<String> reachable = deps.reachable();
            if (reachable.size() < metadata.size()) {
                libraries.removeIf(i -> !reachable.contains(i.name()));
                continue;
            }
            return encode(metadata, symbols, deps.topologicalOrder());
        }
    }

    /** {@link #link} as bytes. */
    public byte[] linkBytes() {
        return ComponentWriter.write(link());
    }

    private static void checkNeeded(List<Library> libraries) {
        Set<String> names = libraries.stream().map(Library::name).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Library l : libraries) {
            List<String> absent = l.dylink().needed().stream().filter(n -> !names.contains(n)).toList();
            if (!absent.isEmpty()) {
                missing.add("\t" + l.name() + " needs " + String.join(", ", absent));
            }
        }
        if (!missing.isEmpty()) {
            throw new ToolsException("missing libraries:\n" + String.join("\n", missing));
        }
    }

    private Component encode(List<Library> libraries, Symbols symbols, List<Library> order) {
        List<EnvModule.Thunk> thunks = thunks(order, symbols);
        boolean reallocThunk = thunks.stream().anyMatch(t -> t.name().equals("cabi_realloc"));
        Optional<String> reallocExporter = reallocThunk ? Optional.empty()
                : symbols.firstExporter(Symbols.function("cabi_realloc", Symbol.REALLOC));
        EnvModule.Built env = EnvModule.build(libraries, thunks, reallocExporter, stackSize);
        List<LinkedLibrary> linked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Library l : order) {
            linked.add(new LinkedLibrary(l.name(), withoutMetadata(l.module()),
                    WorldUnion.exportNames(l.worlds()), arguments(l, symbols, seen)));
            seen.add(l.name());
        }
        CoreModule init = InitModule.build(libraries, symbols, thunks, env.dlOpenables(), env.thunkBase(),
                env.tls());
        List<ComponentTypeSection.Decoded> worlds = new ArrayList<>();
        libraries.forEach(l -> worlds.addAll(l.worlds()));
        if (worlds.isEmpty()) {
            throw new ToolsException("no library has a `component-type` section: embed a world first");
        }
        return ComponentNew.createLinked(env.module(), WorldUnion.of(worlds), linked, init, adapters);
    }

    /**
     * The functions the main module exports as thunks: in instantiation order, each function a library takes
     * the address of ({@code GOT.func}), and each {@code env} import whose exporter is not instantiated yet.
     */
    private static List<EnvModule.Thunk> thunks(List<Library> order, Symbols symbols) {
        List<EnvModule.Thunk> thunks = new ArrayList<>();
        Set<String> exported = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Library l : order) {
            for (String name : l.tableAddressImports()) {
                if (exported.add(name)) {
                    Symbol f = symbols.function(name).orElseThrow(
                            () -> new ToolsException("unable to find function `" + name + "` in any library"));
                    thunks.add(new EnvModule.Thunk(name, ((Symbol.Function) f.kind()).type(), symbols.exporter(f)));
                }
            }
            l.envImports().forEach((name, i) -> {
                String exporter = symbols.exporter(Symbols.function(name, i.type()));
                if (!exported.contains(name) && !seen.contains(exporter)) {
                    thunks.add(new EnvModule.Thunk(name, i.type(), exporter));
                    exported.add(name);
                }
            });
            seen.add(l.name());
        }
        return thunks;
    }

    /** The instances a library imports besides its world: {@code env}, {@code GOT.mem}, {@code GOT.func}, adapters. */
    private static Map<String, List<LinkedLibrary.Item>> arguments(Library l, Symbols symbols, Set<String> seen) {
        Set<String> imported = new HashSet<>();
        l.module().imports().forEach(i -> imported.add(i.module()));
        Map<String, List<LinkedLibrary.Item>> args = new LinkedHashMap<>();
        List<LinkedLibrary.Item> env = new ArrayList<>();
        env.add(main("memory", ExternalKind.MEMORY, "memory"));
        env.add(main("__indirect_function_table", ExternalKind.TABLE, "__indirect_function_table"));
        for (String g : List.of("__stack_pointer", "__init_stack_pointer")) {
            env.add(main(g, ExternalKind.GLOBAL, g));
        }
        env.add(main("__memory_base", ExternalKind.GLOBAL, l.name() + ":memory_base"));
        env.add(main("__table_base", ExternalKind.GLOBAL, l.name() + ":table_base"));
        l.envImports().forEach((name, i) -> {
            String exporter = symbols.exporter(Symbols.function(name, i.type()));
            env.add(new LinkedLibrary.Item(name, ExternalKind.FUNC,
                    seen.contains(exporter) ? Optional.of(exporter) : Optional.empty(), name));
        });
        for (String name : l.threadImports()) {
            boolean tlsBase = name.equals(Tls.GET_TLS_BASE) || name.equals(Tls.SET_TLS_BASE);
            env.add(main(name, ExternalKind.FUNC, tlsBase ? l.name() + ":" + name : name));
        }
        l.tagImports().forEach((name, type) -> {
            String exporter = symbols.exporter(new Symbol(name, new Symbol.Tag(type)));
            if (!seen.contains(exporter)) {
                throw new ToolsException("circular dependency prevents direct tag import from `" + exporter + "`");
            }
            env.add(new LinkedLibrary.Item(name, ExternalKind.TAG, Optional.of(exporter), name));
        });
        if (l.asyncified()) {
            for (String g : List.of("__asyncify_state", "__asyncify_data")) {
                env.add(main(g, ExternalKind.GLOBAL, g));
            }
        }
        List<LinkedLibrary.Item> memory = new ArrayList<>();
        l.memoryAddressImports().forEach(n -> memory.add(main(n, ExternalKind.GLOBAL, l.name() + ":" + n)));
        Library.MAIN_ADDRESSES.stream().sorted().filter(n -> l.imports(Library.GOT_MEM, n))
                .forEach(n -> memory.add(main(n, ExternalKind.GLOBAL, n)));
        List<LinkedLibrary.Item> table = new ArrayList<>();
        l.tableAddressImports().forEach(n -> table.add(main(n, ExternalKind.GLOBAL, l.name() + ":" + n)));
        Map<String, List<LinkedLibrary.Item>> candidates = new LinkedHashMap<>();
        candidates.put(Library.GOT_MEM, memory);
        candidates.put(Library.GOT_FUNC, table);
        candidates.put(Library.ENV, env);
        for (Library.AdapterImport i : l.adapterImports()) {
            candidates.computeIfAbsent(i.module(), k -> new ArrayList<>())
                    .add(main(i.name(), i.kind().external(), i.module() + ":" + i.name()));
        }
        candidates.forEach((module, items) -> {
            if (imported.contains(module)) {
                args.put(module, items);
            }
        });
        return args;
    }

    private static LinkedLibrary.Item main(String alias, ExternalKind kind, String name) {
        return new LinkedLibrary.Item(alias, kind, Optional.empty(), name);
    }

    /** The library without its world, which the component's type carries instead. */
    private static CoreModule withoutMetadata(CoreModule m) {
        return new CoreModule(m.types(), m.imports(), m.functions(), m.tables(), m.memories(), m.tags(),
                m.globals(), m.exports(), m.start(), m.elements(), m.dataCount(), m.code(), m.data(),
                m.customSections().stream().filter(c -> !c.name().startsWith("component-type")).toList());
    }
}
