package dev.jwc.tools;

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
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The imports of one core module (the main module or an adapter) and what each is bound to: a world function
 * lowered into it, the drop of an imported resource, an intrinsic of a resource the component exports, or the
 * memory. Imports that another core module satisfies (an adapter's functions, the main module's memory) are
 * left to {@link Instantiation}.
 */
final class Lowerings {
    /** What one import of the module is bound to. */
    sealed interface Binding {
        /** World function {@code field} of import {@code worldName} ({@code field} null for a world function). */
        record Lowered(Function function, String worldName, String field) implements Binding {}

        /** {@code [resource-drop]r} of a resource the world imports. */
        record ImportedDrop(String worldName, String resource) implements Binding {}

        /** {@code [resource-new|rep|drop]r} from {@code [export]iface}: resource {@code r} the component defines. */
        record ExportedResource(ResourceIntrinsic intrinsic, TypeId resource) implements Binding {}

        /** {@code env::memory}, which the shim defines. */
        record Memory() implements Binding {}
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

    private final CoreModule module;
    private final Resolve resolve;
    private final WorldId world;
    private final CanonicalAbi abi;
    /** An import of the module, with its binding. */
    record Bound(Import imported, Binding binding) {}

    private final List<Bound> bound = new ArrayList<>();
    private final List<Import> external = new ArrayList<>();
    private MemoryType importedMemory;

    Lowerings(CoreModule module, Resolve resolve, WorldId world, CanonicalAbi abi) {
        this.module = module;
        this.resolve = resolve;
        this.world = world;
        this.abi = abi;
    }

    /**
     * Binds every import of the module, checking its core type; imports from {@code externalModules} are only
     * collected.
     */
    void check(Set<String> externalModules) {
        List<SubType> types = module.subTypes();
        for (Import i : module.imports()) {
            if (externalModules.contains(i.module())) {
                external.add(i);
                continue;
            }
            Binding b = switch (i.type()) {
                case MemoryType m when i.module().equals(ENV) && i.name().equals(ComponentNew.MEMORY) -> {
                    importedMemory = m;
                    yield new Binding.Memory();
                }
                case EntityType.Func(int typeIndex) -> bind(i, types.get(typeIndex).composite());
                default -> throw new ToolsException("module imports " + i.kind().text() + " `" + i.module() + "::"
                        + i.name() + "`; only functions and `env::memory` can be imported");
            };
            bound.add(new Bound(i, b));
        }
    }

    CoreModule module() {
        return module;
    }

    /** The imports the world or the component satisfies, in order. */
    List<Bound> bound() {
        return bound;
    }

    /** The imports from modules that other core modules provide, in order. */
    List<Import> external() {
        return external;
    }

    /** The type of the module's {@code env::memory} import, which the component must define. */
    Optional<MemoryType> importedMemory() {
        return Optional.ofNullable(importedMemory);
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
