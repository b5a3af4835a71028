package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.text.Wat;
import dev.jwc.types.FuncType;
import dev.jwc.types.ValueType;
import dev.jwc.types.ValueType.Primitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Component#importTypes()} and {@link Component#exportTypes()} without instantiating. */
class TypeReflectionTest {
    private final Engine engine = new Engine();

    private Component component(String wat) {
        return Component.fromBinary(engine, Wat.toBinary(wat));
    }

    @Test
    void importedInstancesExposeFunctionsResourcesAndTypes() {
        Component c = component("""
                (component
                  (import "example:kv/store@0.1.0" (instance
                    (export "connection" (type $conn (sub resource)))
                    (type $e (enum "missing" "denied"))
                    (export "error" (type $err (eq $e)))
                    (export "[method]connection.get" (func (param "self" (borrow $conn)) (param "key" string)
                      (result (result (option string) (error $err)))))))
                  (import "log" (func (param "msg" string))))
                """);
        assertThat(c.importTypes()).containsOnlyKeys("example:kv/store@0.1.0", "log");
        ItemType.Instance kv = (ItemType.Instance) c.importTypes().get("example:kv/store@0.1.0");
        assertThat(kv.exports()).containsOnlyKeys("connection", "error", "[method]connection.get");
        ItemType.Resource conn = (ItemType.Resource) kv.exports().get("connection");
        assertThat(conn.type().name()).isEqualTo("connection");
        ValueType err = new ValueType.EnumType(List.of("missing", "denied"));
        assertThat(kv.exports().get("error")).isEqualTo(new ItemType.Type(Optional.of(err)));
        assertThat(kv.func("[method]connection.get")).contains(new FuncType(List.of(
                new FuncType.Param("self", new ValueType.Borrow(conn.type())), new FuncType.Param("key", Primitive.STRING)),
                Optional.of(new ValueType.ResultType(Optional.of(new ValueType.OptionType(Primitive.STRING)), Optional.of(err)))));
        assertThat(c.importTypes().get("log")).isEqualTo(new ItemType.Func(
                new FuncType(List.of(new FuncType.Param("msg", Primitive.STRING)), Optional.empty())));
        assertThat(c.exportTypes()).isEmpty();
    }

    @Test
    void exportsAreTypedThroughLiftsInstancesAliasesAndNestedComponents() {
        Component c = component("""
                (component
                  (core module $M (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                  (core instance $m (instantiate $M))
                  (func $add (param "x" u32) (param "y" u32) (result u32) (canon lift (core func $m "add")))
                  (instance $iface (export "add" (func $add)))
                  (export "docs:adder/add@0.1.0" (instance $iface))
                  (component $Inner
                    (import "f" (func $f (param "x" u32) (param "y" u32) (result u32)))
                    (export "g" (func $f)))
                  (instance $inner (instantiate $Inner (with "f" (func $add))))
                  (alias export $inner "g" (func $g))
                  (export "again" (func $g)))
                """);
        FuncType add = new FuncType(List.of(new FuncType.Param("x", Primitive.U32), new FuncType.Param("y", Primitive.U32)),
                Optional.of(Primitive.U32));
        assertThat(c.exportTypes()).containsOnlyKeys("docs:adder/add@0.1.0", "again");
        assertThat(((ItemType.Instance) c.exportTypes().get("docs:adder/add@0.1.0")).func("add")).contains(add);
        assertThat(c.exportTypes().get("again")).isEqualTo(new ItemType.Func(add));
        assertThat(c.importTypes()).isEmpty();
    }
}
