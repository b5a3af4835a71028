package dev.jwc.binary.component;

import static dev.jwc.binary.component.Decode.bool;
import static dev.jwc.binary.component.Decode.invalid;
import static dev.jwc.binary.component.Decode.vec;

import dev.jwc.binary.io.ByteReader;
import java.util.List;

/** Decodes canonical definitions and their options. */
final class CanonReader {
    private CanonReader() {
    }

    static Canon canon(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> {
                funcSort(r, "canonical function lift");
                yield new Canon.Lift(r.u32(), options(r), r.u32());
            }
            case 0x01 -> {
                funcSort(r, "canonical function lower");
                yield new Canon.Lower(r.u32(), options(r));
            }
            case 0x02 -> new Canon.ResourceNew(r.u32());
            case 0x03 -> new Canon.ResourceDrop(r.u32());
            case 0x04 -> new Canon.ResourceRep(r.u32());
            case 0x05 -> new Canon.TaskCancel();
            case 0x06 -> new Canon.SubtaskCancel(bool(r));
            case 0x09 -> new Canon.TaskReturn(TypeReader.resultList(r), options(r));
            case 0x0a -> new Canon.ContextGet(CoreTypeReader.valType(r), r.u32());
            case 0x0b -> new Canon.ContextSet(CoreTypeReader.valType(r), r.u32());
            case 0x0c -> new Canon.ThreadYield(bool(r));
            case 0x0d -> new Canon.SubtaskDrop();
            case 0x0e -> new Canon.StreamNew(r.u32());
            case 0x0f -> new Canon.StreamRead(r.u32(), options(r));
            case 0x10 -> new Canon.StreamWrite(r.u32(), options(r));
            case 0x11 -> new Canon.StreamCancelRead(r.u32(), bool(r));
            case 0x12 -> new Canon.StreamCancelWrite(r.u32(), bool(r));
            case 0x13 -> new Canon.StreamDropReadable(r.u32());
            case 0x14 -> new Canon.StreamDropWritable(r.u32());
            case 0x15 -> new Canon.FutureNew(r.u32());
            case 0x16 -> new Canon.FutureRead(r.u32(), options(r));
            case 0x17 -> new Canon.FutureWrite(r.u32(), options(r));
            case 0x18 -> new Canon.FutureCancelRead(r.u32(), bool(r));
            case 0x19 -> new Canon.FutureCancelWrite(r.u32(), bool(r));
            case 0x1a -> new Canon.FutureDropReadable(r.u32());
            case 0x1b -> new Canon.FutureDropWritable(r.u32());
            case 0x1c -> new Canon.ErrorContextNew(options(r));
            case 0x1d -> new Canon.ErrorContextDebugMessage(options(r));
            case 0x1e -> new Canon.ErrorContextDrop();
            case 0x1f -> new Canon.WaitableSetNew();
            case 0x20 -> new Canon.WaitableSetWait(bool(r), r.u32());
            case 0x21 -> new Canon.WaitableSetPoll(bool(r), r.u32());
            case 0x22 -> new Canon.WaitableSetDrop();
            case 0x23 -> new Canon.WaitableJoin();
            case 0x24 -> new Canon.BackpressureInc();
            case 0x25 -> new Canon.BackpressureDec();
            case 0x26 -> new Canon.ThreadIndex();
            case 0x27 -> new Canon.ThreadNewIndirect(r.u32(), r.u32());
            case 0x28 -> new Canon.ThreadResumeLater();
            case 0x29 -> new Canon.ThreadSuspend(bool(r));
            case 0x2a -> new Canon.ThreadSuspendThenResume(bool(r));
            case 0x2b -> new Canon.ThreadYieldThenResume(bool(r));
            case 0x2c -> new Canon.ThreadSuspendThenPromote(bool(r));
            case 0x2d -> new Canon.ThreadYieldThenPromote(bool(r));
            case 0x40 -> new Canon.ThreadSpawnRef(r.u32());
            case 0x41 -> new Canon.ThreadSpawnIndirect(r.u32(), r.u32());
            case 0x42 -> new Canon.ThreadAvailableParallelism();
            default -> throw invalid(r, at, b, "canonical function");
        };
    }

    /** The {@code 0x00} func sort byte of lift and lower. */
    private static void funcSort(ByteReader r, String what) {
        long at = r.offset();
        int b = r.u8();
        if (b != 0x00) {
            throw invalid(r, at, b, what);
        }
    }

    private static List<CanonOpt> options(ByteReader r) {
        return vec(r, CanonReader::option);
    }

    private static CanonOpt option(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> CanonOpt.StringEncoding.UTF8;
            case 0x01 -> CanonOpt.StringEncoding.UTF16;
            case 0x02 -> CanonOpt.StringEncoding.LATIN1_UTF16;
            case 0x03 -> new CanonOpt.Memory(r.u32());
            case 0x04 -> new CanonOpt.Realloc(r.u32());
            case 0x05 -> new CanonOpt.PostReturn(r.u32());
            case 0x06 -> new CanonOpt.Async();
            case 0x07 -> new CanonOpt.Callback(r.u32());
            case 0x08 -> new CanonOpt.CoreType(r.u32());
            case 0x09 -> new CanonOpt.Gc();
            default -> throw invalid(r, at, b, "canonical option");
        };
    }
}
