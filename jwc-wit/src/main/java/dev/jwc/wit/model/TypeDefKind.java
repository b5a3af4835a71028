package dev.jwc.wit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TypeDef} defines. The nested names follow WIT (and wit-parser's {@code TypeDefKind}); note that
 * {@code TypeDefKind.List}, {@code Map}, {@code Record} and {@code Enum} shadow the JDK names inside this file,
 * which therefore spells {@code java.util.List} in full.
 */
public sealed interface TypeDefKind {

    /** {@code record { fields }}. */
    record Record(java.util.List<Field> fields) implements TypeDefKind {
        public Record {
            fields = java.util.List.copyOf(fields);
        }
    }

    /** {@code resource}: its methods are functions of the owning interface or world. */
    record Resource() implements TypeDefKind {}

    /** {@code own<resource>}, the type of a resource name used as a value. */
    record Own(TypeId resource) implements TypeDefKind {
        public Own {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** {@code borrow<resource>}. */
    record Borrow(TypeId resource) implements TypeDefKind {
        public Borrow {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** {@code flags { names }}. */
    record Flags(java.util.List<Flag> flags) implements TypeDefKind {
        public Flags {
            flags = java.util.List.copyOf(flags);
        }
    }

    /** {@code tuple<types>}. */
    record Tuple(java.util.List<Type> types) implements TypeDefKind {
        public Tuple {
            types = java.util.List.copyOf(types);
        }
    }

    /** {@code variant { cases }}. */
    record Variant(java.util.List<Case> cases) implements TypeDefKind {
        public Variant {
            cases = java.util.List.copyOf(cases);
        }
    }

    /** {@code enum { cases }}. */
    record Enum(java.util.List<EnumCase> cases) implements TypeDefKind {
        public Enum {
            cases = java.util.List.copyOf(cases);
        }
    }

    /** {@code option<type>}. */
    record Option(Type type) implements TypeDefKind {
        public Option {
            Objects.requireNonNull(type, "type");
        }
    }

    /** {@code result<ok, err>}, {@code result<_, err>}, {@code result<ok>} or {@code result}. */
    record Result(Optional<Type> ok, Optional<Type> err) implements TypeDefKind {
        public Result {
            Objects.requireNonNull(ok, "ok");
            Objects.requireNonNull(err, "err");
        }
    }

    /** {@code list<element>}. */
    record List(Type element) implements TypeDefKind {
        public List {
            Objects.requireNonNull(element, "element");
        }
    }

    /** {@code list<element, size>}. */
    record FixedSizeList(Type element, long size) implements TypeDefKind {
        public FixedSizeList {
            Objects.requireNonNull(element, "element");
            if (size < 0) {
                throw new IllegalArgumentException("negative list size: " + size);
            }
        }
    }

    /** {@code map<key, value>}. */
    record Map(Type key, Type value) implements TypeDefKind {
        public Map {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code future<payload>} or a bare {@code future}. */
    record Future(Optional<Type> payload) implements TypeDefKind {
        public Future {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** {@code stream<element>} or a bare {@code stream}. */
    record Stream(Optional<Type> element) implements TypeDefKind {
        public Stream {
            Objects.requireNonNull(element, "element");
        }
    }

    /** {@code type name = target}: another name for a type. */
    record Alias(Type target) implements TypeDefKind {
        public Alias {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A type imported from a foreign interface whose structure is not known yet; only seen while resolving,
     * never in a finished {@link Resolve}.
     */
    record Unknown() implements TypeDefKind {}

    /** A record field. */
    record Field(String name, Type type, Docs docs) implements Member {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(docs, "docs");
        }
    }

    /** A flag of {@link Flags}. */
    record Flag(String name, Docs docs) implements Member {
        public Flag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(docs, "docs");
        }
    }

    /** A variant case, with an optional payload type. */
    record Case(String name, Optional<Type> type, Docs docs) implements Member {
        public Case {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(docs, "docs");
        }
    }

    /** An enum case. */
    record EnumCase(String name, Docs docs) implements Member {
        public EnumCase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(docs, "docs");
        }
    }

    /** The named, documented members of records, flags, variants and enums. */
    sealed interface Member permits Field, Flag, Case, EnumCase {
        String name();

        Docs docs();
    }
}
