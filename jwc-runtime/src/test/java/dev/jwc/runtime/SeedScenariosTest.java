package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.text.Wat;
import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seed scenarios, through the public embedding API only: an adder, a host KV store, a calculator world. */
class SeedScenariosTest {
    private final Engine engine = new Engine();

    private Component component(String wat) {
        return Component.fromBinary(engine, Wat.toBinary(wat));
    }

    private static FuncType.Param param(String name, ValueType type) {
        return new FuncType.Param(name, type);
    }

    @Test
    void adderIsCalledTypedAndDynamicallyAndIntrospectedThroughItsInterfacePath() {
        Component adder = component("""
                (component
                  (core module $M
                    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                  (core instance $m (instantiate $M))
                  (func $add (param "x" u32) (param "y" u32) (result u32) (canon lift (core func $m "add")))
                  (instance $iface (export "add" (func $add)))
                  (export "docs:adder/add@0.1.0" (instance $iface)))
                """);
        assertThat(adder.exports()).containsEntry("docs:adder/add@0.1.0", ItemKind.INSTANCE);
        Instance instance = new Linker(engine).instantiate(new Store(engine), adder);
        Func add = instance.instance("docs:adder/add@0.1.0").orElseThrow().func("add").orElseThrow();

        assertThat(add.type().params()).containsExactly(param("x", Primitive.U32), param("y", Primitive.U32));
        assertThat(add.type().result()).contains(Primitive.U32);
        ItemType.Instance iface = (ItemType.Instance) adder.exportTypes().get("docs:adder/add@0.1.0");
        assertThat(iface.func("add")).contains(add.type());

        assertThat(add.call(Val.u32(1), Val.u32(2))).contains(Val.u32(3));
        assertThat(add.call(Val.u32(0xFFFF_FFFFL), Val.u32(1))).contains(Val.u32(0));
        TypedFunc<Integer> typed = add.typed(Integer.class, Integer.class, Integer.class);
        assertThat(typed.call(40, 2)).isEqualTo(42);
        assertThat(Integer.toUnsignedLong(typed.call(-1, -1))).isEqualTo(0xFFFF_FFFEL);
    }

    @Test
    void kvStoreConnectionsAreHostResourcesBackedByAResourceTable() {
        Component guest = component("""
                (component
                  (import "example:kv/store@0.1.0" (instance $kv
                    (export "connection" (type $conn (sub resource)))
                    (export "[constructor]connection" (func (param "name" string) (result (own $conn))))
                    (export "[method]connection.get" (func (param "self" (borrow $conn)) (param "key" string) (result (option string))))
                    (export "[method]connection.set" (func (param "self" (borrow $conn)) (param "key" string) (param "value" string)))))
                  (alias export $kv "connection" (type $conn))
                  (alias export $kv "[constructor]connection" (func $open))
                  (alias export $kv "[method]connection.get" (func $get))
                  (alias export $kv "[method]connection.set" (func $set))
                  (core module $Mem
                    (memory (export "mem") 1)
                    (global $top (mut i32) (i32.const 1024))
                    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
                      (local $p i32)
                      (local.set $p (i32.and (i32.add (global.get $top) (i32.sub (local.get 2) (i32.const 1)))
                                             (i32.sub (i32.const 0) (local.get 2))))
                      (global.set $top (i32.add (local.get $p) (local.get 3)))
                      (local.get $p))
                    (data (i32.const 0) "dbkeyvalue"))
                  (core instance $mem (instantiate $Mem))
                  (alias core export $mem "mem" (core memory $memory))
                  (alias core export $mem "realloc" (core func $realloc))
                  (core func $open' (canon lower (func $open) (memory $memory) (realloc $realloc)))
                  (core func $get' (canon lower (func $get) (memory $memory) (realloc $realloc)))
                  (core func $set' (canon lower (func $set) (memory $memory) (realloc $realloc)))
                  (core func $drop (canon resource.drop $conn))
                  (core module $Main
                    (import "mem" "mem" (memory 1))
                    (import "kv" "open" (func $open (param i32 i32) (result i32)))
                    (import "kv" "get" (func $get (param i32 i32 i32 i32)))
                    (import "kv" "set" (func $set (param i32 i32 i32 i32 i32)))
                    (import "kv" "drop" (func $drop (param i32)))
                    (func (export "run") (result i32)
                      (local $c i32)
                      (local.set $c (call $open (i32.const 0) (i32.const 2)))
                      (call $set (local.get $c) (i32.const 2) (i32.const 3) (i32.const 5) (i32.const 5))
                      (call $get (local.get $c) (i32.const 2) (i32.const 3) (i32.const 100))
                      (call $drop (local.get $c))
                      (if (i32.eqz (i32.load8_u (i32.const 100))) (then unreachable))
                      (i32.const 104)))
                  (core instance $main (instantiate $Main
                    (with "mem" (instance $mem))
                    (with "kv" (instance (export "open" (func $open')) (export "get" (func $get'))
                                         (export "set" (func $set')) (export "drop" (func $drop))))))
                  (func (export "run") (result string) (canon lift (core func $main "run") (memory $memory))))
                """);
        ResourceType connection = new ResourceType("connection");
        ResourceTable table = new ResourceTable();
        List<String> opened = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        Linker linker = new Linker(engine);
        linker.root().instance("example:kv/store@0.1.0")
                .resource("connection", connection, rep -> {
                    closed.add(opened.get(rep));
                    table.delete(connection, rep);
                })
                .func("[constructor]connection",
                        new FuncType(List.of(param("name", Primitive.STRING)), Optional.of(new ValueType.Own(connection))),
                        args -> {
                            opened.add(((Val.Str) args.get(0)).value());
                            return Optional.of(new Val.Own(table.push(connection, new HashMap<String, String>())));
                        })
                .func("[method]connection.get",
                        new FuncType(List.of(param("self", new ValueType.Borrow(connection)), param("key", Primitive.STRING)),
                                Optional.of(new ValueType.OptionType(Primitive.STRING))),
                        args -> {
                            Map<?, ?> kv = table.get((Resource) ((Val.Borrow) args.get(0)).handle(), Map.class);
                            Object v = kv.get(((Val.Str) args.get(1)).value());
                            return Optional.of(v == null ? Val.none() : Val.some(Val.string((String) v)));
                        })
                .func("[method]connection.set",
                        new FuncType(List.of(param("self", new ValueType.Borrow(connection)), param("key", Primitive.STRING),
                                param("value", Primitive.STRING)), Optional.empty()),
                        args -> {
                            @SuppressWarnings("unchecked")
                            Map<String, String> kv = table.get((Resource) ((Val.Borrow) args.get(0)).handle(), Map.class);
                            kv.put(((Val.Str) args.get(1)).value(), ((Val.Str) args.get(2)).value());
                            return Optional.empty();
                        });
        Instance instance = linker.instantiate(new Store(engine), guest);

        assertThat(instance.func("run").orElseThrow().call()).contains(Val.string("value"));
        assertThat(opened).containsExactly("db");
        assertThat(closed).containsExactly("db");
    }

