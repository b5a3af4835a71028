package dev.jwc.tools;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.text.Wat;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.function.ToIntFunction;

/**
 * The imports of the main module (or of an adapter) and what each is bound to: a world function lowered into it,
 * the drop of an imported resource, an intrinsic of a resource the component exports, or the memory; the main
 * module may import an adapter's functions, and an adapter imports the main module's memory and exports.
 * Lowerings that need the main module's memory or a {@code cabi_realloc}, and adapter functions (the adapter is
 * instantiated after the main module), go through the {@link Shim}.
 */
final class Lowerings {
    /** What one import of the main module is bound to. */
    private sealed interface Binding {
        /** World function {@code field} of import {@code worldName} ({@code field} null for a world function). */
        record Lowered(Function function, String worldName, String field) implements Binding {}

        /** {@code [resource-drop]r} of a resource the world imports. */
        record ImportedDrop(String worldName, String resource) implements Binding {}

        /** {@code [resource-new|rep|drop]r} from {@code [export]iface}: resource {@code r} the component defines. */
        record ExportedResource(ResourceIntrinsic intrinsic, TypeId resource) implements Binding {}

        /** {@code env::memory}, which the shim defines. */
        record Memory() implements Binding {}

        /** A function of the adapter the main module imports under the adapter's name. */
        record AdapterExport() implements Binding {}

        /** An adapter's {@code env::memory}: the main module's memory. */
        record MainMemory() implements Binding {}

        /** An adapter's import from {@code __main_module__}: the main module's export of that name. */
        record MainExport(CoreSort sort) implements Binding {}
    }

    enum ResourceIntrinsic {
        NEW("[resource-new]"), REP("[resource-rep]"), DROP("[resource-drop]");

        final String prefix;

        ResourceIntrinsic(String prefix) {
            this.prefix = prefix;
        }
    }

    /** The component-level imports lowerings refer to, by name: functions, interface instances, types. */
    record WorldImports(Map<String, Integer> funcs, Map<String, Integer> instances, Map<String, Integer> types) {}

    static final String RESOURCE_DROP = "[resource-drop]";
    static final String EXPORT_PREFIX = "[export]";
    static final String ENV = "env";
    static final String IMPORT_REALLOC = "cabi_import_realloc";
    static final String LEGACY_REALLOC = "canonical_abi_realloc";
    static final String EXPORT_REALLOC = "cabi_export_realloc";

    /** The module whose imports these are: the main module, or an adapter. */
    private final CoreModule main;
    private final Resolve resolve;
    private final WorldId world;
    private final CanonicalAbi abi;
    private final Shim shim;
    /** The adapters the main module may import from, by name (none for an adapter). */
    private final Map<String, CoreModule> adapters;
    private final Map<String, Integer> adapterInstances = new HashMap<>();
    /** For an adapter: the main module's lowerings, which give its memory and instance. */
    private final Optional<Lowerings> mainModule;
    /** Each import of the main module, in order, with its binding and its shim slot (or -1). */
    private record Bound(Import imported, Binding binding, int slot) {}

    private final List<Bound> bound = new ArrayList<>();
    private ComponentBuilder out;
    private WorldImports imports;
    private CanonOpt.StringEncoding encoding;
    private int mainInstance = -1;
    private Integer memory;
    private Integer realloc;
    private final Map<String, Integer> adapterReallocs = new HashMap<>();

    /** The main module's lowerings; it may import functions from {@code adapters} by their names. */
    Lowerings(CoreModule main, Resolve resolve, WorldId world, CanonicalAbi abi, Shim shim,
              Map<String, CoreModule> adapters) {
        this(main, resolve, world, abi, shim, adapters, Optional.empty());
    }

    private Lowerings(CoreModule module, Resolve resolve, WorldId world, CanonicalAbi abi, Shim shim,
                      Map<String, CoreModule> adapters, Optional<Lowerings> mainModule) {
        this.main = module;
        this.resolve = resolve;
        this.world = world;
        this.abi = abi;
        this.shim = shim;
        this.adapters = Map.copyOf(adapters);
        this.mainModule = mainModule;
    }

