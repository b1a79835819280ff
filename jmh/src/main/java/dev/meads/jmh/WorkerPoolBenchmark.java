package dev.meads.jmh;

import dev.meads.engine.parallel.WorkerPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one parallel section of the worker pool around an ensemble step: 64 chains in
 * chunks of 8, each chunk doing {@code work} ns of busy work (0: the hand-off alone; 2500 ≈ 8
 * radon chains' step, 45000 ≈ 8 IRT chains'). {@code threads} 1 runs inline; 2 hands half the
 * chunks to the other core. {@code busy}: a third thread spins at normal priority for the
 * whole run, so the other core is contended, as on a shared machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class WorkerPoolBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"0", "2500", "45000"})
    public long work;

    @Param({"false", "true"})
    public boolean busy;

    private WorkerPool pool;
    private Thread spinner;
    private volatile boolean stop;
    private final long[] sink = new long[64];
    private final WorkerPool.RangeTask task = this::chunk;

    @Setup(Level.Trial)
    public void setUp() {
        pool = new WorkerPool(threads);
        if (busy) {
            spinner = new Thread(() -> {
                long x = 0;
                while (!stop) {
                    x += System.nanoTime() & 1;
                }
                sink[63] = x;
            }, "busy-spinner");
            spinner.setDaemon(true);
            spinner.start();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        stop = true;
        if (spinner != null) {
            spinner.join();
        }
        pool.close();
    }

    private void chunk(int worker, int from, int to) {
        long end = System.nanoTime() + work * (to - from) / 8;
        long x = 0;
        while (work > 0 && System.nanoTime() < end) {
            x++;
        }
        sink[from] = x;
    }

    @Benchmark
    public long section() {
        pool.forEachChunk(64, 8, task);
        return sink[0];
    }
}
