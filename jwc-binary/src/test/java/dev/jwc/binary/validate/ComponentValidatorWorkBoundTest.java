package dev.jwc.binary.validate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Inputs whose types unfold to exponentially large trees must fail fast with a typed error, never hang. */
class ComponentValidatorWorkBoundTest {
    /**
     * A mutated conformance binary (robustness case 47077) that instantiates components exporting instances of
     * instances: each instantiation copies the exported types, so without a bound the copies grow exponentially.
     */
    @Test
    void nestedInstanceCopiesHitTheTypeNodeBound() throws IOException {
        byte[] bytes = resource("/validate/nested-instance-copies.wasm");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> ComponentValidator.validate(bytes, Features.all()))
                        .isInstanceOf(ValidationException.class));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ComponentValidatorWorkBoundTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
