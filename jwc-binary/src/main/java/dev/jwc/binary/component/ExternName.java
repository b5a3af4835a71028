package dev.jwc.binary.component;

import java.util.List;

/**
 * An import or export name ({@code nameattributes}) with its attributes. {@link Form} records which of the
 * redundant prefixes was used so that writing reproduces the input bytes.
 */
public record ExternName(String name, Form form, List<Attribute> attributes) {
    public ExternName {
        attributes = List.copyOf(attributes);
        if (form != Form.WITH_ATTRIBUTES && !attributes.isEmpty()) {
            throw new IllegalArgumentException("attributes need the WITH_ATTRIBUTES form");
        }
    }

    /** A name with the canonical plain prefix {@code 0x00} and no attributes. */
    public static ExternName of(String name) {
        return new ExternName(name, Form.PLAIN, List.of());
    }

    /** The prefix byte of {@code nameattributes}. */
    public enum Form {
        PLAIN(0x00),
        /** Historically the interface-name prefix; now means the same as {@link #PLAIN}. */
        PLAIN_LEGACY(0x01),
        WITH_ATTRIBUTES(0x02);

        private final int code;

        Form(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** A name attribute (🏷️/🔗). */
    public sealed interface Attribute {
        /** {@code (implements "interfacename")}. */
        record Implements(String interfaceName) implements Attribute {
        }

        /** {@code (versionsuffix "suffix")}. */
        record VersionSuffix(String suffix) implements Attribute {
        }

        /** {@code (external-id "id")}. */
        record ExternalId(String id) implements Attribute {
        }
    }
}
