package dev.meads.engine.ghmc;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.run.ProgressListener;
import java.util.function.BooleanSupplier;

/**
 * The sampling phase: GHMC with fixed parameters on every chain of an ensemble, each iteration
 * retained as one draw per chain, mapped to constrained values. Stan's sampler columns are
 * filled as for a one-step HMC: accept_stat__ is the Metropolis probability, treedepth__ 0,
 * n_leapfrog__ 1, energy__ the Hamiltonian of the chain's current state.
 */
public final class GhmcSampler {
    /** Stage name reported to progress listeners. */
    public static final String STAGE = "sampling";
    private static final SamplerColumn[] COLUMNS = SamplerColumn.values();

    private final GhmcEnsemble ensemble;
    private final LogDensity density;
    private final GhmcParameters parameters;

    // per worker: a model instance for constrain and a values buffer
    private LogDensity[] densityByWorker;
    private double[][] valuesByWorker;
    private double[][] samplerByWorker;
    /** The listener when it takes draws on the workers, else null. */
    private DrawListener concurrentListener;
    private Draws draws;
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
        if (iterations < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + iterations);
        }
        int n = ensemble.state().chains();
        String[] names = density.constrainedNames();
        draws = new Draws(names, n, iterations);
        int workers = ensemble.workers();
        densityByWorker = new LogDensity[workers];
        valuesByWorker = new double[workers][names.length];
        samplerByWorker = new double[workers][SamplerColumn.COUNT];
        concurrentListener = listener != null && listener.chainsConcurrently() ? listener : null;
        densityByWorker[0] = density;
        for (int w = 1; w < workers; w++) {
            densityByWorker[w] = density.copy();
        }
        int[] slots = new int[n];
        GhmcParameters[] params = new GhmcParameters[n];
        for (int c = 0; c < n; c++) {
            slots[c] = c;
            params[c] = parameters;
        }
        GhmcEnsemble.AfterTransition store = this::store;
        double[] values = new double[names.length];
        double[] sampler = new double[SamplerColumn.COUNT];
        int done = 0;
        if (listener != null) {
            listener.samplingStarted(parameters);
        }
        for (int it = 0; it < iterations; it++) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            iteration = it;
            ensemble.step(slots, params, n, store);
            if (listener != null && concurrentListener == null) {
                for (int c = 0; c < n; c++) {
                    draws.draw(c, it, values, 0);
                    for (SamplerColumn col : COLUMNS) {
                        sampler[col.ordinal()] = draws.sampler(c, it, col);
                    }
                    listener.draw(c, it, values, sampler);
                }
            }
            done = it + 1;
            progress.update(STAGE, done, iterations);
        }
        Draws out = done == iterations ? draws : draws.truncate(done);
        draws = null;
        concurrentListener = null;
        return out;
    }

    /** Chain c's draw of the current iteration: constrained values and sampler columns. */
    private void store(int worker, int c) {
        int d = ensemble.state().dimension();
        double[] values = valuesByWorker[worker];
        densityByWorker[worker].constrain(ensemble.state().positions(), c * d, values, 0);
        int it = iteration;
        draws.setDraw(c, it, values, 0);
        draws.setSampler(c, it, SamplerColumn.LP, ensemble.state().logDensities()[c]);
        draws.setSampler(c, it, SamplerColumn.ACCEPT_STAT, ensemble.acceptProbability(c));
        draws.setSampler(c, it, SamplerColumn.STEPSIZE, parameters.stepSize());
        draws.setSampler(c, it, SamplerColumn.TREEDEPTH, 0);
        draws.setSampler(c, it, SamplerColumn.N_LEAPFROG, 1);
        draws.setSampler(c, it, SamplerColumn.DIVERGENT, ensemble.divergent(c) ? 1 : 0);
        draws.setSampler(c, it, SamplerColumn.ENERGY, ensemble.energy(c));
        if (concurrentListener != null) {
            double[] sampler = samplerByWorker[worker];
            for (SamplerColumn col : COLUMNS) {
                sampler[col.ordinal()] = draws.sampler(c, it, col);
            }
            concurrentListener.draw(c, it, values, sampler);
        }
    }
}
