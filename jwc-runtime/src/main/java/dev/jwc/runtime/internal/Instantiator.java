package dev.jwc.runtime.internal;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.runtime.LinkException;
import dev.jwc.runtime.Trap;
import dev.jwc.runtime.abi.AsyncResult;
import dev.jwc.runtime.abi.CanonOptions;
import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.ResourceBuiltins;
import dev.jwc.runtime.abi.ResourceImpl;
import dev.jwc.runtime.abi.StringEncoding;
import dev.jwc.runtime.core.CoreEngine;
import dev.jwc.runtime.core.CoreExtern;
import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.runtime.core.CoreLinkException;
import dev.jwc.runtime.core.CoreMemory;
import dev.jwc.runtime.core.CoreModule;
import dev.jwc.runtime.core.ExportBag;
import dev.jwc.types.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntConsumer;

/**
 * Instantiates a component definition: walks its sections in order, filling the index spaces, and
 * returns its exports. Nested component instances get their own {@link InstanceState} whose parent
 * is the instantiating component's.
 */
public final class Instantiator {
    private final CoreEngine engine;
    private final Map<CoreModuleBinary, CoreModule> compiled;
    private final Map<ResourceType, ResourceImpl> resources;
    private final OptionalLong maxMemoryBytes;

    /** An instantiator whose core instances may each grow their memory to {@code maxMemoryBytes}, when given. */
    public Instantiator(CoreEngine engine, Map<CoreModuleBinary, CoreModule> compiled,
            Map<ResourceType, ResourceImpl> resources, OptionalLong maxMemoryBytes) {
        this.engine = engine;
        this.compiled = compiled;
        this.resources = resources;
        this.maxMemoryBytes = maxMemoryBytes;
    }

    /** Compiles every core module of {@code component}, nested ones included, once. */
    public static void compileAll(CoreEngine engine, Component component, Map<CoreModuleBinary, CoreModule> into) {
        for (Section s : component.sections()) {
            switch (s) {
                case Section.CoreModule m -> into.put(m.module(), compile(engine, m.module()));
                case Section.NestedComponent n -> compileAll(engine, n.component(), into);
                default -> {
                }
            }
        }
    }

    private static CoreModule compile(CoreEngine engine, CoreModuleBinary module) {
        try {
            return engine.compile(module.bytes());
        } catch (CoreLinkException e) {
            throw new LinkException(e.getMessage() + " (core module at offset " + module.offset() + ")", e);
        }
    }

    public Item.Instance instantiate(ComponentDef def, Map<String, Item> args, InstanceState parent) {
        Spaces sp = new Spaces(def.enclosing());
        InstanceState state = new InstanceState(parent, resources);
        Map<String, Item> exports = new LinkedHashMap<>();
        for (Section section : def.component().sections()) {
            switch (section) {
                case Section.Custom c -> {
                }
                case Section.CoreModule m -> sp.add(CoreSort.MODULE, compiled.get(m.module()));
                case Section.CoreInstances ci -> ci.instances().forEach(i -> sp.add(CoreSort.INSTANCE, coreInstance(sp, i)));
                case Section.CoreTypes ct -> ct.types().forEach(t -> sp.add(CoreSort.TYPE, t));
                case Section.NestedComponent n -> sp.add(ComponentSort.COMPONENT, new ComponentDef(n.component(), sp));
                case Section.Instances is -> is.instances().forEach(i -> sp.add(ComponentSort.INSTANCE, instance(sp, i, state)));
                case Section.Aliases as -> as.aliases().forEach(a -> alias(sp, a));
                case Section.Types ts -> ts.types().forEach(t -> sp.add(ComponentSort.TYPE, type(sp, t, state)));
                case Section.Canons cs -> cs.canons().forEach(c -> sp.add(c.sort(), canon(sp, c, state)));
                case Section.Imports is -> is.imports().forEach(i -> importItem(sp, i, args));
                case Section.Exports es -> es.exports().forEach(e -> export(sp, e, exports));
                case Section.Start s -> throw new LinkException("component start functions are not supported");
                case Section.Values v -> throw new LinkException("component values are not supported");
            }
        }
        return new Item.Instance(exports);
    }

