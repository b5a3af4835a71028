package dev.jwc.wit.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks that every id inside a model indexes its arena, so that a bad model fails when it is built. */
final class ReferenceCheck {
    private final int packageCount;
    private final int interfaceCount;
    private final int worldCount;
    private final int typeCount;

    ReferenceCheck(int packageCount, int interfaceCount, int worldCount, int typeCount) {
        this.packageCount = packageCount;
        this.interfaceCount = interfaceCount;
        this.worldCount = worldCount;
        this.typeCount = typeCount;
    }

    void check(List<WitPackage> packages, List<Interface> interfaces, List<World> worlds, List<TypeDef> types) {
        for (WitPackage p : packages) {
            p.interfaces().values().forEach(this::check);
            p.worlds().values().forEach(this::check);
        }
        for (Interface i : interfaces) {
            i.types().values().forEach(this::check);
            i.functions().values().forEach(this::check);
            i.pkg().ifPresent(this::check);
        }
        for (World w : worlds) {
            w.imports().forEach(this::check);
            w.exports().forEach(this::check);
            w.pkg().ifPresent(this::check);
        }
        for (TypeDef t : types) {
            check(t.kind());
            switch (t.owner()) {
                case TypeOwner.InInterface(InterfaceId id) -> check(id);
                case TypeOwner.InWorld(WorldId id) -> check(id);
                case TypeOwner.NoOwner none -> { }
            }
        }
        checkAcyclic(types);
    }

    /**
     * WIT types cannot be recursive, so type definitions must reference each other without cycles; this keeps
     * every walk over a type (printing, layout) finite. Iterative, so that deep nesting cannot overflow the stack.
     */
    private static void checkAcyclic(List<TypeDef> types) {
        byte[] state = new byte[types.size()]; // 0 unvisited, 1 on the current path, 2 done
        for (int root = 0; root < types.size(); root++) {
            if (state[root] != 0) {
                continue;
            }
            var stack = new ArrayDeque<int[]>(); // {type index, index of its next reference to visit}
            stack.push(new int[] {root, 0});
            state[root] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<TypeId> refs = references(types.get(top[0]).kind());
                if (top[1] == refs.size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                int next = refs.get(top[1]++).index();
                if (state[next] == 1) {
                    throw new IllegalStateException("type cycle through " + new TypeId(next));
                }
                if (state[next] == 0) {
                    state[next] = 1;
                    stack.push(new int[] {next, 0});
                }
            }
        }
    }

    private static List<TypeId> references(TypeDefKind kind) {
        var refs = new ArrayList<TypeId>();
        java.util.function.Consumer<Type> add = t -> {
            if (t instanceof Type.Ref(TypeId id)) {
                refs.add(id);
            }
        };
        switch (kind) {
            case TypeDefKind.Record r -> r.fields().forEach(f -> add.accept(f.type()));
            case TypeDefKind.Own o -> refs.add(o.resource());
            case TypeDefKind.Borrow b -> refs.add(b.resource());
            case TypeDefKind.Tuple t -> t.types().forEach(add);
            case TypeDefKind.Variant v -> v.cases().forEach(c -> c.type().ifPresent(add));
            case TypeDefKind.Option o -> add.accept(o.type());
            case TypeDefKind.Result r -> {
                r.ok().ifPresent(add);
                r.err().ifPresent(add);
            }
            case TypeDefKind.List l -> add.accept(l.element());
            case TypeDefKind.FixedSizeList l -> add.accept(l.element());
            case TypeDefKind.Map m -> {
                add.accept(m.key());
                add.accept(m.value());
            }
            case TypeDefKind.Future f -> f.payload().ifPresent(add);
            case TypeDefKind.Stream s -> s.element().ifPresent(add);
            case TypeDefKind.Alias a -> add.accept(a.target());
            case TypeDefKind.Resource r -> { }
            case TypeDefKind.Flags f -> { }
            case TypeDefKind.Enum e -> { }
            case TypeDefKind.Unknown u -> { }
        }
        return refs;
    }

    private void check(WorldKey key, WorldItem item) {
        if (key instanceof WorldKey.Iface(InterfaceId id)) {
            check(id);
        }
        switch (item) {
            case WorldItem.InterfaceItem i -> check(i.id());
            case WorldItem.FunctionItem(Function f) -> check(f);
            case WorldItem.TypeItem(TypeId id) -> check(id);
        }
    }

    private void check(Function f) {
        f.kind().owningResource().ifPresent(this::check);
        f.params().forEach(p -> check(p.type()));
        f.result().ifPresent(this::check);
    }

    private void check(TypeDefKind kind) {
        switch (kind) {
            case TypeDefKind.Record r -> r.fields().forEach(f -> check(f.type()));
            case TypeDefKind.Resource r -> { }
            case TypeDefKind.Own o -> check(o.resource());
            case TypeDefKind.Borrow b -> check(b.resource());
            case TypeDefKind.Flags f -> { }
            case TypeDefKind.Tuple t -> t.types().forEach(this::check);
            case TypeDefKind.Variant v -> v.cases().forEach(c -> check(c.type()));
            case TypeDefKind.Enum e -> { }
            case TypeDefKind.Option o -> check(o.type());
            case TypeDefKind.Result r -> {
                check(r.ok());
                check(r.err());
            }
            case TypeDefKind.List l -> check(l.element());
            case TypeDefKind.FixedSizeList l -> check(l.element());
            case TypeDefKind.Map m -> {
                check(m.key());
                check(m.value());
            }
            case TypeDefKind.Future f -> check(f.payload());
            case TypeDefKind.Stream s -> check(s.element());
            case TypeDefKind.Alias a -> check(a.target());
            case TypeDefKind.Unknown u -> { }
        }
    }

    private void check(Optional<Type> type) {
        type.ifPresent(this::check);
    }

    private void check(Type type) {
        if (type instanceof Type.Ref(TypeId id)) {
            check(id);
        }
    }

    private void check(PackageId id) {
        require(id.index() < packageCount, id);
    }

    private void check(InterfaceId id) {
        require(id.index() < interfaceCount, id);
    }

    private void check(WorldId id) {
        require(id.index() < worldCount, id);
    }

    private void check(TypeId id) {
        require(id.index() < typeCount, id);
    }

    private static void require(boolean inRange, Object id) {
        if (!inRange) {
            throw new IllegalStateException("dangling reference to " + id);
        }
    }
}
