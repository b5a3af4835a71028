package dev.jwc.tools;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.component.CoreType;
import dev.jwc.text.Wat;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.binary.component.DefinedType;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Instantiates the main module and its adapters inside the component. A function that cannot exist before an
 * instance does (a lowering that needs the main module's memory or a {@code cabi_realloc}, or an adapter's export
 * the main module imports) reaches its importer through a {@link Shim} slot, filled once everything is
 * instantiated. Adapters take their memory and {@code __main_module__} imports from the main instance (the
 * memory from the shim when the main module imports it). A reactor's {@code _initialize} runs last.
 */
final class Instantiation {
    /** An adapter to instantiate beside the main module, under the module name the main module imports it by. */
    record Adapter(String name, Lowerings lowerings) {}

    static final String ENV = Lowerings.ENV;
    static final String IMPORT_REALLOC = "cabi_import_realloc";
    static final String EXPORT_REALLOC = "cabi_export_realloc";
    private static final String INDIRECT_FUNCTION_TABLE = "__indirect_function_table";

    private final ComponentBuilder out;
    private final CanonicalAbi abi;
    private final Lowerings main;
    private final List<Adapter> adapters;
    private final Lowerings.WorldImports imports;
    private final CanonOpt.StringEncoding encoding;
    private final Shim shim;
    /** The shim slot of each lowering that needs memory, by binding; of each adapter export, by name. */
    private final Map<Lowerings.Bound, Integer> loweredLater = new IdentityHashMap<>();
    private final Map<String, Integer> adapterExports = new HashMap<>();
    /** The shim global of each {@code env::__wasm_get_tls_base}-like import, by binding. */
    private final Map<Lowerings.Bound, Integer> shimGlobals = new IdentityHashMap<>();
    private final Map<String, Integer> adapterInstances = new HashMap<>();
    private int mainInstance = -1;
    private Integer memory;
    private final Map<String, Integer> mainReallocs = new HashMap<>();
    private TypeEncoder types;
    private final Map<String, Integer> adapterReallocs = new HashMap<>();

    Instantiation(ComponentBuilder out, CanonicalAbi abi, Lowerings main, List<Adapter> adapters,
                  Lowerings.WorldImports imports, CanonOpt.StringEncoding encoding, Shim shim) {
        this.out = out;
        this.shim = shim;
        this.abi = abi;
        this.main = main;
        this.adapters = List.copyOf(adapters);
        this.imports = imports;
        this.encoding = encoding;
    }

    /**
     * Emits the main module and its adapters, instantiated ({@code exportedResources} gives the component's own
     * resource types, {@code types} encodes the types built-ins name), fills the shim and runs
     * {@code _initialize}; returns the main core instance. The shim
     * must be instantiated already.
     */
    int instantiate(ToIntFunction<TypeId> exportedResources, TypeEncoder types) {
        this.types = types;
        int mainModule = out.module(main.module());
        List<Integer> adapterModules = new ArrayList<>();
        for (Adapter a : adapters) {
            adapterModules.add(out.module(a.lowerings().module()));
        }
        Map<String, List<CoreInstance.Export>> mainArgs = worldArgs(main, null, exportedResources);
        for (Import i : main.external()) {
            int core = shim.func(out, adapterExports.get(i.module() + "\0" + i.name()));
            mainArgs.computeIfAbsent(i.module(), k -> new ArrayList<>())
                    .add(new CoreInstance.Export(i.name(), CoreSort.FUNC, core));
        }
        mainInstance = out.coreInstance(new CoreInstance.Instantiate(mainModule, args(mainArgs)));
        for (int n = 0; n < adapters.size(); n++) {
            Adapter a = adapters.get(n);
            Map<String, List<CoreInstance.Export>> adapterArgs = worldArgs(a.lowerings(), a, exportedResources);
            for (Import i : a.lowerings().external()) {
                adapterArgs.computeIfAbsent(i.module(), k -> new ArrayList<>()).add(fromMain(a, i));
            }
            adapterInstances.put(a.name(), out.coreInstance(
                    new CoreInstance.Instantiate(adapterModules.get(n), args(adapterArgs))));
        }
        shim.fixup(out);
        if (Lowerings.hasExport(main.module(), ComponentNew.INITIALIZE, ExternalKind.FUNC)) {
            initialize();
        }
        return mainInstance;
    }

