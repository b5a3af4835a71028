package dev.jwc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValTest {

    @Test
    void factoriesBuildTheMatchingRecords() {
        assertThat(Val.u32(5)).isEqualTo(new Val.U32(5));
        assertThat(Val.string("x")).isEqualTo(new Val.Str("x"));
        assertThat(Val.record(Val.field("a", Val.bool(true))))
                .isEqualTo(new Val.Record(List.of(new Val.Field("a", new Val.Bool(true)))));
        assertThat(Val.some(Val.s8(-1))).isEqualTo(new Val.Option(Optional.of(new Val.S8((byte) -1))));
        assertThat(Val.err()).isEqualTo(new Val.Result(false, Optional.empty()));
    }

    @Test
    void rangesAreChecked() {
        assertThatThrownBy(() -> Val.u8(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Val.u32(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Val.s16(40000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Val.character(0xd800)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Val.u32(0xffff_ffffL)).isEqualTo(new Val.U32(4294967295L));
    }

    @Test
    void flagsCompareAsSets() {
        assertThat(Val.flags("a", "b")).isEqualTo(Val.flags("b", "a"));
    }

    @Test
    void resourceTypesAreIdentities() {
        ResourceType a = new ResourceType("r");
        ResourceType b = new ResourceType("r");
        assertThat(new ValueType.Own(a)).isNotEqualTo(new ValueType.Own(b)).isEqualTo(new ValueType.Own(a));
    }
}
