package dev.meads.engine.diag;

import dev.meads.engine.simd.Kernels;

/**
 * MCMC convergence diagnostics of one scalar quantity (ALGORITHMS.md §7; the semantics of
 * stan-dev/posterior): split and rank-normalised R̂, bulk/tail/mean/sd/quantile ESS, Monte Carlo
 * standard errors, type-7 quantiles and nested R̂.
 *
 * <p>Every method takes the draws of one quantity for {@code chains} chains of
 * {@code iterations} draws as a flat chain-major array (chain c, iteration i at
 * {@code c*iterations + i}), as {@link dev.meads.engine.draws.Draws#parameter} returns it; the
 * array may be longer than {@code chains*iterations}. Splitting halves each chain; for an odd
 * number of iterations the middle draw is dropped.
 *
 * <p>Undefined results are NaN, never exceptions: any non-finite draw, all draws equal (spread
 * below 2.22e-16, posterior's absolute tolerance; checked on the raw draws for every diagnostic,
 * including the rank-based ones), split R̂ with fewer than 4 draws per chain, ESS with fewer
 * than 3 rows per split chain.
 *
 * <p>An instance owns scratch space sized to the largest input seen and reuses it, so that
 * summarising many quantities of the same shape allocates nothing per quantity except the
 * returned records. Not thread-safe: use one instance per thread.
 */
public final class Diagnostics {
    /** Probabilities of ±1 standard deviation of a normal, for quantile MCSE intervals (posterior's constants). */
    private static final double LOWER_ONE_SIGMA = 0.1586553;
    private static final double UPPER_ONE_SIGMA = 0.8413447;

    private final EffectiveSampleSize ess;
    private final RankNormalizer ranks = new RankNormalizer();
    private double[] work = new double[0];
    private double[] columnMeans = new double[0];
    private int[] position = new int[0];
    private int positionChains = -1;
    private int positionIterations = -1;

    /** Diagnostics using the platform's vector kernels. */
    public Diagnostics() {
        this(Kernels.get(), -1);
    }

    /** With explicit kernels and FFT switch-over lag (negative: size-based default); for tests. */
    Diagnostics(Kernels kernels, int directLagLimit) {
        this.ess = new EffectiveSampleSize(kernels, directLagLimit);
    }

    // ---------------------------------------------------------------- R-hat

    /** Rank-normalised split R̂: max(bulk, tail); the recommended convergence check (&lt; 1.01). */
    public double rhat(double[] draws, int chains, int iterations) {
        return Math.max(rhatBulk(draws, chains, iterations), rhatTail(draws, chains, iterations));
    }

    /** R̂ of the rank-normalised split chains. */
    public double rhatBulk(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        if (half < 2 || !EffectiveSampleSize.finiteAndVarying(draws, 0, chains * iterations)) {
            return Double.NaN;
        }
        rankNormalise(draws, chains, iterations, false);
        return GelmanRubin.basic(work, 2 * chains, half, columnMeans);
    }

    /** R̂ of the rank-normalised split chains of |y − median(y)| (scale convergence). */
    public double rhatTail(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        if (half < 2 || !EffectiveSampleSize.finiteAndVarying(draws, 0, chains * iterations)) {
            return Double.NaN;
        }
        rankNormalise(draws, chains, iterations, true);
        return GelmanRubin.basic(work, 2 * chains, half, columnMeans);
    }

    /** Classic split R̂ (no rank normalisation). */
    public double rhatBasic(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        if (half < 2) {
            return Double.NaN;
        }
        copySplit(draws, chains, iterations, half);
        return GelmanRubin.basic(work, 2 * chains, half, columnMeans);
    }

    /** Classic R̂ of the chains as given (no split, no rank normalisation); needs ≥ 2 chains. */
    public double rhatUnsplit(double[] draws, int chains, int iterations) {
        prepare(draws, chains, iterations);
        if (columnMeans.length < chains) {
            columnMeans = new double[chains];
        }
        return GelmanRubin.basic(draws, chains, iterations, columnMeans);
    }

