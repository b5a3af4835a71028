package dev.jwc.text.print;

import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.CanonOpt;
import java.util.List;

/** Canonical definitions: {@code canon lift} defines a component function, every other one a core function. */
final class CanonPrinter {
    private final ComponentPrinter printer;
    private final Out out;

    CanonPrinter(ComponentPrinter printer) {
        this.printer = printer;
        this.out = printer.out;
    }

    void canon(Canon canon) {
        Scope s = printer.scope();
        if (canon instanceof Canon.Lift lift) {
            out.open("func ");
            s.funcNames.def(out, s.funcs);
            out.space();
            printer.typeUse(lift.type());
            out.space().open("canon lift ").open("core func ");
            s.core.funcNames.ref(out, lift.coreFunc());
            out.close();
            options(lift.options());
            out.close().close();
            s.funcs++;
            return;
        }
        out.open("core func ");
        s.core.funcNames.def(out, s.core.funcs);
        out.space().open("canon ");
        builtin(canon, s);
        out.close().close();
        s.core.funcs++;
    }

    private void builtin(Canon canon, Scope s) {
        switch (canon) {
            case Canon.Lift l -> throw new IllegalStateException("canon lift defines a component function");
            case Canon.Lower l -> {
                out.text("lower ").open("func ");
                s.funcNames.ref(out, l.func());
                out.close();
                options(l.options());
            }
            case Canon.ResourceNew r -> typed("resource.new", r.resource());
            case Canon.ResourceDrop r -> typed("resource.drop", r.resource());
            case Canon.ResourceRep r -> typed("resource.rep", r.resource());
            case Canon.BackpressureInc b -> out.text("backpressure.inc");
            case Canon.BackpressureDec b -> out.text("backpressure.dec");
            case Canon.TaskReturn t -> {
                out.text("task.return");
                t.result().ifPresent(r -> {
                    out.space().open("result ");
                    printer.valType(r);
                    out.close();
                });
                options(t.options());
            }
            case Canon.TaskCancel t -> out.text("task.cancel");
            case Canon.ContextGet c -> out.text("context.get " + c.type().text() + " " + Integer.toUnsignedString(c.slot()));
            case Canon.ContextSet c -> out.text("context.set " + c.type().text() + " " + Integer.toUnsignedString(c.slot()));
            case Canon.SubtaskCancel c -> out.text("subtask.cancel" + (c.async() ? " async" : ""));
            case Canon.SubtaskDrop d -> out.text("subtask.drop");
            case Canon.StreamNew n -> typed("stream.new", n.type());
            case Canon.StreamRead r -> typedWithOptions("stream.read", r.type(), r.options());
            case Canon.StreamWrite w -> typedWithOptions("stream.write", w.type(), w.options());
            case Canon.StreamCancelRead c -> typedAsync("stream.cancel-read", c.type(), c.async());
            case Canon.StreamCancelWrite c -> typedAsync("stream.cancel-write", c.type(), c.async());
            case Canon.StreamDropReadable d -> typed("stream.drop-readable", d.type());
            case Canon.StreamDropWritable d -> typed("stream.drop-writable", d.type());
            case Canon.FutureNew n -> typed("future.new", n.type());
            case Canon.FutureRead r -> typedWithOptions("future.read", r.type(), r.options());
            case Canon.FutureWrite w -> typedWithOptions("future.write", w.type(), w.options());
            case Canon.FutureCancelRead c -> typedAsync("future.cancel-read", c.type(), c.async());
            case Canon.FutureCancelWrite c -> typedAsync("future.cancel-write", c.type(), c.async());
            case Canon.FutureDropReadable d -> typed("future.drop-readable", d.type());
            case Canon.FutureDropWritable d -> typed("future.drop-writable", d.type());
            case Canon.ErrorContextNew e -> {
                out.text("error-context.new");
                options(e.options());
            }
            case Canon.ErrorContextDebugMessage e -> {
                out.text("error-context.debug-message");
                options(e.options());
            }
            case Canon.ErrorContextDrop e -> out.text("error-context.drop");
            case Canon.WaitableSetNew w -> out.text("waitable-set.new");
            case Canon.WaitableSetWait w -> waitable("waitable-set.wait", w.cancellable(), w.memory(), s);
            case Canon.WaitableSetPoll w -> waitable("waitable-set.poll", w.cancellable(), w.memory(), s);
            case Canon.WaitableSetDrop w -> out.text("waitable-set.drop");
            case Canon.WaitableJoin w -> out.text("waitable.join");
            case Canon.ThreadIndex t -> out.text("thread.index");
            case Canon.ThreadNewIndirect t -> {
                out.text("thread.new-indirect ");
                s.core.typeNames.ref(out, t.funcType());
                out.space();
                s.core.tableNames.ref(out, t.table());
            }
            case Canon.ThreadResumeLater t -> out.text("thread.resume-later");
            case Canon.ThreadSuspend t -> cancellable("thread.suspend", t.cancellable());
            case Canon.ThreadYield t -> cancellable("thread.yield", t.cancellable());
            case Canon.ThreadSuspendThenResume t -> cancellable("thread.suspend-then-resume", t.cancellable());
            case Canon.ThreadYieldThenResume t -> cancellable("thread.yield-then-resume", t.cancellable());
            case Canon.ThreadSuspendThenPromote t -> cancellable("thread.suspend-then-promote", t.cancellable());
            case Canon.ThreadYieldThenPromote t -> cancellable("thread.yield-then-promote", t.cancellable());
            case Canon.ThreadSpawnRef t -> {
                out.text("thread.spawn-ref ");
                s.core.typeNames.ref(out, t.funcType());
            }
            case Canon.ThreadSpawnIndirect t -> {
                out.text("thread.spawn-indirect ");
                s.core.typeNames.ref(out, t.funcType());
                out.space();
                s.core.tableNames.ref(out, t.table());
            }
            case Canon.ThreadAvailableParallelism t -> out.text("thread.available-parallelism");
        }
    }

    private void typed(String name, int type) {
        out.text(name + " ");
        printer.scope().typeNames.ref(out, type);
    }

    private void typedWithOptions(String name, int type, List<CanonOpt> options) {
        typed(name, type);
        options(options);
    }

    private void typedAsync(String name, int type, boolean async) {
        typed(name, type);
        if (async) {
            out.text(" async");
        }
    }

    private void cancellable(String name, boolean cancellable) {
        out.text(name + (cancellable ? " cancellable" : ""));
    }

    private void waitable(String name, boolean cancellable, int memory, Scope s) {
        out.text(name + " " + (cancellable ? "cancellable " : "")).open("memory ");
        s.core.memoryNames.ref(out, memory);
        out.close();
    }

    private void options(List<CanonOpt> options) {
        Scope s = printer.scope();
        for (CanonOpt option : options) {
            out.space();
            switch (option) {
                case CanonOpt.StringEncoding e -> out.text("string-encoding=" + e.keyword());
                case CanonOpt.Memory m -> ref("memory ", s.core.memoryNames, m.memory());
                case CanonOpt.Realloc r -> ref("realloc ", s.core.funcNames, r.func());
                case CanonOpt.PostReturn p -> ref("post-return ", s.core.funcNames, p.func());
                case CanonOpt.Async a -> out.text("async");
                case CanonOpt.Callback c -> ref("callback ", s.core.funcNames, c.func());
                case CanonOpt.CoreType c -> ref("core-type ", s.core.typeNames, c.type());
                case CanonOpt.Gc g -> out.text("gc");
            }
        }
    }

    private void ref(String keyword, NameMap names, int index) {
        out.open(keyword);
        names.ref(out, index);
        out.close();
    }
}
