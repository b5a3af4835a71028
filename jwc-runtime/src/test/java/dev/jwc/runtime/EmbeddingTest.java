package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Wat;
import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedding API end to end: host functions and resources, nested instances, semver, traps. */
class EmbeddingTest {
    private final Engine engine = new Engine();

    private Component component(String wat) {
        return Component.fromBinary(engine, Wat.toBinary(wat));
    }

    private static FuncType func(List<ValueType> params, Optional<ValueType> result) {
        List<FuncType.Param> ps = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            ps.add(new FuncType.Param("p" + i, params.get(i)));
        }
        return new FuncType(ps, result);
    }

    @Test
    void callsAnExportOfANestedInterfaceInstanceThatUsesASemverCompatibleHostImport() {
        Component c = component("""
                (component
                  (import "docs:host/math@0.1.0" (instance $math (export "double" (func (param "x" u32) (result u32)))))
                  (alias export $math "double" (func $double))
                  (core func $double' (canon lower (func $double)))
                  (core module $M
                    (import "" "double" (func $double (param i32) (result i32)))
                    (func (export "add") (param i32 i32) (result i32)
                      (call $double (i32.add (local.get 0) (local.get 1)))))
                  (core instance $m (instantiate $M (with "" (instance (export "double" (func $double'))))))
                  (func $add (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $m "add")))
                  (instance $iface (export "add" (func $add)))
                  (export "docs:adder/add@0.1.0" (instance $iface)))
                """);
        assertThat(c.importNames()).containsExactly("docs:host/math@0.1.0");
        assertThat(c.exports()).containsExactly(java.util.Map.entry("docs:adder/add@0.1.0", ItemKind.INSTANCE));
        Linker linker = new Linker(engine);
        linker.root().instance("docs:host/math@0.1.4").func("double",
                func(List.of(Primitive.U32), Optional.of(Primitive.U32)),
                args -> Optional.of(Val.u32(((Val.U32) args.get(0)).value() * 2)));
        Instance instance = linker.instantiate(new Store(engine), c);
        Func add = instance.instance("docs:adder/add@0.1.0").orElseThrow().func("add").orElseThrow();
        assertThat(add.call(Val.u32(1), Val.u32(2))).contains(Val.u32(6));
        assertThat(add.type().paramTypes()).containsExactly(Primitive.U32, Primitive.U32);
    }

    private static final String COUNTER = """
            (component
              (import "host" (instance $host (export "step" (func (result u32)))))
              (alias export $host "step" (func $step))
              (core func $step' (canon lower (func $step)))
              (core module $M
                (import "" "step" (func $step (result i32)))
                (memory 1)
                (func (export "bump") (result i32)
                  (i32.store (i32.const 65532) (i32.add (i32.load (i32.const 65532)) (call $step)))
                  (i32.load (i32.const 65532))))
              (core instance $m (instantiate $M (with "" (instance (export "step" (func $step'))))))
              (func (export "bump") (result u32) (canon lift (core func $m "bump"))))
            """;

    @Test
    void instancesOfOneInstancePreHaveTheirOwnMemory() {
        Linker linker = new Linker(engine);
        linker.root().instance("host").func("step", func(List.of(), Optional.of(Primitive.U32)),
                args -> Optional.of(Val.u32(5)));
        InstancePre pre = linker.instantiatePre(component(COUNTER));
        Func first = pre.instantiate(new Store(engine)).func("bump").orElseThrow();
        Func second = pre.instantiate(new Store(engine)).func("bump").orElseThrow();
        assertThat(first.call()).contains(Val.u32(5));
        assertThat(first.call()).contains(Val.u32(10));
        assertThat(second.call()).contains(Val.u32(5));
        assertThat(pre.instantiate(new Store(engine)).func("bump").orElseThrow().call()).contains(Val.u32(5));
    }

    @Test
    void everyInstantiationOfAMistypedImportFails() {
        Linker linker = new Linker(engine);
        linker.root().instance("host").func("step", func(List.of(), Optional.of(Primitive.S64)),
                args -> Optional.of(Val.s64(5)));
        InstancePre pre = linker.instantiatePre(component(COUNTER));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> pre.instantiate(new Store(engine))).isInstanceOf(LinkException.class)
                    .hasMessageContaining("host");
        }
    }

    @Test
    void missingImportsAreLinkErrors() {
        Component c = component("(component (import \"f\" (func)))");
        assertThatThrownBy(() -> new Linker(engine).instantiatePre(c)).isInstanceOf(LinkException.class)
                .hasMessageContaining("`f`");
    }

    @Test
    void hostResourcesAreCreatedPassedAndDestroyed() {
        Component c = component("""
                (component
                  (import "host" (instance $host
                    (export "res" (type (sub resource)))
                    (export "make" (func (param "rep" u32) (result (own 0))))))
                  (alias export $host "res" (type $res))
                  (alias export $host "make" (func $make))
                  (core func $make' (canon lower (func $make)))
                  (core func $drop (canon resource.drop $res))
                  (core module $M
                    (import "" "make" (func $make (param i32) (result i32)))
                    (import "" "drop" (func $drop (param i32)))
                    (func (export "run") (param i32)
                      (call $drop (call $make (local.get 0)))))
                  (core instance $m (instantiate $M (with "" (instance
                    (export "make" (func $make')) (export "drop" (func $drop))))))
                  (func (export "run") (param "rep" u32) (canon lift (core func $m "run"))))
                """);
        ResourceType res = new ResourceType("res");
        List<Integer> dropped = new ArrayList<>();
        Linker linker = new Linker(engine);
        linker.root().instance("host").resource("res", res, dropped::add)
                .func("make", func(List.of(Primitive.U32), Optional.of(new ValueType.Own(res))),
                        args -> Optional.of(new Val.Own(new Resource(res, ((Val.U32) args.get(0)).bits()))));
        Instance instance = linker.instantiate(new Store(engine), c);
        assertThat(instance.func("run").orElseThrow().call(Val.u32(42))).isEmpty();
        assertThat(dropped).containsExactly(42);
    }

    @Test
    void guestTrapsBecomeTrapsAndPoisonTheInstance() {
        Component c = component("""
                (component
                  (core module $M (func (export "boom") unreachable))
                  (core instance $m (instantiate $M))
                  (func (export "boom") (canon lift (core func $m "boom"))))
                """);
        Instance instance = new Linker(engine).instantiate(new Store(engine), c);
        Func boom = instance.func("boom").orElseThrow();
        assertThatThrownBy(boom::call).isInstanceOf(Trap.class);
        assertThatThrownBy(boom::call).isInstanceOf(Trap.class).hasMessageContaining("cannot enter component instance");
    }

    @Test
    void deepGuestRecursionIsATrap() throws InterruptedException {
        Component c = component("""
                (component
                  (core module $M (func $f (export "f") (call $f)))
                  (core instance $m (instantiate $M))
                  (func (export "f") (canon lift (core func $m "f"))))
                """);
        Func f = new Linker(engine).instantiate(new Store(engine), c).func("f").orElseThrow();
        assertThatThrownBy(f::call).isInstanceOf(Trap.class);
    }

    @Test
    void typedFunctionsTakePlainJavaValues() {
        Component c = component("""
                (component
                  (core module $M (func (export "add") (param i32 i32) (result i32)
                    (i32.add (local.get 0) (local.get 1))))
                  (core instance $m (instantiate $M))
                  (func (export "add") (param "a" s32) (param "b" s32) (result s32) (canon lift (core func $m "add"))))
                """);
        Func add = new Linker(engine).instantiate(new Store(engine), c).func("add").orElseThrow();
        TypedFunc<Integer> typed = add.typed(Integer.class, Integer.class, Integer.class);
        assertThat(typed.call(40, 2)).isEqualTo(42);
        assertThatThrownBy(() -> add.typed(Long.class, Integer.class, Integer.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommandRunsOnce() {
        Component c = component("""
                (component
                  (core module $M (func (export "run") (result i32) (i32.const 0)))
                  (core instance $m (instantiate $M))
                  (type $r (result))
                  (func $run (result $r) (canon lift (core func $m "run")))
                  (instance $i (export "run" (func $run)))
                  (export "wasi:cli/run@0.2.12" (instance $i)))
                """);
        Instance instance = new Linker(engine).instantiate(new Store(engine), c);
        Func run = instance.instance("wasi:cli/run@0.2.12").orElseThrow().func("run").orElseThrow();
        assertThat(run.call()).contains(Val.ok());
        assertThatThrownBy(run::call).isInstanceOf(Trap.class).hasMessageContaining("already been called");
    }

    @Test
    void resourceTablesMapRepsToHostObjects() {
        ResourceTable table = new ResourceTable();
        ResourceType file = new ResourceType("file");
        Resource a = table.push(file, new StringBuilder("a"));
        Resource b = table.push(file, "b");
        assertThat(table.get(a, StringBuilder.class).toString()).isEqualTo("a");
        assertThat(table.delete(file, b.rep())).isEqualTo("b");
        assertThatThrownBy(() -> table.get(b, String.class)).isInstanceOf(Trap.class);
        assertThat(table.push(file, "c").rep()).isEqualTo(b.rep());
        assertThatThrownBy(() -> table.get(a, String.class)).isInstanceOf(Trap.class);
    }

    @Test
    void instancesOfOneComponentSatisfyImportsOfAnother() {
        Component provider = component("""
                (component
                  (core module $M (func (export "f") (result i32) (i32.const 7)))
                  (core instance $m (instantiate $M))
                  (func $f (result u32) (canon lift (core func $m "f")))
                  (instance $i (export "get" (func $f)))
                  (export "test:p/api@1.2.0" (instance $i)))
                """);
        Component consumer = component("""
                (component
                  (import "test:p/api@1.0.0" (instance $api (export "get" (func (result u32)))))
                  (alias export $api "get" (func $get))
                  (core func $get' (canon lower (func $get)))
                  (core module $M
                    (import "" "get" (func $get (result i32)))
                    (func (export "twice") (result i32) (i32.mul (call $get) (i32.const 2))))
                  (core instance $m (instantiate $M (with "" (instance (export "get" (func $get'))))))
                  (func (export "twice") (result u32) (canon lift (core func $m "twice"))))
                """);
        Store store = new Store(engine);
        Instance p = new Linker(engine).instantiate(store, provider);
        Linker linker = new Linker(engine);
        linker.root().instance("test:p/api@1.2.0", p.instance("test:p/api@1.2.0").orElseThrow());
        Instance c = linker.instantiate(store, consumer);
        assertThat(c.func("twice").orElseThrow().call()).contains(Val.u32(14));
    }

    @Test
    void semverCompatibilityFollowsWasmtime() {
        Component c = component("(component (import \"a:b/c@0.2.1\" (func)))");
        Linker compatible = new Linker(engine);
        compatible.root().func("a:b/c@0.2.9", func(List.of(), Optional.empty()), args -> Optional.empty());
        assertThat(compatible.instantiatePre(c)).isNotNull();
        Linker incompatible = new Linker(engine);
        incompatible.root().func("a:b/c@0.3.0", func(List.of(), Optional.empty()), args -> Optional.empty());
        assertThatThrownBy(() -> incompatible.instantiatePre(c)).isInstanceOf(LinkException.class);
    }
}
