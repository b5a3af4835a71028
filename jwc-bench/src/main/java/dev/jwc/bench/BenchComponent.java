package dev.jwc.bench;

import dev.jwc.runtime.Component;
import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Linker;
import dev.jwc.text.Wat;
import dev.jwc.types.FuncType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType.Primitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The benchmark component (bench.wat), compiled from text with our parser, and its host linker. */
final class BenchComponent {
    private static final FuncType TICK = new FuncType(
            List.of(new FuncType.Param("x", Primitive.S32)), Optional.of(Primitive.S32));

    private BenchComponent() {
    }

    static Component compile(Engine engine) {
        return Component.fromBinary(engine, Wat.toBinary(resource("bench.wat")));
    }

    /** A linker whose {@code bench:host/calls#tick} returns its argument plus one. */
    static Linker linker(Engine engine) {
        Linker linker = new Linker(engine);
        linker.root().instance("bench:host/calls").func("tick", TICK,
                args -> Optional.of(Val.s32(((Val.S32) args.get(0)).value() + 1)));
        return linker;
    }

    static String resource(String name) {
        try (InputStream in = BenchComponent.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the benchmarks jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
