package dev.jwc.runtime;

import dev.jwc.types.Val;
import java.util.List;
import java.util.Optional;

/** A function the host provides to components; throwing {@link Trap} aborts the guest's call. */
@FunctionalInterface
public interface HostFunction {

    Optional<Val> call(List<Val> args);
}
