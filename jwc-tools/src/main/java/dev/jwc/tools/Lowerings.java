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
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.text.Wat;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main module's imports, each a world function lowered into it. A lowering that needs the module's memory or
 * {@code cabi_realloc} cannot exist before the module is instantiated, so the module imports a stub of a shim
 * module that calls through a table, and a fixup module fills the table once the real lowering exists.
 */
final class Lowerings {
    private record Lowering(Import imported, Function function, String worldName, String field) {}

    /** {@code [resource-drop]r}: the canonical drop of resource {@code r} of an import (or of the world). */
    private record ResourceDrop(Import imported, String worldName, String resource) {}

    /** The component-level imports lowerings refer to, by name: functions, interface instances, types. */
    record WorldImports(Map<String, Integer> funcs, Map<String, Integer> instances, Map<String, Integer> types) {}

    static final String RESOURCE_DROP = "[resource-drop]";

    private final CoreModule main;
    private final Resolve resolve;
    private final WorldId world;
    private final CanonicalAbi abi;
    private final List<Lowering> lowerings = new ArrayList<>();
    private final List<ResourceDrop> drops = new ArrayList<>();
    private ComponentBuilder out;
    private int mainInstance = -1;
    private Integer memory;
    private Integer realloc;

    Lowerings(CoreModule main, Resolve resolve, WorldId world, CanonicalAbi abi) {
        this.main = main;
        this.resolve = resolve;
        this.world = world;
        this.abi = abi;
    }

    /** Matches every import of the main module with a world function of the right core signature. */
    void check() {
        List<SubType> types = main.subTypes();
        for (Import i : main.imports()) {
            if (!(i.type() instanceof EntityType.Func(int typeIndex))) {
                throw new ToolsException("module imports " + i.kind().text() + " `" + i.module() + "::" + i.name()
                        + "`; only functions can be imported from the world");
            }
            if (i.name().startsWith(RESOURCE_DROP)) {
                drops.add(resourceDrop(i, types.get(typeIndex).composite()));
                continue;
            }
            Lowering l = find(i);
            FuncType expected = abi.signature(l.function(), CanonicalAbi.Direction.LOWER);
            if (!(types.get(typeIndex).composite() instanceof FuncType actual) || !actual.equals(expected)) {
                throw new ToolsException("type mismatch for function `" + i.name() + "` imported from `" + i.module()
                        + "`: expected " + expected + " but found " + types.get(typeIndex).composite());
            }
            lowerings.add(l);
        }
    }

    private ResourceDrop resourceDrop(Import i, CompositeType actual) {
        FuncType expected = new FuncType(List.of(NumType.I32), List.of());
        if (!expected.equals(actual)) {
            throw new ToolsException("type mismatch for `" + i.name() + "` imported from `" + i.module()
                    + "`: expected " + expected + " but found " + actual);
        }
        String resource = i.name().substring(RESOURCE_DROP.length());
        var w = resolve.get(world);
        for (var e : w.imports().entrySet()) {
            String name = ComponentNew.keyName(resolve, e.getKey());
            boolean found = switch (e.getValue()) {
                case WorldItem.TypeItem t -> i.module().equals(ComponentNew.ROOT_MODULE) && name.equals(resource)
                        && resolve.get(t.id()).kind() instanceof TypeDefKind.Resource;
                case WorldItem.InterfaceItem item -> name.equals(i.module())
                        && resolve.get(item.id()).types().containsKey(resource);
                case WorldItem.FunctionItem f -> false;
            };
            if (found) {
                return new ResourceDrop(i, name, resource);
            }
        }
        throw new ToolsException("module imports `" + i.name() + "` from `" + i.module()
                + "`, but the world imports no resource `" + resource + "` there");
    }

    private Lowering find(Import i) {
        var w = resolve.get(world);
        if (i.module().equals(ComponentNew.ROOT_MODULE)) {
            for (var e : w.imports().entrySet()) {
                if (e.getValue() instanceof WorldItem.FunctionItem(Function f) && f.name().equals(i.name())) {
                    return new Lowering(i, f, ComponentNew.keyName(resolve, e.getKey()), null);
                }
            }
            throw new ToolsException("module imports `" + i.name() + "` from `$root`, which the world does not import");
        }
        for (var e : w.imports().entrySet()) {
            String name = ComponentNew.keyName(resolve, e.getKey());
            if (name.equals(i.module()) && e.getValue() instanceof WorldItem.InterfaceItem item) {
                Interface iface = resolve.get(item.id());
                Function f = iface.functions().get(i.name());
                if (f == null) {
                    throw new ToolsException("module imports `" + i.name() + "` from `" + i.module()
                            + "`, which that interface does not define");
                }
                return new Lowering(i, f, name, i.name());
            }
        }
        throw new ToolsException("module imports from `" + i.module() + "`, which the world does not import");
    }