    /** The lowerings of an adapter, instantiated after the main module whose lowerings are {@code this}. */
    Lowerings forAdapter(CoreModule adapter) {
        return new Lowerings(adapter, resolve, world, abi, shim, Map.of(), Optional.of(this));
    }

    CoreModule module() {
        return main;
    }

    /** The core instance of the module, once {@link #instantiate}d. */
    int instance() {
        return mainInstance;
    }

    /** Records adapter {@code name}'s core instance, whose functions the shim forwards to. */
    void adapterInstantiated(String name, int instance) {
        adapterInstances.put(name, instance);
    }

    /** Binds every import of the main module, checking its core type; reserves shim slots where needed. */
    void check() {
        List<SubType> types = main.subTypes();
        for (Import i : main.imports()) {
            if (adapters.containsKey(i.module())) {
                bound.add(adapterExport(i, types));
                continue;
            }
            Binding b = switch (i.type()) {
                case MemoryType m when mainModule.isPresent() && i.module().equals(ENV) -> new Binding.MainMemory();
                case EntityType t when mainModule.isPresent() && i.module().equals(AdapterGc.MAIN_MODULE) ->
                        new Binding.MainExport(sort(i.kind()));
                case MemoryType m when i.module().equals(ENV) && i.name().equals(ComponentNew.MEMORY) -> {
                    shim.defineMemory(m);
                    yield new Binding.Memory();
                }
                case EntityType.Func(int typeIndex) -> bind(i, types.get(typeIndex).composite());
                default -> throw new ToolsException("module imports " + i.kind().text() + " `" + i.module() + "::"
                        + i.name() + "`; only functions and `env::memory` can be imported");
            };
            int slot = b instanceof Binding.Lowered l && abi.needsMemory(l.function())
                    ? shim.add(abi.signature(l.function(), CanonicalAbi.Direction.LOWER), () -> lowerWithOptions(l))
                    : -1;
            bound.add(new Bound(i, b, slot));
        }
    }

    /** The main module's import of an adapter function, which the shim forwards once the adapter exists. */
    private Bound adapterExport(Import i, List<SubType> types) {
        if (!(i.type() instanceof EntityType.Func(int typeIndex))
                || !(types.get(typeIndex).composite() instanceof FuncType type)) {
            throw new ToolsException("module imports " + i.kind().text() + " `" + i.module() + "::" + i.name()
                    + "`; only functions can be imported from an adapter");
        }
        requireExport(adapters.get(i.module()), i.name(), type);
        int slot = shim.add(type, () -> out.coreExport(adapterInstances.get(i.module()), i.name(), CoreSort.FUNC));
        return new Bound(i, new Binding.AdapterExport(), slot);
    }

    private static CoreSort sort(ExternalKind kind) {
        return switch (kind) {
            case FUNC -> CoreSort.FUNC;
            case TABLE -> CoreSort.TABLE;
            case MEMORY -> CoreSort.MEMORY;
            case GLOBAL -> CoreSort.GLOBAL;
            case TAG -> CoreSort.TAG;
        };
    }

    private Binding bind(Import i, CompositeType actual) {
        if (i.module().startsWith(EXPORT_PREFIX)) {
            return exportedResource(i, actual);
        }
        if (i.name().startsWith(RESOURCE_DROP)) {
            expectType(i, actual, new FuncType(List.of(NumType.I32), List.of()));
            return importedDrop(i);
        }
        Binding.Lowered l = find(i);
        expectType(i, actual, abi.signature(l.function(), CanonicalAbi.Direction.LOWER));
        return l;
    }

    private static void expectType(Import i, CompositeType actual, FuncType expected) {
        if (!expected.equals(actual)) {
            throw new ToolsException("type mismatch for `" + i.name() + "` imported from `" + i.module()
                    + "`: expected " + expected + " but found " + actual);
        }
    }

