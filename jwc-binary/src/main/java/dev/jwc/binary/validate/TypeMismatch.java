package dev.jwc.binary.validate;

/** Why one type is not a subtype of another; contexts are prepended as the check unwinds. */
final class TypeMismatch extends Exception {
    TypeMismatch(String message) {
        super(message, null, false, false);
    }

    TypeMismatch within(String context) {
        return new TypeMismatch(context + ": " + getMessage());
    }
}
