package dev.meads.engine.ghmc;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.run.ProgressListener;
import java.util.function.BooleanSupplier;

/**
 * Keeps the current state of an ensemble's chains as retained draws: each chain's position
 * mapped to constrained values, and Stan's sampler columns as for a one-step HMC
 * (treedepth__ 0). Recording runs on the worker that holds the chain, with a model copy and
 * buffers of that worker's own; a listener that takes draws concurrently sees them there too.
 */
public final class DrawRecorder {
    private static final SamplerColumn[] COLUMNS = SamplerColumn.values();

    private final GhmcEnsemble ensemble;
    private final Draws draws;
    private final LogDensity[] densityByWorker;
    private final double[][] valuesByWorker;
    private final double[][] samplerByWorker;
    /** The listener when it takes draws on the workers, else null. */
    private final DrawListener concurrentListener;
    /** Buffers of {@link #handOver}, on the calling thread. */
    private final double[] handValues;
    private final double[] handSampler = new double[SamplerColumn.COUNT];
    private long iterationsRun;

    /** Room for {@code iterations} (at least 1) draws of every chain of {@code ensemble}. */
    public DrawRecorder(GhmcEnsemble ensemble, LogDensity density, int iterations, DrawListener listener) {
        if (iterations < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + iterations);
        }
        this.ensemble = ensemble;
        String[] names = density.constrainedNames();
        this.draws = new Draws(names, ensemble.state().chains(), iterations);
        int workers = ensemble.workers();
        this.densityByWorker = new LogDensity[workers];
        this.valuesByWorker = new double[workers][names.length];
        this.samplerByWorker = new double[workers][SamplerColumn.COUNT];
        this.handValues = new double[names.length];
        this.concurrentListener = listener != null && listener.chainsConcurrently() ? listener : null;
        densityByWorker[0] = density;
        for (int w = 1; w < workers; w++) {
            densityByWorker[w] = density.copy();
        }
    }

    /** One sampling iteration: moves the chains and, when {@code draw >= 0}, records them as that draw. */
    @FunctionalInterface
    public interface Iteration {
        void run(int draw);
    }

    /**
     * The sampling loop, {@code thin} iterations per draw, keeping the first of each
     * {@code thin} as Stan does (iterations 1, 1 + thin, 1 + 2·thin, ... of the phase): tells
     * the listener (if any) the parameters, then runs {@code iteration} (which must
     * {@link #record} every chain when told to keep a draw), hands each kept draw to a listener
     * that takes draws on this thread, and reports progress in iterations as {@code stage}.
     * Stops early, keeping the draws made, when {@code cancelled} turns true (checked before
     * every iteration).
     *
     * @param announced the parameters for {@link DrawListener#samplingStarted}, or null when
     *                  {@code iteration} tells the listener itself before its first record
     * @return the draws made
     */
    public Draws run(GhmcParameters announced, int thin, Iteration iteration, String stage, ProgressListener progress,
                     BooleanSupplier cancelled, DrawListener listener) {
        if (thin < 1) {
            throw new IllegalArgumentException("thin must be at least 1, got " + thin);
        }
        if (listener != null && announced != null) {
            listener.samplingStarted(announced);
        }
        int kept = draws.iterations();
        long total = (long) kept * thin;
        int done = 0;
        long run = 0;
        sampling:
        for (int d = 0; d < kept; d++) {
            for (int k = 0; k < thin; k++) {
                if (cancelled.getAsBoolean()) {
                    break sampling;
                }
                iteration.run(k == 0 ? d : -1);
                if (k == 0) {
                    handOver(listener, d);
                    done = d + 1;
                }
                run++;
                progress.update(stage, run, total);
            }
        }
        iterationsRun = run;
        return done == kept ? draws : draws.truncate(done);
    }

    /** Iterations the last {@link #run} made, kept or not. */
    public long iterationsRun() {
        return iterationsRun;
    }

    /** The draws recorded so far (all iterations allocated). */
    public Draws draws() {
        return draws;
    }

    /**
     * Chain {@code c}'s current state as its draw {@code iteration}, on worker {@code worker}.
     *
     * @param acceptStat the Metropolis probability of its latest transition (NaN when it did not move)
     * @param leapfrogs  leapfrog steps taken for this draw: 1, or 0 for a chain that did not move
     */
    public void record(int worker, int c, int iteration, double stepSize, double acceptStat, int leapfrogs,
                       boolean divergent) {
        int d = ensemble.state().dimension();
        double[] values = valuesByWorker[worker];
        densityByWorker[worker].constrain(ensemble.state().positions(), c * d, values, 0);
        draws.setDraw(c, iteration, values, 0);
        draws.setSampler(c, iteration, SamplerColumn.LP, ensemble.state().logDensities()[c]);
        draws.setSampler(c, iteration, SamplerColumn.ACCEPT_STAT, acceptStat);
        draws.setSampler(c, iteration, SamplerColumn.STEPSIZE, stepSize);
        draws.setSampler(c, iteration, SamplerColumn.TREEDEPTH, 0);
        draws.setSampler(c, iteration, SamplerColumn.N_LEAPFROG, leapfrogs);
        draws.setSampler(c, iteration, SamplerColumn.DIVERGENT, divergent ? 1 : 0);
        draws.setSampler(c, iteration, SamplerColumn.ENERGY, ensemble.energy(c));
        if (concurrentListener != null) {
            double[] sampler = samplerByWorker[worker];
            for (SamplerColumn col : COLUMNS) {
                sampler[col.ordinal()] = draws.sampler(c, iteration, col);
            }
            concurrentListener.draw(c, iteration, values, sampler);
        }
    }

    /**
     * Hands draw {@code iteration} of every chain, in chain order on the calling thread, to a
     * listener that does not take draws concurrently (nothing to do for one that does: it had
     * them from {@link #record}).
     */
    private void handOver(DrawListener listener, int iteration) {
        if (listener == null || listener == concurrentListener) {
            return;
        }
        for (int c = 0; c < draws.chains(); c++) {
            draws.draw(c, iteration, handValues, 0);
            for (SamplerColumn col : COLUMNS) {
                handSampler[col.ordinal()] = draws.sampler(c, iteration, col);
            }
            listener.draw(c, iteration, handValues, handSampler);
        }
    }
}