    /** The main core instance, once {@link #instantiate} has created it. */
    int mainInstance() {
        return mainInstance;
    }

    /** The core instance of adapter {@code name}. */
    int adapterInstance(String name) {
        return adapterInstances.get(name);
    }

    /**
     * Reserves the shim slots: lowerings that need memory (of the main module and of each adapter) and the
     * adapter exports the main module imports. The main module's imported memory is defined by the shim.
     */
    void reserve() {
        main.importedMemory().ifPresent(shim::defineMemory);
        reserveLowerings(main, null);
        for (Import i : main.external()) {
            Adapter a = adapterNamed(i.module());
            if (!(i.type() instanceof EntityType.Func(int type))
                    || !(main.module().subTypes().get(type).composite() instanceof FuncType signature)) {
                throw new ToolsException("module imports " + i.kind().text() + " `" + i.module() + "::" + i.name()
                        + "`; only functions can be imported from an adapter");
            }
            String export = main.original(i);
            Lowerings.requireExport(a.lowerings().module(), export, signature);
            adapterExports.put(i.module() + "\0" + i.name(), shim.add(signature,
                    () -> out.coreExport(adapterInstances.get(a.name()), export, CoreSort.FUNC)));
        }
        for (Adapter a : adapters) {
            reserveLowerings(a.lowerings(), a);
        }
    }

    /** {@code owner} is the adapter the imports belong to, null for the main module. */
    private void reserveLowerings(Lowerings module, Adapter owner) {
        for (Lowerings.Bound b : module.bound()) {
            if (needsMainInstance(b.binding())) {
                loweredLater.put(b, shim.add(module.functionType(b.imported()), () -> define(b.binding(), owner)));
            } else if (b.binding() instanceof Lowerings.Binding.ShimGlobal g) {
                shimGlobals.put(b, shim.global(g.type()));
            }
        }
    }

    /**
     * Whether the function bound to an import needs the main module's memory (or table), so can only exist
     * after the main instance.
     */
    private boolean needsMainInstance(Lowerings.Binding binding) {
        return switch (binding) {
            case Lowerings.Binding.Lowered l -> abi.needsMemory(l.function(), CanonicalAbi.Direction.LOWER,
                    l.async() ? CanonicalAbi.Variant.ASYNC_CALLBACK : CanonicalAbi.Variant.SYNC);
            case Lowerings.Binding.WaitableSet w -> true;
            case Lowerings.Binding.ErrorContext e -> true;
            case Lowerings.Binding.TaskReturn t -> abi.taskReturnNeedsMemory(t.function());
            case Lowerings.Binding.Payload p -> p.op() == Lowerings.PayloadOp.READ
                    || p.op() == Lowerings.PayloadOp.WRITE;
            case Lowerings.Binding.ThreadNewIndirect t -> true;
            case Lowerings.Binding.ShimGlobal g -> false;
            case Lowerings.Binding.Builtin b -> false;
            case Lowerings.Binding.ImportedDrop d -> false;
            case Lowerings.Binding.ExportedResource r -> false;
            case Lowerings.Binding.Memory m -> false;
        };
    }

    private Adapter adapterNamed(String name) {
        return adapters.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter named " + name));
    }

