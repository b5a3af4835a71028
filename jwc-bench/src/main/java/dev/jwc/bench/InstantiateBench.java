package dev.jwc.bench;

import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Instance;
import dev.jwc.runtime.InstancePre;
import dev.jwc.runtime.Store;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A fresh instance of bench.wat (one core module, one memory page, one host import) per operation. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InstantiateBench {
    private Engine engine;
    private InstancePre pre;

    @Setup
    public void setUp() {
        engine = new Engine();
        pre = BenchComponent.linker(engine).instantiatePre(BenchComponent.compile(engine));
    }

    @Benchmark
    public Instance instantiate() {
        return pre.instantiate(new Store(engine));
    }
}
