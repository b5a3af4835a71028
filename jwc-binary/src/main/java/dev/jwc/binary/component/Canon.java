package dev.jwc.binary.component;

import java.util.List;
import java.util.Optional;

/**
 * A canonical definition. {@link Lift} defines a component function; every other case defines a core
 * function. Records mirror the {@code canon} productions of Binary.md one to one.
 */
public sealed interface Canon {

    /** The index space this definition extends: core functions, except for {@link Lift}. */
    default Sort sort() {
        return CoreSort.FUNC;
    }

    record Lift(int coreFunc, List<CanonOpt> options, int type) implements Canon {
        public Lift {
            options = List.copyOf(options);
        }

        @Override
        public Sort sort() {
            return ComponentSort.FUNC;
        }
    }

    record Lower(int func, List<CanonOpt> options) implements Canon {
        public Lower {
            options = List.copyOf(options);
        }
    }

    record ResourceNew(int resource) implements Canon {
    }

    record ResourceDrop(int resource) implements Canon {
    }

    record ResourceRep(int resource) implements Canon {
    }

    record BackpressureInc() implements Canon {
    }

    record BackpressureDec() implements Canon {
    }

    record TaskReturn(Optional<ValType> result, List<CanonOpt> options) implements Canon {
        public TaskReturn {
            options = List.copyOf(options);
        }
    }

    record TaskCancel() implements Canon {
    }

    record ContextGet(dev.jwc.binary.core.types.ValType type, int slot) implements Canon {
    }

    record ContextSet(dev.jwc.binary.core.types.ValType type, int slot) implements Canon {
    }

    record SubtaskCancel(boolean async) implements Canon {
    }

    record SubtaskDrop() implements Canon {
    }

    record StreamNew(int type) implements Canon {
    }

    record StreamRead(int type, List<CanonOpt> options) implements Canon {
        public StreamRead {
            options = List.copyOf(options);
        }
    }

    record StreamWrite(int type, List<CanonOpt> options) implements Canon {
        public StreamWrite {
            options = List.copyOf(options);
        }
    }

    record StreamCancelRead(int type, boolean async) implements Canon {
    }

    record StreamCancelWrite(int type, boolean async) implements Canon {
    }

    record StreamDropReadable(int type) implements Canon {
    }

    record StreamDropWritable(int type) implements Canon {
    }

    record FutureNew(int type) implements Canon {
    }

    record FutureRead(int type, List<CanonOpt> options) implements Canon {
        public FutureRead {
            options = List.copyOf(options);
        }
    }

    record FutureWrite(int type, List<CanonOpt> options) implements Canon {
        public FutureWrite {
            options = List.copyOf(options);
        }
    }

    record FutureCancelRead(int type, boolean async) implements Canon {
    }

    record FutureCancelWrite(int type, boolean async) implements Canon {
    }

    record FutureDropReadable(int type) implements Canon {
    }

    record FutureDropWritable(int type) implements Canon {
    }

    record ErrorContextNew(List<CanonOpt> options) implements Canon {
        public ErrorContextNew {
            options = List.copyOf(options);
        }
    }

    record ErrorContextDebugMessage(List<CanonOpt> options) implements Canon {
        public ErrorContextDebugMessage {
            options = List.copyOf(options);
        }
    }

    record ErrorContextDrop() implements Canon {
    }

    record WaitableSetNew() implements Canon {
    }

    record WaitableSetWait(boolean cancellable, int memory) implements Canon {
    }

    record WaitableSetPoll(boolean cancellable, int memory) implements Canon {
    }

    record WaitableSetDrop() implements Canon {
    }

    record WaitableJoin() implements Canon {
    }

    record ThreadIndex() implements Canon {
    }

    record ThreadNewIndirect(int funcType, int table) implements Canon {
    }

    record ThreadResumeLater() implements Canon {
    }

    record ThreadSuspend(boolean cancellable) implements Canon {
    }

    record ThreadYield(boolean cancellable) implements Canon {
    }

    record ThreadSuspendThenResume(boolean cancellable) implements Canon {
    }

    record ThreadYieldThenResume(boolean cancellable) implements Canon {
    }

    record ThreadSuspendThenPromote(boolean cancellable) implements Canon {
    }

    record ThreadYieldThenPromote(boolean cancellable) implements Canon {
    }

    /** 🧵②; encoded without Binary.md's {@code sh?} byte, as wasm-tools does. */
    record ThreadSpawnRef(int funcType) implements Canon {
    }

    /** 🧵②; encoded without Binary.md's {@code sh?} byte, as wasm-tools does. */
    record ThreadSpawnIndirect(int funcType, int table) implements Canon {
    }

    /** 🧵②; encoded without Binary.md's {@code sh?} byte, as wasm-tools does. */
    record ThreadAvailableParallelism() implements Canon {
    }
}
