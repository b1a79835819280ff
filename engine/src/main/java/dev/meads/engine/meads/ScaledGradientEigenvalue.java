package dev.meads.engine.meads;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.simd.Kernels;

/**
 * The quantity behind MEADS' step size, over a whole ensemble: λ̂ of the chains' gradients
 * scaled by the ensemble's per-coordinate standard deviation, and the step size
 * {@code min(1, mult/sqrt(λ̂))} it implies. Chains started far from the posterior give a huge
 * λ̂ and a tiny step size (the notebook's comparison of initialisations).
 *
 * @param lambda   the largest-eigenvalue estimate
 * @param stepSize the step size it implies
 */
public record ScaledGradientEigenvalue(double lambda, double stepSize) {

    /** Computes it from the current states of every chain in {@code block}. */
    public static ScaledGradientEigenvalue of(ChainBlock block, MeadsOptions options) {
        int n = block.chains();
        int d = block.dimension();
        int[] all = new int[n];
        for (int c = 0; c < n; c++) {
            all[c] = c;
        }
        FoldStatistics s = new FoldStatistics(d);
        double lambda = s.compute(block, all, 0, n, options, new MaxEigenvalue(Kernels.get(), n), new double[n * d]);
        return new ScaledGradientEigenvalue(lambda, s.stepSize());
    }
}
