package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.types.Val;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code wasi:clocks/timezone} (unstable feature {@code clocks-timezone}) answers with the host's time zone. */
class TimezoneTest {
    private final HostRegistry registry = new WasiHost(new WasiConfig(List.of(), Map.of(), List.of(),
            new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream(), false))
            .registry();

    @Test
    void utcOffsetAndDisplayFollowTheHostZone() {
        Instant when = Instant.parse("2026-07-01T12:00:00Z");
        Val datetime = Vals.datetime(when.getEpochSecond(), 0);
        int expected = ZoneId.systemDefault().getRules().getOffset(when).getTotalSeconds();

        Val offset = registry.function("wasi:clocks/timezone", "utc-offset").call(List.of(datetime)).orElseThrow();
        assertThat(offset).isEqualTo(Val.s32(expected));

        Val.Record display = (Val.Record) registry.function("wasi:clocks/timezone", "display")
                .call(List.of(datetime)).orElseThrow();
        assertThat(display.fields()).extracting(Val.Field::name)
                .containsExactly("utc-offset", "name", "in-daylight-saving-time");
        assertThat(display.fields().get(0).value()).isEqualTo(Val.s32(expected));
        assertThat(display.fields().get(2).value())
                .isEqualTo(Val.bool(ZoneId.systemDefault().getRules().isDaylightSavings(when)));
    }

    @Test
    void theInterfaceIsInTheHostsWit() {
        assertThat(WasiWit.get().interfaces()).containsKey("wasi:clocks/timezone@0.2.12");
        assertThat(WasiWit.get().interfaces().get("wasi:clocks/timezone@0.2.12").functions())
                .containsKeys("display", "utc-offset");
    }
}
