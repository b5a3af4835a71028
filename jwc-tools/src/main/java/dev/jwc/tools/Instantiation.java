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
import dev.jwc.text.Wat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instantiates the main module and its adapters inside the component. A function that cannot exist before an
 * instance does (a lowering that needs the main module's memory or a {@code cabi_realloc}, or an adapter's export
 * the main module imports) reaches its importer as a stub of a shim module that calls through a table; a fixup
 * module fills the table once everything is instantiated. Adapters take their memory and {@code __main_module__}
 * imports from the main instance. A reactor's {@code _initialize} runs last.
 */
final class Instantiation {
    /** An adapter to instantiate beside the main module, under the module name the main module imports it by. */
    record Adapter(String name, Lowerings lowerings) {}

    /** One function reached through the shim table. */
    private sealed interface Indirect {
        FuncType signature();
    }

    /** A world function lowered with options into {@code owner} ({@code null}: the main module). */
    private record LoweredLater(Lowerings.Lowering lowering, FuncType signature, Adapter owner) implements Indirect {}

    /** Export {@code name} of adapter {@code adapter}, imported by the main module. */
    private record AdapterExport(Adapter adapter, String name, FuncType signature) implements Indirect {}

    static final String ENV = "env";
    static final String IMPORT_REALLOC = "cabi_import_realloc";
    static final String EXPORT_REALLOC = "cabi_export_realloc";

    private final ComponentBuilder out;
    private final CanonicalAbi abi;
    private final Lowerings main;
    private final List<Adapter> adapters;
    private final Lowerings.WorldImports imports;
    private final CanonOpt.StringEncoding encoding;
    private final List<Indirect> indirect = new ArrayList<>();
    private final Map<String, Integer> adapterInstances = new HashMap<>();
    private int shimInstance = -1;
    private int mainInstance = -1;
    private Integer memory;
    private Integer mainRealloc;
    private final Map<String, Integer> adapterReallocs = new HashMap<>();

    Instantiation(ComponentBuilder out, CanonicalAbi abi, Lowerings main, List<Adapter> adapters,
                  Lowerings.WorldImports imports, CanonOpt.StringEncoding encoding) {
        this.out = out;
        this.abi = abi;
        this.main = main;
        this.adapters = List.copyOf(adapters);
        this.imports = imports;
        this.encoding = encoding;
    }

    /** Emits every instance; returns the main core instance. */
    int instantiate() {
        collectIndirect();
        int mainModule = out.module(main.module());
        List<Integer> adapterModules = new ArrayList<>();
        for (Adapter a : adapters) {
            adapterModules.add(out.module(a.lowerings().module()));
        }
        if (!indirect.isEmpty()) {
            int shim = out.module(Wat.parseCoreModule(shimText()));
            shimInstance = out.coreInstance(new CoreInstance.Instantiate(shim, List.of()));
        }
        Map<String, List<CoreInstance.Export>> mainArgs = worldArgs(main, null);
        for (Import i : main.external()) {
            Adapter a = adapterNamed(i.module());
            int core = shimExport(findIndirect(a, i.name()));
            mainArgs.computeIfAbsent(i.module(), k -> new ArrayList<>())
                    .add(new CoreInstance.Export(i.name(), CoreSort.FUNC, core));
        }
        mainInstance = out.coreInstance(new CoreInstance.Instantiate(mainModule, args(mainArgs)));
        for (int n = 0; n < adapters.size(); n++) {
            Adapter a = adapters.get(n);
            Map<String, List<CoreInstance.Export>> adapterArgs = worldArgs(a.lowerings(), a);
            for (Import i : a.lowerings().external()) {
                adapterArgs.computeIfAbsent(i.module(), k -> new ArrayList<>()).add(fromMain(a, i));
            }
            adapterInstances.put(a.name(), out.coreInstance(
                    new CoreInstance.Instantiate(adapterModules.get(n), args(adapterArgs))));
        }
        if (!indirect.isEmpty()) {
            fixup();
        }
        if (Lowerings.hasExport(main.module(), ComponentNew.INITIALIZE, ExternalKind.FUNC)) {
            initialize();
        }
        return mainInstance;
    }

