package dev.meads.jmh;

/**
 * A {@link WarmEnsemble} for benchmarks that go on iterating MEADS: it has room for
 * {@link #CAPACITY} MEADS iterations (MeadsAdaptation throws once they are used up), and
 * {@link #ensureRoom} renews it when fewer than {@link #HEADROOM} are left, counting the
 * worker share over every state of the trial.
 */
final class ContinuingEnsemble implements AutoCloseable {
    /** MEADS iterations a state has room for. */
    static final int CAPACITY = 300_000;
    /**
     * A JMH iteration starts with at least this many left: about 3 s at radon's 20 µs, more than
     * a 1-2 s iteration uses. Without it, radon on one thread (44 µs) ran out in the 9th
     * measured iteration of the default 5 + 10 and JMH printed a score from the iterations
     * before.
     */
    static final int HEADROOM = 150_000;

    private final Workload workload;
    private final int threads;
    private final WorkerShare share = new WorkerShare();
    private WarmEnsemble warm;

    ContinuingEnsemble(Workload workload, int threads) {
        this.workload = workload;
        this.threads = threads;
        this.warm = new WarmEnsemble(workload, threads, 1000, CAPACITY);
    }

    /** The current state. */
    WarmEnsemble warm() {
        return warm;
    }

    /** Starts a fresh state when the current one has fewer than {@link #HEADROOM} iterations left. */
    void ensureRoom() {
        if (CAPACITY - warm.meads.iteration() < HEADROOM) {
            share.add(warm);
            warm.close();
            warm = new WarmEnsemble(workload, threads, 1000, CAPACITY);
        }
    }

    /** Prints the trial's worker share and closes the state. */
    @Override
    public void close() {
        share.add(warm);
        share.print();
        warm.close();
    }
}