    private Binding importedDrop(Import i) {
        String resource = i.name().substring(RESOURCE_DROP.length());
        var w = resolve.get(world);
        for (var e : w.imports().entrySet()) {
            String name = ComponentNew.keyName(resolve, e.getKey());
            boolean found = switch (e.getValue()) {
                case WorldItem.TypeItem t -> i.module().equals(ComponentNew.ROOT_MODULE) && name.equals(resource)
                        && resolve.get(t.id()).kind() instanceof TypeDefKind.Resource;
                case WorldItem.InterfaceItem item -> name.equals(ImportNames.worldName(resolve, world, i.module()))
                        && resolve.get(item.id()).types().containsKey(resource);
                case WorldItem.FunctionItem f -> false;
            };
            if (found) {
                return new Binding.ImportedDrop(name, resource);
            }
        }
        throw new ToolsException("module imports `" + i.name() + "` from `" + i.module()
                + "`, but the world imports no resource `" + resource + "` there");
    }

    private Binding exportedResource(Import i, CompositeType actual) {
        String exported = i.module().substring(EXPORT_PREFIX.length());
        for (ResourceIntrinsic intrinsic : ResourceIntrinsic.values()) {
            if (i.name().startsWith(intrinsic.prefix)) {
                TypeId resource = exportedResource(i, exported, i.name().substring(intrinsic.prefix.length()));
                expectType(i, actual, intrinsic == ResourceIntrinsic.DROP
                        ? new FuncType(List.of(NumType.I32), List.of())
                        : new FuncType(List.of(NumType.I32), List.of(NumType.I32)));
                return new Binding.ExportedResource(intrinsic, resource);
            }
        }
        throw new ToolsException("module imports unknown intrinsic `" + i.name() + "` from `" + i.module() + "`");
    }

    private TypeId exportedResource(Import i, String exported, String resource) {
        for (var e : resolve.get(world).exports().entrySet()) {
            if (e.getValue() instanceof WorldItem.InterfaceItem item
                    && ComponentNew.keyName(resolve, e.getKey()).equals(exported)) {
                TypeId id = resolve.get(item.id()).types().get(resource);
                if (id == null || !(resolve.get(id).kind() instanceof TypeDefKind.Resource)) {
                    throw new ToolsException("module imports `" + i.name() + "` from `" + i.module()
                            + "`, but `" + exported + "` exports no resource `" + resource + "`");
                }
                return id;
            }
        }
        throw new ToolsException("module imports from `" + i.module() + "`, but the world exports no `"
                + exported + "`");
    }

    private Binding.Lowered find(Import i) {
        var w = resolve.get(world);
        if (i.module().equals(ComponentNew.ROOT_MODULE)) {
            for (var e : w.imports().entrySet()) {
                if (e.getValue() instanceof WorldItem.FunctionItem(Function f) && f.name().equals(i.name())) {
                    return new Binding.Lowered(f, ComponentNew.keyName(resolve, e.getKey()), null);
                }
            }
            throw new ToolsException("module imports `" + i.name() + "` from `$root`, which the world does not import");
        }
        for (var e : w.imports().entrySet()) {
            String name = ComponentNew.keyName(resolve, e.getKey());
            if (name.equals(ImportNames.worldName(resolve, world, i.module()))
                    && e.getValue() instanceof WorldItem.InterfaceItem item) {
                Interface iface = resolve.get(item.id());
                Function f = iface.functions().get(i.name());
                if (f == null) {
                    throw new ToolsException("module imports `" + i.name() + "` from `" + i.module()
                            + "`, which that interface does not define");
                }
                return new Binding.Lowered(f, name, i.name());
            }
        }
        throw new ToolsException("module imports from `" + i.module() + "`, which the world does not import");
    }

