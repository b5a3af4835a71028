package dev.jwc.binary.core.types;

/** A heap type: abstract ({@code func}, {@code any}, ...; possibly {@code shared}) or a type index. */
public sealed interface HeapType permits HeapType.Abstract, HeapType.Concrete {

    String text();

    /** An abstract heap type; {@code shared} comes from the shared-everything-threads proposal. */
    record Abstract(AbstractHeapKind kind, boolean shared) implements HeapType {
        @Override
        public String text() {
            return shared ? "(shared " + kind.text() + ")" : kind.text();
        }
    }

    /** A defined type, by its index in the module's type index space. */
    record Concrete(int typeIndex) implements HeapType {
        @Override
        public String text() {
            return Integer.toUnsignedString(typeIndex);
        }
    }

    static HeapType of(AbstractHeapKind kind) {
        return new Abstract(kind, false);
    }

    static HeapType index(int typeIndex) {
        return new Concrete(typeIndex);
    }
}
