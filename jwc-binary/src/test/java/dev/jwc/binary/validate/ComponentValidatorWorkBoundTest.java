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

/**
 * Inputs whose types unfold to exponentially large trees, or nest deeply, must fail fast with a typed error: never
 * hang, never overflow the stack.
 */
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

    /**
     * {@code t0 = option<u8>}, {@code t(i) = option<t(i-1)>} for 10,000 levels, imported and exported in a func:
     * the recursive walks over types must never meet such depth, so validation rejects it with a typed error.
     */
    @Test
    void deeplyNestedValueTypesFailTyped() {
        int levels = 10_000;
        var types = new ByteArrayOutputStream();
        unsigned(types, levels + 1);
        types.writeBytes(new byte[] {0x6b, 0x7d});
        for (int i = 1; i < levels; i++) {
            types.write(0x6b);
            signed(types, i - 1);
        }
        types.writeBytes(new byte[] {0x40, 1, 1, 'a'});
        signed(types, levels - 1);
        types.writeBytes(new byte[] {1, 0});
        var imports = new ByteArrayOutputStream();
        imports.writeBytes(new byte[] {1, 0, 1, 'f', 1});
        unsigned(imports, levels);
        byte[] component = component(section(7, types.toByteArray()), section(10, imports.toByteArray()),
                section(11, new byte[] {1, 0, 1, 'g', 1, 0, 0}));
        assertThatThrownBy(() -> ComponentValidator.validate(component, Features.all()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("type nesting is too deep");
    }

    /** Instances of instances of instances..., 10,000 bags deep and exported: as deep, as typed an error. */
    @Test
    void deeplyNestedInstancesFailTyped() {
        int levels = 10_000;
        var instances = new ByteArrayOutputStream();
        unsigned(instances, levels);
        instances.writeBytes(new byte[] {1, 0});
        for (int i = 1; i < levels; i++) {
            instances.writeBytes(new byte[] {1, 1, 0, 1, 'x', 5});
            unsigned(instances, i - 1);
        }
        var exports = new ByteArrayOutputStream();
        exports.writeBytes(new byte[] {1, 0, 1, 'g', 5});
        unsigned(exports, levels - 1);
        exports.write(0);
        byte[] component = component(section(5, instances.toByteArray()), section(11, exports.toByteArray()));
        assertThatThrownBy(() -> ComponentValidator.validate(component, Features.all()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("type nesting is too deep");
    }

    private static byte[] component(byte[]... sections) {
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0});
        for (byte[] s : sections) {
            bytes.writeBytes(s);
        }
        return bytes.toByteArray();
    }

    private static byte[] section(int id, byte[] body) {
        var out = new ByteArrayOutputStream();
        section(out, id, body);
        return out.toByteArray();
    }

    /** Unsigned LEB128. */
    private static void unsigned(ByteArrayOutputStream out, long value) {
        for (long v = value; ; v >>>= 7) {
            if (v < 0x80) {
                out.write((int) v);
                return;
            }
            out.write((int) (v & 0x7f | 0x80));
        }
    }

    /** Signed LEB128, as a value type's type index is an s33. */
    private static void signed(ByteArrayOutputStream out, long value) {
        for (long v = value; ; v >>= 7) {
            int b = (int) (v & 0x7f);
            boolean done = v >> 7 == 0 && (b & 0x40) == 0 || v >> 7 == -1 && (b & 0x40) != 0;
            out.write(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
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
        unsigned(out, body.length);
        out.writeBytes(body);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ComponentValidatorWorkBoundTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
