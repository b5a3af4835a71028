package dev.jwc.cli.wast;

import dev.jwc.binary.io.DecodeException;
import dev.jwc.json.Json;
import dev.jwc.runtime.Component;
import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Func;
import dev.jwc.runtime.Instance;
import dev.jwc.runtime.LinkException;
import dev.jwc.runtime.Linker;
import dev.jwc.runtime.Store;
import dev.jwc.runtime.Trap;
import dev.jwc.types.Val;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a json-from-wast script (with its .wasm files beside it) against the runtime, linking every
 * component against {@link WastHost}.
 */
public final class JsonWastRunner {
    private final Path json;
    private final String file;
    private final Engine engine = new Engine();
    private final Linker linker = new WastHost().linker(engine);
    private final Store store = new Store(engine);
    private final Map<String, Component> definitions = new HashMap<>();
    private final Map<String, Instance> instances = new HashMap<>();
    private final WastReport report = new WastReport();
    private Instance current;

    private JsonWastRunner(Path json) {
        this.json = json;
        this.file = json.getFileName().toString();
    }

    /** Runs the script in {@code json}; malformed JSON throws {@code JsonException}. */
    public static WastReport run(Path json) {
        JsonWastRunner runner = new JsonWastRunner(json);
        Json.Obj script;
        try {
            script = JsonValues.obj(Json.parse(Files.readString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Json command : JsonValues.arr(script.get("commands"))) {
            runner.command(JsonValues.obj(command));
        }
        return runner.report;
    }

    private void command(Json.Obj c) {
        String type = JsonValues.str(c.get("type"));
        int line = ((Json.Num) c.get("line")).value().intValue();
        try {
            switch (type) {
                case "module" -> {
                    current = null;
                    Instance inst = instantiate(load(c));
                    current = inst;
                    name(c, "name").ifPresent(n -> instances.put(n, inst));
                    report.pass();
                }
                case "module_definition" -> {
                    Component component = load(c);
                    definitions.put(name(c, "name").orElse(""), component);
                    report.pass();
                }
                case "module_instance" -> {
                    current = null;
                    String module = name(c, "module").orElse("");
                    Component component = definitions.get(module);
                    if (component == null) {
                        throw new IllegalStateException("no module definition named `" + module + "`");
                    }
                    Instance inst = instantiate(component);
                    current = inst;
                    name(c, "instance").ifPresent(n -> instances.put(n, inst));
                    report.pass();
                }
                case "action" -> {
                    invoke(JsonValues.obj(c.get("action")));
                    report.pass();
                }
                case "assert_return" -> assertReturn(c, line);
                case "assert_trap", "assert_exhaustion" -> assertTrap(c, line);
                case "assert_uninstantiable" -> expectFailure(line, c, () -> instantiate(load(c)), Trap.class);
                case "assert_unlinkable" -> expectFailure(line, c, () -> instantiate(load(c)), LinkException.class);
                case "assert_malformed" -> expectFailure(line, c, () -> load(c), DecodeException.class);
                case "assert_invalid" -> report.skip(file, line, "assert_invalid needs the component validator");
                case "register" -> report.skip(file, line, "register applies to core modules");
                default -> report.skip(file, line, "unknown command `" + type + "`");
            }
        } catch (Trap | LinkException | DecodeException | IllegalArgumentException | IllegalStateException e) {
            report.fail(file, line, type + ": " + e.getMessage());
        }
    }

    private static Optional<String> name(Json.Obj c, String key) {
        Json v = c.get(key);
        return v instanceof Json.Str s ? Optional.of(s.value()) : Optional.empty();
    }

    private Component load(Json.Obj c) {
        Path wasm = json.resolveSibling(JsonValues.str(c.get("filename")));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wasm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Component.fromBinary(engine, bytes);
    }

    private Instance instantiate(Component component) {
        return linker.instantiate(store, component);
    }

    private Optional<Val> invoke(Json.Obj action) {
        String type = JsonValues.str(action.get("type"));
        if (!type.equals("invoke")) {
            throw new IllegalStateException("unsupported action `" + type + "`");
        }
        Instance target = name(action, "module").map(instances::get).orElse(current);
        if (target == null) {
            throw new IllegalStateException("no instance to invoke");
        }
        String field = JsonValues.str(action.get("field"));
        Func f = target.func(field).orElseThrow(() -> new IllegalStateException("no exported function `" + field + "`"));
        List<Val> args = JsonValues.vals(action.get("args"));
        return f.call(args);
    }

    private void assertReturn(Json.Obj c, int line) {
        Optional<Val> actual = invoke(JsonValues.obj(c.get("action")));
        List<Val> expected = JsonValues.vals(c.get("expected"));
        Optional<Val> want = expected.stream().findFirst();
        if (actual.equals(want)) {
            report.pass();
        } else {
            report.fail(file, line, "assert_return: expected " + want.map(Object::toString).orElse("no result")
                    + ", got " + actual.map(Object::toString).orElse("no result"));
        }
    }

    private void assertTrap(Json.Obj c, int line) {
        String text = JsonValues.str(c.get("text"));
        try {
            Optional<Val> result = invoke(JsonValues.obj(c.get("action")));
            report.fail(file, line, "expected trap `" + text + "`, got " + result.map(Object::toString).orElse("no result"));
        } catch (Trap t) {
            checkMessage(line, text, t);
        }
    }

    private void expectFailure(int line, Json.Obj c, Runnable action, Class<? extends RuntimeException> kind) {
        String text = c.get("text") instanceof Json.Str s ? s.value() : "";
        try {
            action.run();
            report.fail(file, line, "expected failure `" + text + "`, but it succeeded");
        } catch (Trap | LinkException | DecodeException e) {
            if (kind.isInstance(e)) {
                checkMessage(line, text, e);
            } else {
                report.fail(file, line, "expected " + kind.getSimpleName() + " `" + text + "`, got "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private void checkMessage(int line, String expected, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains(expected) || ("wasm trap: " + message).contains(expected)) {
            report.pass();
        } else {
            report.fail(file, line, "expected `" + expected + "`, got `" + message + "`");
        }
    }
}
