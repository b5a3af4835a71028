package dev.jwc.wit.model;

import java.util.List;
import java.util.Optional;

/**
 * An immutable, fully resolved set of WIT packages: four arenas addressed by id. Items refer to each other only
 * by id, so a model is a plain value; two models are {@code equals} when their arenas are equal element by
 * element. Build one with {@link ResolveBuilder}.
 *
 * <p>Invariant (checked on construction): every id found anywhere in the model indexes its arena.
 */
public record Resolve(List<WitPackage> packages, List<Interface> interfaces, List<World> worlds,
                      List<TypeDef> types) {

    public Resolve {
        packages = List.copyOf(packages);
        interfaces = List.copyOf(interfaces);
        worlds = List.copyOf(worlds);
        types = List.copyOf(types);
        new ReferenceCheck(packages.size(), interfaces.size(), worlds.size(), types.size())
                .check(packages, interfaces, worlds, types);
    }

    /** The empty model. */
    public static Resolve empty() {
        return new Resolve(List.of(), List.of(), List.of(), List.of());
    }

    public WitPackage get(PackageId id) {
        return packages.get(id.index());
    }

    public Interface get(InterfaceId id) {
        return interfaces.get(id.index());
    }

    public World get(WorldId id) {
        return worlds.get(id.index());
    }

    public TypeDef get(TypeId id) {
        return types.get(id.index());
    }

    /** The package named exactly {@code name} (version included). */
    public Optional<PackageId> packageByName(PackageName name) {
        for (int i = 0; i < packages.size(); i++) {
            if (packages.get(i).name().equals(name)) {
                return Optional.of(new PackageId(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The fully qualified name of a named interface, {@code ns:pkg/iface[@version]}; empty for an interface
     * written inline in a world.
     */
    public Optional<String> qualifiedName(InterfaceId id) {
        Interface iface = get(id);
        return iface.name().flatMap(name -> iface.pkg().map(p -> get(p).name().interfaceId(name)));
    }

    /** A builder that starts as a copy of this model, e.g. to add more packages. */
    public ResolveBuilder toBuilder() {
        return new ResolveBuilder(this);
    }
}