    /**
     * Nested R̂ for many short chains grouped into superchains (chains started from one point);
     * {@code superchainOf[c]} labels chain c. No splitting, no ranks. NaN if the superchains
     * differ in size or there are fewer than two.
     */
    public double rhatNested(double[] draws, int chains, int iterations, int[] superchainOf) {
        prepare(draws, chains, iterations);
        return GelmanRubin.nested(draws, chains, iterations, superchainOf);
    }

    /** Nested R̂ with superchains of {@code chainsPerSuperchain} consecutive chains. */
    public double rhatNested(double[] draws, int chains, int iterations, int chainsPerSuperchain) {
        if (chainsPerSuperchain < 1 || chains % chainsPerSuperchain != 0) {
            throw new IllegalArgumentException("chainsPerSuperchain must divide the " + chains + " chains, got "
                    + chainsPerSuperchain);
        }
        int[] ids = new int[chains];
        for (int c = 0; c < chains; c++) {
            ids[c] = c / chainsPerSuperchain;
        }
        return rhatNested(draws, chains, iterations, ids);
    }

    // ---------------------------------------------------------------- ESS

    /** ESS of the rank-normalised split chains: efficiency for the bulk of the distribution. */
    public double essBulk(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        if (half < 1 || !EffectiveSampleSize.finiteAndVarying(draws, 0, chains * iterations)) {
            return Double.NaN;
        }
        rankNormalise(draws, chains, iterations, false);
        return ess.compute(work, 2 * chains, half);
    }

    /** min(ESS of the 5% quantile, ESS of the 95% quantile); NaN if either is. */
    public double essTail(double[] draws, int chains, int iterations) {
        if (!sortAll(draws, chains, iterations)) {
            return Double.NaN;
        }
        return Math.min(essQuantileSorted(draws, chains, iterations, 0.05),
                essQuantileSorted(draws, chains, iterations, 0.95));
    }

    /** ESS for the q-quantile: the split ESS of the indicator y ≤ Q_q (q in [0, 1]). */
    public double essQuantile(double[] draws, int chains, int iterations, double q) {
        checkProbability(q);
        if (!sortAll(draws, chains, iterations)) {
            return Double.NaN;
        }
        return essQuantileSorted(draws, chains, iterations, q);
    }

    /** ESS for the mean: the split ESS of the draws themselves (posterior's ess_basic). */
    public double essMean(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        if (half < 1) {
            return Double.NaN;
        }
        copySplit(draws, chains, iterations, half);
        return ess.compute(work, 2 * chains, half);
    }

    /**
     * ESS for the standard deviation: the split ESS of (y − ȳ)², ȳ the mean of all draws (the
     * definition the §8.5 reference values were computed with; some posterior versions use |y − ȳ|).
     */
    public double essSd(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        int s = chains * iterations;
        if (half < 1 || s < 1) {
            return Double.NaN;
        }
        double mean = Moments.mean(draws, 0, s);
        copySplit(draws, chains, iterations, half);
        int n = 2 * chains * half;
        for (int i = 0; i < n; i++) {
            double d = work[i] - mean;
            work[i] = d * d;
        }
        return ess.compute(work, 2 * chains, half);
    }

    // ---------------------------------------------------------------- MCSE

    /** Monte Carlo standard error of the mean: sd(all draws) / sqrt(ess_mean). */
    public double mcseMean(double[] draws, int chains, int iterations) {
        double sd = Math.sqrt(checkedVariance(draws, chains, iterations));
        return sd / Math.sqrt(essMean(draws, chains, iterations));
    }

    /**
     * Monte Carlo standard error of the standard deviation, by the Kenney–Keeping variance of the
     * variance with ESS of the squared deviations (no normality assumed).
     */
    public double mcseSd(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        int s = chains * iterations;
        if (half < 1 || s < 1) {
            return Double.NaN;
        }
        double mean = Moments.mean(draws, 0, s);
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < s; i++) {
            double d = draws[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }
        m2 /= s;
        m4 /= s;
        copySplit(draws, chains, iterations, half);
        int n = 2 * chains * half;
        for (int i = 0; i < n; i++) {
            double d = work[i] - mean;
            work[i] = d * d;
        }
        double essSquares = ess.compute(work, 2 * chains, half);
        double varianceOfVariance = (m4 - m2 * m2) / essSquares;
        return Math.sqrt(varianceOfVariance / m2 / 4);
    }

