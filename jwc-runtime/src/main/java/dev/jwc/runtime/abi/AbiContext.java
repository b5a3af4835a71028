package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import dev.jwc.runtime.core.CoreMemory;

/**
 * The Canonical ABI's {@code LiftLowerContext}: options, the component instance whose memory and
 * handle table are used, the call's borrow scope and the string hints shared by both sides of a call.
 * {@code host} tells whether the other side of the call is the host: Wasmtime words bounds traps
 * differently in its host-side lifting than in component-to-component adapters, and the spec tests
 * check both wordings.
 */
public record AbiContext(CanonOptions opts, InstanceState inst, CallScope scope, StringHints hints, boolean host) {

    CoreMemory memory() {
        return opts.memory().orElseThrow(() -> new Trap("canonical option `memory` is required"));
    }

    long memoryLength() {
        return memory().byteLength();
    }

    int allocate(int alignment, long byteLength) {
        return reallocate(0, 0, alignment, byteLength);
    }

    /** The trap message for a string or list range outside memory. */
    String outOfBounds(String what) {
        return host ? what + " pointer/length out of bounds of memory" : what + " content out-of-bounds";
    }

    /**
     * Calls the guest's realloc with may_leave cleared, as {@code LiftLowerContext.reallocate}; callers
     * check the result's alignment and range, host calls already here with Wasmtime's wording.
     */
    int reallocate(int old, long oldLength, int alignment, long newLength) {
        var realloc = opts.realloc().orElseThrow(() -> new Trap("canonical option `realloc` is required"));
        inst.mayLeave = false;
        long[] result;
        try {
            result = realloc.call(old, (int) oldLength, alignment, (int) newLength);
        } finally {
            inst.mayLeave = true;
        }
        int ptr = (int) result[0];
        if (host) {
            Trap.trapIf(Integer.toUnsignedLong(ptr) % alignment != 0, "realloc return: result not aligned");
            Trap.trapIf(Integer.toUnsignedLong(ptr) + newLength > memoryLength(), "realloc return: beyond end of memory");
        }
        return ptr;
    }
}
