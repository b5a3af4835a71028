package dev.jwc.wit.model;

import java.util.Objects;
import java.util.Optional;

/** The feature gate of an item: {@code @since(...)}, {@code @unstable(...)}, or none. */
public sealed interface Stability {

    /** No gate was written. */
    Stability UNKNOWN = Unknown.INSTANCE;

    /** {@code @since(version = since)}, optionally with {@code @deprecated(version = deprecated)}. */
    record Stable(Version since, Optional<Version> deprecated) implements Stability {
        public Stable {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(deprecated, "deprecated");
        }

        public Stable(Version since) {
            this(since, Optional.empty());
        }
    }

    /** {@code @unstable(feature = feature)}, optionally with {@code @deprecated(version = deprecated)}. */
    record Unstable(String feature, Optional<Version> deprecated) implements Stability {
        public Unstable {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(deprecated, "deprecated");
        }

        public Unstable(String feature) {
            this(feature, Optional.empty());
        }
    }

    /** No gate. */
    enum Unknown implements Stability { INSTANCE }

    default boolean isUnknown() {
        return this instanceof Unknown;
    }
}
