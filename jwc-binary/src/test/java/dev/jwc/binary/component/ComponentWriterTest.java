package dev.jwc.binary.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.SubType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentWriterTest {

    @Test
    void everyModelCaseSurvivesWriteThenRead() {
        Component sample = SampleComponents.everything();
        byte[] bytes = ComponentWriter.write(sample);
        Component read = ComponentReader.readComponent(bytes);
        assertThat(read).isEqualTo(sample);
        assertThat(ComponentWriter.write(read)).isEqualTo(bytes);
    }

    @Test
    void listsImportsAndExportsAcrossSections() {
        Component sample = SampleComponents.everything();
        assertThat(sample.imports()).hasSize(7);
        assertThat(sample.exports()).extracting(e -> e.name().name()).containsExactly("e", "e2");
    }

    @Test
    void typeIndicesInValueTypePositionsAreSignedSoTheyNeverLookLikePrimitives() {
        // Index 100 as a u32 LEB128 would be the single byte 0x64, the code of error-context.
        Component c = new Component(List.of(new Section.Types(List.of(new DefinedType.ListOf(new ValType.Ref(100))))));
        byte[] bytes = ComponentWriter.write(c);
        assertThat(bytes).endsWith(0x70, 0xe4, 0x00);
        assertThat(ComponentReader.readComponent(bytes)).isEqualTo(c);
    }

    @Test
    void aLoneNonFinalCoreSubtypeTakesTheZeroPrefixAtComponentLevel() {
        SubType sub = new SubType(false, List.of(), dev.jwc.binary.core.types.FuncType.EMPTY, false);
        Component c = new Component(List.of(new Section.CoreTypes(List.of(new CoreType.Rec(RecGroup.single(sub))))));
        assertThat(ComponentWriter.write(c)).endsWith(0x03, 0x07, 0x01, 0x00, 0x50, 0x00, 0x60, 0x00, 0x00);
    }

    @Test
    void aCoreModuleIsWrittenAsItsOwnBytes() {
        byte[] module = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
        WasmBinary read = ComponentReader.read(module);
        assertThat(read).isInstanceOf(CoreModuleBinary.class);
        assertThat(ComponentWriter.write(read)).isEqualTo(module);
    }
}
