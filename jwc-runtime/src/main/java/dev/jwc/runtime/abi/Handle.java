package dev.jwc.runtime.abi;

import dev.jwc.types.ResourceType;

/**
 * A resource handle in a handle table: the resource type, its representation, whether it owns the
 * resource and, for borrows, the call that lent it. {@code lends} counts borrows of this own handle
 * that are active in calls.
 */
final class Handle {
    final ResourceType type;
    final int rep;
    final boolean own;
    final CallScope scope;
    int lends;

    Handle(ResourceType type, int rep, boolean own, CallScope scope) {
        this.type = type;
        this.rep = rep;
        this.own = own;
        this.scope = scope;
    }
}
