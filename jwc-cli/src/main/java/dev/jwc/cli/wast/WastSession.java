package dev.jwc.cli.wast;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.binary.validate.ComponentValidator;
import dev.jwc.runtime.Component;
import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Func;
import dev.jwc.runtime.Instance;
import dev.jwc.runtime.LinkException;
import dev.jwc.runtime.Linker;
import dev.jwc.runtime.Store;
import dev.jwc.runtime.Trap;
import dev.jwc.types.Val;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The state of one script run, shared by the json and the text runners: named definitions and
 * instances, the current instance, and the report the assertions count into.
 */
final class WastSession {
    /** Failures a directive may end with; anything else is a bug and propagates. */
    static final List<Class<? extends RuntimeException>> EXPECTED_FAILURES = List.of(
            Trap.class, LinkException.class, DecodeException.class, ValidationException.class, IllegalArgumentException.class,
            IllegalStateException.class);

    private final String file;
    private final Engine engine = new Engine();
    private final Linker linker = new WastHost().linker(engine);
    private final Store store = new Store(engine);
    private final Map<String, Component> definitions = new HashMap<>();
    private final Map<String, Instance> instances = new HashMap<>();
    private final WastReport report = new WastReport();
    private Instance current;

    WastSession(String file) {
        this.file = file;
    }

    WastReport report() {
        return report;
    }

    Component compile(byte[] bytes) {
        return Component.fromBinary(engine, bytes);
    }

    /** {@code (component $name? ...)}: define and instantiate; the instance becomes current. */
    void module(Optional<String> name, byte[] bytes) {
        current = null;
        Component component = compile(bytes);
        name.ifPresent(n -> definitions.put(n, component));
        Instance instance = instantiate(component);
        current = instance;
        name.ifPresent(n -> instances.put(n, instance));
    }

    void define(Optional<String> name, byte[] bytes) {
        definitions.put(name.orElse(""), compile(bytes));
    }

    void instance(Optional<String> instanceName, Optional<String> definition) {
        current = null;
        Component component = definitions.get(definition.orElse(""));
        if (component == null) {
            throw new IllegalStateException("no component definition named `" + definition.orElse("") + "`");
        }
        Instance instance = instantiate(component);
        current = instance;
        instanceName.ifPresent(n -> instances.put(n, instance));
    }

    Instance instantiate(Component component) {
        return linker.instantiate(store, component);
    }

    Optional<Val> invoke(Optional<String> instanceName, String field, List<Val> args) {
        Instance target = instanceName.map(instances::get).orElse(current);
        if (target == null) {
            throw new IllegalStateException("no instance to invoke");
        }
        Func f = target.func(field).orElseThrow(() -> new IllegalStateException("no exported function `" + field + "`"));
        return f.call(args);
    }

    /** Runs one directive, recording an unexpected failure of it. */
    void directive(int line, String what, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            if (EXPECTED_FAILURES.stream().noneMatch(k -> k.isInstance(e))) {
                throw e;
            }
            report.fail(file, line, what + ": " + e.getMessage());
        }
    }

    void pass() {
        report.pass();
    }

    void skip(int line, String reason) {
        report.skip(file, line, reason);
    }

    void assertReturn(int line, Supplier<Optional<Val>> call, Optional<Val> expected) {
        Optional<Val> actual = call.get();
        if (actual.equals(expected)) {
            report.pass();
        } else {
            report.fail(file, line, "assert_return: expected " + expected.map(Object::toString).orElse("no result")
                    + ", got " + actual.map(Object::toString).orElse("no result"));
        }
    }

    /**
     * {@code assert_invalid}: the validator must reject {@code bytes} (a component or a core module), with the
     * features the spec tests use. Some rules are checked while decoding, as in wasmparser, so a decoding error
     * is a rejection too.
     */
    void expectInvalid(int line, String text, byte[] bytes) {
        expectFailure(line, text, List.of(ValidationException.class, DecodeException.class),
                () -> ComponentValidator.validate(bytes, Features.specTests()));
    }

    /** Expects {@code action} to fail with {@code kind} and a message containing {@code text}. */
    void expectFailure(int line, String text, Class<? extends RuntimeException> kind, Runnable action) {
        expectFailure(line, text, List.of(kind), action);
    }

    private void expectFailure(int line, String text, List<Class<? extends RuntimeException>> kinds, Runnable action) {
        try {
            action.run();
            report.fail(file, line, "expected failure `" + text + "`, but it succeeded");
        } catch (RuntimeException e) {
            boolean expectedKind = kinds.stream().anyMatch(k -> k.isInstance(e));
            if (!expectedKind && EXPECTED_FAILURES.stream().noneMatch(k -> k.isInstance(e))) {
                throw e;
            }
            if (!expectedKind) {
                report.fail(file, line, "expected " + kinds.get(0).getSimpleName() + " `" + text + "`, got "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
                return;
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains(text) || ("wasm trap: " + message).contains(text)) {
                report.pass();
            } else {
                report.fail(file, line, "expected `" + text + "`, got `" + message + "`");
            }
        }
    }
}
