package dev.meads.engine.meads;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.ghmc.DrawListener;
import dev.meads.engine.ghmc.DrawRecorder;
import dev.meads.engine.ghmc.GhmcEnsemble;
import dev.meads.engine.ghmc.GhmcParameters;
import dev.meads.engine.ghmc.GhmcSampler;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.run.ProgressListener;
import java.util.function.BooleanSupplier;

/**
 * Adaptive sampling (ALGORITHMS.md §3.5, the paper's use of MEADS): after the warmup the
 * MEADS iterations go on, and every chain's state after each iteration (or one in every
 * {@code thin}) is kept as a draw.
 * This is exact because each moving fold takes its step size and scale from another fold, and
 * its damping acts on momentum only (§3.4); escaped chains are therefore no longer restarted.
 *
 * <p>The frozen fold's chains repeat their state: their rows have n_leapfrog__ 0 and
 * accept_stat__ NaN (no transition was made). stepsize__ is the step size of the chain's fold at
 * that iteration, which changes from iteration to iteration.
 */
public final class AdaptiveSampler {
    /** Stage name reported to progress listeners: the same stage as GHMC sampling. */
    public static final String STAGE = GhmcSampler.STAGE;
    /** Chains per piece of the parallel recording. */
    private static final int CHUNK = 8;

    private final MeadsAdaptation meads;
    private final GhmcEnsemble ensemble;
    private final LogDensity density;
    private final WorkerPool.RangeTask storeTask = this::store;
    private DrawRecorder recorder;
    private int iteration;
    private GhmcParameters announced;

    /**
     * @param meads    the adaptation after its warmup, with room in its trace for the iterations
     *                 to run ({@link MeadsOptions#iterations()} at least warmup + draws × thin)
     * @param ensemble the ensemble {@code meads} moves
     * @param density  the model, for the constrained values of the draws
     */
    public AdaptiveSampler(MeadsAdaptation meads, GhmcEnsemble ensemble, LogDensity density) {
        this.meads = meads;
        this.ensemble = ensemble;
        this.density = density;
    }

    /**
     * Runs {@code iterations} more MEADS iterations and returns every chain's state after each.
     * Stops early, keeping the complete iterations, when {@code cancelled} turns true (checked
     * between iterations). The listener, if any, gets {@link #firstDrawParameters()} before the
     * first draw.
     */
    public Draws sample(int iterations, ProgressListener progress, BooleanSupplier cancelled, DrawListener listener) {
        return sample(iterations, 1, progress, cancelled, listener);
    }

    /**
     * As {@link #sample(int, ProgressListener, BooleanSupplier, DrawListener)}, with
     * {@code draws × thin} MEADS iterations of which the first of every {@code thin} is kept (as
     * Stan thins; a draw's sampler columns are those of its iteration).
     */
    public Draws sample(int draws, int thin, ProgressListener progress, BooleanSupplier cancelled,
                        DrawListener listener) {
        recorder = new DrawRecorder(ensemble, density, draws, listener);
        meads.stopRestarts();
        announced = null;
        int n = ensemble.state().chains();
        return recorder.run(null, thin, draw -> {
            meads.iterate();
            if (draw < 0) {
                return;
            }
            if (draw == 0) {
                announced = meads.averagedFoldParameters();
                if (listener != null) {
                    listener.samplingStarted(announced);
                }
            }
            iteration = draw;
            ensemble.pool().forEachChunk(n, CHUNK, storeTask);
        }, STAGE, progress, cancelled, listener);
    }

    /** MEADS iterations the last {@link #sample} made, kept or not. */
    public long iterationsRun() {
        return recorder == null ? 0 : recorder.iterationsRun();
    }

    /**
     * The folds' parameters averaged ({@link MeadsAdaptation#averagedFoldParameters()}) at the
     * iteration that made the first draw, or, when none was made, where the adaptation stands: a
     * summary of a sampling phase whose folds each keep their own, e.g. for a Stan CSV header.
     */
    public GhmcParameters firstDrawParameters() {
        return announced != null ? announced : meads.averagedFoldParameters();
    }

    /** Draws of chains {@code [from, to)} for the latest iteration, on worker {@code w}. */
    private void store(int w, int from, int to) {
        for (int c = from; c < to; c++) {
            boolean moved = meads.moved(c);
            recorder.record(w, c, iteration, meads.stepSize(c), moved ? ensemble.acceptProbability(c) : Double.NaN,
                    moved ? 1 : 0, moved && ensemble.divergent(c));
        }
    }
}
