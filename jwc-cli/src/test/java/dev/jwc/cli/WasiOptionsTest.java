package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jwc run -S}: Wasmtime's spellings, off unless given. */
class WasiOptionsTest {

    @Test
    void networkIsOffUnlessGranted() {
        assertThat(WasiOptions.parse(List.of())).isEqualTo(new WasiOptions(false, false));
        assertThat(WasiOptions.parse(List.of("inherit-network"))).isEqualTo(new WasiOptions(true, false));
        assertThat(WasiOptions.parse(List.of("allow-ip-name-lookup", "inherit-network=y")))
                .isEqualTo(new WasiOptions(true, true));
        assertThat(WasiOptions.parse(List.of("inherit-network", "inherit-network=n"))).isEqualTo(new WasiOptions(false, false));
    }

    @Test
    void unknownOptionsAndValuesAreUserErrors() {
        assertThatThrownBy(() -> WasiOptions.parse(List.of("network"))).isInstanceOf(UserError.class)
                .hasMessageContaining("unknown -S option `network`");
        assertThatThrownBy(() -> WasiOptions.parse(List.of("inherit-network=maybe"))).isInstanceOf(UserError.class)
                .hasMessageContaining("expected y or n");
    }
}
