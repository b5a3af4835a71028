package dev.jwc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.text.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Component#fromBinary} validates, as Wasmtime does, and remembers what passed beside the compile cache. */
class ComponentValidationTest {
    private static final byte[] VALID = Wat.toBinary("""
            (component
              (core module $M (func (export "f") (result i32) (i32.const 7)))
              (core instance $m (instantiate $M))
              (func (export "f") (result u32) (canon lift (core func $m "f"))))
            """);
    /** Two parameters with the same name: well-formed, but invalid. */
    private static final byte[] INVALID = Wat.toBinary("""
            (component
              (type (func (param "a" u32) (param "a" u32))))
            """);
    /** Uses `cm-async`, which the default features allow and the bare defaults do not. */
    private static final byte[] ASYNC = Wat.toBinary("""
            (component
              (core func (canon waitable-set.new)))
            """);

    @TempDir
    Path cache;

    private long marks() throws IOException {
        Path dir = cache.resolve("validated");
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void anInvalidComponentIsRejectedWithTheRuleAndOffset() {
        assertThatThrownBy(() -> Component.fromBinary(new Engine(), INVALID))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("conflicts with previous parameter name")
                .hasMessageContaining("(at offset 0x");
    }

    @Test
    void aCoreModuleIsNotAComponent() {
        assertThatThrownBy(() -> Component.fromBinary(new Engine(), Wat.toBinary("(module)")))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void featuresDecideWhatIsValid() {
        assertThat(Component.fromBinary(new Engine(), ASYNC)).isNotNull();
        Engine plain = Engine.builder().features(Features.defaults()).build();
        assertThatThrownBy(() -> Component.fromBinary(plain, ASYNC))
                .isInstanceOfAny(ValidationException.class, DecodeException.class);
    }

    @Test
    void withoutValidationAnInvalidComponentStillLoads() {
        assertThat(Component.fromBinary(Engine.builder().validate(false).build(), INVALID).exportNames()).isEmpty();
    }

    @Test
    void aValidComponentIsMarkedOnceAndAnInvalidOneNever() throws IOException {
        Engine engine = Engine.builder().cacheDirectory(cache).build();
        Component.fromBinary(engine, VALID);
        assertThat(marks()).isEqualTo(1);
        Component.fromBinary(engine, VALID);
        assertThat(marks()).isEqualTo(1);
        assertThatThrownBy(() -> Component.fromBinary(engine, INVALID)).isInstanceOf(ValidationException.class);
        assertThat(marks()).isEqualTo(1);
        Component.fromBinary(Engine.builder().cacheDirectory(cache).features(Features.all()).build(), VALID);
        assertThat(marks()).as("other features, another mark").isEqualTo(2);
    }
}
