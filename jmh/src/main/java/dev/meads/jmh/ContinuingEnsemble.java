package dev.meads.jmh;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH state for benchmarks that go on iterating MEADS: a {@link WarmEnsemble} with room for
 * {@link #CAPACITY} MEADS iterations (MeadsAdaptation throws once they are used up), renewed
 * before each JMH iteration that would start with fewer than {@link #HEADROOM} left, counting the
 * worker share over every state of the trial. A benchmark method takes it as a parameter; its
 * {@code workload} and {@code threads} are the benchmark's parameters.
 */
@State(Scope.Benchmark)
public class ContinuingEnsemble {
    /** MEADS iterations a state has room for. */
    static final int CAPACITY = 300_000;
    /**
     * A JMH iteration starts with at least this many left: about 3 s at radon's 20 µs, more than
     * a 1-2 s iteration uses. Without it, radon on one thread (44 µs) ran out in the 9th
     * measured iteration of the default 5 + 10 and JMH printed a score from the iterations
     * before.
     */
    static final int HEADROOM = 150_000;

    @Param({"IRT", "RADON"})
    public Workload workload;

    @Param({"1", "2"})
    public int threads;

    private final WorkerShare share = new WorkerShare();
    private WarmEnsemble warm;

    @Setup(Level.Trial)
    public void setUp() {
        warm = new WarmEnsemble(workload, threads, 1000, CAPACITY);
    }

    /** The current state. */
    WarmEnsemble warm() {
        return warm;
    }

    /** Starts a fresh state when the current one has fewer than {@link #HEADROOM} iterations left. */
    @Setup(Level.Iteration)
    public void ensureRoom() {
        if (CAPACITY - warm.meads.iteration() < HEADROOM) {
            share.add(warm);
            warm.close();
            warm = new WarmEnsemble(workload, threads, 1000, CAPACITY);
        }
    }

    /** Prints the trial's worker share and closes the state. */
    @TearDown(Level.Trial)
    public void close() {
        share.add(warm);
        share.print();
        warm.close();
    }
}