    /** The core instance of adapter {@code name}. */
    int adapterInstance(String name) {
        return adapterInstances.get(name);
    }

    private void collectIndirect() {
        for (Lowerings.Lowering l : main.lowerings()) {
            if (abi.needsMemory(l.function())) {
                indirect.add(new LoweredLater(l, abi.signature(l.function(), CanonicalAbi.Direction.LOWER), null));
            }
        }
        for (Import i : main.external()) {
            Adapter a = adapterNamed(i.module());
            if (!(i.type() instanceof EntityType.Func(int type))
                    || !(main.module().subTypes().get(type).composite() instanceof FuncType signature)) {
                throw new ToolsException("module imports " + i.kind().text() + " `" + i.module() + "::" + i.name()
                        + "`; only functions can be imported from an adapter");
            }
            Lowerings.requireExport(a.lowerings().module(), i.name(), signature);
            indirect.add(new AdapterExport(a, i.name(), signature));
        }
        for (Adapter a : adapters) {
            for (Lowerings.Lowering l : a.lowerings().lowerings()) {
                if (abi.needsMemory(l.function())) {
                    indirect.add(new LoweredLater(l, abi.signature(l.function(), CanonicalAbi.Direction.LOWER), a));
                }
            }
        }
    }

    private Adapter adapterNamed(String name) {
        return adapters.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter named " + name));
    }

    private Indirect findIndirect(Adapter a, String name) {
        return indirect.stream().filter(i -> i instanceof AdapterExport e && e.adapter() == a && e.name().equals(name))
                .findFirst().orElseThrow();
    }

    private int shimExport(Indirect i) {
        return out.coreExport(shimInstance, Integer.toString(indirect.indexOf(i)), CoreSort.FUNC);
    }

