package dev.jwc.types;

/**
 * A resource handle as host code sees it inside {@link Val.Own} and {@link Val.Borrow}. The runtime
 * implements it; values built by hand refer to handles the runtime handed out earlier.
 */
public interface ResourceHandle {

    /** The type of the resource this handle refers to. */
    ResourceType type();
}
