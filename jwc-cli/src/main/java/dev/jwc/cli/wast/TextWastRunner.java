package dev.jwc.cli.wast;

import dev.jwc.binary.io.DecodeException;
import dev.jwc.runtime.LinkException;
import dev.jwc.runtime.Trap;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import dev.jwc.text.wast.ComponentValue;
import dev.jwc.text.wast.WastDirective;
import dev.jwc.text.wast.WastExecute;
import dev.jwc.text.wast.WastModule;
import dev.jwc.text.wast.WastResult;
import dev.jwc.text.wast.WastScript;
import dev.jwc.types.Val;
import java.util.Optional;

/** Runs a {@code .wast} script in text form: components are encoded by the component text parser. */
public final class TextWastRunner {
    private final WastSession session;

    private TextWastRunner(String file) {
        this.session = new WastSession(file);
    }

    /** Runs {@code source}; a script that does not parse throws {@link TextException}. */
    public static WastReport run(String file, String source) {
        TextWastRunner runner = new TextWastRunner(file);
        for (WastDirective d : WastScript.parse(source).directives()) {
            runner.directive(d);
        }
        return runner.session.report();
    }

    private void directive(WastDirective d) {
        int line = d.position().line();
        String what = d.getClass().getSimpleName();
        session.directive(line, what, () -> {
            switch (d) {
                case WastDirective.Module m when isCore(m.module()) -> session.skip(line, "core module");
                case WastDirective.Module m -> {
                    session.module(id(m.module().id()), encode(m.module()));
                    session.pass();
                }
                case WastDirective.ModuleDefinition m when isCore(m.module()) -> session.skip(line, "core module");
                case WastDirective.ModuleDefinition m -> {
                    session.define(id(m.module().id()), encode(m.module()));
                    session.pass();
                }
                case WastDirective.ModuleInstance m -> {
                    session.instance(id(m.instance()), id(m.module()));
                    session.pass();
                }
                case WastDirective.Action a -> {
                    execute(a.execute());
                    session.pass();
                }
                case WastDirective.AssertReturn a -> session.assertReturn(line, () -> execute(a.execute()),
                        a.results().stream().findFirst().map(TextWastRunner::expected));
                case WastDirective.AssertTrap a -> session.expectFailure(line, a.message(), Trap.class,
                        () -> execute(a.execute()));
                case WastDirective.AssertExhaustion a -> session.expectFailure(line, a.message(), Trap.class,
                        () -> execute(a.execute()));
                case WastDirective.AssertUnlinkable a -> session.expectFailure(line, a.message(), LinkException.class,
                        () -> session.instantiate(session.compile(encode(a.module()))));
                case WastDirective.AssertMalformed a -> malformed(line, a);
                case WastDirective.AssertInvalid a -> session.expectInvalid(line, a.message(), encode(a.module()));
                default -> session.skip(line, what + " is not supported by the component runner");
            }
        });
    }

    private void malformed(int line, WastDirective.AssertMalformed a) {
        byte[] bytes;
        try {
            bytes = encode(a.module());
        } catch (IllegalArgumentException e) {
            session.expectFailure(line, a.message(), IllegalArgumentException.class, () -> {
                throw e;
            });
            return;
        }
        session.expectFailure(line, a.message(), DecodeException.class, () -> session.compile(bytes));
    }

    private Optional<Val> execute(WastExecute e) {
        return switch (e) {
            case WastExecute.Invoke i -> session.invoke(id(i.module()), i.name(), TextValues.vals(i.args()));
            case WastExecute.Instantiate i -> {
                session.instantiate(session.compile(encode(i.module())));
                yield Optional.empty();
            }
            case WastExecute.Get g -> throw new IllegalStateException("(get ...) reads core globals");
        };
    }

    private static Val expected(WastResult r) {
        if (!(r instanceof ComponentValue v)) {
            throw new IllegalArgumentException("core result pattern " + r + " for a component function");
        }
        return TextValues.val(v);
    }

    private static boolean isCore(WastModule m) {
        return m.kind() == WastModule.Kind.MODULE;
    }

    /** Text errors become {@link IllegalArgumentException}s with the position: the directive then fails. */
    private static byte[] encode(WastModule m) {
        try {
            return Wat.encode(m);
        } catch (TextException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Optional<String> id(Optional<String> id) {
        return id.map(s -> s.startsWith("$") ? s.substring(1) : s);
    }
}
