package dev.jwc.text.wast;

import dev.jwc.text.Position;
import java.util.List;
import java.util.Optional;

/** One top-level command of a {@code .wast} script; {@code position().line()} is its line. */
public sealed interface WastDirective {
    Position position();

    /** {@code (module ...)} / {@code (component ...)}: define, validate and instantiate. */
    record Module(WastModule module, Position position) implements WastDirective {}

    /** {@code (module definition ...)}: define and validate only. */
    record ModuleDefinition(WastModule module, Position position) implements WastDirective {}

    /** {@code (module instance $instance? $module?)}. */
    record ModuleInstance(WastModule.Kind kind, Optional<String> instance, Optional<String> module, Position position)
            implements WastDirective {}

    /** {@code (register "name" $module?)}. */
    record Register(String name, Optional<String> module, Position position) implements WastDirective {}

    /** A bare {@code (invoke ...)} or {@code (get ...)}. */
    record Action(WastExecute execute, Position position) implements WastDirective {}

    record AssertReturn(WastExecute execute, List<WastResult> results, Position position) implements WastDirective {
        public AssertReturn {
            results = List.copyOf(results);
        }
    }

    record AssertTrap(WastExecute execute, String message, Position position) implements WastDirective {}

    record AssertExhaustion(WastExecute execute, String message, Position position) implements WastDirective {}

    record AssertException(WastExecute execute, Position position) implements WastDirective {}

    record AssertSuspension(WastExecute execute, String message, Position position) implements WastDirective {}

    record AssertInvalid(WastModule module, String message, Position position) implements WastDirective {}

    record AssertMalformed(WastModule module, String message, Position position) implements WastDirective {}

    record AssertUnlinkable(WastModule module, String message, Position position) implements WastDirective {}

    /** {@code (thread $name (shared (module $m))* directive*)}. */
    record Thread(String name, List<String> sharedModules, List<WastDirective> body, Position position)
            implements WastDirective {
        public Thread {
            sharedModules = List.copyOf(sharedModules);
            body = List.copyOf(body);
        }
    }

    /** {@code (wait $thread)}. */
    record Wait(String thread, Position position) implements WastDirective {}
}
