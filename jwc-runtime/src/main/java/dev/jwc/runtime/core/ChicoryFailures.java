package dev.jwc.runtime.core;

import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.UnlinkableException;
import dev.jwc.runtime.Trap;
import java.util.List;

/** Maps Chicory's failures, whose exception types vary by cause, onto {@link Trap} and link errors. */
final class ChicoryFailures {
    private ChicoryFailures() {
    }

    static RuntimeException toTrapOrLink(ChicoryException e, List<String> guestBacktrace) {
        if (e instanceof UnlinkableException) {
            return new CoreLinkException(e.getMessage(), e);
        }
        if (e instanceof UninstantiableException) {
            return new Trap(e.getMessage(), e, guestBacktrace);
        }
        return toTrap(e, guestBacktrace);
    }

    static Trap toTrap(ChicoryException e, List<String> guestBacktrace) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Trap(message, e, guestBacktrace);
    }

    /** A wasm exception that no core frame caught; it cannot unwind into host code. */
    static Trap uncaught(WasmException e) {
        return new Trap("uncaught wasm exception", e);
    }

    static Trap exhausted(StackOverflowError e, List<String> guestBacktrace) {
        return new Trap("call stack exhausted", e, guestBacktrace);
    }
}
