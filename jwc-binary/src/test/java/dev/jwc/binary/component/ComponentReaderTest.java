package dev.jwc.binary.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jwc.binary.Feature;
import dev.jwc.binary.Features;
import dev.jwc.binary.io.DecodeException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentReaderTest {
    private static final int[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

    private static byte[] component(int... body) {
        byte[] out = new byte[PREAMBLE.length + body.length];
        for (int i = 0; i < PREAMBLE.length; i++) {
            out[i] = (byte) PREAMBLE[i];
        }
        for (int i = 0; i < body.length; i++) {
            out[PREAMBLE.length + i] = (byte) body[i];
        }
        return out;
    }

    private static DecodeException rejection(byte[] bytes) {
        return catchThrowableOfType(DecodeException.class, () -> ComponentReader.read(bytes));
    }

    @Test
    void readsTheEmptyComponent() {
        assertThat(ComponentReader.read(component())).isEqualTo(new Component(List.of()));
    }

    @Test
    void rejectsUnknownSectionIdsAtTheIdByte() {
        DecodeException e = rejection(component(0x0d, 0x00));
        assertThat(e.reason()).contains("malformed section id");
        assertThat(e.offset()).isEqualTo(8);
    }

    @Test
    void namesTheInvalidDiscriminantAndItsOffset() {
        DecodeException e = rejection(component(0x07, 0x02, 0x01, 0x62));
        assertThat(e.reason()).isEqualTo("invalid leading byte (0x62) for component defined type");
        assertThat(e.offset()).isEqualTo(11);
    }

    @Test
    void rejectsTrailingBytesInASection() {
        DecodeException e = rejection(component(0x07, 0x03, 0x01, 0x73, 0x73));
        assertThat(e.reason()).contains("unexpected data at the end of the section");
        assertThat(e.offset()).isEqualTo(12);
    }

    @Test
    void rejectsASectionLongerThanTheInput() {
        assertThat(rejection(component(0x07, 0x03, 0x00)).reason()).contains("unexpected end-of-file");
    }

    @Test
    void rejectsMalformedUtf8InNames() {
        DecodeException e = rejection(component(0x00, 0x03, 0x02, 0xff, 0xfe));
        assertThat(e.reason()).isEqualTo("malformed UTF-8 encoding");
        assertThat(e.offset()).isEqualTo(10);
    }

    @Test
    void rejectsOverlongLeb128() {
        DecodeException e = rejection(component(0x07, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00));
        assertThat(e.reason()).contains("integer");
        assertThat(e.offset()).isEqualTo(9);
    }

    @Test
    void reportsAbsoluteOffsetsInsideNestedComponents() {
        // Outer component section (12 bytes) holding a component whose type section has a bad type byte.
        DecodeException e = rejection(component(0x04, 0x0c, 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00,
                0x07, 0x02, 0x01, 0x44));
        assertThat(e.reason()).isEqualTo("invalid leading byte (0x44) for component defined type");
        assertThat(e.offset()).isEqualTo(21);
    }

    @Test
    void tellsAComponentHeaderWhereAModuleIsExpected() {
        DecodeException e = rejection(component(0x01, 0x08, 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00));
        assertThat(e.reason()).isEqualTo("expected a version header for a module");
        assertThat(e.offset()).isEqualTo(10);
    }

    @Test
    void keepsEmbeddedModulesWithTheirAbsoluteOffset() {
        Component c = ComponentReader.readComponent(component(0x01, 0x08, 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
        Section.CoreModule module = (Section.CoreModule) c.sections().getFirst();
        assertThat(module.module().offset()).isEqualTo(10);
        assertThat(module.module().size()).isEqualTo(8);
    }

    @Test
    void decodesEmbeddedModulesAndReportsTheirErrorsAtAbsoluteOffsets() {
        // A core module whose type section (at absolute offset 21) comes after its data section.
        DecodeException e = rejection(component(0x01, 0x0e, 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
                0x0b, 0x01, 0x00, 0x01, 0x01, 0x00));
        assertThat(e.reason()).contains("section out of order");
        assertThat(e.offset()).isEqualTo(21);
    }

    @Test
    void reportsWhereEachSectionAndItemWas() {
        // Type section (2 types) at 8, then a component section whose own type section holds one type.
        byte[] bytes = component(0x07, 0x03, 0x02, 0x73, 0x74,
                0x04, 0x0c, 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x07, 0x02, 0x01, 0x7f);
        ComponentReader.Located located = ComponentReader.readWithOffsets(bytes);
        ComponentOffsets offsets = located.offsets();
        assertThat(offsets.section(0)).isEqualTo(10);
        assertThat(offsets.item(0, 0)).isEqualTo(11);
        assertThat(offsets.item(0, 1)).isEqualTo(12);
        assertThat(offsets.item(0, 2)).isEqualTo(-1);
        assertThat(offsets.section(1)).isEqualTo(15);
        assertThat(offsets.nested(1).item(0, 0)).isEqualTo(26);
        assertThat(ComponentOffsets.UNKNOWN.item(0, 0)).isEqualTo(-1);
    }

    @Test
    void nameAttributesNeedTheirFeature() {
        // import "a" with the attribute form and a versionsuffix attribute, of type (instance 0).
        byte[] bytes = component(0x0a, 0x0a, 0x01, 0x02, 0x01, 0x61, 0x01, 0x01, 0x01, 0x78, 0x05, 0x00);
        Features none = Features.defaults();
        DecodeException form = catchThrowableOfType(DecodeException.class, () -> ComponentReader.read(bytes, none));
        assertThat(form.reason()).isEqualTo("the `cm-implements` feature is not active");
        assertThat(form.offset()).isEqualTo(11);
        DecodeException attribute = catchThrowableOfType(DecodeException.class,
                () -> ComponentReader.read(bytes, none.with(Feature.CM_IMPLEMENTS)));
        assertThat(attribute.reason()).isEqualTo("the `cm-canon-names` feature is not active");
        assertThat(attribute.offset()).isEqualTo(15);
        assertThat(ComponentReader.read(bytes, none.with(Feature.CM_CANON_NAMES))).isInstanceOf(Component.class);
    }

    @Test
    void decodesSortsAsWasmparserDoes() {
        // export "e" (core func 0): core module is the only core sort a component exports.
        DecodeException export = rejection(component(0x0b, 0x07, 0x01, 0x00, 0x01, 0x65, 0x00, 0x00, 0x00));
        assertThat(export.reason()).isEqualTo("invalid leading byte (0x0) for component external kind");
        assertThat(export.offset()).isEqualTo(15);
        // alias core export 0 "f" (core type): core instances export func, table, memory, global, tag.
        DecodeException alias = rejection(component(0x06, 0x07, 0x01, 0x00, 0x10, 0x01, 0x00, 0x01, 0x66));
        assertThat(alias.reason()).isEqualTo("invalid leading byte (0x10) for external kind");
        assertThat(alias.offset()).isEqualTo(12);
        // alias core export with a component sort.
        DecodeException kind = rejection(component(0x06, 0x06, 0x01, 0x01, 0x01, 0x00, 0x01, 0x66));
        assertThat(kind.reason()).isEqualTo("invalid leading byte (0x1) for core instance export kind");
    }

    @Test
    void rejectsAModuleWhereAComponentIsRequired() {
        byte[] module = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
        DecodeException e = catchThrowableOfType(DecodeException.class, () -> ComponentReader.readComponent(module));
        assertThat(e.reason()).isEqualTo("expected a version header for a component");
    }

    @Test
    void rejectsUnknownVersions() {
        byte[] bytes = {0x00, 0x61, 0x73, 0x6d, 0x0c, 0x00, 0x01, 0x00};
        assertThat(rejection(bytes).reason()).contains("unknown binary version");
        assertThat(rejection(new byte[] {0x00, 0x61, 0x73}).reason()).contains("unexpected end-of-file");
        assertThat(rejection(new byte[] {0x01, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00}).reason())
                .contains("magic header not detected");
    }

    @Test
    void boundsTheNestingOfTypesInsteadOfOverflowingTheStack() {
        // 5000 instance types, each declaring the next: (type (instance (type (instance ...)))).
        int depth = 5000;
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            type.write(0x42);
            type.write(0x01);
            type.write(0x01);
        }
        type.write(0x73);
        byte[] body = type.toByteArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(component());
        bytes.write(0x07);
        writeU32(bytes, body.length + 1);
        bytes.write(0x01);
        bytes.writeBytes(body);
        DecodeException e = rejection(bytes.toByteArray());
        assertThat(e.reason()).contains("nesting too deep");
    }

    @Test
    void boundsTheNestingOfComponents() {
        byte[] inner = component();
        for (int i = 0; i < 200; i++) {
            ByteArrayOutputStream outer = new ByteArrayOutputStream();
            outer.writeBytes(component());
            outer.write(0x04);
            writeU32(outer, inner.length);
            outer.writeBytes(inner);
            inner = outer.toByteArray();
        }
        assertThat(rejection(inner).reason()).contains("nesting too deep");
    }

    @Test
    void rejectsAStartSectionWithTrailingBytes() {
        DecodeException e = rejection(component(0x09, 0x04, 0x00, 0x00, 0x00, 0x00));
        assertThat(e.reason()).isEqualTo("unexpected content in the component start section");
        assertThat(e.offset()).isEqualTo(13);
    }

    @Test
    void rejectsNonBooleanFlags() {
        DecodeException e = rejection(component(0x08, 0x03, 0x01, 0x0c, 0x02));
        assertThat(e.reason()).isEqualTo("invalid boolean value");
    }

    private static void writeU32(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7f;
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }
}
