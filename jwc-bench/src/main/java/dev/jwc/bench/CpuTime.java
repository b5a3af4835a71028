package dev.jwc.bench;

import dev.jwc.runtime.Component;
import dev.jwc.runtime.Engine;
import dev.jwc.runtime.InstancePre;
import dev.jwc.runtime.Linker;
import dev.jwc.runtime.Store;
import dev.jwc.runtime.TypedFunc;
import dev.jwc.text.Wat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * The costs JMH measures in wall-clock time, measured in this thread's CPU time instead: on a machine
 * shared with other builds, wall-clock results swing tenfold while CPU time moves little. Prints the best
 * and median of several rounds for echo of 1 MiB, instantiation from an {@code InstancePre}, and guest
 * code working its memory (memory.wat). Run: {@code java -cp jwc-bench/target/benchmarks.jar
 * dev.jwc.bench.CpuTime [rounds]}.
 */
public final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Every result lands here, so that no call can be optimised away. */
    static int sink;

    private CpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Engine engine = new Engine();
        Component bench = BenchComponent.compile(engine);
        Linker linker = BenchComponent.linker(engine);
        TypedFunc<String> echo = linker.instantiate(new Store(engine), bench).func("echo").orElseThrow()
                .typed(String.class, String.class);
        String mebibyte = "x".repeat(CallBench.ECHO_BYTES);
        InstancePre pre = linker.instantiatePre(bench);
        TypedFunc<Integer> churn = new Linker(engine).instantiate(new Store(engine),
                Component.fromBinary(engine, Wat.toBinary(BenchComponent.resource("memory.wat"))))
                .func("run").orElseThrow().typed(Integer.class, Integer.class);
        int steps = 10_000_000;
        report("echo1MiB", "us/op", 1e3, rounds, 200, () -> echo.call(mebibyte).length());
        report("instantiate", "us/op", 1e3, rounds, 5000, () -> pre.instantiate(new Store(engine)).hashCode());
        report("guest memory step", "ns/step", steps, rounds, 1, () -> churn.call(steps));
    }

    /** Runs {@code op} {@code n} times per round; prints CPU nanoseconds per op divided by {@code unit}. */
    private static void report(String name, String unitName, double unit, int rounds, int n, IntSupplier op) {
        double[] perOp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += op.getAsInt();
            }
            perOp[r] = (THREADS.getCurrentThreadCpuTime() - start) / (double) n / unit;
        }
        double[] sorted = perOp.clone();
        Arrays.sort(sorted);
        System.out.printf("%-18s best %9.2f  median %9.2f %s (thread CPU time, %d rounds of %d)%n", name,
                sorted[0], sorted[rounds / 2], unitName, rounds, n);
    }
}