    /** The arguments of {@code module}'s bound imports, grouped by import module name. */
    private Map<String, List<CoreInstance.Export>> worldArgs(Lowerings module, Adapter owner,
                                                             ToIntFunction<TypeId> exportedResources) {
        Map<String, List<CoreInstance.Export>> byModule = new LinkedHashMap<>();
        for (Lowerings.Bound b : module.bound()) {
            Import i = b.imported();
            CoreSort sort = b.binding() instanceof Lowerings.Binding.Memory ? CoreSort.MEMORY : CoreSort.FUNC;
            int core = loweredLater.containsKey(b) ? shim.func(out, loweredLater.get(b)) : switch (b.binding()) {
                case Lowerings.Binding.ImportedDrop d -> out.canon(new Canon.ResourceDrop(
                        i.module().equals(ComponentNew.ROOT_MODULE) ? imports.types().get(d.resource())
                                : out.alias(new Alias.InstanceExport(ComponentSort.TYPE,
                                        imports.instances().get(d.worldName()), d.resource()))));
                case Lowerings.Binding.ExportedResource r -> {
                    int type = exportedResources.applyAsInt(r.resource());
                    yield out.canon(switch (r.intrinsic()) {
                        case NEW -> new Canon.ResourceNew(type);
                        case REP -> new Canon.ResourceRep(type);
                        case DROP -> new Canon.ResourceDrop(type);
                    });
                }
                case Lowerings.Binding.Memory m -> shim.memory(out);
                case Lowerings.Binding.ShimGlobal g -> shim.globalAccessor(out, shimGlobals.get(b), g.get());
                default -> define(b.binding(), owner);
            };
            byModule.computeIfAbsent(i.module(), k -> new ArrayList<>())
                    .add(new CoreInstance.Export(i.name(), sort, core));
        }
        return byModule;
    }

    /** An adapter's import of the main module's memory ({@code env}) or of its exports ({@code __main_module__}). */
    private CoreInstance.Export fromMain(Adapter a, Import i) {
        if (i.module().equals(ENV)) {
            if (!(i.type() instanceof dev.jwc.binary.core.types.MemoryType)) {
                throw new ToolsException("adapter `" + a.name() + "` imports " + i.kind().text() + " `env::" + i.name()
                        + "`; only the main module's memory can be imported from `env`");
            }
            return new CoreInstance.Export(i.name(), CoreSort.MEMORY, memory("adapter `" + a.name() + "`"));
        }
        ExternalKind kind = i.kind();
        String export = a.lowerings().original(i);
        if (!Lowerings.hasExport(main.module(), export, kind)) {
            throw new ToolsException("adapter `" + a.name() + "` imports " + kind.text() + " `" + export
                    + "` from the main module, which does not export it");
        }
        CoreSort sort = switch (kind) {
            case FUNC -> CoreSort.FUNC;
            case TABLE -> CoreSort.TABLE;
            case MEMORY -> CoreSort.MEMORY;
            case GLOBAL -> CoreSort.GLOBAL;
            case TAG -> CoreSort.TAG;
        };
        return new CoreInstance.Export(i.name(), sort, out.coreExport(mainInstance, export, sort));
    }

    private List<CoreInstance.Arg> args(Map<String, List<CoreInstance.Export>> byModule) {
        List<CoreInstance.Arg> args = new ArrayList<>();
        byModule.forEach((module, exports) -> args.add(
                new CoreInstance.Arg(module, out.coreInstance(new CoreInstance.FromExports(exports)))));
        return args;
    }

