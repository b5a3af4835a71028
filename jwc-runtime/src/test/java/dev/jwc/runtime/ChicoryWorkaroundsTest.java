package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Wat;
import dev.jwc.types.Val;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Core wasm that Chicory 1.7.5 gets wrong unless the runtime works around it (see dev.jwc.runtime.core),
 * on the compiler and on the interpreter.
 */
class ChicoryWorkaroundsTest {

    private static Instance instantiate(Engine.Mode mode, String wat) {
        Engine engine = new Engine(mode);
        return new Linker(engine).instantiate(new Store(engine), Component.fromBinary(engine, Wat.toBinary(wat)));
    }

    private static Val call(Instance instance, String name, Val... args) {
        return instance.func(name).orElseThrow().call(args).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void callIndirectReachesAFunctionAnotherInstancePutInTheTable(Engine.Mode mode) {
        Instance instance = instantiate(mode, """
                (component
                  (core module $Caller
                    (type $unary (func (param i32) (result i32)))
                    (table (export "t") 2 funcref)
                    (func (export "call") (param i32 i32) (result i32)
                      (call_indirect (type $unary) (local.get 1) (local.get 0))))
                  (core module $Filler
                    (type (func))
                    (type (func (param i64)))
                    (type (func (param i32) (result i32)))
                    (import "caller" "t" (table 2 funcref))
                    (func $double (type 2) (i32.mul (local.get 0) (i32.const 2)))
                    (func $drop (type 1))
                    (elem (i32.const 0) func $double $drop))
                  (core instance $caller (instantiate $Caller))
                  (core instance (instantiate $Filler (with "caller" (instance $caller))))
                  (func (export "call") (param "slot" u32) (param "x" u32) (result u32)
                    (canon lift (core func $caller "call"))))
                """);
        assertThat(call(instance, "call", Val.u32(0), Val.u32(21))).isEqualTo(Val.u32(42));
        assertThatThrownBy(() -> call(instance, "call", Val.u32(1), Val.u32(21)))
                .isInstanceOf(Trap.class).hasMessageContaining("indirect call type mismatch");
    }

    /** The shape of `jwc link`: one module defines the table, another fills it with functions it imports. */
    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void callIndirectReachesAnImportedFunctionAThirdInstancePutInAnImportedTable(Engine.Mode mode) {
        Instance instance = instantiate(mode, """
                (component
                  (core module $Env (table (export "t") 2 funcref))
                  (core module $Caller
                    (type $unary (func (param i32) (result i32)))
                    (type $unary-again (func (param i32) (result i32)))
                    (import "env" "t" (table 2 funcref))
                    (func (export "call") (param i32 i32) (result i32)
                      (call_indirect (type $unary) (local.get 1) (local.get 0)))
                    (func (export "call-again") (param i32 i32) (result i32)
                      (call_indirect (type $unary-again) (local.get 1) (local.get 0))))
                  (core module $Library
                    (type (func))
                    (type (func (param i64)))
                    (type (func (param i32) (result i32)))
                    (func (export "double") (type 2) (i32.mul (local.get 0) (i32.const 2))))
                  (core module $Init
                    (type (func (param i64)))
                    (type (func (param i32) (result i32)))
                    (import "library" "double" (func $double (type 1)))
                    (import "env" "t" (table 2 funcref))
                    (elem (i32.const 0) func $double))
                  (core instance $env (instantiate $Env))
                  (core instance $library (instantiate $Library))
                  (core instance $caller (instantiate $Caller (with "env" (instance $env))))
                  (core instance (instantiate $Init (with "env" (instance $env)) (with "library" (instance $library))))
                  (func (export "call") (param "slot" u32) (param "x" u32) (result u32)
                    (canon lift (core func $caller "call")))
                  (func (export "call-again") (param "slot" u32) (param "x" u32) (result u32)
                    (canon lift (core func $caller "call-again"))))
                """);
        assertThat(call(instance, "call", Val.u32(0), Val.u32(21))).isEqualTo(Val.u32(42));
        assertThat(call(instance, "call-again", Val.u32(0), Val.u32(21))).isEqualTo(Val.u32(42));
        assertThatThrownBy(() -> call(instance, "call", Val.u32(1), Val.u32(21)))
                .isInstanceOf(Trap.class).hasMessageContaining("uninitialized element");
    }

    /** Chicory alone would look the caller's index up in the filler's types, where it names the callee's type. */
    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void callIndirectTrapsWhenNoTypeOfTheCallerMatchesEvenAtTheFillersIndex(Engine.Mode mode) {
        Instance instance = instantiate(mode, """
                (component
                  (core module $Caller
                    (type $unary (func (param i32) (result i32)))
                    (table (export "t") 1 funcref)
                    (func (export "call") (param i32) (result i32)
                      (call_indirect (type $unary) (local.get 0) (i32.const 0))))
                  (core module $Filler
                    (type (func (param i64) (result i64)))
                    (import "caller" "t" (table 1 funcref))
                    (func $next (type 0) (i64.add (local.get 0) (i64.const 1)))
                    (elem (i32.const 0) func $next))
                  (core instance $caller (instantiate $Caller))
                  (core instance (instantiate $Filler (with "caller" (instance $caller))))
                  (func (export "call") (param "x" u32) (result u32) (canon lift (core func $caller "call"))))
                """);
        assertThatThrownBy(() -> call(instance, "call", Val.u32(21)))
                .isInstanceOf(Trap.class).hasMessageContaining("indirect call type mismatch");
    }

    /** The start function runs before instantiation returns; its call_indirect must see the structural match too. */
    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void aStartFunctionReachesAFunctionAnotherInstancePutInTheTable(Engine.Mode mode) {
        Instance instance = instantiate(mode, """
                (component
                  (core module $Env (table (export "t") 1 funcref))
                  (core module $Filler
                    (type (func))
                    (type (func (param i64)))
                    (type (func (param i32) (result i32)))
                    (import "env" "t" (table 1 funcref))
                    (func $double (type 2) (i32.mul (local.get 0) (i32.const 2)))
                    (elem (i32.const 0) func $double))
                  (core module $Caller
                    (type $unary (func (param i32) (result i32)))
                    (import "env" "t" (table 1 funcref))
                    (global $result (mut i32) (i32.const 0))
                    (func $start (global.set $result (call_indirect (type $unary) (i32.const 21) (i32.const 0))))
                    (start $start)
                    (func (export "result") (result i32) (global.get $result)))
                  (core instance $env (instantiate $Env))
                  (core instance (instantiate $Filler (with "env" (instance $env))))
                  (core instance $caller (instantiate $Caller (with "env" (instance $env))))
                  (func (export "result") (result u32) (canon lift (core func $caller "result"))))
                """);
        assertThat(call(instance, "result")).isEqualTo(Val.u32(42));
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void exceptionsAreCaughtByTagIdentityNotByTagType(Engine.Mode mode) {
        Instance instance = instantiate(mode, """
                (component
                  (core module $Tag (tag (export "t") (param i32)))
                  (core module $Thrower
                    (import "tag" "t" (tag $t (param i32)))
                    (func (export "throw") (param i32) (throw $t (local.get 0))))
                  (core module $Catcher
                    (import "tag" "t" (tag $t (param i32)))
                    (import "a" "throw" (func $throw-a (param i32)))
                    (import "b" "throw" (func $throw-b (param i32)))
                    (func (export "run") (param i32) (result i32)
                      (block $all
                        (block $h (result i32)
                          (try_table (catch $t $h) (catch_all $all)
                            (if (local.get 0)
                              (then (call $throw-b (i32.const 1)))
                              (else (call $throw-a (i32.const 42)))))
                          (return (i32.const 99)))
                        (return))
                      (i32.const 77)))
                  (core instance $tag-a (instantiate $Tag))
                  (core instance $tag-b (instantiate $Tag))
                  (core instance $ta (instantiate $Thrower (with "tag" (instance $tag-a))))
                  (core instance $tb (instantiate $Thrower (with "tag" (instance $tag-b))))
                  (core instance $c (instantiate $Catcher
                    (with "tag" (instance $tag-a)) (with "a" (instance $ta)) (with "b" (instance $tb))))
                  (func (export "run") (param "b" bool) (result u32) (canon lift (core func $c "run"))))
                """);
        assertThat(call(instance, "run", Val.bool(false))).isEqualTo(Val.u32(42));
        assertThat(call(instance, "run", Val.bool(true))).isEqualTo(Val.u32(77));
    }

    /** Compiler only: Chicory's interpreter cannot catch an exception thrown through another instance's table element. */
    @Test
    void aTagDefinedByTheCatcherMatchesWhenAnotherInstanceThrowsIt() {
        Instance instance = instantiate(Engine.Mode.COMPILER, """
                (component
                  (core module $Catcher
                    (type $unary (func (param i32)))
                    (tag $t (export "t") (param i32))
                    (table (export "tbl") 1 funcref)
                    (func (export "run") (param i32) (result i32)
                      (block $h (result i32)
                        (try_table (catch $t $h) (call_indirect (type $unary) (local.get 0) (i32.const 0)))
                        (i32.const 99)))
                    (func (export "escape") (param i32) (throw $t (local.get 0))))
                  (core module $Thrower
                    (import "c" "t" (tag $t (param i32)))
                    (import "c" "tbl" (table 1 funcref))
                    (func $throw (param i32) (throw $t (local.get 0)))
                    (elem (i32.const 0) func $throw))
                  (core instance $c (instantiate $Catcher))
                  (core instance (instantiate $Thrower (with "c" (instance $c))))
                  (func (export "run") (param "x" u32) (result u32) (canon lift (core func $c "run")))
                  (func (export "escape") (param "x" u32) (canon lift (core func $c "escape"))))
                """);
        assertThat(call(instance, "run", Val.u32(5))).isEqualTo(Val.u32(5));
        assertThatThrownBy(() -> instance.func("escape").orElseThrow().call(Val.u32(5)))
                .isInstanceOf(Trap.class).hasMessageContaining("uncaught wasm exception");
    }

    @ParameterizedTest
    @EnumSource(Engine.Mode.class)
    void anImportWithEmptyModuleAndFieldNamesLinks(Engine.Mode mode) {
        Instance instance = instantiate(mode, """
                (component
                  (core module $E (func (export "") (result i32) (i32.const 7)))
                  (core module $M
                    (import "" "" (func $f (result i32)))
                    (import "" "x" (func $x (result i32)))
                    (func (export "run") (result i32) (i32.add (call $f) (call $x))))
                  (core instance $e (instantiate $E))
                  (core instance $m (instantiate $M
                    (with "" (instance (export "" (func $e "")) (export "x" (func $e ""))))))
                  (func (export "run") (result u32) (canon lift (core func $m "run"))))
                """);
        assertThat(call(instance, "run")).isEqualTo(Val.u32(14));
    }
}
