package dev.jwc.runtime.core;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.Deque;

/**
 * Chicory's interpreter, unchanged except that a failure unwinding through a guest call notes that call's
 * function in {@link GuestBacktraces} (the interpreter drops its own frames as it unwinds), so interpreted
 * modules get guest backtraces too. The non-failing path costs nothing.
 */
final class TracingInterpreter extends InterpreterMachine {
    private final GuestBacktraces backtraces;

    TracingInterpreter(Instance instance, GuestBacktraces backtraces) {
        super(instance);
        this.backtraces = backtraces;
    }

    @Override
    protected long[] call(MStack stack, Instance instance, Deque<StackFrame> callStack, int funcId, long[] args,
                          FunctionType callType, boolean popResults) throws ChicoryException {
        try {
            return super.call(stack, instance, callStack, funcId, args, callType, popResults);
        } catch (ChicoryException e) {
            backtraces.unwound(e, instance.module(), funcId);
            throw e;
        }
    }
}