    /**
     * Instantiates the main module with its bound imports ({@code exportedResources} gives the component's own
     * resource types) and returns the main core instance. The shim must be instantiated already.
     */
    int instantiate(ComponentBuilder builder, WorldImports imports, CanonOpt.StringEncoding encoding,
                    ToIntFunction<TypeId> exportedResources) {
        this.out = builder;
        this.imports = imports;
        this.encoding = encoding;
        int moduleIndex = out.module(main);
        Map<String, List<CoreInstance.Export>> byModule = new LinkedHashMap<>();
        for (Bound bi : bound) {
            Import i = bi.imported();
            Binding b = bi.binding();
            CoreSort sort = switch (b) {
                case Binding.Memory m -> CoreSort.MEMORY;
                case Binding.MainMemory m -> CoreSort.MEMORY;
                case Binding.MainExport e -> e.sort();
                default -> CoreSort.FUNC;
            };
            int core = switch (b) {
                case Binding.Lowered l -> bi.slot() >= 0 ? shim.func(out, bi.slot())
                        : out.canon(new Canon.Lower(componentFunc(l), List.of()));
                case Binding.ImportedDrop d -> out.canon(new Canon.ResourceDrop(
                        i.module().equals(ComponentNew.ROOT_MODULE) ? imports.types().get(d.resource())
                                : out.alias(new Alias.InstanceExport(ComponentSort.TYPE,
                                        imports.instances().get(d.worldName()), d.resource()))));
                case Binding.ExportedResource r -> {
                    int type = exportedResources.applyAsInt(r.resource());
                    yield out.canon(switch (r.intrinsic()) {
                        case NEW -> new Canon.ResourceNew(type);
                        case REP -> new Canon.ResourceRep(type);
                        case DROP -> new Canon.ResourceDrop(type);
                    });
                }
                case Binding.Memory m -> shim.memory(out);
                case Binding.AdapterExport a -> shim.func(out, bi.slot());
                case Binding.MainMemory m -> memory("`" + i.module() + "::" + i.name() + "`");
                case Binding.MainExport e -> {
                    Lowerings host = mainModule.orElseThrow();
                    if (!hasExport(host.main, i.name(), i.kind())) {
                        throw new ToolsException("the adapter imports " + i.kind().text() + " `" + i.name()
                                + "` from the main module, which does not export it");
                    }
                    yield out.coreExport(host.mainInstance, i.name(), e.sort());
                }
            };
            byModule.computeIfAbsent(i.module(), k -> new ArrayList<>())
                    .add(new CoreInstance.Export(i.name(), sort, core));
        }
        List<CoreInstance.Arg> args = new ArrayList<>();
        byModule.forEach((module, exports) -> args.add(
                new CoreInstance.Arg(module, out.coreInstance(new CoreInstance.FromExports(exports)))));
        mainInstance = out.coreInstance(new CoreInstance.Instantiate(moduleIndex, args));
        return mainInstance;
    }

    /** The real lowering of a shimmed import, with the main module's memory (and realloc). */
    private int lowerWithOptions(Binding.Lowered l) {
        String user = l.field() == null ? l.worldName() : l.field();
        List<CanonOpt> options = new ArrayList<>();
        options.add(new CanonOpt.Memory(memory(user)));
        if (abi.needsRealloc(l.function(), CanonicalAbi.Direction.LOWER)) {
            options.add(new CanonOpt.Realloc(realloc(user)));
        }
        options.add(encoding);
        return out.canon(new Canon.Lower(componentFunc(l), options));
    }

    /**
     * A reactor's {@code _initialize} runs once the imports work: a module whose start function calls it is
     * instantiated after the fixups.
     */
    void initialize() {
        if (!hasExport(main, ComponentNew.INITIALIZE, ExternalKind.FUNC)) {
            return;
        }
        requireExport(main, ComponentNew.INITIALIZE, FuncType.EMPTY);
        int module = out.module(Wat.parseCoreModule("(module (import \"main\" \"" + ComponentNew.INITIALIZE
                + "\" (func $init)) (start $init))"));
        out.coreInstance(new CoreInstance.Instantiate(module, List.of(new CoreInstance.Arg("main", mainInstance))));
    }

