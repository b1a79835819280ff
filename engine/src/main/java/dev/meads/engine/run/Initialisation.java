package dev.meads.engine.run;

/** How the ensemble is placed before MEADS warmup. */
public enum Initialisation {
    /**
     * One NUTS chain with window adaptation, then its last draws spread with Uniform(−1, 1)
     * jitter scaled by their spread (ALGORITHMS.md §6). The default: MEADS freezes when chains
     * start far from the posterior.
     */
    SPREAD,
    /** The model's initial point plus 0.5·N(0, 1) per coordinate (the notebook's naive start). */
    NAIVE
}
