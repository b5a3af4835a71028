package dev.jwc.runtime.core;

import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.UnlinkableException;
import dev.jwc.runtime.Trap;

/** Maps Chicory's failures, whose exception types vary by cause, onto {@link Trap} and link errors. */
final class ChicoryFailures {
    private ChicoryFailures() {
    }

    static RuntimeException toTrapOrLink(ChicoryException e) {
        if (e instanceof UnlinkableException) {
            return new CoreLinkException(e.getMessage(), e);
        }
        if (e instanceof UninstantiableException) {
            return new Trap(e.getMessage(), e);
        }
        return toTrap(e);
    }

    static Trap toTrap(ChicoryException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Trap(message, e);
    }

    /** A wasm exception that no core frame caught; it cannot unwind into host code. */
    static Trap uncaught(WasmException e) {
        return new Trap("uncaught wasm exception", e);
    }

    static Trap exhausted(StackOverflowError e) {
        return new Trap("call stack exhausted", e);
    }
}
