package dev.meads.jmh;

import java.util.Locale;

/**
 * Which share of a trial's parallel pieces the pool's other threads ran, added up over the
 * {@link WarmEnsemble} states the trial used. The caller takes over the pieces of a worker that
 * is slow to come (its core busy elsewhere), and a "2-thread" figure is then a 1-thread one; the
 * line printed at the end of a trial with more than one thread says whether that happened (an
 * even split of 2 threads is 50 %).
 */
final class WorkerShare {
    private long pieces;
    private long byOthers;
    private int threads = 1;

    /** Counts {@code state}'s pieces; call before closing it. */
    void add(WarmEnsemble state) {
        pieces += state.piecesSinceReady();
        byOthers += state.piecesByOthersSinceReady();
        threads = state.pool.threads();
    }

    /** The trial's line, on a line of its own (JMH's iteration line may be open). */
    void print() {
        if (threads > 1) {
            System.out.printf(Locale.ROOT, "%nworker share: the pool's other %d thread(s) ran %.1f %% of %d pieces "
                    + "(an even split: %.1f %%)%n", threads - 1, pieces == 0 ? 0.0 : 100.0 * byOthers / pieces, pieces,
                    100.0 * (threads - 1) / threads);
        }
    }
}