    /** The arguments of {@code module}'s world imports, grouped by import module name. */
    private Map<String, List<CoreInstance.Export>> worldArgs(Lowerings module, Adapter owner) {
        Map<String, List<CoreInstance.Export>> byModule = new LinkedHashMap<>();
        for (Lowerings.Lowering l : module.lowerings()) {
            Optional<Indirect> later = indirect.stream()
                    .filter(i -> i instanceof LoweredLater ll && ll.lowering() == l && ll.owner() == owner).findFirst();
            int core = later.isPresent() ? shimExport(later.get())
                    : out.canon(new Canon.Lower(componentFunc(l), List.of()));
            byModule.computeIfAbsent(l.imported().module(), k -> new ArrayList<>())
                    .add(new CoreInstance.Export(l.imported().name(), CoreSort.FUNC, core));
        }
        for (Lowerings.ResourceDrop d : module.drops()) {
            int type = d.imported().module().equals(ComponentNew.ROOT_MODULE) ? imports.types().get(d.resource())
                    : out.alias(new Alias.InstanceExport(ComponentSort.TYPE, imports.instances().get(d.worldName()),
                            d.resource()));
            int core = out.canon(new Canon.ResourceDrop(type));
            byModule.computeIfAbsent(d.imported().module(), k -> new ArrayList<>())
                    .add(new CoreInstance.Export(d.imported().name(), CoreSort.FUNC, core));
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
        if (!Lowerings.hasExport(main.module(), i.name(), kind)) {
            throw new ToolsException("adapter `" + a.name() + "` imports " + kind.text() + " `" + i.name()
                    + "` from the main module, which does not export it");
        }
        CoreSort sort = switch (kind) {
            case FUNC -> CoreSort.FUNC;
            case TABLE -> CoreSort.TABLE;
            case MEMORY -> CoreSort.MEMORY;
            case GLOBAL -> CoreSort.GLOBAL;
            case TAG -> CoreSort.TAG;
        };
        return new CoreInstance.Export(i.name(), sort, out.coreExport(mainInstance, i.name(), sort));
    }

    private List<CoreInstance.Arg> args(Map<String, List<CoreInstance.Export>> byModule) {
        List<CoreInstance.Arg> args = new ArrayList<>();
        byModule.forEach((module, exports) -> args.add(
                new CoreInstance.Arg(module, out.coreInstance(new CoreInstance.FromExports(exports)))));
        return args;
    }

    private void fixup() {
        List<CoreInstance.Export> fixups = new ArrayList<>();
        for (int n = 0; n < indirect.size(); n++) {
            int core = switch (indirect.get(n)) {
                case AdapterExport e -> out.coreExport(adapterInstances.get(e.adapter().name()), e.name(), CoreSort.FUNC);
                case LoweredLater l -> {
                    String user = l.lowering().imported().name();
                    List<CanonOpt> options = new ArrayList<>();
                    options.add(new CanonOpt.Memory(memory(user)));
                    if (abi.needsRealloc(l.lowering().function(), CanonicalAbi.Direction.LOWER)) {
                        options.add(new CanonOpt.Realloc(l.owner() == null ? realloc(user)
                                : adapterRealloc(l.owner().name(), IMPORT_REALLOC, user)));
                    }
                    options.add(encoding);
                    yield out.canon(new Canon.Lower(componentFunc(l.lowering()), options));
                }
            };
            fixups.add(new CoreInstance.Export(Integer.toString(n), CoreSort.FUNC, core));
        }
        int table = out.coreExport(shimInstance, "$imports", CoreSort.TABLE);
        fixups.add(new CoreInstance.Export("$imports", CoreSort.TABLE, table));
        int fixup = out.module(Wat.parseCoreModule(fixupText()));
        int fixupArgs = out.coreInstance(new CoreInstance.FromExports(fixups));
        out.coreInstance(new CoreInstance.Instantiate(fixup, List.of(new CoreInstance.Arg("", fixupArgs))));
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

    private int componentFunc(Lowerings.Lowering l) {
        if (l.field() == null) {
            return imports.funcs().get(l.worldName());
        }
        return out.alias(new Alias.InstanceExport(ComponentSort.FUNC, imports.instances().get(l.worldName()),
                l.field()));
    }

    /** The main module's memory, aliased once. */
    int memory(String user) {
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
        if (mainRealloc == null) {
            if (!Lowerings.hasExport(main.module(), ComponentNew.REALLOC, ExternalKind.FUNC)) {
                throw new ToolsException("module does not export `cabi_realloc`, which `" + user + "` needs");
            }
            mainRealloc = out.coreExport(mainInstance, ComponentNew.REALLOC, CoreSort.FUNC);
        }
        return mainRealloc;
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
        return realloc(user);
    }

    private String shimText() {
        StringBuilder s = new StringBuilder("(module\n");
        for (int n = 0; n < indirect.size(); n++) {
            FuncType t = indirect.get(n).signature();
            s.append("  (func (export \"").append(n).append("\") ").append(DummyModule.signature(t));
            for (int p = 0; p < t.params().size(); p++) {
                s.append(" local.get ").append(p);
            }
            s.append(" i32.const ").append(n).append(" call_indirect ").append(DummyModule.signature(t)).append(")\n");
        }
        s.append("  (table (export \"$imports\") ").append(indirect.size()).append(' ').append(indirect.size())
                .append(" funcref))\n");
        return s.toString();
    }

    private String fixupText() {
        StringBuilder s = new StringBuilder("(module\n");
        for (int n = 0; n < indirect.size(); n++) {
            FuncType t = indirect.get(n).signature();
            s.append("  (import \"\" \"").append(n).append("\" (func ").append(DummyModule.signature(t)).append("))\n");
        }
        s.append("  (import \"\" \"$imports\" (table ").append(indirect.size()).append(' ').append(indirect.size())
                .append(" funcref))\n  (elem (i32.const 0) func");
        for (int n = 0; n < indirect.size(); n++) {
            s.append(' ').append(n);
        }
        return s.append("))\n").toString();
    }
}
