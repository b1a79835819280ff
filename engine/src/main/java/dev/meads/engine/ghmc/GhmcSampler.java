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

    public GhmcSampler(GhmcEnsemble ensemble, LogDensity density, GhmcParameters parameters) {
        this.ensemble = ensemble;
        this.density = density;
        this.parameters = parameters;
    }

    /**
     * Runs {@code iterations} transitions of every chain and returns the draws. Stops early,
     * keeping the complete iterations, when {@code cancelled} turns true (checked between
     * iterations).
     */
    public Draws sample(int iterations, ProgressListener progress, BooleanSupplier cancelled, DrawListener listener) {
        if (iterations < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + iterations);
        }
        int n = ensemble.state().chains();
        int d = ensemble.state().dimension();
        String[] names = density.constrainedNames();
        Draws draws = new Draws(names, n, iterations);
        int[] slots = new int[n];
        GhmcParameters[] params = new GhmcParameters[n];
        for (int c = 0; c < n; c++) {
            slots[c] = c;
            params[c] = parameters;
        }
        double[] values = new double[names.length];
        double[] sampler = new double[SamplerColumn.COUNT];
        double[] x = ensemble.state().positions();
        double[] lp = ensemble.state().logDensities();
        int done = 0;
        if (listener != null) {
            listener.samplingStarted(parameters);
        }
        for (int it = 0; it < iterations; it++) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            ensemble.step(slots, params, n);
            for (int c = 0; c < n; c++) {
                density.constrain(x, c * d, values, 0);
                draws.setDraw(c, it, values, 0);
                sampler[SamplerColumn.LP.ordinal()] = lp[c];
                sampler[SamplerColumn.ACCEPT_STAT.ordinal()] = ensemble.acceptProbability(c);
                sampler[SamplerColumn.STEPSIZE.ordinal()] = parameters.stepSize();
                sampler[SamplerColumn.TREEDEPTH.ordinal()] = 0;
                sampler[SamplerColumn.N_LEAPFROG.ordinal()] = 1;
                sampler[SamplerColumn.DIVERGENT.ordinal()] = ensemble.divergent(c) ? 1 : 0;
                sampler[SamplerColumn.ENERGY.ordinal()] = ensemble.energy(c);
                for (SamplerColumn col : COLUMNS) {
                    draws.setSampler(c, it, col, sampler[col.ordinal()]);
                }
                if (listener != null) {
                    listener.draw(c, it, values, sampler);
                }
            }
            done = it + 1;
            progress.update(STAGE, done, iterations);
        }
        return done == iterations ? draws : draws.truncate(done);
    }
}
