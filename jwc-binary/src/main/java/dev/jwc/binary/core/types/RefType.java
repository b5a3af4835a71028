package dev.jwc.binary.core.types;

/** A reference type {@code (ref null? heaptype)}. */
public record RefType(boolean nullable, HeapType heap) implements ValType {
    public static final RefType FUNCREF = new RefType(true, HeapType.of(AbstractHeapKind.FUNC));
    public static final RefType EXTERNREF = new RefType(true, HeapType.of(AbstractHeapKind.EXTERN));
    public static final RefType EXNREF = new RefType(true, HeapType.of(AbstractHeapKind.EXN));

    public static RefType nullable(AbstractHeapKind kind) {
        return new RefType(true, HeapType.of(kind));
    }

    public static RefType nonNull(HeapType heap) {
        return new RefType(false, heap);
    }

    public RefType asNullable(boolean nullable) {
        return nullable == this.nullable ? this : new RefType(nullable, heap);
    }

    @Override
    public String text() {
        if (nullable && heap instanceof HeapType.Abstract a && !a.shared()) {
            return a.kind().text() + "ref";
        }
        return "(ref " + (nullable ? "null " : "") + heap.text() + ")";
    }
}
