package dev.jwc.text.wast;

import dev.jwc.text.Position;
import java.util.List;
import java.util.Optional;

/** What an assertion runs: an invocation, a global read, or the instantiation of a module. */
public sealed interface WastExecute {
    Position position();

    /** {@code (invoke $module? "name" arg*)}. */
    record Invoke(Optional<String> module, String name, List<WastValue> args, Position position)
            implements WastExecute {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    /** {@code (get $module? "name")}. */
    record Get(Optional<String> module, String name, Position position) implements WastExecute {}

    /** A module to instantiate, e.g. in {@code assert_trap} for a trapping start function. */
    record Instantiate(WastModule module, Position position) implements WastExecute {}
}