    /**
     * Monte Carlo standard error of the q-quantile: half the distance between the order
     * statistics at the Beta(ess·q + 1, ess·(1−q) + 1) quantiles 0.1586553 and 0.8413447.
     */
    public double mcseQuantile(double[] draws, int chains, int iterations, double q) {
        checkProbability(q);
        if (!sortAll(draws, chains, iterations)) {
            return Double.NaN;
        }
        double e = essQuantileSorted(draws, chains, iterations, q);
        if (Double.isNaN(e)) {
            return Double.NaN;
        }
        int s = chains * iterations;
        double a1 = BetaDistribution.quantile(LOWER_ONE_SIGMA, e * q + 1, e * (1 - q) + 1);
        double a2 = BetaDistribution.quantile(UPPER_ONE_SIGMA, e * q + 1, e * (1 - q) + 1);
        double[] sorted = ranks.sorted();
        int lo = (int) Math.max(Math.floor(a1 * s), 1);
        int hi = (int) Math.min(Math.ceil(a2 * s), s);
        return (sorted[hi - 1] - sorted[lo - 1]) / 2;
    }

    // ---------------------------------------------------------------- quantiles and summary

    /** Type-7 q-quantile of all draws; NaN if a draw is NaN. */
    public double quantile(double[] draws, int chains, int iterations, double q) {
        checkProbability(q);
        prepare(draws, chains, iterations);
        int s = chains * iterations;
        if (s < 1 || anyNaN(draws, s)) {
            return Double.NaN;
        }
        ranks.sort(draws, s);
        return Quantiles.type7(ranks.sorted(), s, q);
    }

    /** True when every draw is finite and all lie within 2.22e-16 of each other. */
    public static boolean isConstant(double[] draws, int count) {
        return EffectiveSampleSize.allFinite(draws, 0, count)
                && !EffectiveSampleSize.finiteAndVarying(draws, 0, count);
    }

    /**
     * Every column of the summary table for one quantity, sharing one sort between the quantiles,
     * the rank normalisations and the tail indicators.
     */
    public ParameterSummary summarise(String name, double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        int s = chains * iterations;
        double mean = s > 0 ? Moments.mean(draws, 0, s) : Double.NaN;
        double sd = s > 1 ? Math.sqrt(Moments.sumOfSquaredDeviations(draws, 0, s, mean) / (s - 1)) : Double.NaN;
        boolean finite = EffectiveSampleSize.allFinite(draws, 0, s);
        boolean constant = s > 0 && isConstant(draws, s);
        double median = Double.NaN;
        double q5 = Double.NaN;
        double q95 = Double.NaN;
        if (s > 0 && !anyNaN(draws, s)) {
            ranks.sort(draws, s);
            double[] sorted = ranks.sorted();
            median = Quantiles.type7(sorted, s, 0.5);
            q5 = Quantiles.type7(sorted, s, 0.05);
            q95 = Quantiles.type7(sorted, s, 0.95);
        }
        double essBulk = Double.NaN;
        double essTail = Double.NaN;
        double rhat = Double.NaN;
        double mcseMean = Double.NaN;
        if (finite && !constant && half >= 1) {
            int columns = 2 * chains;
            int retained = columns * half;
            // The sort above is reused by everything below.
            ranks.zScale(ranks.order(), ranks.sorted(), s, position, retained, work);
            essBulk = ess.compute(work, columns, half);
            double rhatBulk = half >= 2 ? GelmanRubin.basic(work, columns, half, columnMeans) : Double.NaN;
            ranks.sortFolded(median);
            ranks.zScale(ranks.foldOrder(), ranks.foldSorted(), s, position, retained, work);
            double rhatTail = half >= 2 ? GelmanRubin.basic(work, columns, half, columnMeans) : Double.NaN;
            rhat = Math.max(rhatBulk, rhatTail);
            essTail = Math.min(essQuantileSorted(draws, chains, iterations, 0.05),
                    essQuantileSorted(draws, chains, iterations, 0.95));
            copySplit(draws, chains, iterations, half);
            mcseMean = sd / Math.sqrt(ess.compute(work, columns, half));
        }
        return new ParameterSummary(name, mean, sd, median, q5, q95, mcseMean, essBulk, essTail, rhat, constant);
    }

