package dev.jwc.runtime.core;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The tags of each core instance by identity, to carry wasm exceptions from one instance to another.
 * Chicory 1.7.5 matches a {@code catch} of an imported tag by the tag's type, not its identity, so
 * {@link ChicoryModuleBytes} turns tag imports into definitions: Chicory then matches an exception only
 * in the instance that threw it. Where a call returns from another instance, {@link #into} re-raises the
 * exception under the caller's index for the same tag; an exception of a tag the caller lacks stays
 * foreign, so only {@code catch_all} catches it there.
 */
final class ExceptionTags {
    private final Map<Instance, Tag[]> tags = Collections.synchronizedMap(new WeakHashMap<>());

    /** A tag: matched by identity, never by its type. */
    static final class Tag implements CoreExtern.Opaque {
        private final FunctionType type;

        Tag(FunctionType type) {
            this.type = type;
        }

        FunctionType type() {
            return type;
        }
    }

    void register(Instance instance, Tag[] instanceTags) {
        if (instanceTags.length > 0) {
            tags.put(instance, instanceTags);
        }
    }

    /** Whether {@code instance} has tags, so it can catch exceptions by tag. */
    boolean hasTags(Instance instance) {
        return tags.containsKey(instance);
    }

    /** {@code e}, thrown below a call that {@code caller} made, as {@code caller} must see it. */
    WasmException into(Instance caller, WasmException e) {
        if (e.instance() == caller) {
            return e;
        }
        Tag[] thrower = tags.get(e.instance());
        Tag[] own = tags.get(caller);
        if (thrower == null || own == null) {
            return e;
        }
        Tag tag = thrower[e.tagIdx()];
        for (int i = 0; i < own.length; i++) {
            if (own[i] == tag) {
                return new WasmException(caller, i, e.args());
            }
        }
        return e;
    }
}
