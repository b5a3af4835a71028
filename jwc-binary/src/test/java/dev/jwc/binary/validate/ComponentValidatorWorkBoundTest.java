package dev.jwc.binary.validate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jwc.binary.Features;
import dev.jwc.binary.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Inputs whose types unfold to exponentially large trees must fail fast with a typed error, never hang. */
class ComponentValidatorWorkBoundTest {
    /**
     * A mutated conformance binary (robustness case 47077) that instantiates components exporting instances of
     * instances: each instantiation rewrites the exported types, and copying every node (rather than only those that
     * change) would grow exponentially with the nesting. It must reach its real fault, an invalid name, quickly.
     */
    @Test
    void nestedInstanceCopiesStayShared() throws IOException {
        byte[] bytes = resource("/validate/nested-instance-copies.wasm");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> ComponentValidator.validate(bytes, Features.all()))
                        .isInstanceOf(ValidationException.class)
                        .hasMessageContaining("is not a valid extern name"));
    }

    /**
     * {@code t0 = tuple<u8, u8>}, {@code t(i) = tuple<t(i-1), t(i-1)>}: {@code levels} * 4 bytes of types that unfold
     * to a tree of 2^levels nodes. A func over the last one is imported and exported again, which checks that its
     * types are named, collects its resources and compares it: each walk must visit shared types once.
     */
    @Test
    void sharedTypesAreWalkedOnce() {
        byte[] component = tupleTower(17);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ComponentValidator.validate(component, Features.all()));
    }

    /** 40 levels unfold to 2^40 nodes, past wasmparser's effective type size: measuring it must not unfold them. */
    @Test
    void exponentialTypesFailTheSizeLimitFast() {
        byte[] component = tupleTower(40);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> ComponentValidator.validate(component, Features.all()))
                        .isInstanceOf(ValidationException.class)
                        .hasMessageContaining("effective type size exceeds the limit"));
    }

    private static byte[] tupleTower(int levels) {
        var types = new ByteArrayOutputStream();
        types.write(levels + 1);
        types.writeBytes(new byte[] {0x6f, 2, 0x7d, 0x7d});
        for (int i = 1; i < levels; i++) {
            types.writeBytes(new byte[] {0x6f, 2, (byte) (i - 1), (byte) (i - 1)});
        }
        types.writeBytes(new byte[] {0x40, 1, 1, 'a', (byte) (levels - 1), 1, 0});
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0});
        section(bytes, 7, types.toByteArray());
        section(bytes, 10, new byte[] {1, 0, 1, 'f', 1, (byte) levels});
        section(bytes, 11, new byte[] {1, 0, 1, 'g', 1, 0, 0});
        return bytes.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] body) {
        out.write(id);
        for (int size = body.length; ; size >>>= 7) { // unsigned LEB128
            if (size < 0x80) {
                out.write(size);
                break;
            }
            out.write(size & 0x7f | 0x80);
        }
        out.writeBytes(body);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ComponentValidatorWorkBoundTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
