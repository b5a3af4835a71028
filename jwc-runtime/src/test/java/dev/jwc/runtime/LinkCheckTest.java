package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Wat;
import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Link-time type checking of host definitions against a component's imports (at instantiation). */
class LinkCheckTest {
    private final Engine engine = new Engine();

    private static final String MATH_USER = """
            (component
              (import "docs:host/math@0.1.0" (instance $math
                (export "double" (func (param "x" u32) (result u32)))
                (export "name" (func (result string)))))
              (alias export $math "double" (func $double))
              (core func $double' (canon lower (func $double)))
              (core module $M
                (import "" "double" (func $double (param i32) (result i32)))
                (func (export "quad") (param i32) (result i32) (call $double (call $double (local.get 0)))))
              (core instance $m (instantiate $M (with "" (instance (export "double" (func $double'))))))
              (func (export "quad") (param "x" u32) (result u32) (canon lift (core func $m "quad"))))
            """;

    private Component component(String wat) {
        return Component.fromBinary(engine, Wat.toBinary(wat));
    }

    private static FuncType u32ToU32() {
        return new FuncType(List.of(new FuncType.Param("x", Primitive.U32)), Optional.of(Primitive.U32));
    }

    private static HostFunction doubling() {
        return args -> Optional.of(Val.u32(((Val.U32) args.get(0)).value() * 2));
    }

    private static FuncType name() {
        return new FuncType(List.of(), Optional.of(Primitive.STRING));
    }

    @Test
    void matchingDefinitionsLink() {
        Linker linker = new Linker(engine);
        linker.root().instance("docs:host/math@0.1.0").func("double", u32ToU32(), doubling())
                .func("name", name(), args -> Optional.of(Val.string("math")));
        Instance instance = linker.instantiate(new Store(engine), component(MATH_USER));
        assertThat(instance.func("quad").orElseThrow().call(Val.u32(3))).contains(Val.u32(12));
    }

    @Test
    void aWrongFunctionSignatureNamesTheImportPathAndBothTypes() {
        Linker linker = new Linker(engine);
        linker.root().instance("docs:host/math@0.1.0")
                .func("double", new FuncType(List.of(new FuncType.Param("x", Primitive.U64)), Optional.of(Primitive.U32)),
                        doubling())
                .func("name", name(), args -> Optional.of(Val.string("math")));
        assertThatThrownBy(() -> linker.instantiate(new Store(engine), component(MATH_USER))).isInstanceOf(LinkException.class)
                .hasMessageContaining("import `docs:host/math@0.1.0#double` has the wrong type: "
                        + "expected func(x: u32) -> u32, found func(x: u64) -> u32");
    }

    @Test
    void aMissingFunctionInAnInstanceIsNamed() {
        Linker linker = new Linker(engine);
        linker.root().instance("docs:host/math@0.1.0").func("double", u32ToU32(), doubling());
        assertThatThrownBy(() -> linker.instantiate(new Store(engine), component(MATH_USER))).isInstanceOf(LinkException.class)
                .hasMessageContaining("import `docs:host/math@0.1.0`: instance export `name` is missing");
    }

    @Test
    void aRootFunctionImportIsChecked() {
        Component c = component("(component (import \"f\" (func (param \"a\" string))))");
        Linker linker = new Linker(engine);
        linker.root().func("f", name(), args -> Optional.of(Val.string("")));
        assertThatThrownBy(() -> linker.instantiate(new Store(engine), c)).isInstanceOf(LinkException.class)
                .hasMessageContaining("import `f` has the wrong type: expected func(a: string), found func() -> string");
    }

    @Test
    void resourcesDeclaredByTheImportBindToTheHostResource() {
        Component c = component("""
                (component
                  (import "host" (instance
                    (export "res" (type $r (sub resource)))
                    (export "make" (func (result (own $r)))))))
                """);
        ResourceType res = new ResourceType("res");
        ResourceType other = new ResourceType("other");
        Linker good = new Linker(engine);
        good.root().instance("host").resource("res", res, rep -> { })
                .func("make", new FuncType(List.of(), Optional.of(new ValueType.Own(res))), args -> Optional.empty());
        assertThat(good.instantiate(new Store(engine), c).exportNames()).isEmpty();
        Linker bad = new Linker(engine);
        bad.root().instance("host").resource("res", res, rep -> { }).resource("other", other, rep -> { })
                .func("make", new FuncType(List.of(), Optional.of(new ValueType.Own(other))), args -> Optional.empty());
        assertThatThrownBy(() -> bad.instantiate(new Store(engine), c)).isInstanceOf(LinkException.class)
                .hasMessageContaining("import `host#make` has the wrong type: expected func() -> own<res>, found func() -> own<other>");
    }
}
