package dev.jwc.binary.component;

import dev.jwc.binary.io.ByteWriter;
import java.util.List;

/** Encodes canonical definitions; the inverse of {@link CanonReader}. */
final class CanonWriter {
    private CanonWriter() {
    }

    static void canon(ByteWriter w, Canon canon) {
        switch (canon) {
            case Canon.Lift l -> {
                w.u8(0x00).u8(0x00).u32(l.coreFunc());
                options(w, l.options());
                w.u32(l.type());
            }
            case Canon.Lower l -> options(w.u8(0x01).u8(0x00).u32(l.func()), l.options());
            case Canon.ResourceNew c -> w.u8(0x02).u32(c.resource());
            case Canon.ResourceDrop c -> w.u8(0x03).u32(c.resource());
            case Canon.ResourceRep c -> w.u8(0x04).u32(c.resource());
            case Canon.TaskCancel c -> w.u8(0x05);
            case Canon.SubtaskCancel c -> bool(w.u8(0x06), c.async());
            case Canon.TaskReturn c -> {
                TypeWriter.resultList(w.u8(0x09), c.result());
                options(w, c.options());
            }
            case Canon.ContextGet c -> {
                CoreTypeWriter.valType(w.u8(0x0a), c.type());
                w.u32(c.slot());
            }
            case Canon.ContextSet c -> {
                CoreTypeWriter.valType(w.u8(0x0b), c.type());
                w.u32(c.slot());
            }
            case Canon.ThreadYield c -> bool(w.u8(0x0c), c.cancellable());
            case Canon.SubtaskDrop c -> w.u8(0x0d);
            case Canon.StreamNew c -> w.u8(0x0e).u32(c.type());
            case Canon.StreamRead c -> options(w.u8(0x0f).u32(c.type()), c.options());
            case Canon.StreamWrite c -> options(w.u8(0x10).u32(c.type()), c.options());
            case Canon.StreamCancelRead c -> bool(w.u8(0x11).u32(c.type()), c.async());
            case Canon.StreamCancelWrite c -> bool(w.u8(0x12).u32(c.type()), c.async());
            case Canon.StreamDropReadable c -> w.u8(0x13).u32(c.type());
            case Canon.StreamDropWritable c -> w.u8(0x14).u32(c.type());
            case Canon.FutureNew c -> w.u8(0x15).u32(c.type());
            case Canon.FutureRead c -> options(w.u8(0x16).u32(c.type()), c.options());
            case Canon.FutureWrite c -> options(w.u8(0x17).u32(c.type()), c.options());
            case Canon.FutureCancelRead c -> bool(w.u8(0x18).u32(c.type()), c.async());
            case Canon.FutureCancelWrite c -> bool(w.u8(0x19).u32(c.type()), c.async());
            case Canon.FutureDropReadable c -> w.u8(0x1a).u32(c.type());
            case Canon.FutureDropWritable c -> w.u8(0x1b).u32(c.type());
            case Canon.ErrorContextNew c -> options(w.u8(0x1c), c.options());
            case Canon.ErrorContextDebugMessage c -> options(w.u8(0x1d), c.options());
            case Canon.ErrorContextDrop c -> w.u8(0x1e);
            case Canon.WaitableSetNew c -> w.u8(0x1f);
            case Canon.WaitableSetWait c -> bool(w.u8(0x20), c.cancellable()).u32(c.memory());
            case Canon.WaitableSetPoll c -> bool(w.u8(0x21), c.cancellable()).u32(c.memory());
            case Canon.WaitableSetDrop c -> w.u8(0x22);
            case Canon.WaitableJoin c -> w.u8(0x23);
            case Canon.BackpressureInc c -> w.u8(0x24);
            case Canon.BackpressureDec c -> w.u8(0x25);
            case Canon.ThreadIndex c -> w.u8(0x26);
            case Canon.ThreadNewIndirect c -> w.u8(0x27).u32(c.funcType()).u32(c.table());
            case Canon.ThreadResumeLater c -> w.u8(0x28);
            case Canon.ThreadSuspend c -> bool(w.u8(0x29), c.cancellable());
            case Canon.ThreadSuspendThenResume c -> bool(w.u8(0x2a), c.cancellable());
            case Canon.ThreadYieldThenResume c -> bool(w.u8(0x2b), c.cancellable());
            case Canon.ThreadSuspendThenPromote c -> bool(w.u8(0x2c), c.cancellable());
            case Canon.ThreadYieldThenPromote c -> bool(w.u8(0x2d), c.cancellable());
            case Canon.ThreadSpawnRef c -> w.u8(0x40).u32(c.funcType());
            case Canon.ThreadSpawnIndirect c -> w.u8(0x41).u32(c.funcType()).u32(c.table());
            case Canon.ThreadAvailableParallelism c -> w.u8(0x42);
        }
    }

    private static ByteWriter bool(ByteWriter w, boolean value) {
        return w.u8(value ? 0x01 : 0x00);
    }

    private static void options(ByteWriter w, List<CanonOpt> options) {
        w.u32(options.size());
        for (CanonOpt option : options) {
            switch (option) {
                case CanonOpt.StringEncoding e -> w.u8(switch (e) {
                    case UTF8 -> 0x00;
                    case UTF16 -> 0x01;
                    case LATIN1_UTF16 -> 0x02;
                });
                case CanonOpt.Memory m -> w.u8(0x03).u32(m.memory());
                case CanonOpt.Realloc r -> w.u8(0x04).u32(r.func());
                case CanonOpt.PostReturn p -> w.u8(0x05).u32(p.func());
                case CanonOpt.Async a -> w.u8(0x06);
                case CanonOpt.Callback c -> w.u8(0x07).u32(c.func());
                case CanonOpt.CoreType t -> w.u8(0x08).u32(t.type());
                case CanonOpt.Gc g -> w.u8(0x09);
            }
        }
    }
}