    /**
     * The core function bound to an import: a lowering or a canonical built-in, with the memory (and realloc) of
     * {@code owner}'s module ({@code owner} null: the main module) when it needs them.
     */
    private int define(Lowerings.Binding binding, Adapter owner) {
        return switch (binding) {
            case Lowerings.Binding.Lowered l -> lower(l, owner);
            case Lowerings.Binding.Builtin b -> out.canon(b.canon());
            case Lowerings.Binding.WaitableSet w -> out.canon(w.poll()
                    ? new Canon.WaitableSetPoll(w.cancellable(), memory("waitable-set.poll"))
                    : new Canon.WaitableSetWait(w.cancellable(), memory("waitable-set.wait")));
            case Lowerings.Binding.ErrorContext e -> {
                List<CanonOpt> options = new ArrayList<>(List.of(new CanonOpt.Memory(memory("error-context"))));
                if (e.debugMessage()) {
                    options.add(new CanonOpt.Realloc(importRealloc(owner, "error-context.debug-message")));
                }
                options.add(e.encoding());
                yield out.canon(e.debugMessage() ? new Canon.ErrorContextDebugMessage(options)
                        : new Canon.ErrorContextNew(options));
            }
            case Lowerings.Binding.TaskReturn t -> {
                List<CanonOpt> options = new ArrayList<>();
                if (abi.taskReturnNeedsMemory(t.function())) {
                    options.add(new CanonOpt.Memory(memory("task.return")));
                    options.add(encoding);
                }
                yield out.canon(new Canon.TaskReturn(t.function().result().map(types::valType), options));
            }
            case Lowerings.Binding.Payload p -> payload(p, owner);
            case Lowerings.Binding.ThreadNewIndirect t -> {
                int start = out.coreType(new CoreType.Rec(RecGroup.single(SubType.plain(
                        new FuncType(List.of(NumType.I32), List.of())))));
                if (!Lowerings.hasExport(main.module(), INDIRECT_FUNCTION_TABLE, ExternalKind.TABLE)) {
                    throw new ToolsException("module does not export the table `" + INDIRECT_FUNCTION_TABLE
                            + "`, which `thread.new-indirect` needs");
                }
                int table = out.coreExport(mainInstance, INDIRECT_FUNCTION_TABLE, CoreSort.TABLE);
                yield out.canon(new Canon.ThreadNewIndirect(start, table));
            }
            case Lowerings.Binding.ShimGlobal g -> throw new IllegalStateException("bound directly");
            case Lowerings.Binding.ImportedDrop d -> throw new IllegalStateException("bound directly");
            case Lowerings.Binding.ExportedResource r -> throw new IllegalStateException("bound directly");
            case Lowerings.Binding.Memory m -> throw new IllegalStateException("bound directly");
        };
    }

    private int lower(Lowerings.Binding.Lowered l, Adapter owner) {
        String user = l.field() == null ? l.worldName() : l.field();
        CanonicalAbi.Variant variant = l.async() ? CanonicalAbi.Variant.ASYNC_CALLBACK : CanonicalAbi.Variant.SYNC;
        List<CanonOpt> options = new ArrayList<>();
        if (abi.needsMemory(l.function(), CanonicalAbi.Direction.LOWER, variant)) {
            options.add(new CanonOpt.Memory(memory(user)));
            if (abi.needsRealloc(l.function(), CanonicalAbi.Direction.LOWER)) {
                options.add(new CanonOpt.Realloc(importRealloc(owner, user)));
            }
            options.add(encoding);
        }
        if (l.async()) {
            options.add(new CanonOpt.Async());
        }
        return out.canon(new Canon.Lower(componentFunc(l), options));
    }

    /** A {@code future} or {@code stream} built-in; reads and writes copy through the main module's memory. */
    private int payload(Lowerings.Binding.Payload p, Adapter owner) {
        int type = p.type().map(types::index).orElseGet(() -> out.type(p.stream()
                ? new DefinedType.Stream(Optional.empty()) : new DefinedType.Future(Optional.empty())));
        List<CanonOpt> options = new ArrayList<>();
        if (p.op() == Lowerings.PayloadOp.READ || p.op() == Lowerings.PayloadOp.WRITE) {
            options.add(new CanonOpt.Memory(memory("future and stream built-ins")));
            Optional<Type> payload = p.type().flatMap(id -> switch (resolveKind(id)) {
                case TypeDefKind.Future f -> f.payload();
                case TypeDefKind.Stream s -> s.element();
                default -> Optional.empty();
            });
            if (payload.map(abi::payloadHasLists).orElse(false)) {
                if (p.op() == Lowerings.PayloadOp.READ) {
                    options.add(new CanonOpt.Realloc(importRealloc(owner, "future and stream reads")));
                }
                options.add(encoding);
            }
        }
        if (p.async()) {
            options.add(new CanonOpt.Async());
        }
        boolean s = p.stream();
        return out.canon(switch (p.op()) {
            case NEW -> s ? new Canon.StreamNew(type) : new Canon.FutureNew(type);
            case READ -> s ? new Canon.StreamRead(type, options) : new Canon.FutureRead(type, options);
            case WRITE -> s ? new Canon.StreamWrite(type, options) : new Canon.FutureWrite(type, options);
            case CANCEL_READ -> s ? new Canon.StreamCancelRead(type, p.async())
                    : new Canon.FutureCancelRead(type, p.async());
            case CANCEL_WRITE -> s ? new Canon.StreamCancelWrite(type, p.async())
                    : new Canon.FutureCancelWrite(type, p.async());
            case DROP_READABLE -> s ? new Canon.StreamDropReadable(type) : new Canon.FutureDropReadable(type);
            case DROP_WRITABLE -> s ? new Canon.StreamDropWritable(type) : new Canon.FutureDropWritable(type);
        });
    }