    private dev.jwc.runtime.core.CoreInstance coreInstance(Spaces sp, CoreInstance def) {
        return switch (def) {
            case CoreInstance.Instantiate i -> {
                CoreModule module = sp.coreModule(i.module());
                Map<String, dev.jwc.runtime.core.CoreInstance> args = new LinkedHashMap<>();
                i.args().forEach(a -> args.put(a.name(), sp.coreInstance(a.instance())));
                try {
                    yield engine.instantiate(module, (m, n) -> {
                        var from = args.get(m);
                        if (from == null) {
                            throw new CoreLinkException("unknown import: `" + m + "::" + n + "` has not been defined");
                        }
                        return from.export(n).orElseThrow(() -> new CoreLinkException(
                                "unknown import: `" + m + "::" + n + "` has not been defined"));
                    }, maxMemoryBytes);
                } catch (CoreLinkException e) {
                    throw new LinkException(e.getMessage(), e);
                }
            }
            case CoreInstance.FromExports f -> {
                Map<String, CoreExtern> bag = new LinkedHashMap<>();
                f.exports().forEach(e -> bag.put(e.name(), sp.coreExtern(e.sort(), e.index())));
                yield new ExportBag(bag);
            }
        };
    }

    private Item.Instance instance(Spaces sp, Instance def, InstanceState state) {
        return switch (def) {
            case Instance.Instantiate i -> {
                ComponentDef component = sp.get(ComponentSort.COMPONENT, i.component(), ComponentDef.class);
                Map<String, Item> args = new LinkedHashMap<>();
                i.args().forEach(a -> args.put(a.name(), sp.item(a.sort(), a.index())));
                yield instantiate(component, args, state);
            }
            case Instance.FromExports f -> {
                Map<String, Item> exports = new LinkedHashMap<>();
                f.exports().forEach(e -> exports.put(e.name().name(), sp.item(e.sort(), e.index())));
                yield new Item.Instance(exports);
            }
        };
    }

    private void alias(Spaces sp, Alias alias) {
        switch (alias) {
            case Alias.CoreInstanceExport a -> {
                CoreExtern e = sp.coreInstance(a.instance()).export(a.name()).orElseThrow(() -> new LinkException(
                        "core instance " + a.instance() + " has no export named `" + a.name() + "`"));
                sp.add(a.sort(), e);
            }
            case Alias.InstanceExport a -> {
                Item.Instance inst = sp.get(ComponentSort.INSTANCE, a.instance(), Item.Instance.class);
                Item item = inst.exports().get(a.name());
                if (item == null) {
                    throw new LinkException("instance " + a.instance() + " has no export named `" + a.name() + "`");
                }
                sp.addItem(a.sort(), item);
            }
            case Alias.Outer a -> sp.add(a.sort(), sp.enclosing(a.count()).get(a.sort(), a.index()));
        }
    }

    private Object type(Spaces sp, TypeDef def, InstanceState state) {
        TypeConverter types = new TypeConverter(sp);
        return switch (def) {
            case DefinedType d -> types.defined(d);
            case dev.jwc.binary.component.FuncType f -> types.func(f);
            case dev.jwc.binary.component.ResourceType r -> {
                ResourceType rt = new ResourceType("resource");
                Optional<IntConsumer> dtor = Optional.empty();
                if (r.destructor().isPresent()) {
                    CoreFunc f = sp.get(CoreSort.FUNC, r.destructor().getAsInt(), CoreFunc.class);
                    dtor = Optional.of(rep -> f.call(rep));
                }
                resources.put(rt, new ResourceImpl(Optional.of(state), dtor));
                yield rt;
            }
            case ComponentType c -> c;
            case InstanceType i -> i;
        };
    }

