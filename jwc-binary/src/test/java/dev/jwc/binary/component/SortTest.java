package dev.jwc.binary.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.component.ExternType.TypeBound;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SortTest {

    @Test
    void liftDefinesAComponentFunctionAndEveryOtherCanonACoreFunction() {
        assertThat(new Canon.Lift(0, List.of(), 0).sort()).isEqualTo(ComponentSort.FUNC);
        assertThat(new Canon.Lower(0, List.of()).sort()).isEqualTo(CoreSort.FUNC);
        assertThat(new Canon.ThreadIndex().sort()).isEqualTo(CoreSort.FUNC);
    }

    @Test
    void externTypesNameTheIndexSpaceTheyExtend() {
        assertThat(new ExternType.Module(0).sort()).isEqualTo(CoreSort.MODULE);
        assertThat(new ExternType.Func(0).sort()).isEqualTo(ComponentSort.FUNC);
        assertThat(new ExternType.Value(PrimitiveType.U8).sort()).isEqualTo(ComponentSort.VALUE);
        assertThat(new ExternType.Type(new TypeBound.SubResource()).sort()).isEqualTo(ComponentSort.TYPE);
        assertThat(new ExternType.Component(0).sort()).isEqualTo(ComponentSort.COMPONENT);
        assertThat(new ExternType.Instance(0).sort()).isEqualTo(ComponentSort.INSTANCE);
    }

    @Test
    void theModelOnlyTakesSortsTheBinaryFormatCanEncodeInEachPosition() {
        assertThatThrownBy(() -> new Export(ExternName.of("e"), CoreSort.FUNC, 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoreInstance.Export("t", CoreSort.TYPE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Alias.Outer(ComponentSort.FUNC, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Alias.Outer(CoreSort.MODULE, 1, 0).sort()).isEqualTo(CoreSort.MODULE);
    }

    @Test
    void sortCodesRoundTrip() {
        for (CoreSort s : CoreSort.values()) {
            assertThat(CoreSort.fromCode(s.code())).isEqualTo(s);
        }
        for (ComponentSort s : ComponentSort.values()) {
            assertThat(ComponentSort.fromCode(s.code())).isEqualTo(s);
        }
        assertThat(ComponentSort.fromCode(0x00)).isNull();
    }
}
