package dev.jwc.binary.core.validate;

import dev.jwc.binary.ValidationException;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operand and control stacks of the spec's validation algorithm, with the initialization state of
 * the locals. {@code null} on the operand stack stands for the unknown (bottom) type of unreachable
 * code. Errors carry the offset of the instruction being validated.
 */
final class OperandStack {

    enum FrameKind { FUNCTION, BLOCK, LOOP, IF, ELSE, TRY, CATCH, CATCH_ALL, TRY_TABLE }

    /** A control frame: the block's kind and types, the operand height at entry, reachability. */
    static final class Frame {
        final FrameKind kind;
        final List<ValType> params;
        final List<ValType> results;
        final int height;
        final int initHeight;
        boolean unreachable;

        Frame(FrameKind kind, List<ValType> params, List<ValType> results, int height, int initHeight) {
            this.kind = kind;
            this.params = params;
            this.results = results;
            this.height = height;
            this.initHeight = initHeight;
        }

        /** The types a branch to this frame carries: a loop's parameters, otherwise its results. */
        List<ValType> labelTypes() {
            return kind == FrameKind.LOOP ? params : results;
        }
    }

    private final TypeContext types;
    private final ValType[] locals;
    private final boolean[] initialized;
    private int[] initLog = new int[8];
    private int initLogSize;
    private final ArrayList<ValType> operands = new ArrayList<>();
    private final ArrayList<Frame> frames = new ArrayList<>();
    private long offset;

    /** A stack for code with the given locals, of which {@code initialized} say which are set. */
    OperandStack(TypeContext types, ValType[] locals, boolean[] initialized) {
        this.types = types;
        this.locals = locals;
        this.initialized = initialized;
    }

    /** Sets the offset that errors report: the instruction being validated. */
    void at(long offset) {
        this.offset = offset;
    }

    long offset() {
        return offset;
    }

    ValidationException error(String message) {
        return new ValidationException(message, offset);
    }

    // ---- operands ----

    void push(ValType type) {
        operands.add(type);
    }

    void pushAll(List<ValType> types) {
        operands.addAll(types);
    }

    /** Pops any operand; {@code null} when unknown (unreachable code). */
    ValType pop() {
        Frame frame = top();
        if (operands.size() == frame.height) {
            if (frame.unreachable) {
                return null;
            }
            throw error("type mismatch: expected a type but nothing on stack");
        }
        return operands.remove(operands.size() - 1);
    }

    /** Pops an operand that must be a subtype of {@code expected}; returns its (known) type. */
    ValType pop(ValType expected) {
        Frame frame = top();
        if (operands.size() == frame.height) {
            if (frame.unreachable) {
                return expected;
            }
            throw error("type mismatch: expected " + text(expected) + " but nothing on stack");
        }
        ValType actual = operands.remove(operands.size() - 1);
        if (!types.isSubtype(actual, expected)) {
            throw error("type mismatch: expected " + text(expected) + ", found " + text(actual));
        }
        return actual == null ? expected : actual;
    }

    void popAll(List<ValType> expected) {
        for (int i = expected.size() - 1; i >= 0; i--) {
            pop(expected.get(i));
        }
    }

    /** Pops a reference; {@code null} when unknown (unreachable code). */
    RefType popRef() {
        ValType t = pop();
        if (t == null || t instanceof RefType) {
            return (RefType) t;
        }
        throw error("type mismatch: expected a reference type, found " + text(t));
    }


    static String text(ValType type) {
        return type == null ? "bot" : type.text();
    }

    /** Marks the rest of the current block unreachable, dropping its operands. */
    void unreachable() {
        Frame frame = top();
        while (operands.size() > frame.height) {
            operands.remove(operands.size() - 1);
        }
        frame.unreachable = true;
    }

    // ---- control frames ----

    int depth() {
        return frames.size();
    }

    Frame top() {
        return frames.get(frames.size() - 1);
    }

    /** Enters a block: pushes its frame and then its parameters. */
    void pushFrame(FrameKind kind, List<ValType> params, List<ValType> results) {
        enterFrame(kind, params, results);
        pushAll(params);
    }

    /** Pushes a frame without its parameters (a legacy {@code catch} starts with the tag's values). */
    void enterFrame(FrameKind kind, List<ValType> params, List<ValType> results) {
        frames.add(new Frame(kind, params, results, operands.size(), initLogSize));
    }

    /** Leaves the current block: its results must be exactly what remains of its operands. */
    Frame popFrame() {
        Frame frame = top();
        popAll(frame.results);
        if (operands.size() != frame.height) {
            throw error("type mismatch: values remaining on stack at end of block");
        }
        frames.remove(frames.size() - 1);
        while (initLogSize > frame.initHeight) {
            initialized[initLog[--initLogSize]] = false;
        }
        return frame;
    }

    /** The frame a branch of relative {@code depth} targets. */
    Frame label(int depth) {
        if (Integer.compareUnsigned(depth, frames.size()) >= 0) {
            throw error("unknown label: branch depth too large");
        }
        return frames.get(frames.size() - 1 - depth);
    }

    // ---- locals ----

    ValType local(int index) {
        if (Integer.compareUnsigned(index, locals.length) >= 0) {
            throw error("unknown local " + Integer.toUnsignedString(index) + ": local index out of bounds");
        }
        return locals[index];
    }

    boolean isInitialized(int index) {
        return initialized[index];
    }

    /** Records that a local is set; the mark is undone when the enclosing block ends. */
    void markInitialized(int index) {
        if (!initialized[index]) {
            initialized[index] = true;
            if (initLogSize == initLog.length) {
                initLog = Arrays.copyOf(initLog, initLogSize * 2);
            }
            initLog[initLogSize++] = index;
        }
    }
}
