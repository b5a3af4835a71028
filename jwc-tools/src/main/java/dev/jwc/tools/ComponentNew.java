package dev.jwc.tools;

import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentDecl;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.ComponentWriter;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.ResourceType;
import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CustomSection;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.witcomponent.ComponentTypeSection;
import dev.jwc.witcomponent.WitComponentException;
import dev.jwc.witcomponent.WitDecoding;
import dev.jwc.witcomponent.WitEncoding;
import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.ResolveBuilder;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeDef;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code component new}: a core module whose {@code component-type} section describes its world becomes a
 * component. World imports are imported and lowered into the module (through a shim table filled after
 * instantiation when lowering needs the module's own memory or {@code cabi_realloc}); world exports are lifted
 * from the module's exports named as wit-component's ABI names them ({@code f}, {@code iface#f},
 * {@code cabi_post_*}), an exported interface through a small component that gives its functions their names.
 */
public final class ComponentNew {
    static final String ROOT_MODULE = "$root";
    static final String MEMORY = "memory";
    static final String REALLOC = "cabi_realloc";
    static final String POST_RETURN = "cabi_post_";
    static final String INITIALIZE = "_initialize";
    private static final String ASYNC_LIFT = "[async-lift]";
    private static final String ASYNC_LIFT_STACKFUL = "[async-lift-stackful]";
    private static final String CALLBACK = "[callback]";

    private final CoreModule main;
    /** The world as declared, and as the component imports it (see {@link LiveImports}). */
    private final Resolve declared;
    private final Resolve resolve;
    private final WorldId world;
    private final CanonOpt.StringEncoding encoding;
    private final CanonicalAbi abi;
    private final Shim shim = new Shim();
    private final Lowerings lowerings;
    private final List<Adapters.Adapter> adapters;
    private Instantiation instantiation;
    private final ComponentBuilder out = new ComponentBuilder();
    private final Map<String, Integer> importedInstances = new HashMap<>();
    private final Map<String, Integer> importedFuncs = new HashMap<>();
    private final Map<String, Integer> importedTypes = new HashMap<>();
    /** Types in the component's own scope, where exports are lifted. */
    private final TypeEncoder types;
    private int mainInstance = -1;

    private ComponentNew(CoreModule module, ComponentTypeSection.Decoded metadata, Map<String, CoreModule> adapters) {
        this.main = StandardNames.toLegacy(module, metadata.resolve(), metadata.world());
        Adapters.Merged merged = Adapters.merge(this.main, metadata.resolve(), metadata.world(), adapters);
        this.adapters = merged.adapters();
        List<CoreModule> modules = new ArrayList<>(List.of(this.main));
        this.adapters.forEach(a -> modules.add(a.module()));
        this.declared = SemverImports.merge(merged.resolve(), merged.world());
        this.resolve = LiveImports.trim(declared, merged.world(),
                LiveImports.usedImports(declared, merged.world(), modules, adapters.keySet()));
        this.world = merged.world();
        this.encoding = switch (metadata.encoding()) {
            case UTF8 -> CanonOpt.StringEncoding.UTF8;
            case UTF16 -> CanonOpt.StringEncoding.UTF16;
            case COMPACT_UTF16 -> CanonOpt.StringEncoding.LATIN1_UTF16;
        };
        this.abi = new CanonicalAbi(resolve);
        this.lowerings = new Lowerings(main, resolve, declared, world, abi);
        this.types = new TypeEncoder(resolve, out, this::importedType);
    }

    /** The component of {@code module}, which carries exactly one {@code component-type} section. */
    public static Component create(CoreModule module) {
        return create(module, Map.of());
    }

    /**
     * The component of {@code module} with {@code adapters} merged in ({@code --adapt NAME=ADAPTER}): each key is
     * the module name the main module imports the adapter's functions by, each value an adapter module with its
     * own {@code component-type} section (such as {@code wasi_snapshot_preview1.command.wasm}).
     */
    public static Component create(CoreModule module, Map<String, CoreModule> adapters) {
        List<ComponentTypeSection.Decoded> metadata;
        try {
            metadata = ComponentTypeSection.findAll(module);
        } catch (WitComponentException e) {
            throw new ToolsException(e.getMessage(), e);
        }
        if (metadata.isEmpty() && adapters.isEmpty()) {
            throw new ToolsException("the module has no `component-type` custom section: embed a world first");
        }
        if (metadata.size() > 1) {
            throw new ToolsException("the module has " + metadata.size()
                    + " `component-type` sections; merging several worlds is not supported yet");
        }
        if (metadata.isEmpty()) {
            metadata = List.of(emptyWorld());
        }
        return new ComponentNew(withoutMetadata(module), metadata.getFirst(), new LinkedHashMap<>(adapters)).build();
    }

    /** A plain preview1 module imports only from its adapters: its own world is empty, as wit-component's is. */
    private static ComponentTypeSection.Decoded emptyWorld() {
        ResolveBuilder b = new ResolveBuilder();
        PackageId pkg = b.add(new WitPackage(WitDecoding.COMPONENT_PACKAGE, Docs.NONE, Map.of(), Map.of()));
        WorldId id = b.add(new World(WitDecoding.COMPONENT_WORLD, Map.of(), Map.of(), Optional.of(pkg), Docs.NONE,
                Stability.UNKNOWN));
        b.set(pkg, new WitPackage(WitDecoding.COMPONENT_PACKAGE, Docs.NONE, Map.of(),
                Map.of(WitDecoding.COMPONENT_WORLD, id)));
        return new ComponentTypeSection.Decoded(b.build(), id, WitEncoding.StringEncoding.UTF8);
    }

    /** {@link #create} as bytes. */
    public static byte[] createBytes(CoreModule module) {
        return ComponentWriter.write(create(module));
    }

    /** {@link #create(CoreModule, Map)} as bytes. */
    public static byte[] createBytes(CoreModule module, Map<String, CoreModule> adapters) {
        return ComponentWriter.write(create(module, adapters));
    }

    private Component build() {
        replayWorldImports();
        lowerings.check(adapters.stream().map(Adapters.Adapter::name).collect(Collectors.toSet()));
        List<Instantiation.Adapter> instantiated = new ArrayList<>();
        for (Adapters.Adapter a : adapters) {
            Lowerings l = new Lowerings(a.module(), resolve, declared, world, abi);
            l.check(Set.of(Instantiation.ENV, AdapterGc.MAIN_MODULE));
            instantiated.add(new Instantiation.Adapter(a.name(), l));
        }
        instantiation = new Instantiation(out, abi, lowerings, instantiated,
                new Lowerings.WorldImports(importedFuncs, importedInstances, importedTypes), encoding, shim);
        instantiation.reserve();
        Map<TypeId, Integer> destructors = reserveDestructors();
        shim.instantiate(out);
        destructors.forEach((id, slot) -> types.known(id, out.type(new ResourceType(NumType.I32,
                slot < 0 ? OptionalInt.empty() : OptionalInt.of(shim.func(out, slot))))));
        mainInstance = instantiation.instantiate(id -> types.indexOf(id).orElseThrow(), types);
        liftExports();
        out.custom(producers());
        return out.build();
    }

    /** The world type's imports and type definitions, replayed at the top level so its indices hold here. */
    private void replayWorldImports() {
        Section.Custom section = WitEncoding.componentTypeSection(resolve, world, WitEncoding.StringEncoding.UTF8);
        Component wrapper = ComponentReader.readComponent(section.data());
        ComponentType worldType = null;
        for (Section s : wrapper.sections()) {
            if (s instanceof Section.Types t && t.types().getFirst() instanceof ComponentType c
                    && c.decls().getFirst() instanceof InstanceDecl.TypeDecl(ComponentType w)) {
                worldType = w;
            }
        }
        if (worldType == null) {
            throw new IllegalStateException("the encoded world has no component type");
        }
        for (ComponentDecl decl : worldType.decls()) {
            switch (decl) {
                case InstanceDecl.CoreTypeDecl d -> out.coreType(d.type());
                case InstanceDecl.TypeDecl d -> out.type(d.type());
                case InstanceDecl.AliasDecl d -> out.alias(d.alias());
                case ComponentDecl.ImportDecl d -> {
                    Import imported = d.imported();
                    int index = out.importing(imported);
                    switch (imported.type()) {
                        case ExternType.Instance i -> importedInstances.put(imported.name().name(), index);
                        case ExternType.Func f -> importedFuncs.put(imported.name().name(), index);
                        case ExternType.Type t -> importedTypes.put(imported.name().name(), index);
                        default -> { }
                    }
                }
                case InstanceDecl.ExportDecl d -> {
                    return;
                }
            }
        }
    }

    /**
     * Each resource of an exported interface, with the shim slot of its destructor ({@code iface#[dtor]r}, which
     * the main module exports) or -1 when it has none.
     */
    private Map<TypeId, Integer> reserveDestructors() {
        Map<TypeId, Integer> resources = new LinkedHashMap<>();
        resolve.get(world).exports().forEach((key, item) -> {
            if (item instanceof WorldItem.InterfaceItem i) {
                resolve.get(i.id()).types().forEach((name, id) -> {
                    if (resolve.get(id).kind() instanceof TypeDefKind.Resource) {
                        String dtor = keyName(key) + "#[dtor]" + name;
                        int slot = -1;
                        if (Lowerings.hasExport(main, dtor, ExternalKind.FUNC)) {
                            FuncType type = new FuncType(List.of(NumType.I32), List.of());
                            Lowerings.requireExport(main, dtor, type);
                            slot = shim.add(type,
                                    () -> out.coreExport(instantiation.mainInstance(), dtor, CoreSort.FUNC));
                        }
                        resources.put(id, slot);
                    }
                });
            }
        });
        return resources;
    }

    /**
     * Where the component's own scope finds a named type: types of exported interfaces are defined here, types of
     * imported ones are aliased from their instance, the world's own types are imported.
     */
    private OptionalInt importedType(TypeId id, TypeDef def) {
        String name = def.name().orElseThrow();
        Integer index = switch (def.owner()) {
            case TypeOwner.InInterface(InterfaceId owner) -> {
                Integer instance = isExported(owner) ? null
                        : resolve.qualifiedName(owner).map(importedInstances::get).orElse(null);
                yield instance == null ? null
                        : out.alias(new Alias.InstanceExport(ComponentSort.TYPE, instance, name));
            }
            case TypeOwner.InWorld w -> importedTypes.get(name);
            case TypeOwner.NoOwner n -> null;
        };
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    private boolean isExported(InterfaceId id) {
        return resolve.get(world).exports().values().stream()
                .anyMatch(e -> e instanceof WorldItem.InterfaceItem i && i.id().equals(id));
    }

    /** The core module a world export is lifted from: the main module, or the adapter that implements it. */
    private record LiftSource(CoreModule module, int instance, Optional<String> adapter) {}

    private LiftSource source(WorldKey key) {
        for (Adapters.Adapter a : adapters) {
            if (a.exports().contains(key)) {
                return new LiftSource(a.module(), instantiation.adapterInstance(a.name()), Optional.of(a.name()));
            }
        }
        return new LiftSource(main, mainInstance, Optional.empty());
    }

    private void liftExports() {
        for (var e : ExportOrder.of(resolve, resolve.get(world)).entrySet()) {
            String name = keyName(e.getKey());
            LiftSource source = source(e.getKey());
            switch (e.getValue()) {
                case WorldItem.FunctionItem(Function f) -> {
                    int func = lift(source, f, name);
                    out.export(new Export(ExternName.of(name), ComponentSort.FUNC, func, Optional.empty()));
                }
                case WorldItem.InterfaceItem i -> exportInterface(source, name, i.id());
                case WorldItem.TypeItem t -> { }
            }
        }
    }

    private void exportInterface(LiftSource source, String name, InterfaceId id) {
        Interface iface = resolve.get(id);
        Map<String, Integer> lifted = new LinkedHashMap<>();
        for (Function f : iface.functions().values()) {
            lifted.put(f.name(), lift(source, f, name + "#" + f.name()));
        }
        int shim = ExportShim.instantiate(out, resolve, id, types, lifted);
        int instance = out.export(new Export(exportName(name, id), ComponentSort.INSTANCE, shim, Optional.empty()));
        // Later exports see this interface's types through the exported instance, as its users will.
        iface.types().forEach((typeName, type) -> types.known(type,
                out.alias(new Alias.InstanceExport(ComponentSort.TYPE, instance, typeName))));
    }

    private ExternName exportName(String name, InterfaceId id) {
        Optional<String> qualified = resolve.qualifiedName(id);
        if (qualified.isPresent() && !qualified.get().equals(name)) {
            return new ExternName(name, ExternName.Form.WITH_ATTRIBUTES,
                    List.of(new ExternName.Attribute.Implements(qualified.get())));
        }
        return ExternName.of(name);
    }

    private int lift(LiftSource source, Function f, String coreName) {
        CoreModule module = source.module();
        CanonicalAbi.Variant variant = CanonicalAbi.Variant.SYNC;
        String export = coreName;
        if (!Lowerings.hasExport(module, coreName, ExternalKind.FUNC)) {
            if (Lowerings.hasExport(module, ASYNC_LIFT + coreName, ExternalKind.FUNC)) {
                variant = CanonicalAbi.Variant.ASYNC_CALLBACK;
                export = ASYNC_LIFT + coreName;
            } else if (Lowerings.hasExport(module, ASYNC_LIFT_STACKFUL + coreName, ExternalKind.FUNC)) {
                variant = CanonicalAbi.Variant.ASYNC_STACKFUL;
                export = ASYNC_LIFT_STACKFUL + coreName;
            }
        }
        Lowerings.requireExport(module, export, abi.signature(f, CanonicalAbi.Direction.LIFT, variant));
        int type = types.funcType(f);
        int core = out.coreExport(source.instance(), export, CoreSort.FUNC);
        List<CanonOpt> options = new ArrayList<>();
        if (abi.needsMemory(f, CanonicalAbi.Direction.LIFT, variant)) {
            options.add(new CanonOpt.Memory(instantiation.memory(coreName)));
            if (abi.needsRealloc(f, CanonicalAbi.Direction.LIFT)) {
                options.add(new CanonOpt.Realloc(source.adapter()
                        .map(a -> instantiation.adapterRealloc(a, Instantiation.EXPORT_REALLOC, coreName))
                        .orElseGet(() -> instantiation.realloc(Instantiation.EXPORT_REALLOC, coreName))));
            }
            options.add(encoding);
        }
        switch (variant) {
            case SYNC -> {
                if (Lowerings.hasExport(module, POST_RETURN + coreName, ExternalKind.FUNC)) {
                    options.add(new CanonOpt.PostReturn(out.coreExport(source.instance(), POST_RETURN + coreName,
                            CoreSort.FUNC)));
                }
            }
            case ASYNC_CALLBACK -> {
                String callback = CALLBACK + export;
                Lowerings.requireExport(module, callback,
                        new FuncType(List.of(NumType.I32, NumType.I32, NumType.I32), List.of(NumType.I32)));
                options.add(new CanonOpt.Async());
                options.add(new CanonOpt.Callback(out.coreExport(source.instance(), callback, CoreSort.FUNC)));
            }
            case ASYNC_STACKFUL -> options.add(new CanonOpt.Async());
        }
        return out.canon(new Canon.Lift(core, options, type));
    }

    String keyName(WorldKey key) {
        return keyName(resolve, key);
    }

    static String keyName(Resolve resolve, WorldKey key) {
        return switch (key) {
            case WorldKey.Name(String n) -> n;
            case WorldKey.Iface(InterfaceId id) -> resolve.qualifiedName(id).orElseThrow();
        };
    }

    static CoreModule withoutMetadata(CoreModule m) {
        List<CustomSection> customs = m.customSections().stream()
                .filter(c -> !c.name().startsWith("component-type")).toList();
        return new CoreModule(m.types(), m.imports(), m.functions(), m.tables(), m.memories(), m.tags(),
                m.globals(), m.exports(), m.start(), m.elements(), m.dataCount(), m.code(), m.data(), customs);
    }

    private static Section.Custom producers() {
        dev.jwc.binary.io.ByteWriter w = new dev.jwc.binary.io.ByteWriter();
        w.u32(1).name("processed-by").u32(1).name(WitEncoding.PRODUCER).name("0.1.0");
        return new Section.Custom("producers", w.toByteArray());
    }

}
