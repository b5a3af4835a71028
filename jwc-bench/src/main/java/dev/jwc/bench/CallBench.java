package dev.jwc.bench;

import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Func;
import dev.jwc.runtime.Instance;
import dev.jwc.runtime.Store;
import dev.jwc.runtime.TypedFunc;
import dev.jwc.types.Val;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Calls across the component boundary, one instance of bench.wat on the default (compiler) engine. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallBench {
    /** Host calls made by one {@code call-host} invocation; results are reported per host call. */
    static final int HOST_CALLS = 1000;
    /** echo's argument: 1 MiB of ASCII, so UTF-8 bytes and chars count the same. */
    static final int ECHO_BYTES = 1 << 20;

    private TypedFunc<Integer> typedAdd;
    private Func add;
    private TypedFunc<String> echo;
    private TypedFunc<Integer> callHost;
    private String mebibyte;
    private int a;

    @Setup
    public void setUp() {
        Engine engine = new Engine();
        Instance instance = BenchComponent.linker(engine).instantiate(new Store(engine), BenchComponent.compile(engine));
        add = instance.func("add").orElseThrow();
        typedAdd = add.typed(Integer.class, Integer.class, Integer.class);
        echo = instance.func("echo").orElseThrow().typed(String.class, String.class);
        callHost = instance.func("call-host").orElseThrow().typed(Integer.class, Integer.class);
        mebibyte = "x".repeat(ECHO_BYTES);
        checkResults();
    }

    /** A benchmark of wrong answers is worthless: check each function once before measuring. */
    private void checkResults() {
        require(typedAdd.call(40, 2) == 42, "typed add");
        require(add.call(Val.s32(40), Val.s32(2)).equals(Optional.of(Val.s32(42))), "Val add");
        require(echo.call(mebibyte).equals(mebibyte), "echo");
        require(callHost.call(HOST_CALLS) == HOST_CALLS, "call-host");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " returned a wrong result");
        }
    }

    @Benchmark
    public int addTyped() {
        return typedAdd.call(a++, 2);
    }

    @Benchmark
    public Optional<Val> addVal() {
        return add.call(Val.s32(a++), Val.s32(2));
    }

    /** One call moves 1 MiB into the guest and 1 MiB back; MB/s = 1.048576 / (ms per call) * 1000. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String echo1MiB() {
        return echo.call(mebibyte);
    }

    @Benchmark
    @OperationsPerInvocation(HOST_CALLS)
    public int guestToHost() {
        return callHost.call(HOST_CALLS);
    }
}