    private int componentFunc(Binding.Lowered l) {
        if (l.field() == null) {
            return imports.funcs().get(l.worldName());
        }
        return out.alias(new Alias.InstanceExport(ComponentSort.FUNC, imports.instances().get(l.worldName()),
                l.field()));
    }

    /**
     * The memory canonical options use: the one the shim defines for the main module, else the main module's
     * export.
     */
    int memory(String user) {
        if (mainModule.isPresent()) {
            return mainModule.get().memory(user);
        }
        if (shim.definesMemory()) {
            return shim.memory(out);
        }
        if (memory == null) {
            if (!hasExport(main, ComponentNew.MEMORY, ExternalKind.MEMORY)) {
                throw new ToolsException("module does not export a memory named `memory`, which `" + user + "` needs");
            }
            memory = out.coreExport(mainInstance, ComponentNew.MEMORY, CoreSort.MEMORY);
        }
        return memory;
    }

    /**
     * The {@code cabi_realloc} for lowering into this module: the main module's; an adapter's
     * {@code cabi_import_realloc} or its own {@code cabi_realloc}, else the main module's.
     */
    int realloc(String user) {
        return adapterRealloc(IMPORT_REALLOC).orElseGet(() -> mainRealloc(user));
    }

    /** The {@code cabi_realloc} for lifting from this module: as {@link #realloc}, with {@code cabi_export_realloc}. */
    int liftRealloc(String user) {
        return adapterRealloc(EXPORT_REALLOC).orElseGet(() -> mainRealloc(user));
    }

    private Optional<Integer> adapterRealloc(String preferred) {
        if (mainModule.isEmpty()) {
            return Optional.empty();
        }
        for (String name : List.of(preferred, ComponentNew.REALLOC)) {
            if (hasExport(main, name, ExternalKind.FUNC)) {
                return Optional.of(adapterReallocs.computeIfAbsent(name,
                        n -> out.coreExport(mainInstance, n, CoreSort.FUNC)));
            }
        }
        return Optional.empty();
    }

    private int mainRealloc(String user) {
        if (mainModule.isPresent()) {
            return mainModule.get().mainRealloc(user);
        }
        if (realloc == null) {
            String name = reallocExport(main).orElseThrow(() -> new ToolsException(
                    "module does not export `cabi_realloc`, which `" + user + "` needs"));
            realloc = out.coreExport(mainInstance, name, CoreSort.FUNC);
        }
        return realloc;
    }

    /** The module's realloc: {@code cabi_realloc}, or {@code canonical_abi_realloc} of early canonical ABI modules. */
    static Optional<String> reallocExport(CoreModule m) {
        return Stream.of(ComponentNew.REALLOC, LEGACY_REALLOC).filter(n -> hasExport(m, n, ExternalKind.FUNC))
                .findFirst();
    }

    static boolean hasExport(CoreModule m, String name, ExternalKind kind) {
        return m.exports().stream().anyMatch(e -> e.name().equals(name) && e.kind() == kind);
    }

    /** Fails unless {@code m} exports function {@code name} of type {@code expected}. */
    static void requireExport(CoreModule m, String name, FuncType expected) {
        Export export = m.exports().stream().filter(e -> e.name().equals(name) && e.kind() == ExternalKind.FUNC)
                .findFirst().orElseThrow(() -> new ToolsException("module does not export required function `"
                        + name + "`"));
        FuncType actual = functionType(m, export.index());
        if (!actual.equals(expected)) {
            throw new ToolsException("type mismatch for function `" + name + "`: expected " + expected
                    + " but found " + actual);
        }
    }

    private static FuncType functionType(CoreModule m, int func) {
        List<Integer> typeIndices = new ArrayList<>();
        for (Import i : m.imports()) {
            if (i.type() instanceof EntityType.Func(int t)) {
                typeIndices.add(t);
            }
        }
        typeIndices.addAll(m.functions());
        if (!(m.subTypes().get(typeIndices.get(func)).composite() instanceof FuncType f)) {
            throw new ToolsException("function " + func + " does not have a function type");
        }
        return f;
    }
}
