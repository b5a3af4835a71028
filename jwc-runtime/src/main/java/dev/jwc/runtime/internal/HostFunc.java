package dev.jwc.runtime.internal;

import dev.jwc.runtime.abi.InstanceState;
import dev.jwc.runtime.abi.StringHints;
import dev.jwc.types.FuncType;
import dev.jwc.types.Val;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A host-defined component function of a declared type. */
public record HostFunc(FuncType type, Function<List<Val>, Optional<Val>> body) implements ComponentFunc {

    @Override
    public Optional<Val> call(InstanceState caller, List<Val> args, StringHints hints) {
        Optional<Val> result = body.apply(args);
        if (result.isPresent() != type.result().isPresent()) {
            throw new IllegalStateException("host function returned " + result + " for result type " + type.result());
        }
        return result;
    }
}
