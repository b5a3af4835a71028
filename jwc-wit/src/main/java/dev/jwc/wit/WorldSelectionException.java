package dev.jwc.wit;

/** No world, or more than one, answers a world selection (see {@link WorldSelection}). */
public final class WorldSelectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorldSelectionException(String message) {
        super(message);
    }
}
