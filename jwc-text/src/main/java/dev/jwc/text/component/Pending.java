package dev.jwc.text.component;

import dev.jwc.binary.component.Sort;
import java.util.Optional;

/**
 * One definition of an expanded field list: the item (resolved when its turn comes) and the index it
 * defines, if any, with its {@code $id} and the key generated references use.
 */
record Pending(Deferred<Object> item, Sort sort, Optional<Scope.Name> name, Object key) {
    /** The item of a definition that adds an index without an item (later types of a recursion group). */
    static final Object NOTHING = new Object();

    static Pending of(Deferred<Object> item, Sort sort, Optional<Scope.Name> name, Object key) {
        return new Pending(item, sort, name, key);
    }

    /** An item that defines no index. */
    static Pending plain(Deferred<Object> item) {
        return new Pending(item, null, Optional.empty(), null);
    }

    /** The same definition, also reachable through the generated {@code key} (for inline exports). */
    Pending withKey(Object newKey) {
        return new Pending(item, sort, name, newKey);
    }

    /** Resolves the item in {@code scope} and defines it there. */
    void lower(Scope scope) {
        Object resolved = item.resolve(scope);
        if (resolved != NOTHING) {
            scope.add(resolved);
        }
        if (sort != null) {
            scope.define(sort, name, key);
        }
    }
}
