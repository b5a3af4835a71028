package dev.jwc.cli.wast;

import dev.jwc.binary.io.DecodeException;
import dev.jwc.json.Json;
import dev.jwc.runtime.LinkException;
import dev.jwc.runtime.Trap;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs a json-from-wast script (with its .wasm and .wat files beside it) against the runtime, linking
 * every component against {@link WastHost}.
 */
public final class JsonWastRunner {
    private final Path json;
    private final WastSession session;

    private JsonWastRunner(Path json) {
        this.json = json;
        this.session = new WastSession(json.getFileName().toString());
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
        return runner.session.report();
    }

    private void command(Json.Obj c) {
        String type = JsonValues.str(c.get("type"));
        int line = ((Json.Num) c.get("line")).value().intValue();
        session.directive(line, type, () -> {
            switch (type) {
                case "module" -> {
                    session.module(name(c, "name"), bytes(c));
                    session.pass();
                }
                case "module_definition" -> {
                    session.define(name(c, "name"), bytes(c));
                    session.pass();
                }
                case "module_instance" -> {
                    session.instance(name(c, "instance"), name(c, "module"));
                    session.pass();
                }
                case "action" -> {
                    invoke(c);
                    session.pass();
                }
                case "assert_return" -> session.assertReturn(line, () -> invoke(c),
                        JsonValues.vals(c.get("expected")).stream().findFirst());
                case "assert_trap", "assert_exhaustion" ->
                        session.expectFailure(line, text(c), Trap.class, () -> invoke(c));
                case "assert_uninstantiable" -> session.expectFailure(line, text(c), Trap.class,
                        () -> session.instantiate(session.compile(bytes(c))));
                case "assert_unlinkable" -> session.expectFailure(line, text(c), LinkException.class,
                        () -> session.instantiate(session.compile(bytes(c))));
                case "assert_malformed" -> malformed(c, line);
                case "assert_invalid" -> session.expectInvalid(line, text(c), bytes(c));
                case "register" -> session.skip(line, "register applies to core modules");
                default -> session.skip(line, "unknown command `" + type + "`");
            }
        });
    }

    /** Malformed text fails to parse, malformed binary fails to decode. */
    private void malformed(Json.Obj c, int line) {
        if (isText(c)) {
            session.expectFailure(line, text(c), TextException.class, () -> Wat.toBinary(source(c)));
        } else {
            session.expectFailure(line, text(c), DecodeException.class, () -> session.compile(bytes(c)));
        }
    }

    private Optional<dev.jwc.types.Val> invoke(Json.Obj c) {
        Json.Obj action = JsonValues.obj(c.get("action"));
        String type = JsonValues.str(action.get("type"));
        if (!type.equals("invoke")) {
            throw new IllegalStateException("unsupported action `" + type + "`");
        }
        return session.invoke(name(action, "module"), JsonValues.str(action.get("field")),
                JsonValues.vals(action.get("args")));
    }

    private static String text(Json.Obj c) {
        return c.get("text") instanceof Json.Str s ? s.value() : "";
    }

    private static Optional<String> name(Json.Obj c, String key) {
        return c.get(key) instanceof Json.Str s ? Optional.of(s.value()) : Optional.empty();
    }

    private static boolean isText(Json.Obj c) {
        return c.get("module_type") instanceof Json.Str s && s.value().equals("text");
    }

    private String source(Json.Obj c) {
        try {
            return Files.readString(json.resolveSibling(JsonValues.str(c.get("filename"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The component's bytes: the .wasm as is, or a .wat file encoded by the text parser. */
    private byte[] bytes(Json.Obj c) {
        if (isText(c)) {
            try {
                return Wat.toBinary(source(c));
            } catch (TextException e) {
                throw new IllegalArgumentException("text: " + e.getMessage(), e);
            }
        }
        try {
            return Files.readAllBytes(json.resolveSibling(JsonValues.str(c.get("filename"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
