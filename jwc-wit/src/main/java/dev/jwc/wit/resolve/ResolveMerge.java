package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WorldId;
import java.util.List;
import java.util.Set;

/**
 * Merges two resolved models as wit-parser's {@code Resolve::merge} does: packages of the same name are one
 * package, matched item by item by name, and items that only one side shows are kept. Ids of {@code into} stay
 * valid in the result; those of {@code from} are renumbered.
 */
public final class ResolveMerge {
    private ResolveMerge() {}

    /** The merged model, and where each world of {@code from} went, by index. */
    public record Merged(Resolve resolve, List<WorldId> fromWorlds) {
        public Merged {
            fromWorlds = List.copyOf(fromWorlds);
        }

        /** The id in the merged model of world {@code id} of {@code from}. */
        public WorldId fromWorld(WorldId id) {
            return fromWorlds.get(id.index());
        }
    }

    public static Merged merge(Resolve into, Resolve from) {
        Linker linker = new Linker(Set.of(), true);
        BinaryMerge.mergeAdding(linker, into);
        List<WorldId> worlds = BinaryMerge.mergeAdding(linker, from);
        return new Merged(linker.toResolve(), worlds);
    }
}
