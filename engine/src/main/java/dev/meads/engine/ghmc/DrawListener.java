package dev.meads.engine.ghmc;

/**
 * Receives every retained draw as soon as it is made, e.g. to write it to a file while
 * sampling. Called on the sampling thread, iteration by iteration, chains in order.
 */
@FunctionalInterface
public interface DrawListener {
    /** Called once before the first draw with the fixed parameters of the sampling phase. */
    default void samplingStarted(GhmcParameters parameters) {
    }

    /**
     * @param chain     0-based chain
     * @param iteration 0-based retained iteration
     * @param values    the constrained parameter values, at {@code values[0 ..)}
     * @param sampler   the sampler columns in {@link dev.meads.engine.draws.SamplerColumn} order
     */
    void draw(int chain, int iteration, double[] values, double[] sampler);
}
