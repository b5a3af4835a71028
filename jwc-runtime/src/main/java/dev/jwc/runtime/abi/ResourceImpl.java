package dev.jwc.runtime.abi;

import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * What a resource type's definition provides: the component instance that defined it (empty for the
 * host) and the destructor to run when the last own handle is dropped.
 */
public record ResourceImpl(Optional<InstanceState> owner, Optional<IntConsumer> destructor) {
}
