package dev.meads.engine.diag;

/**
 * The potential scale reduction statistics on a matrix whose columns are chains (ALGORITHMS.md
 * §7.3 and §7.9): the classic R̂ = sqrt((B/W + L − 1)/L) with no splitting inside, and nested
 * R̂ over superchains (Margossian et al. 2024). Column c of length L sits at {@code [c*L, (c+1)*L)}.
 */
final class GelmanRubin {
    private GelmanRubin() {
    }

    /**
     * Classic R̂ of {@code k} columns of length {@code length}; NaN when a value is non-finite,
     * all values are equal, or there are fewer than 2 columns or 2 rows.
     *
     * @param means scratch of length ≥ k (receives the column means)
     */
    static double basic(double[] x, int k, int length, double[] means) {
        if (k < 2 || length < 2 || !EffectiveSampleSize.finiteAndVarying(x, 0, k * length)) {
            return Double.NaN;
        }
        return basicVarying(x, k, length, means);
    }

    /** {@link #basic} for a matrix known to be finite and not constant (k ≥ 2, L ≥ 2). */
    static double basicVarying(double[] x, int k, int length, double[] means) {
        double sumOfSquares = 0;
        for (int c = 0; c < k; c++) {
            int off = c * length;
            double mean = Moments.sum(x, off, length) / length;
            means[c] = mean;
            sumOfSquares += Moments.sumOfSquaredDeviations(x, off, length, mean);
        }
        return fromMoments(means, k, length, sumOfSquares / ((double) k * length));
    }

    /**
     * R̂ from column means and the mean over columns of (1/L)·Σ(x − column mean)², as left by a
     * dense ESS computation: W = lag0·L/(L−1), B = L·var(means).
     */
    static double fromMoments(double[] means, int k, int length, double lag0) {
        if (k < 2 || length < 2) {
            return Double.NaN;
        }
        if (!(lag0 > 0)) {
            return Double.NaN; // constant columns: no within-chain variance
        }
        double within = lag0 * length / (length - 1);
        double between = length * Moments.variance(means, 0, k);
        return Math.sqrt((between / within + length - 1) / length);
    }

    /**
     * Nested R̂ of chain-major draws ({@code chains} × {@code iterations}, chain c at
     * {@code [c*iterations, ...)}) grouped by {@code superchainOf[c]}: sqrt(1 + B̂_ν/Ŵ_ν) with
     * B̂_ν the variance of superchain means and Ŵ_ν the mean over superchains of (variance of
     * chain means within it + mean within-chain variance). NaN for non-finite or constant
     * draws, unequal superchain sizes or fewer than two superchains.
     */
    static double nested(double[] draws, int chains, int iterations, int[] superchainOf) {
        if (superchainOf.length != chains) {
            throw new IllegalArgumentException("superchain ids: expected one per chain (" + chains + "), got "
                    + superchainOf.length);
        }
        int s = chains * iterations;
        if (iterations < 1 || !EffectiveSampleSize.finiteAndVarying(draws, 0, s)) {
            return Double.NaN;
        }
        // Superchain labels may be any ints; number them in order of first appearance.
        int[] label = new int[chains];
        int[] distinct = new int[chains];
        int groups = 0;
        for (int c = 0; c < chains; c++) {
            int g = -1;
            for (int j = 0; j < groups; j++) {
                if (distinct[j] == superchainOf[c]) {
                    g = j;
                    break;
                }
            }
            if (g < 0) {
                distinct[groups] = superchainOf[c];
                g = groups++;
            }
            label[c] = g;
        }
        int[] size = new int[groups];
        for (int c = 0; c < chains; c++) {
            size[label[c]]++;
        }
        int perGroup = size[0];
        for (int g = 1; g < groups; g++) {
            if (size[g] != perGroup) {
                return Double.NaN;
            }
        }
        if (groups < 2) {
            return Double.NaN;
        }
        double[] chainMean = new double[chains];
        double[] chainVar = new double[chains];
        for (int c = 0; c < chains; c++) {
            int off = c * iterations;
            chainMean[c] = Moments.mean(draws, off, iterations);
            chainVar[c] = iterations > 1
                    ? Moments.sumOfSquaredDeviations(draws, off, iterations, chainMean[c]) / (iterations - 1) : 0;
        }
        double[] groupMean = new double[groups];
        double[] withinGroup = new double[groups];
        double[] members = new double[perGroup];
        for (int g = 0; g < groups; g++) {
            int n = 0;
            double varSum = 0;
            for (int c = 0; c < chains; c++) {
                if (label[c] == g) {
                    members[n++] = chainMean[c];
                    varSum += chainVar[c];
                }
            }
            // Equal chain lengths: the mean of all draws in the superchain is the mean of its chain means.
            groupMean[g] = Moments.mean(members, 0, perGroup);
            double betweenChains = perGroup > 1 ? Moments.variance(members, 0, perGroup) : 0;
            withinGroup[g] = betweenChains + varSum / perGroup;
        }
        double betweenGroups = Moments.variance(groupMean, 0, groups);
        double within = Moments.mean(withinGroup, 0, groups);
        return Math.sqrt(1 + betweenGroups / within);
    }
}