    private Object canon(Spaces sp, Canon canon, InstanceState state) {
        TypeConverter types = new TypeConverter(sp);
        return switch (canon) {
            case Canon.Lift l -> {
                Object t = sp.type(l.type());
                if (!(t instanceof dev.jwc.types.FuncType ft)) {
                    throw new LinkException("type index " + l.type() + " is not a function type");
                }
                yield new LiftedFunc(state, sp.get(CoreSort.FUNC, l.coreFunc(), CoreFunc.class), ft,
                        options(sp, l.options()));
            }
            case Canon.Lower l -> new LoweredFunc(state, sp.get(ComponentSort.FUNC, l.func(), ComponentFunc.class),
                    options(sp, l.options()));
            case Canon.ResourceNew r -> ResourceBuiltins.resourceNew(state, types.resource(r.resource()));
            case Canon.ResourceDrop r -> ResourceBuiltins.resourceDrop(state, types.resource(r.resource()));
            case Canon.ResourceRep r -> ResourceBuiltins.resourceRep(state, types.resource(r.resource()));
            case Canon.TaskReturn t -> AsyncResult.taskReturn(state, t.result().map(types::valType).stream().toList(),
                    options(sp, t.options()));
            case Canon.ContextGet g -> (CoreFunc) args -> new long[] {state.context(g.slot())};
            case Canon.ContextSet c -> (CoreFunc) args -> {
                state.setContext(c.slot(), args[0]);
                return new long[0];
            };
            case Canon.BackpressureInc b -> (CoreFunc) args -> {
                state.adjustBackpressure(1);
                return new long[0];
            };
            case Canon.BackpressureDec b -> (CoreFunc) args -> {
                state.adjustBackpressure(-1);
                return new long[0];
            };
            default -> unsupportedBuiltin(state, canon);
        };
    }

    /** Async, thread and GC built-ins: callable (so may-leave traps still happen) but unsupported. */
    private static CoreFunc unsupportedBuiltin(InstanceState state, Canon canon) {
        String name = canon.getClass().getSimpleName();
        return args -> {
            ResourceBuiltins.checkMayLeave(state);
            throw new Trap("canonical built-in " + name + " is not supported");
        };
    }

    private static CanonOptions options(Spaces sp, java.util.List<CanonOpt> opts) {
        StringEncoding encoding = StringEncoding.UTF8;
        Optional<CoreMemory> memory = Optional.empty();
        Optional<CoreFunc> realloc = Optional.empty();
        Optional<CoreFunc> postReturn = Optional.empty();
        boolean async = false;
        Optional<CoreFunc> callback = Optional.empty();
        for (CanonOpt o : opts) {
            switch (o) {
                case CanonOpt.StringEncoding e -> encoding = StringEncoding.valueOf(e.name());
                case CanonOpt.Memory m -> memory = Optional.of(sp.get(CoreSort.MEMORY, m.memory(), CoreMemory.class));
                case CanonOpt.Realloc r -> realloc = Optional.of(sp.get(CoreSort.FUNC, r.func(), CoreFunc.class));
                case CanonOpt.PostReturn p -> postReturn = Optional.of(sp.get(CoreSort.FUNC, p.func(), CoreFunc.class));
                case CanonOpt.Async a -> async = true;
                case CanonOpt.Callback c -> callback = Optional.of(sp.get(CoreSort.FUNC, c.func(), CoreFunc.class));
                case CanonOpt.CoreType c -> throw new LinkException("the GC canonical ABI is not supported");
                case CanonOpt.Gc g -> throw new LinkException("the GC canonical ABI is not supported");
            }
        }
        return new CanonOptions(encoding, memory, realloc, postReturn, async, callback);
    }

    private static void importItem(Spaces sp, Import imp, Map<String, Item> args) {
        String name = imp.name().name();
        Item item = args.get(name);
        if (imp.type() instanceof ExternType.Type t && t.bound() instanceof ExternType.TypeBound.Eq eq && item == null) {
            item = new Item.Type(sp.type(eq.type()));
        }
        if (item == null) {
            throw new LinkException("missing import named `" + name + "`");
        }
        if (imp.type() instanceof ExternType.Type t && t.bound() instanceof ExternType.TypeBound.SubResource
                && !(item instanceof Item.Type it && it.type() instanceof ResourceType)) {
            throw new LinkException("import `" + name + "`: expected a resource type");
        }
        ImportCheck.check(sp, name, imp.type(), item);
        sp.addItem(imp.type().sort(), item);
    }

    private static void export(Spaces sp, Export e, Map<String, Item> exports) {
        Item item = sp.item(e.sort(), e.index());
        exports.put(e.name().name(), item);
        sp.addItem(e.sort(), item);
    }
}
