package dev.meads.engine.ghmc;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.run.ProgressListener;
import java.util.function.BooleanSupplier;

/**
 * The sampling phase: GHMC with fixed parameters on every chain of an ensemble, each iteration
 * (or one in every {@code thin}) retained as one draw per chain, mapped to constrained values. Stan's sampler columns are
 * filled as for a one-step HMC: accept_stat__ is the Metropolis probability, treedepth__ 0,
 * n_leapfrog__ 1, energy__ the Hamiltonian of the chain's current state.
 */
public final class GhmcSampler {
    /** Stage name reported to progress listeners. */
    public static final String STAGE = "sampling";

    private final GhmcEnsemble ensemble;
    private final LogDensity density;
    private final GhmcParameters parameters;

    private DrawRecorder recorder;
    private int iteration;

    public GhmcSampler(GhmcEnsemble ensemble, LogDensity density, GhmcParameters parameters) {
        this.ensemble = ensemble;
        this.density = density;
        this.parameters = parameters;
    }

    /**
     * Runs {@code iterations} transitions of every chain and returns the draws. Stops early,
     * keeping the complete iterations, when {@code cancelled} turns true (checked between
     * iterations). Each chain's draw is constrained and stored by the worker that moved it;
     * the listener, if any, sees it there too when it takes draws concurrently, and otherwise
     * on this thread after the iteration, chains in order.
     */
    public Draws sample(int iterations, ProgressListener progress, BooleanSupplier cancelled, DrawListener listener) {
        return sample(iterations, 1, progress, cancelled, listener);
    }

    /**
     * As {@link #sample(int, ProgressListener, BooleanSupplier, DrawListener)}, with
     * {@code draws × thin} transitions of which the first of every {@code thin} is kept (as Stan
     * thins): draw i is the unthinned run's draw {@code i·thin}.
     */
    public Draws sample(int draws, int thin, ProgressListener progress, BooleanSupplier cancelled,
                        DrawListener listener) {
        int n = ensemble.state().chains();
        recorder = new DrawRecorder(ensemble, density, draws, listener);
        int[] slots = new int[n];
        GhmcParameters[] params = new GhmcParameters[n];
        for (int c = 0; c < n; c++) {
            slots[c] = c;
            params[c] = parameters;
        }
        GhmcEnsemble.AfterTransition store = this::store;
        return recorder.run(parameters, thin, draw -> {
            if (draw >= 0) {
                iteration = draw;
                ensemble.step(slots, params, n, store);
            } else {
                ensemble.step(slots, params, n);
            }
        }, STAGE, progress, cancelled, listener);
    }

    /** Transitions the last {@link #sample} made (every chain moved in each). */
    public long iterationsRun() {
        return recorder == null ? 0 : recorder.iterationsRun();
    }

    /** Chain c's draw of the current iteration. */
    private void store(int worker, int c) {
        recorder.record(worker, c, iteration, parameters.stepSize(), ensemble.acceptProbability(c), 1,
                ensemble.divergent(c));
    }
}
