package dev.jwc.text.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Names;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.text.TextException;
import dev.jwc.text.Wat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CoreModuleParserTest {
    private static void sameBinary(String abbreviated, String explicit) {
        assertThat(Wat.toBinary(abbreviated)).as(abbreviated).isEqualTo(Wat.toBinary(explicit));
    }

    @Test
    void inlineExportsAndImportsExpand() {
        sameBinary("(module (func (export \"a\") (export \"b\")))",
                "(module (func) (export \"a\" (func 0)) (export \"b\" (func 0)))");
        sameBinary("(module (global (import \"m\" \"g\") i32) (memory (import \"m\" \"mem\") 1))",
                "(module (import \"m\" \"g\" (global i32)) (import \"m\" \"mem\" (memory 1)))");
        sameBinary("(module (func (import \"m\" \"f\") (param i32)) (func))",
                "(module (import \"m\" \"f\" (func (param i32))) (func))");
    }

    @Test
    void implicitTypesAreReusedOrAppendedAfterExplicitOnes() {
        CoreModule m = Wat.parseCoreModule("""
                (module
                  (func (param i64))
                  (type $v (func))
                  (func (type $v))
                  (func)
                  (func (param i64)))
                """);
        assertThat(m.subTypes()).extracting(t -> t.composite())
                .containsExactly(FuncType.EMPTY, new FuncType(List.of(NumType.I64), List.of()));
        assertThat(m.functions()).containsExactly(1, 0, 0, 1);
    }

    @Test
    void foldedAndFlatInstructionsAgree() {
        sameBinary("(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))",
                "(module (func (result i32) i32.const 1 i32.const 2 i32.add))");
        sameBinary("(module (func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2)))))",
                "(module (func (param i32) (result i32) local.get 0 if (result i32) i32.const 1 else i32.const 2 end))");
        sameBinary("(module (func $f (param $x i32) (block $out (loop $l (br_if $out (local.get $x)) (br $l)))))",
                "(module (func $f (param $x i32) block $out loop $l local.get $x br_if $out br $l end $l end $out))");
    }

    @Test
    void labelsResolveToDepths() {
        CoreModule m = Wat.parseCoreModule("(module (func (block $a (block $b (br $a) (br $b) (br_table $a $b 0)))))");
        List<Instruction> code = m.code().get(0).body().instructions();
        assertThat(code.get(2)).isEqualTo(Instruction.index(Opcode.BR, 1));
        assertThat(code.get(3)).isEqualTo(Instruction.index(Opcode.BR, 0));
        assertThat(code.get(4).immediate()).isEqualTo(new Immediate.BrTable(List.of(1, 0), 0));
    }

    @Test
    void segmentAbbreviations() {
        sameBinary("(module (memory (data \"ab\" \"c\")))",
                "(module (memory 1 1) (data (i32.const 0) \"abc\"))");
        sameBinary("(module (func $f) (table funcref (elem $f $f)))",
                "(module (func $f) (table 2 2 funcref) (elem (table 0) (i32.const 0) func $f $f))");
        sameBinary("(module (memory 1) (data (i32.const 0) (i8 1 -1) (i16 0x102) (i32 1) (f32 1.0) \"z\"))",
                "(module (memory 1) (data (i32.const 0) \"\\01\\ff\\02\\01\\01\\00\\00\\00\\00\\00\\80\\3f\" \"z\"))");
        sameBinary("(module (data (i8 7)))", "(module (data \"\\07\"))");
        sameBinary("(module (memory 1) (data (offset (i32.const 8)) \"x\"))",
                "(module (memory 1) (data (memory 0) (i32.const 8) \"x\"))");
        sameBinary("(module (func $f) (table (ref func) (elem $f)))",
                "(module (func $f) (table 1 1 (ref func)) (elem (table 0) (i32.const 0) (ref func) (ref.func $f)))");
        sameBinary("(module (table 1 funcref) (func $f) (elem 0 (i32.const 0) $f))",
                "(module (table 1 funcref) (func $f) (elem (table 0) (offset i32.const 0) func $f))");
        sameBinary("(module (table 1 funcref) (func $f) (elem (i32.const 0) $f))",
                "(module (table 1 funcref) (func $f) (elem (offset i32.const 0) func $f))");
    }

    @Test
    void memoryTypes() {
        CoreModule m = Wat.parseCoreModule("(module (memory i64 1 2 (pagesize 1)) (memory 0 1 shared))");
        assertThat(m.memories()).containsExactly(
                new MemoryType(Limits.of(1, 2), false, true, OptionalInt.of(0)),
                new MemoryType(Limits.of(0, 1), true, false, OptionalInt.empty()));
    }

    @Test
    void gcTypesAndFieldNames() {
        CoreModule m = Wat.parseCoreModule("""
                (module
                  (rec (type $a (sub (struct (field $x (ref null $b)) (field $y (mut i16)))))
                       (type $b (sub final $a (struct (field (ref null $b)) (field (mut i16))))))
                  (type $arr (array (mut i8)))
                  (func (param (ref $a)) (result (ref null $b)) (struct.get $a $x (local.get 0))))
                """);
        assertThat(m.types()).hasSize(3);
        assertThat(m.types().get(0).explicit()).isTrue();
        assertThat(m.subTypes().get(1).supertypes()).containsExactly(0);
        assertThat(m.subTypes().get(2).composite()).isInstanceOf(CompositeType.Array.class);
        assertThat(m.code().get(0).body().instructions().get(1).immediate()).isEqualTo(new Immediate.Indices(0, 0));
        // wasm-tools names the fields of struct types outside rec groups only
        assertThat(m.names().orElseThrow().fields()).isEmpty();
        assertThat(Wat.parseCoreModule("(module (type (struct (field $x i32) (field i64))))").names().orElseThrow()
                .fields()).isEqualTo(Map.of(0, Map.of(0, "x")));
    }

    @Test
    void namesComeFromIds() {
        Names n = Wat.parseCoreModule("(module $m (func $f (param $p i32) (local $l i64) (block $b)) (global $g i32 (i32.const 0)))")
                .names().orElseThrow();
        assertThat(n.module()).hasValue("m");
        assertThat(n.functions()).isEqualTo(Map.of(0, "f"));
        assertThat(n.locals()).isEqualTo(Map.of(0, Map.of(0, "p", 1, "l")));
        assertThat(n.labels()).isEqualTo(Map.of(0, Map.of(0, "b")));
        assertThat(n.globals()).isEqualTo(Map.of(0, "g"));
        assertThat(Wat.parseCoreModule("(module (func))").names()).isEqualTo(Optional.empty());
    }

    @Test
    void simdAndBulkMemory() {
        CoreModule m = Wat.parseCoreModule("""
                (module (memory 1) (data $d "x")
                  (func (result v128)
                    (memory.init $d (i32.const 0) (i32.const 0) (i32.const 1))
                    (data.drop $d)
                    (v128.load8_lane 1 (i32.const 0) (v128.const i32x4 1 2 3 4))
                    (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i64x2 0 0) (v128.const f32x4 0 0 0 0))
                    i8x16.eq
                    (i32.load offset=4 align=2 (i32.const 0))
                    drop))
                """);
        assertThat(m.dataCount()).hasValue(1);
        List<Instruction> code = m.code().get(0).body().instructions();
        assertThat(code).anyMatch(i -> i.opcode() == Opcode.V128_LOAD8_LANE
                && i.immediate().equals(new Immediate.MemArgLane(new Immediate.MemArg(0, 0, 0), 1)));
        assertThat(code).anyMatch(i -> i.immediate().equals(new Immediate.MemArg(1, 0, 4)));
    }

    @Test
    void invalidButWellFormedTextStillEncodes() {
        // validation, not parsing, reports these
        assertThat(Wat.toBinary("(module (func (type 7)) (func (call 9)))")).isNotEmpty();
    }

    @Test
    void binaryModulesPassThrough() {
        assertThat(Wat.toBinary("(module binary \"\\00asm\" \"\\01\\00\\00\\00\")"))
                .containsExactly(0, 'a', 's', 'm', 1, 0, 0, 0);
        assertThat(Wat.toBinary("(func)")).isEqualTo(Wat.toBinary("(module (func))"));
    }

    @Test
    void errorsCarryPositions() {
        assertThatThrownBy(() -> Wat.toBinary("(module\n  (func (call $nope)))"))
                .isInstanceOf(TextException.class).hasMessage("2:15: unknown func: failed to find name `$nope`");
        assertThatThrownBy(() -> Wat.toBinary("(module (func $f) (func $f))"))
                .hasMessage("1:25: duplicate func identifier");
        assertThatThrownBy(() -> Wat.toBinary("(module (func i32.frob))"))
                .hasMessage("1:15: unknown operator or unexpected token 'i32.frob'");
        assertThatThrownBy(() -> Wat.toBinary("(module (func (block $a) (br $a)))"))
                .hasMessage("1:30: unknown label: failed to find name `$a`");
        assertThatThrownBy(() -> Wat.toBinary("(module (type $t (func)) (func (type $t) (param i32)))"))
                .hasMessageContaining("inline function type doesn't match type reference");
        assertThatThrownBy(() -> Wat.toBinary("(module (memory 1) (func (import \"m\" \"f\")))"))
                .hasMessage("1:20: import after memory");
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        int depth = 900;
        String deep = "(module (func " + "(block ".repeat(depth) + ")".repeat(depth) + "))";
        assertThat(Wat.parseCoreModule(deep).code().get(0).body().instructions()).hasSize(2 * depth);
        String tooDeep = "(module (func " + "(block ".repeat(2000) + ")".repeat(2000) + "))";
        assertThatThrownBy(() -> Wat.toBinary(tooDeep)).hasMessageContaining("nesting deeper");
    }
}
