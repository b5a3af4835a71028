package dev.jwc.binary.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * A custom section and where it sits: {@code after} is the last non-custom section before it (empty
 * when it precedes all of them), so the writer puts it back in place. The {@code name} section is kept
 * decoded as {@link NameSection}; any other, or a name section that does not decode, stays raw.
 */
public sealed interface CustomSection permits CustomSection.Raw, NameSection {

    String name();

    Optional<SectionId> after();

    record Raw(String name, byte[] data, Optional<SectionId> after) implements CustomSection {
        public Raw {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw other && name.equals(other.name) && after.equals(other.after)
                    && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "CustomSection.Raw[" + name + ", " + data.length + " bytes, after=" + after + "]";
        }
    }
}