    private TypeDefKind resolveKind(TypeId id) {
        return abi.resolve().get(id).kind();
    }

    /** The realloc lowerings into {@code owner}'s module use ({@code owner} null: the main module). */
    private int importRealloc(Adapter owner, String user) {
        return owner == null ? realloc(IMPORT_REALLOC, user) : adapterRealloc(owner.name(), IMPORT_REALLOC, user);
    }

    /**
     * A reactor's {@code _initialize} runs once the imports work: a module whose start function calls it is
     * instantiated after the fixups.
     */
    private void initialize() {
        Lowerings.requireExport(main.module(), ComponentNew.INITIALIZE, FuncType.EMPTY);
        int module = out.module(Wat.parseCoreModule("(module (import \"main\" \"" + ComponentNew.INITIALIZE
                + "\" (func $init)) (start $init))"));
        out.coreInstance(new CoreInstance.Instantiate(module, List.of(new CoreInstance.Arg("main", mainInstance))));
    }

    private int componentFunc(Lowerings.Binding.Lowered l) {
        if (l.field() == null) {
            return imports.funcs().get(l.worldName());
        }
        return out.alias(new Alias.InstanceExport(ComponentSort.FUNC, imports.instances().get(l.worldName()),
                l.field()));
    }

    /** The memory canonical options use: the one the shim defines for the main module, else its export. */
    int memory(String user) {
        if (shim.definesMemory()) {
            return shim.memory(out);
        }
        if (memory == null) {
            if (!Lowerings.hasExport(main.module(), ComponentNew.MEMORY, ExternalKind.MEMORY)) {
                throw new ToolsException("module does not export a memory named `memory`, which `" + user + "` needs");
            }
            memory = out.coreExport(mainInstance, ComponentNew.MEMORY, CoreSort.MEMORY);
        }
        return memory;
    }

    /** The main module's {@code cabi_realloc}, aliased once. */
    int realloc(String user) {
        return realloc(ComponentNew.REALLOC, user);
    }

    /**
     * The main module's {@code preferred} realloc ({@code cabi_import_realloc}, ...), else its {@code cabi_realloc}
     * (or {@code canonical_abi_realloc}, as early canonical ABI modules name it).
     */
    int realloc(String preferred, String user) {
        for (String name : List.of(preferred, ComponentNew.REALLOC, Lowerings.LEGACY_REALLOC)) {
            if (Lowerings.hasExport(main.module(), name, ExternalKind.FUNC)) {
                return mainReallocs.computeIfAbsent(name, n -> out.coreExport(mainInstance, n, CoreSort.FUNC));
            }
        }
        throw new ToolsException("module does not export `cabi_realloc`, which `" + user + "` needs");
    }

    /**
     * The realloc an adapter's lowerings ({@code cabi_import_realloc}) or lifts ({@code cabi_export_realloc}) use:
     * that export, else the adapter's {@code cabi_realloc}, else the main module's.
     */
    int adapterRealloc(String adapter, String preferred, String user) {
        CoreModule module = adapterNamed(adapter).lowerings().module();
        for (String name : List.of(preferred, ComponentNew.REALLOC)) {
            if (Lowerings.hasExport(module, name, ExternalKind.FUNC)) {
                return adapterReallocs.computeIfAbsent(adapter + "\0" + name,
                        k -> out.coreExport(adapterInstances.get(adapter), name, CoreSort.FUNC));
            }
        }
        return realloc(preferred, user);
    }
}
