package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The imports of one core module (the main module or an adapter) that the world satisfies: each a world function
 * lowered into it, or the canonical drop of an imported resource. Imports that another core module satisfies
 * (an adapter's functions, the main module's memory) are left to {@link Instantiation}.
 */
final class Lowerings {
    record Lowering(Import imported, Function function, String worldName, String field) {}

    /** {@code [resource-drop]r}: the canonical drop of resource {@code r} of an import (or of the world). */
    record ResourceDrop(Import imported, String worldName, String resource) {}

    /** The component-level imports lowerings refer to, by name: functions, interface instances, types. */
    record WorldImports(Map<String, Integer> funcs, Map<String, Integer> instances, Map<String, Integer> types) {}

    static final String RESOURCE_DROP = "[resource-drop]";

    private final CoreModule module;
    private final Resolve resolve;
    private final WorldId world;
    private final CanonicalAbi abi;
    private final List<Lowering> lowerings = new ArrayList<>();
    private final List<ResourceDrop> drops = new ArrayList<>();
    private final List<Import> external = new ArrayList<>();

    Lowerings(CoreModule module, Resolve resolve, WorldId world, CanonicalAbi abi) {
        this.module = module;
        this.resolve = resolve;
        this.world = world;
        this.abi = abi;
    }

    /**
     * Matches every import of the module from the world with a world function of the right core signature;
     * imports from {@code externalModules} are only collected.
     */
    void check(Set<String> externalModules) {
        List<SubType> types = module.subTypes();
        for (Import i : module.imports()) {
            if (externalModules.contains(i.module())) {
                external.add(i);
                continue;
            }
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

    CoreModule module() {
        return module;
    }

    List<Lowering> lowerings() {
        return lowerings;
    }

    List<ResourceDrop> drops() {
        return drops;
    }

    /** The imports from modules that other core modules provide, in order. */
    List<Import> external() {
        return external;
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
                case WorldItem.InterfaceItem item -> name.equals(ImportNames.worldName(resolve, world, i.module()))
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
            if (name.equals(ImportNames.worldName(resolve, world, i.module()))
                    && e.getValue() instanceof WorldItem.InterfaceItem item) {
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

    static FuncType functionType(CoreModule m, int func) {
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