    /**
     * Instantiates the main module with its lowered imports (and the shim and fixup modules when needed);
     * returns the main core instance.
     */
    int instantiate(ComponentBuilder builder, WorldImports imports, CanonOpt.StringEncoding encoding) {
        this.out = builder;
        int mainModule = out.module(main);
        List<Lowering> indirect = lowerings.stream().filter(l -> abi.needsMemory(l.function())).toList();
        int shimInstance = -1;
        if (!indirect.isEmpty()) {
            int shim = out.module(Wat.parseCoreModule(shimText(indirect)));
            shimInstance = out.coreInstance(new CoreInstance.Instantiate(shim, List.of()));
        }
        Map<String, List<CoreInstance.Export>> byModule = new LinkedHashMap<>();
        for (Lowering l : lowerings) {
            int core;
            if (indirect.contains(l)) {
                core = out.coreExport(shimInstance, Integer.toString(indirect.indexOf(l)), CoreSort.FUNC);
            } else {
                core = out.canon(new Canon.Lower(componentFunc(l, imports), List.of()));
            }
            byModule.computeIfAbsent(l.imported().module(), k -> new ArrayList<>())
                    .add(new CoreInstance.Export(l.imported().name(), CoreSort.FUNC, core));
        }
        for (ResourceDrop d : drops) {
            int type = d.imported().module().equals(ComponentNew.ROOT_MODULE) ? imports.types().get(d.resource())
                    : out.alias(new Alias.InstanceExport(ComponentSort.TYPE, imports.instances().get(d.worldName()),
                            d.resource()));
            int core = out.canon(new Canon.ResourceDrop(type));
            byModule.computeIfAbsent(d.imported().module(), k -> new ArrayList<>())
                    .add(new CoreInstance.Export(d.imported().name(), CoreSort.FUNC, core));
        }
        List<CoreInstance.Arg> args = new ArrayList<>();
        byModule.forEach((module, exports) -> args.add(
                new CoreInstance.Arg(module, out.coreInstance(new CoreInstance.FromExports(exports)))));
        mainInstance = out.coreInstance(new CoreInstance.Instantiate(mainModule, args));
        if (!indirect.isEmpty()) {
            List<CoreInstance.Export> fixups = new ArrayList<>();
            for (int n = 0; n < indirect.size(); n++) {
                Lowering l = indirect.get(n);
                List<CanonOpt> options = new ArrayList<>();
                options.add(new CanonOpt.Memory(memory(l.imported().name())));
                if (abi.needsRealloc(l.function(), CanonicalAbi.Direction.LOWER)) {
                    options.add(new CanonOpt.Realloc(realloc(l.imported().name())));
                }
                options.add(encoding);
                int core = out.canon(new Canon.Lower(componentFunc(l, imports), options));
                fixups.add(new CoreInstance.Export(Integer.toString(n), CoreSort.FUNC, core));
            }
            int table = out.coreExport(shimInstance, "$imports", CoreSort.TABLE);
            fixups.add(new CoreInstance.Export("$imports", CoreSort.TABLE, table));
            int fixup = out.module(Wat.parseCoreModule(fixupText(indirect)));
            int fixupArgs = out.coreInstance(new CoreInstance.FromExports(fixups));
            out.coreInstance(new CoreInstance.Instantiate(fixup, List.of(new CoreInstance.Arg("", fixupArgs))));
        }
        if (hasExport(main, ComponentNew.INITIALIZE, ExternalKind.FUNC)) {
            initialize();
        }
        return mainInstance;
    }

    /**
     * A reactor's {@code _initialize} runs once the imports work: a module whose start function calls it is
     * instantiated after the fixups.
     */
    private void initialize() {
        requireExport(main, ComponentNew.INITIALIZE, FuncType.EMPTY);
        int module = out.module(Wat.parseCoreModule("(module (import \"main\" \"" + ComponentNew.INITIALIZE
                + "\" (func $init)) (start $init))"));
        out.coreInstance(new CoreInstance.Instantiate(module, List.of(new CoreInstance.Arg("main", mainInstance))));
    }

    private int componentFunc(Lowering l, WorldImports imports) {
        if (l.field() == null) {
            return imports.funcs().get(l.worldName());
        }
        return out.alias(new Alias.InstanceExport(ComponentSort.FUNC, imports.instances().get(l.worldName()),
                l.field()));
    }

    /** The main module's memory, aliased once. */
    int memory(String user) {
        if (memory == null) {
            if (!hasExport(main, ComponentNew.MEMORY, ExternalKind.MEMORY)) {
                throw new ToolsException("module does not export a memory named `memory`, which `" + user + "` needs");
            }
            memory = out.coreExport(mainInstance, ComponentNew.MEMORY, CoreSort.MEMORY);
        }
        return memory;
    }

    /** The main module's {@code cabi_realloc}, aliased once. */
    int realloc(String user) {
        if (realloc == null) {
            if (!hasExport(main, ComponentNew.REALLOC, ExternalKind.FUNC)) {
                throw new ToolsException("module does not export `cabi_realloc`, which `" + user + "` needs");
            }
            realloc = out.coreExport(mainInstance, ComponentNew.REALLOC, CoreSort.FUNC);
        }
        return realloc;
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

    private String shimText(List<Lowering> indirect) {
        StringBuilder s = new StringBuilder("(module\n");
        for (int n = 0; n < indirect.size(); n++) {
            FuncType t = abi.signature(indirect.get(n).function(), CanonicalAbi.Direction.LOWER);
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

    private String fixupText(List<Lowering> indirect) {
        StringBuilder s = new StringBuilder("(module\n");
        for (int n = 0; n < indirect.size(); n++) {
            FuncType t = abi.signature(indirect.get(n).function(), CanonicalAbi.Direction.LOWER);
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
