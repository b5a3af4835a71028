package dev.jwc.wave;

/** A range of the source text, {@code start} inclusive and {@code end} exclusive, in Java {@code char} indices. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