    // ---------------------------------------------------------------- internals

    /**
     * Validates the shape, sizes scratch and the split position map, and returns the split half
     * length {@code floor(iterations/2)}.
     */
    private int prepare(double[] draws, int chains, int iterations) {
        if (chains < 1 || iterations < 0) {
            throw new IllegalArgumentException("need chains >= 1 and iterations >= 0, got " + chains + " and "
                    + iterations);
        }
        long s = (long) chains * iterations;
        if (draws.length < s) {
            throw new IllegalArgumentException("draws array has " + draws.length + " values, fewer than " + chains
                    + " chains x " + iterations + " iterations");
        }
        int half = iterations / 2;
        if (work.length < s) {
            work = new double[(int) s];
        }
        if (columnMeans.length < 2 * chains) {
            columnMeans = new double[2 * chains];
        }
        if (positionChains != chains || positionIterations != iterations) {
            buildPositions(chains, iterations, half);
        }
        return half;
    }

    /**
     * position[c*n + i] = where draw i of chain c lands in the split matrix (column 2c or 2c+1,
     * columns of length half, contiguous), or −1 for the dropped middle draw of an odd chain.
     */
    private void buildPositions(int chains, int iterations, int half) {
        int s = chains * iterations;
        if (position.length < s) {
            position = new int[s];
        }
        int secondStart = iterations - half;
        for (int c = 0; c < chains; c++) {
            int base = c * iterations;
            for (int i = 0; i < iterations; i++) {
                int p;
                if (i < half) {
                    p = 2 * c * half + i;
                } else if (i >= secondStart) {
                    p = (2 * c + 1) * half + (i - secondStart);
                } else {
                    p = -1;
                }
                position[base + i] = p;
            }
        }
        positionChains = chains;
        positionIterations = iterations;
    }

    /** Copies the split chains into {@code work}: column 2c = first half of chain c, 2c+1 = last half. */
    private void copySplit(double[] draws, int chains, int iterations, int half) {
        int secondStart = iterations - half;
        for (int c = 0; c < chains; c++) {
            System.arraycopy(draws, c * iterations, work, 2 * c * half, half);
            System.arraycopy(draws, c * iterations + secondStart, work, (2 * c + 1) * half, half);
        }
    }

    /** Writes the z-scores of the split draws (or of the split folded draws) into {@code work}. */
    private void rankNormalise(double[] draws, int chains, int iterations, boolean folded) {
        int s = chains * iterations;
        int retained = 2 * chains * (iterations / 2);
        ranks.sort(draws, s);
        if (folded) {
            ranks.sortFolded(Quantiles.type7(ranks.sorted(), s, 0.5));
            ranks.zScale(ranks.foldOrder(), ranks.foldSorted(), s, position, retained, work);
        } else {
            ranks.zScale(ranks.order(), ranks.sorted(), s, position, retained, work);
        }
    }

    /** Prepares and sorts all draws; false (result NaN) for non-finite or constant draws. */
    private boolean sortAll(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        int s = chains * iterations;
        if (half < 1 || !EffectiveSampleSize.finiteAndVarying(draws, 0, s)) {
            return false;
        }
        ranks.sort(draws, s);
        return true;
    }

    /** Split ESS of the indicator y ≤ Q_q, with the draws already sorted by {@link #sortAll}. */
    private double essQuantileSorted(double[] draws, int chains, int iterations, double q) {
        int s = chains * iterations;
        int half = iterations / 2;
        double p = q == 1 ? (s - 0.5) / s : q;
        double threshold = Quantiles.type7(ranks.sorted(), s, p);
        copySplit(draws, chains, iterations, half);
        int n = 2 * chains * half;
        for (int i = 0; i < n; i++) {
            work[i] = work[i] <= threshold ? 1 : 0;
        }
        return ess.compute(work, 2 * chains, half);
    }

    private double checkedVariance(double[] draws, int chains, int iterations) {
        prepare(draws, chains, iterations);
        int s = chains * iterations;
        return s > 1 ? Moments.variance(draws, 0, s) : Double.NaN;
    }

    private static boolean anyNaN(double[] x, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i])) {
                return true;
            }
        }
        return false;
    }

    private static void checkProbability(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + q);
        }
    }
}
