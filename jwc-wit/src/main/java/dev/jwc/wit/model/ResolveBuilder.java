package dev.jwc.wit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mutable arenas for building a {@link Resolve} incrementally: {@code add*} appends and returns the new id,
 * {@code set} replaces an item by id (e.g. once a forward-referenced type is known), and {@link #build()}
 * freezes everything into an immutable {@link Resolve}, checking that every id refers to an existing item.
 * Not thread-safe.
 */
public final class ResolveBuilder {
    private final List<WitPackage> packages;
    private final List<Interface> interfaces;
    private final List<World> worlds;
    private final List<TypeDef> types;

    public ResolveBuilder() {
        this(Resolve.empty());
    }

    /** Starts from the items of {@code base}. */
    public ResolveBuilder(Resolve base) {
        packages = new ArrayList<>(base.packages());
        interfaces = new ArrayList<>(base.interfaces());
        worlds = new ArrayList<>(base.worlds());
        types = new ArrayList<>(base.types());
    }

    public PackageId add(WitPackage pkg) {
        packages.add(Objects.requireNonNull(pkg));
        return new PackageId(packages.size() - 1);
    }

    public InterfaceId add(Interface iface) {
        interfaces.add(Objects.requireNonNull(iface));
        return new InterfaceId(interfaces.size() - 1);
    }

    public WorldId add(World world) {
        worlds.add(Objects.requireNonNull(world));
        return new WorldId(worlds.size() - 1);
    }

    public TypeId add(TypeDef type) {
        types.add(Objects.requireNonNull(type));
        return new TypeId(types.size() - 1);
    }

    public void set(PackageId id, WitPackage pkg) {
        packages.set(id.index(), Objects.requireNonNull(pkg));
    }

    public void set(InterfaceId id, Interface iface) {
        interfaces.set(id.index(), Objects.requireNonNull(iface));
    }

    public void set(WorldId id, World world) {
        worlds.set(id.index(), Objects.requireNonNull(world));
    }

    public void set(TypeId id, TypeDef type) {
        types.set(id.index(), Objects.requireNonNull(type));
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

    /**
     * Freezes the arenas into a {@link Resolve}.
     *
     * @throws IllegalStateException if an item refers to an id outside its arena (a resolver bug)
     */
    public Resolve build() {
        return new Resolve(packages, interfaces, worlds, types);
    }
}
