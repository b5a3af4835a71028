package dev.jwc.binary.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.validate.CoreValidator;
import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.ByteWriter;
import dev.jwc.binary.io.DecodeException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreReaderTest {
    private static final String HEADER = "0061736d01000000";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String section(int id, String content) {
        byte[] bytes = hex(content);
        return HexFormat.of().formatHex(new ByteWriter().u8(id).u32(bytes.length).bytes(bytes).toByteArray());
    }

    private static DecodeException malformed(String hex) {
        try {
            CoreReader.read(hex(hex));
        } catch (DecodeException e) {
            return e;
        }
        throw new AssertionError("expected a decode error");
    }

    @Test
    void readsAFunctionWithItsInstructionsAndOffsets() {
        // (type (func (param i32) (result i32))) (func (type 0) local.get 0 i32.const 1 i32.add)
        CoreModule m = CoreReader.read(hex(HEADER + "01 06 01 60 01 7f 01 7f" + "03 02 01 00"
                + "0a 09 01 07 00 20 00 41 01 6a 0b"));
        assertThat(m.subTypes()).hasSize(1);
        assertThat(m.subTypes().get(0).composite()).isEqualTo(new FuncType(List.of(NumType.I32), List.of(NumType.I32)));
        var body = m.code().get(0).body();
        assertThat(body.instructions()).containsExactly(
                Instruction.index(Opcode.LOCAL_GET, 0), Instruction.i32Const(1), Instruction.of(Opcode.I32_ADD));
        assertThat(body.offsetOf(0)).isEqualTo(0x19);
        assertThat(body.offsetOf(2)).isEqualTo(0x1d);
        assertThat(body.endOffset()).isEqualTo(0x1e);
    }

    @Test
    void locatesValidationErrorsWithTheRecordedOffsets() {
        // Two exports named "f": the second one, at offset 0x19, is the duplicate.
        byte[] binary = hex(HEADER + "01 04 01 60 00 00" + "03 02 01 00" + "07 09 02 01 66 00 00 01 66 00 00"
                + "0a 04 01 02 00 0b");
        CoreReader.Located located = CoreReader.readWithOffsets(new ByteReader(binary));
        assertThat(located.offsets().of(SectionId.EXPORT, 1)).isEqualTo(0x19);
        assertThatThrownBy(() -> CoreValidator.validate(located.module(), Features.defaults(), located.offsets()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo("duplicate export name `f` already defined");
                    assertThat(e.offset()).isEqualTo(0x19);
                });
    }

    @Test
    void reportsHeaderErrors() {
        assertThat(malformed("0061736e01000000").reason()).isEqualTo("magic header not detected");
        assertThat(malformed("0061736d02000000").reason()).startsWith("unknown binary version");
        assertThat(malformed("0061736d0d000100").reason()).startsWith("expected a core module");
    }

    @Test
    void reportsSectionErrorsWithOffsets() {
        DecodeException order = malformed(HEADER + "03 01 00" + "01 01 00");
        assertThat(order.reason()).isEqualTo("section out of order");
        assertThat(order.offset()).isEqualTo(11);
        DecodeException size = malformed(HEADER + "01 03 00 00 00");
        assertThat(size.reason()).startsWith("section size mismatch");
        assertThat(size.offset()).isEqualTo(11);
        assertThat(malformed(HEADER + "0e 00").reason()).isEqualTo("malformed section id: 14");
        assertThat(malformed(HEADER + "01 05 00").reason()).startsWith("unexpected end");
        assertThat(malformed(HEADER + "03 02 01 00").reason())
                .isEqualTo("function and code section have inconsistent lengths");
    }

    @Test
    void reportsIllegalOpcodesAtTheirOffset() {
        DecodeException e = malformed(HEADER + "01 04 01 60 00 00" + "03 02 01 00" + "0a 06 01 04 00 fe 0b 0b");
        assertThat(e.reason()).isEqualTo("unknown 0xfe subopcode: 0xb");
        DecodeException illegal = malformed(HEADER + "01 04 01 60 00 00" + "03 02 01 00" + "0a 05 01 03 00 d7 0b");
        assertThat(illegal.reason()).isEqualTo("illegal opcode: 0xd7");
        assertThat(illegal.offset()).isEqualTo(0x17);
        assertThat(malformed(HEADER + "01 04 01 60 00 00" + "03 02 01 00" + "0a 06 01 04 00 01 0b 01").reason())
                .isEqualTo("operators remaining after end of function");
    }

    @Test
    void readsFromASliceKeepingAbsoluteOffsets() {
        byte[] wrapped = hex("ffff" + HEADER + "01 04 01 60 00 00 03 02 01 00 0a 05 01 03 00 d7 0b");
        ByteReader outer = new ByteReader(wrapped);
        outer.bytes(2);
        assertThatThrownBy(() -> CoreReader.read(outer.slice(wrapped.length - 2)))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.offset()).isEqualTo(0x19));
    }

    @Test
    void keepsCustomSectionsInPlaceAndDecodesNames() {
        ByteWriter names = new ByteWriter().name("name");
        names.u8(0).sized(new ByteWriter().name("m"));
        names.u8(1).sized(new ByteWriter().u32(1).u32(0).name("f"));
        byte[] nameSection = new ByteWriter().u8(0).sized(names).toByteArray();
        byte[] binary = hex(HEADER + "00 04 03 61 62 63" + "01 04 01 60 00 00" + "03 02 01 00"
                + "0a 04 01 02 00 0b" + HexFormat.of().formatHex(nameSection));
        CoreModule m = CoreReader.read(binary);
        assertThat(m.customSections().get(0).after()).isEmpty();
        assertThat(m.customSections().get(1).after()).contains(SectionId.CODE);
        assertThat(m.names().orElseThrow().module()).contains("m");
        assertThat(m.names().orElseThrow().function(0)).contains("f");
        assertThat(CoreWriter.write(m)).isEqualTo(binary);
    }

    @Test
    void roundTripsAllElementAndDataEncodings() {
        // Element flags 0..7 and data flags 0..2, each with one item.
        String elements = section(9, "08"
                + "00 41 00 0b 01 00"
                + "01 00 01 00"
                + "02 00 41 00 0b 00 01 00"
                + "03 00 01 00"
                + "04 41 00 0b 01 d2 00 0b"
                + "05 70 01 d2 00 0b"
                + "06 00 41 00 0b 70 01 d0 70 0b"
                + "07 70 01 d2 00 0b");
        String data = section(11, "03" + "00 41 00 0b 01 61" + "01 01 62" + "02 01 41 00 0b 01 63");
        byte[] full = hex(HEADER + "01 04 01 60 00 00" + "03 02 01 00" + "04 04 01 70 00 01"
                + "05 05 02 00 01 00 01" + elements + "0c 01 03" + "0a 04 01 02 00 0b" + data);
        CoreModule m = CoreReader.read(full);
        assertThat(m.elements()).hasSize(8);
        assertThat(m.data()).hasSize(3);
        assertThat(((DataSegment.Active) m.data().get(2).mode()).memory()).isEqualTo(1);
        assertThat(CoreWriter.write(m)).isEqualTo(full);
    }

    @Test
    void readsPrefixedAndImmediateHeavyInstructions() {
        ByteWriter body = new ByteWriter().u32(0);
        body.u8(0xFD).u32(12).bytes(new byte[16]); // v128.const
        body.u8(0xFD).u32(13).bytes(new byte[16]); // i8x16.shuffle
        body.u8(0x1A).u8(0x1A);
        body.u8(0xFB).u32(0x17).u8(0x6E); // ref.cast null any (on an empty stack: validity is not the reader's job)
        body.u8(0x0B);
        byte[] code = new ByteWriter().u32(1).sized(body).toByteArray();
        ByteWriter module = new ByteWriter().bytes(hex(HEADER + "01 04 01 60 00 00" + "03 02 01 00"));
        module.u8(10).sized(new ByteWriter().bytes(code));
        CoreModule m = CoreReader.read(module.toByteArray());
        var instructions = m.code().get(0).body().instructions();
        assertThat(instructions.get(0).opcode()).isEqualTo(Opcode.V128_CONST);
        assertThat(instructions.get(1).opcode()).isEqualTo(Opcode.I8X16_SHUFFLE);
        assertThat(instructions.get(4).immediate()).isInstanceOfSatisfying(Immediate.Ref.class,
                r -> assertThat(r.type().nullable()).isTrue());
        assertThat(CoreWriter.write(m)).isEqualTo(module.toByteArray());
        assertThat(m.customSections()).isEqualTo(List.of());
        assertThat(m.names()).isEqualTo(Optional.empty());
    }
}
