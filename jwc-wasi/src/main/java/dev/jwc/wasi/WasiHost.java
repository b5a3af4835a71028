package dev.jwc.wasi;

import dev.jwc.runtime.HostFunction;
import dev.jwc.runtime.Linker;
import dev.jwc.runtime.LinkerInstance;
import dev.jwc.runtime.Trap;
import dev.jwc.types.ResourceType;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The WASI 0.2 host for one guest: defines every interface of {@code wasi:cli/command} (version 0.2.12,
 * which semver matching lets every 0.2.x import use) in a {@link Linker}, backed by a {@link WasiConfig}.
 */
public final class WasiHost {
    private final WasiConfig config;

    public WasiHost(WasiConfig config) {
        this.config = config;
    }

    public WasiConfig config() {
        return config;
    }

    /**
     * Loads the bundled WASI WIT model that every host uses (once per process, on first use anyway), so
     * that a caller can have it loaded on another thread while it does other work.
     */
    public static void loadWit() {
        WasiWit.get();
    }

    /** Defines every WASI 0.2 interface this host implements in {@code linker}. */
    public void addToLinker(Linker linker) {
        WasiWit wit = WasiWit.get();
        Map<TypeId, ResourceType> byId = new HashMap<>();
        HostRegistry registry = registry(wit, byId);
        WitValueTypes types = new WitValueTypes(wit.resolve(), byId);
        wit.interfaces().forEach((name, iface) -> define(linker.root().instance(name), unversioned(name), iface,
                types, registry));
    }

    /** A fresh set of 0.2 host objects and functions, for a guest that calls them directly (preview1). */
    HostRegistry registry() {
        return registry(WasiWit.get(), new HashMap<>());
    }

    /** Registers every interface implementation; fills {@code byId} with the resource type of each WIT resource. */
    private HostRegistry registry(WasiWit wit, Map<TypeId, ResourceType> byId) {
        Map<String, ResourceType> byName = new HashMap<>();
        wit.interfaces().forEach((name, iface) -> iface.types().forEach((typeName, id) -> {
            if (wit.resolve().get(id).kind() instanceof TypeDefKind.Resource) {
                ResourceType t = new ResourceType(typeName);
                byId.put(id, t);
                byName.put(unversioned(name) + "#" + typeName, t);
            }
        }));
        HostRegistry registry = new HostRegistry(byName);
        IoHost io = new IoHost(registry);
        io.register();
        new CliHost(registry, io, config).register();
        new FilesystemHost(registry, config).register();
        new SocketsHost(registry, io, config).register();
        return registry;
    }

    private static void define(LinkerInstance target, String iface, Interface wit, WitValueTypes types,
                               HostRegistry registry) {
        wit.types().forEach((typeName, id) -> {
            Optional<ResourceType> resource = types.hostResource(id);
            if (resource.isEmpty()) {
                target.type(typeName, types.of(Type.of(id)));
            } else if (types.resourceId(id).equals(id)) {
                target.resource(typeName, resource.get(), registry.objects::drop);
            } else {
                target.resourceAlias(typeName, resource.get());
            }
        });
        for (Function f : wit.functions().values()) {
            HostFunction body = registry.function(iface, f.name());
            target.func(f.name(), types.funcType(f), body != null ? body : args -> {
                throw new Trap(iface + "#" + f.name() + " is not implemented by the jwc WASI host");
            });
        }
    }

    private static String unversioned(String qualified) {
        int at = qualified.indexOf('@');
        return at < 0 ? qualified : qualified.substring(0, at);
    }
}
