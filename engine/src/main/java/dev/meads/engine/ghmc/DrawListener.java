package dev.meads.engine.ghmc;

/**
 * Receives every retained draw as soon as it is made, e.g. to write it to a file while
 * sampling. Called on the sampling thread, iteration by iteration, chains in order, unless
 * {@link #chainsConcurrently()} says the listener can take draws from the workers.
 */
@FunctionalInterface
public interface DrawListener {
    /**
     * Called once before the first draw with the parameters of the sampling phase: the frozen
     * ones, or in adaptive sampling (where each fold keeps its own) the folds' average at the
     * iteration of the first draw.
     */
    default void samplingStarted(GhmcParameters parameters) {
    }

    /**
     * True when {@link #draw} may be called from the sampling workers: concurrently for
     * different chains, each chain's draws still one at a time and in iteration order. A
     * listener that keeps nothing shared between chains (one file per chain) can say so, and
     * its work then runs on all cores instead of on the sampling thread between iterations.
     */
    default boolean chainsConcurrently() {
        return false;
    }

    /**
     * @param chain     0-based chain
     * @param iteration 0-based retained iteration
     * @param values    the constrained parameter values, at {@code values[0 ..)}
     * @param sampler   the sampler columns in {@link dev.meads.engine.draws.SamplerColumn} order
     */
    void draw(int chain, int iteration, double[] values, double[] sampler);
}
