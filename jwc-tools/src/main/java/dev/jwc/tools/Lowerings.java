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
import dev.jwc.binary.core.types.ValType;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
        record Lowered(Function function, String worldName, String field, boolean async) implements Binding {}

        /** A canonical built-in that needs nothing from the module ({@code [backpressure-inc]}, ...). */
        record Builtin(Canon canon) implements Binding {}

        /** {@code [waitable-set-wait]} or {@code [waitable-set-poll]}, which write an event to memory. */
        record WaitableSet(boolean poll, boolean cancellable) implements Binding {}

        /** {@code [error-context-new-ENC]} or {@code [error-context-debug-message-ENC]}. */
        record ErrorContext(boolean debugMessage, CanonOpt.StringEncoding encoding) implements Binding {}

        /** {@code [thread-new-indirect-v0]}: threads start at functions of the module's indirect function table. */
        record ThreadNewIndirect() implements Binding {}

        /** A getter ({@code get}) or setter of a global of the shim, for {@code env::__wasm_get_tls_base}. */
        record ShimGlobal(ValType type, boolean get) implements Binding {}

        /** {@code [task-return]f} of exported function {@code f}. */
        record TaskReturn(Function function) implements Binding {}

        /** A {@code future} or {@code stream} built-in on {@code type} ({@code [future-read-N]f}, ...). */
        record Payload(PayloadOp op, boolean stream, Optional<TypeId> type, boolean async) implements Binding {}

        /** {@code [resource-drop]r} of a resource the world imports. */
        record ImportedDrop(String worldName, String resource) implements Binding {}

        /** {@code [resource-new|rep|drop]r} from {@code [export]iface}: resource {@code r} the component defines. */
        record ExportedResource(ResourceIntrinsic intrinsic, TypeId resource) implements Binding {}

        /** {@code env::memory}, which the shim defines. */
        record Memory() implements Binding {}
    }

    /** The built-ins of {@code future} and {@code stream} types, by the label in their import names. */
    enum PayloadOp {
        NEW("new"), READ("read"), WRITE("write"), CANCEL_READ("cancel-read"), CANCEL_WRITE("cancel-write"),
        DROP_READABLE("drop-readable"), DROP_WRITABLE("drop-writable");

        final String label;

        PayloadOp(String label) {
            this.label = label;
        }

        /** The core signature; a stream's reads and writes also take a length. */
        FuncType signature(boolean stream) {
            List<ValType> handleAndBuffer = stream ? List.of(NumType.I32, NumType.I32, NumType.I32)
                    : List.of(NumType.I32, NumType.I32);
            return switch (this) {
                case NEW -> new FuncType(List.of(), List.of(NumType.I64));
                case READ, WRITE -> new FuncType(handleAndBuffer, List.of(NumType.I32));
                case CANCEL_READ, CANCEL_WRITE -> new FuncType(List.of(NumType.I32), List.of(NumType.I32));
                case DROP_READABLE, DROP_WRITABLE -> new FuncType(List.of(NumType.I32), List.of());
            };
        }
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
    static final String LEGACY_REALLOC = "canonical_abi_realloc";
    static final String ASYNC_LOWER = "[async-lower]";
    private static final String CANCELLABLE = "[cancellable]";
    private static final String TASK_RETURN = "[task-return]";
    private static final String TASK_CANCEL = "[task-cancel]";
    static final String ENV = "env";

    private final CoreModule module;
    private final Resolve resolve;
    private final Resolve declared;
    private final WorldId world;
    private final CanonicalAbi abi;
    /** An import of the module, with its binding. */
    record Bound(Import imported, Binding binding) {}

    private final List<Bound> bound = new ArrayList<>();
    private final List<Import> external = new ArrayList<>();
    /** The imports renamed because they repeat an earlier one, with their original names. */
    private final Map<Import, String> originals = new IdentityHashMap<>();
    private MemoryType importedMemory;

    /**
     * {@code resolve} has the world as the component imports it; {@code declared} as declared, for the functions
     * whose future and stream types built-ins name even when the component does not import those functions.
     */
    Lowerings(CoreModule module, Resolve resolve, Resolve declared, WorldId world, CanonicalAbi abi) {
        this.module = withUniqueImportNames(module);
        this.resolve = resolve;
        this.declared = declared;
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
            Import named = new Import(i.module(), original(i), i.type());
            Binding b = switch (i.type()) {
                case MemoryType m when i.module().equals(ENV) && i.name().equals(ComponentNew.MEMORY) -> {
                    importedMemory = m;
                    yield new Binding.Memory();
                }
                case EntityType.Func(int typeIndex) when i.module().equals(ENV) && types.get(typeIndex).composite()
                        instanceof FuncType f && Builtins.env(named.name(), f, startsThreads()).isPresent() ->
                        Builtins.env(named.name(), f, startsThreads()).orElseThrow();
                case EntityType.Func(int typeIndex) -> bind(named, types.get(typeIndex).composite());
                default -> throw new ToolsException("module imports " + i.kind().text() + " `" + i.module() + "::"
                        + i.name() + "`; only functions and `env::memory` can be imported");
            };
            bound.add(new Bound(i, b));
        }
    }

    /** The module, its repeated imports renamed ({@code f}, {@code f [v2]}, ...) as a component needs them unique. */
    CoreModule module() {
        return module;
    }

    /** The name import {@code i} of {@link #module()} had before a repeated import was renamed. */
    String original(Import i) {
        return originals.getOrDefault(i, i.name());
    }

    private CoreModule withUniqueImportNames(CoreModule m) {
        Map<String, Integer> seen = new HashMap<>();
        List<Import> imports = new ArrayList<>();
        for (Import i : m.imports()) {
            int n = seen.merge(i.module() + "\0" + i.name(), 1, Integer::sum);
            Import unique = n == 1 ? i : new Import(i.module(), i.name() + " [v" + n + "]", i.type());
            if (n > 1) {
                originals.put(unique, i.name());
            }
            imports.add(unique);
        }
        if (originals.isEmpty()) {
            return m;
        }
        return new CoreModule(m.types(), imports, m.functions(), m.tables(), m.memories(), m.tags(), m.globals(),
                m.exports(), m.start(), m.elements(), m.dataCount(), m.code(), m.data(), m.customSections());
    }

    /** Whether the module starts threads, which then keep their TLS base in a context slot. */
    private boolean startsThreads() {
        return module.imports().stream().anyMatch(i -> i.module().equals(ComponentNew.ROOT_MODULE)
                && i.name().equals(Builtins.THREAD_NEW_INDIRECT));
    }

    /** The core type of function import {@code i}. */
    FuncType functionType(Import i) {
        if (i.type() instanceof EntityType.Func(int index)
                && module.subTypes().get(index).composite() instanceof FuncType f) {
            return f;
        }
        throw new IllegalStateException("not a function import: " + i.name());
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

    /** A binding with the core type its import must have. */
    record Classified(Binding binding, FuncType expected) {}

    private Binding bind(Import i, CompositeType actual) {
        String name = i.name();
        boolean async = name.startsWith(ASYNC_LOWER);
        name = async ? name.substring(ASYNC_LOWER.length()) : name;
        boolean cancellable = name.startsWith(CANCELLABLE);
        name = cancellable ? name.substring(CANCELLABLE.length()) : name;
        boolean exported = i.module().startsWith(EXPORT_PREFIX);
        String target = exported ? i.module().substring(EXPORT_PREFIX.length()) : i.module();
        Classified c = null;
        if (!exported && target.equals(ComponentNew.ROOT_MODULE)) {
            c = Builtins.classify(name, async, cancellable).orElse(null);
        } else if (exported) {
            c = exportedIntrinsic(i, target, name, actual);
        }
        if (c == null) {
            c = payload(target, name, async, exported).orElse(null);
        }
        if (c == null && exported) {
            throw new ToolsException("module imports unknown intrinsic `" + i.name() + "` from `" + i.module() + "`");
        }
        if (c == null && name.startsWith(RESOURCE_DROP)) {
            c = new Classified(importedDrop(i), new FuncType(List.of(NumType.I32), List.of()));
        }
        if (c == null) {
            Binding.Lowered l = find(i, name, async);
            c = new Classified(l, abi.signature(l.function(), CanonicalAbi.Direction.LOWER,
                    async ? CanonicalAbi.Variant.ASYNC_CALLBACK : CanonicalAbi.Variant.SYNC));
        }
        expectType(i, actual, c.expected());
        return c.binding();
    }

    /** {@code [task-return]f}, {@code [task-cancel]} and the resource intrinsics of {@code [export]target}. */
    private Classified exportedIntrinsic(Import i, String target, String name, CompositeType actual) {
        if (name.equals(TASK_CANCEL)) {
            return new Classified(new Binding.Builtin(new Canon.TaskCancel()), FuncType.EMPTY);
        }
        if (name.startsWith(TASK_RETURN)) {
            Function f = function(resolve, target, name.substring(TASK_RETURN.length()), true);
            return new Classified(new Binding.TaskReturn(f), abi.taskReturnSignature(f));
        }
        for (ResourceIntrinsic intrinsic : ResourceIntrinsic.values()) {
            if (name.startsWith(intrinsic.prefix) && !target.equals(ComponentNew.ROOT_MODULE)) {
                TypeId resource = exportedResource(i, target, name.substring(intrinsic.prefix.length()));
                return new Classified(new Binding.ExportedResource(intrinsic, resource),
                        intrinsic == ResourceIntrinsic.DROP ? new FuncType(List.of(NumType.I32), List.of())
                                : new FuncType(List.of(NumType.I32), List.of(NumType.I32)));
            }
        }
        return null;
    }

    /** A {@code future} or {@code stream} built-in on a type of function {@code f} of {@code target}. */
    private Optional<Classified> payload(String target, String name, boolean async, boolean exported) {
        return PayloadName.parse(name).map(p -> {
            Optional<TypeId> type = Optional.empty();
            if (p.index().isPresent()) {
                List<TypeId> types = PayloadName.futuresAndStreams(declared,
                        function(declared, target, p.function(), exported));
                int n = p.index().getAsInt();
                boolean stream = n < types.size() && resolve.get(types.get(n)).kind() instanceof TypeDefKind.Stream;
                if (n >= types.size() || stream != p.stream()) {
                    throw new ToolsException("`" + name + "`: `" + p.function() + "` has no " + (p.stream() ? "stream"
                            : "future") + " type number " + n);
                }
                type = Optional.of(types.get(n));
            }
            return new Classified(new Binding.Payload(p.op(), p.stream(), type, async), p.op().signature(p.stream()));
        });
    }

    /** Function {@code name} of world import (or, {@code exported}, export) {@code target} or of the world. */
    private Function function(Resolve in, String target, String name, boolean exported) {
        var w = in.get(world);
        var items = exported ? w.exports() : w.imports();
        String key = exported ? target : ImportNames.worldName(in, world, target);
        for (var e : items.entrySet()) {
            Function f = switch (e.getValue()) {
                case WorldItem.FunctionItem(Function g) when target.equals(ComponentNew.ROOT_MODULE) -> g;
                case WorldItem.InterfaceItem item when ComponentNew.keyName(in, e.getKey()).equals(key) ->
                        in.get(item.id()).functions().get(name);
                default -> null;
            };
            if (f != null && f.name().equals(name)) {
                return f;
            }
        }
        throw new ToolsException("the world " + (exported ? "exports" : "imports") + " no function `" + name + "`"
                + (target.equals(ComponentNew.ROOT_MODULE) ? "" : " in `" + target + "`"));
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

    private Binding.Lowered find(Import i, String name, boolean async) {
        var w = resolve.get(world);
        if (i.module().equals(ComponentNew.ROOT_MODULE)) {
            for (var e : w.imports().entrySet()) {
                if (e.getValue() instanceof WorldItem.FunctionItem(Function f) && f.name().equals(name)) {
                    return new Binding.Lowered(f, ComponentNew.keyName(resolve, e.getKey()), null, async);
                }
            }
            throw new ToolsException("module imports `" + i.name() + "` from `$root`, which the world does not import");
        }
        for (var e : w.imports().entrySet()) {
            String key = ComponentNew.keyName(resolve, e.getKey());
            if (key.equals(ImportNames.worldName(resolve, world, i.module()))
                    && e.getValue() instanceof WorldItem.InterfaceItem item) {
                Interface iface = resolve.get(item.id());
                Function f = iface.functions().get(name);
                if (f == null) {
                    throw new ToolsException("module imports `" + i.name() + "` from `" + i.module()
                            + "`, which that interface does not define");
                }
                return new Binding.Lowered(f, key, name, async);
            }
        }
        throw new ToolsException("module imports from `" + i.module() + "`, which the world does not import");
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