    @Test
    void calculatorWorldUsesHostImportsWithEnumVariantRecordAndResult() {
        Component guest = component("""
                (component
                  (import "example:calculator/calculator@0.1.0" (instance $calc
                    (type $op' (enum "add" "subtract" "multiply" "divide"))
                    (export "operation" (type $op (eq $op')))
                    (type $out' (variant (case "ok" f64) (case "error" string)))
                    (export "outcome" (type $out (eq $out')))
                    (type $cfg' (record (field "precision" u32) (field "max-value" f64)))
                    (export "config" (type $cfg (eq $cfg')))
                    (export "compute" (func (param "op" $op) (param "a" f64) (param "b" f64) (result $out)))
                    (export "get-config" (func (result $cfg)))
                    (export "set-config" (func (param "config" $cfg) (result (result (error string)))))))
                  (alias export $calc "compute" (func $compute))
                  (alias export $calc "get-config" (func $get-config))
                  (alias export $calc "set-config" (func $set-config))
                  (core module $Mem
                    (memory (export "mem") 1)
                    (global $top (mut i32) (i32.const 1024))
                    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
                      (local $p i32)
                      (local.set $p (i32.and (i32.add (global.get $top) (i32.sub (local.get 2) (i32.const 1)))
                                             (i32.sub (i32.const 0) (local.get 2))))
                      (global.set $top (i32.add (local.get $p) (local.get 3)))
                      (local.get $p)))
                  (core instance $mem (instantiate $Mem))
                  (alias core export $mem "mem" (core memory $memory))
                  (alias core export $mem "realloc" (core func $realloc))
                  (core func $compute' (canon lower (func $compute) (memory $memory) (realloc $realloc)))
                  (core func $get-config' (canon lower (func $get-config) (memory $memory) (realloc $realloc)))
                  (core func $set-config' (canon lower (func $set-config) (memory $memory) (realloc $realloc)))
                  (core module $Main
                    (import "mem" "mem" (memory 1))
                    (import "calc" "compute" (func $compute (param i32 f64 f64 i32)))
                    (import "calc" "get-config" (func $get-config (param i32)))
                    (import "calc" "set-config" (func $set-config (param i32 f64 i32)))
                    (func (export "run") (result i32)
                      ;; multiply(6, 7) is ok(42)
                      (call $compute (i32.const 2) (f64.const 6) (f64.const 7) (i32.const 200))
                      (if (i32.ne (i32.load8_u (i32.const 200)) (i32.const 0)) (then unreachable))
                      (if (f64.ne (f64.load (i32.const 208)) (f64.const 42)) (then unreachable))
                      ;; a rejected config is err, an accepted one reads back
                      (call $set-config (i32.const 99) (f64.const 1) (i32.const 240))
                      (if (i32.ne (i32.load8_u (i32.const 240)) (i32.const 1)) (then unreachable))
                      (call $set-config (i32.const 3) (f64.const 1000) (i32.const 240))
                      (if (i32.ne (i32.load8_u (i32.const 240)) (i32.const 0)) (then unreachable))
                      (call $get-config (i32.const 264))
                      (if (i32.ne (i32.load (i32.const 264)) (i32.const 3)) (then unreachable))
                      (if (f64.ne (f64.load (i32.const 272)) (f64.const 1000)) (then unreachable))
                      ;; divide(1, 0) is error(message): the guest returns the host's message
                      (call $compute (i32.const 3) (f64.const 1) (f64.const 0) (i32.const 200))
                      (if (i32.ne (i32.load8_u (i32.const 200)) (i32.const 1)) (then unreachable))
                      (i32.store (i32.const 300) (i32.load (i32.const 208)))
                      (i32.store (i32.const 304) (i32.load (i32.const 212)))
                      (i32.const 300)))
                  (core instance $main (instantiate $Main
                    (with "mem" (instance $mem))
                    (with "calc" (instance (export "compute" (func $compute')) (export "get-config" (func $get-config'))
                                           (export "set-config" (func $set-config'))))))
                  (func (export "run") (result string) (canon lift (core func $main "run") (memory $memory))))
                """);
        ValueType operation = new ValueType.EnumType(List.of("add", "subtract", "multiply", "divide"));
        ValueType outcome = new ValueType.VariantType(List.of(new ValueType.Case("ok", Optional.of(Primitive.F64)),
                new ValueType.Case("error", Optional.of(Primitive.STRING))));
        ValueType config = new ValueType.RecordType(List.of(new ValueType.Field("precision", Primitive.U32),
                new ValueType.Field("max-value", Primitive.F64)));
        ValueType setResult = new ValueType.ResultType(Optional.empty(), Optional.of(Primitive.STRING));
        Val[] current = {Val.record(Val.field("precision", Val.u32(2)), Val.field("max-value", Val.f64(1e9)))};
        List<String> calls = new ArrayList<>();
        Linker linker = new Linker(engine);
        linker.root().instance("example:calculator/calculator@0.1.0")
                .type("operation", operation).type("outcome", outcome).type("config", config)
                .func("compute", new FuncType(List.of(param("op", operation), param("a", Primitive.F64),
                        param("b", Primitive.F64)), Optional.of(outcome)), args -> {
                    String op = ((Val.Enum) args.get(0)).name();
                    double a = ((Val.F64) args.get(1)).value();
                    double b = ((Val.F64) args.get(2)).value();
                    calls.add(op);
                    return Optional.of(switch (op) {
                        case "add" -> Val.variant("ok", Val.f64(a + b));
                        case "subtract" -> Val.variant("ok", Val.f64(a - b));
                        case "multiply" -> Val.variant("ok", Val.f64(a * b));
                        default -> b == 0 ? Val.variant("error", Val.string("division by zero"))
                                : Val.variant("ok", Val.f64(a / b));
                    });
                })
                .func("get-config", new FuncType(List.of(), Optional.of(config)), args -> Optional.of(current[0]))
                .func("set-config", new FuncType(List.of(param("config", config)), Optional.of(setResult)), args -> {
                    Val.Record c = (Val.Record) args.get(0);
                    long precision = ((Val.U32) c.fields().get(0).value()).value();
                    if (precision > 15) {
                        return Optional.of(Val.err(Val.string("precision " + precision + " exceeds 15")));
                    }
                    current[0] = c;
                    return Optional.of(Val.ok());
                });
        Instance instance = linker.instantiate(new Store(engine), guest);
        Func run = instance.func("run").orElseThrow();

        assertThat(run.type().params()).isEmpty();
        assertThat(run.type().result()).contains(Primitive.STRING);
        assertThat(run.call()).contains(Val.string("division by zero"));
        assertThat(calls).containsExactly("multiply", "divide");
        assertThat(current[0]).isEqualTo(Val.record(Val.field("precision", Val.u32(3)), Val.field("max-value", Val.f64(1000))));
    }
}
