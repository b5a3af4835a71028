package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.Type;
import dev.jwc.wit.model.TypeDefKind;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.TypeOwner;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.syntax.Span;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges an included world into another: named items are renamed per {@code with { a as b }} and deep-copied
 * (types owned by the included world get the including world as owner); interfaces imported by identity are
 * shared.
 */
final class Includer {
    private final Linker linker;
    private final WorldId into;
    private final PackageId pkg;
    private final Span span;

    /**
     * Includes into world {@code into} of package {@code pkg}, which owns interfaces copied along; errors are
     * reported at {@code span}, the included world's name in the {@code include}.
     */
    Includer(Linker linker, WorldId into, PackageId pkg, Span span) {
        this.linker = linker;
        this.into = into;
        this.pkg = pkg;
        this.span = span;
    }

    void include(WorldId from, List<MutableWorld.Rename> names) {
        MutableWorld source = linker.worlds.get(from.index());
        MutableWorld target = linker.worlds.get(into.index());
        for (MutableWorld.Rename rename : names) {
            boolean found = source.imports.keySet().stream().anyMatch(k -> matches(k, rename))
                    || source.exports.keySet().stream().anyMatch(k -> matches(k, rename));
            if (!found) {
                throw span.error("no import or export kebab-name `" + rename.name()
                        + "`. Note that an ID does not support renaming");
            }
        }
        Cloner cloner = new Cloner(new TypeOwner.InWorld(from), new TypeOwner.InWorld(into));
        boolean external = !java.util.Objects.equals(source.pkg, target.pkg);
        copy(source.imports, target.imports, names, cloner, "import", external);
        copy(source.exports, target.exports, names, cloner, "export", external);
    }

    private static boolean matches(WorldKey key, MutableWorld.Rename rename) {
        return key instanceof WorldKey.Name(String n) && rename(n, rename) != null;
    }

    /** The new name of {@code original} under {@code rename}, also for {@code [method]r.f}-style names. */
    static String rename(String original, MutableWorld.Rename rename) {
        if (original.equals(rename.name())) {
            return rename.as();
        }
        int close = original.indexOf(']');
        if (close < 0) {
            return null;
        }
        String kind = original.substring(0, close);
        String rest = original.substring(close + 1);
        int dot = rest.indexOf('.');
        if (dot >= 0 && rest.substring(0, dot).equals(rename.name())) {
            return kind + "]" + rename.as() + "." + rest.substring(dot + 1);
        }
        if (rest.equals(rename.name())) {
            return kind + "]" + rename.as();
        }
        return null;
    }

    private void copy(Map<WorldKey, WorldItem> from, LinkedHashMap<WorldKey, WorldItem> into,
                      List<MutableWorld.Rename> names, Cloner cloner, String what, boolean external) {
        for (Map.Entry<WorldKey, WorldItem> e : new LinkedHashMap<>(from).entrySet()) {
            switch (e.getKey()) {
                case WorldKey.Name(String original) -> {
                    String n = names.stream().map(r -> rename(original, r)).filter(x -> x != null).findFirst()
                            .orElse(original);
                    WorldItem item = switch (e.getValue()) {
                        case WorldItem.TypeItem t -> {
                            TypeId id = cloner.typeId(t.id());
                            linker.types.get(id.index()).name = n;
                            yield new WorldItem.TypeItem(id);
                        }
                        case WorldItem.FunctionItem f -> new WorldItem.FunctionItem(
                                TypeRewrite.renamed(cloner.function(f.function()), n));
                        case WorldItem.InterfaceItem i -> new WorldItem.InterfaceItem(cloner.iface(i.id()),
                                i.stability());
                    };
                    if (into.put(new WorldKey.Name(n), item) != null) {
                        throw span.error(what + " of `" + n + "` shadows previously " + what + "ed items");
                    }
                }
                case WorldKey.Iface key -> {
                    WorldItem.InterfaceItem item = (WorldItem.InterfaceItem) e.getValue();
                    WorldItem.InterfaceItem existing = (WorldItem.InterfaceItem) into.getOrDefault(key, item);
                    into.put(key, new WorldItem.InterfaceItem(existing.id(),
                            mergeStability(item.stability(), existing.stability(), external, span)));
                }
            }
        }
    }

    /**
     * The gate of an interface reached through several includes: a known gate wins over none, two different
     * gates conflict, and {@code @since} gates of another package's world are dropped.
     */
    private static Stability mergeStability(Stability from, Stability into, boolean external, Span span) {
        if (external && from instanceof Stability.Stable) {
            return Stability.UNKNOWN;
        }
        if (from.equals(into) || from.isUnknown()) {
            return into;
        }
        if (into.isUnknown()) {
            return from;
        }
        throw span.error("mismatch in stability from '" + from + "' to '" + into + "'");
    }

    /**
     * Deep copy of items from one owner to another, copying each type at most once: every type reached is
     * copied except the targets of aliases owned elsewhere (types {@code use}d from interfaces).
     */
    private final class Cloner {
        private final TypeOwner prevOwner;
        private final TypeOwner newOwner;
        private final Map<TypeId, TypeId> copied = new HashMap<>();
        private int depth;

        Cloner(TypeOwner prevOwner, TypeOwner newOwner) {
            this.prevOwner = prevOwner;
            this.newOwner = newOwner;
        }

        TypeId typeId(TypeId id) {
            TypeId done = copied.get(id);
            if (done != null) {
                return done;
            }
            Linker.checkDepth(++depth, span);
            MutableType copy = linker.types.get(id.index()).copy();
            if (copy.owner.equals(prevOwner)) {
                copy.owner = newOwner;
            }
            copy.kind = copy.kind instanceof TypeDefKind.Alias(Type.Ref(TypeId target))
                    ? new TypeDefKind.Alias(Type.of(linker.types.get(target.index()).owner.equals(prevOwner)
                            ? typeId(target) : target))
                    : TypeRewrite.kind(copy.kind, this::typeId, this::ty);
            linker.types.add(copy);
            TypeId fresh = new TypeId(linker.types.size() - 1);
            copied.put(id, fresh);
            depth--;
            return fresh;
        }

        private Type ty(Type t) {
            return t instanceof Type.Ref(TypeId id) ? Type.of(typeId(id)) : t;
        }

        Function function(Function f) {
            return TypeRewrite.function(f, this::typeId, this::ty);
        }

        InterfaceId iface(InterfaceId id) {
            MutableInterface original = linker.interfaces.get(id.index());
            MutableInterface copy = new MutableInterface();
            InterfaceId fresh = new InterfaceId(linker.interfaces.size());
            linker.interfaces.add(copy);
            Cloner inner = new Cloner(new TypeOwner.InInterface(id), new TypeOwner.InInterface(fresh));
            copy.name = original.name;
            copy.docs = original.docs;
            copy.stability = original.stability;
            original.types.forEach((n, t) -> copy.types.put(n, inner.typeId(t)));
            original.functions.forEach((n, f) -> copy.functions.put(n, inner.function(f)));
            copy.pkg = pkg;
            return fresh;
        }
    }
}
