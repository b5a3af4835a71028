package dev.jwc.binary.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwc.testkit.SharedSuite;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComponentNamesTest {

    @Test
    void encodesAndDecodesNamesOfEachSort() {
        ComponentNames names = new ComponentNames(Optional.of("c"), List.of(
                new ComponentNames.SortNames(CoreSort.FUNC, List.of(new ComponentNames.Naming(0, "f"))),
                new ComponentNames.SortNames(ComponentSort.TYPE, List.of(new ComponentNames.Naming(3, "t"),
                        new ComponentNames.Naming(1, "u")))));
        Section.Custom section = names.encode();
        assertThat(ComponentNames.decode(section)).contains(names);
        assertThat(names.nameOf(ComponentSort.TYPE, 1)).contains("u");
        assertThat(names.nameOf(CoreSort.TYPE, 1)).isEmpty();
    }

    @Test
    void aMalformedSectionNamesNothing() {
        assertThat(ComponentNames.decode(new Section.Custom("component-name", new byte[] {(byte) 0xff, (byte) 0xfe, 1})))
                .isEmpty();
        assertThat(ComponentNames.decode(new Section.Custom("other", new byte[0]))).isEmpty();
    }

    @Test
    void decodesTheNameSectionsWasmToolsWrites() {
        assumeTrue(ConformanceCase.available(), SharedSuite.SKIPPED);
        int named = 0;
        for (ConformanceCase c : ConformanceCase.all()) {
            if (!c.role().equals("module") || !(ComponentReader.read(c.bytes()) instanceof Component component)) {
                continue;
            }
            for (Section s : component.sections()) {
                if (s instanceof Section.Custom custom && custom.name().equals(ComponentNames.SECTION_NAME)) {
                    // binary.wast deliberately includes garbage name sections, which decode to nothing.
                    Optional<ComponentNames> names = ComponentNames.decode(custom);
                    if (names.isPresent()) {
                        assertThat(names.get().encode()).as(c.id()).isEqualTo(custom);
                        named++;
                    }
                }
            }
        }
        assertThat(named).as("component-name sections decoded").isGreaterThan(100);
    }
}
