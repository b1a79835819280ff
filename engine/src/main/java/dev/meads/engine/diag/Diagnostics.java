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
 * than 3 rows per split chain. Two deliberate departures from posterior, both as ALGORITHMS.md
 * §7.10 words it: posterior applies the spread check of R̂ and bulk ESS to the rank-normalised
 * values, so for draws that differ but span less than 2.22e-16 (a quantity on the scale of
 * 1e-17, or rounding noise around a constant) it gives numbers where these are NaN, consistent
 * with {@link ParameterSummary#constant()}; and it ranks infinite draws, where any non-finite
 * draw gives NaN here.
 *
 * <p>An instance owns scratch space sized to the largest input seen and reuses it, so that
 * summarising many quantities of the same shape allocates nothing per quantity except the
 * returned records (and the small temporary arrays that the JDK's {@code Arrays.sort} makes
 * internally, about 17 kB per sort of 64000 values). Not thread-safe: use one instance per
 * thread.
 */
public final class Diagnostics {
    /** Probabilities of ±1 standard deviation of a normal, for quantile MCSE intervals (posterior's constants). */
    private static final double LOWER_ONE_SIGMA = 0.1586553;
    private static final double UPPER_ONE_SIGMA = 0.8413447;

    private final EffectiveSampleSize ess;
    private final RankNormalizer ranks = new RankNormalizer();
    /** The draws in split layout: column 2c / 2c+1 = first / last half of chain c, then dropped middle draws. */
    private double[] split = new double[0];
    /** z-scores or transformed draws in split layout. */
    private double[] work = new double[0];
    private double[] columnMeans = new double[0];
    /** {sum, min, max, finite} of the draws being summarised. */
    private final double[] scan = new double[4];
    /** {residual, squares} around the rough mean. */
    private final double[] deviations = new double[2];

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
        if (!sortSplit(draws, chains, iterations, 2)) {
            return Double.NaN;
        }
        int half = iterations / 2;
        int columns = 2 * chains;
        ranks.zScale(ranks.order(), ranks.sorted(), ranks.count(), columns * half, work);
        double bulk = GelmanRubin.basic(work, columns, half, columnMeans);
        return Math.max(bulk, foldedRhat(chains, iterations));
    }

    /** R̂ of the rank-normalised split chains. */
    public double rhatBulk(double[] draws, int chains, int iterations) {
        if (!sortSplit(draws, chains, iterations, 2)) {
            return Double.NaN;
        }
        int half = iterations / 2;
        ranks.zScale(ranks.order(), ranks.sorted(), ranks.count(), 2 * chains * half, work);
        return GelmanRubin.basic(work, 2 * chains, half, columnMeans);
    }

    /** R̂ of the rank-normalised split chains of |y − median(y)| (scale convergence). */
    public double rhatTail(double[] draws, int chains, int iterations) {
        if (!sortSplit(draws, chains, iterations, 2)) {
            return Double.NaN;
        }
        return foldedRhat(chains, iterations);
    }

    /** Classic split R̂ (no rank normalisation). */
    public double rhatBasic(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        if (half < 2 || !EffectiveSampleSize.allFinite(draws, 0, chains * iterations)) {
            return Double.NaN;
        }
        loadSplit(draws, chains, iterations, half);
        return GelmanRubin.basic(split, 2 * chains, half, columnMeans);
    }

    /** Classic R̂ of the chains as given (no split, no rank normalisation); needs ≥ 2 chains. */
    public double rhatUnsplit(double[] draws, int chains, int iterations) {
        prepare(draws, chains, iterations);
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
        if (!sortSplit(draws, chains, iterations, 1)) {
            return Double.NaN;
        }
        int half = iterations / 2;
        ranks.zScale(ranks.order(), ranks.sorted(), ranks.count(), 2 * chains * half, work);
        return ess.computeVarying(work, 2 * chains, half);
    }

    /** min(ESS of the 5% quantile, ESS of the 95% quantile); NaN if either is. */
    public double essTail(double[] draws, int chains, int iterations) {
        if (!sortSplit(draws, chains, iterations, 1)) {
            return Double.NaN;
        }
        return Math.min(essQuantileSorted(chains, iterations, 0.05), essQuantileSorted(chains, iterations, 0.95));
    }

    /** ESS for the q-quantile: the split ESS of the indicator y ≤ Q_q (q in [0, 1]). */
    public double essQuantile(double[] draws, int chains, int iterations, double q) {
        checkProbability(q);
        if (!sortSplit(draws, chains, iterations, 1)) {
            return Double.NaN;
        }
        return essQuantileSorted(chains, iterations, q);
    }

    /** ESS for the mean: the split ESS of the draws themselves (posterior's ess_basic). */
    public double essMean(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        if (half < 1 || !EffectiveSampleSize.allFinite(draws, 0, chains * iterations)) {
            return Double.NaN;
        }
        loadSplit(draws, chains, iterations, half);
        return ess.compute(split, 2 * chains, half);
    }

    /**
     * ESS for the standard deviation: the split ESS of (y − ȳ)², ȳ the mean of all draws (the
     * definition the §8.5 reference values were computed with; some posterior versions use |y − ȳ|).
     */
    public double essSd(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        int s = chains * iterations;
        if (half < 1 || !EffectiveSampleSize.allFinite(draws, 0, s)) {
            return Double.NaN;
        }
        return squaredDeviationEss(draws, chains, iterations, half, Moments.mean(draws, 0, s));
    }

    // ---------------------------------------------------------------- MCSE

    /** Monte Carlo standard error of the mean: sd(all draws) / sqrt(ess_mean). */
    public double mcseMean(double[] draws, int chains, int iterations) {
        double e = essMean(draws, chains, iterations);
        int s = chains * iterations;
        return Double.isNaN(e) ? Double.NaN : Math.sqrt(Moments.variance(draws, 0, s)) / Math.sqrt(e);
    }

    /**
     * Monte Carlo standard error of the standard deviation, by the Kenney–Keeping variance of the
     * variance with ESS of the squared deviations (no normality assumed).
     */
    public double mcseSd(double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        int s = chains * iterations;
        if (half < 1 || !EffectiveSampleSize.allFinite(draws, 0, s)) {
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
        double essSquares = squaredDeviationEss(draws, chains, iterations, half, mean);
        double varianceOfVariance = (m4 - m2 * m2) / essSquares;
        return Math.sqrt(varianceOfVariance / m2 / 4);
    }

    /**
     * Monte Carlo standard error of the q-quantile: half the distance between the order
     * statistics at the Beta(ess·q + 1, ess·(1−q) + 1) quantiles 0.1586553 and 0.8413447.
     */
    public double mcseQuantile(double[] draws, int chains, int iterations, double q) {
        checkProbability(q);
        if (!sortSplit(draws, chains, iterations, 1)) {
            return Double.NaN;
        }
        double e = essQuantileSorted(chains, iterations, q);
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

    /** Type-7 q-quantile of all draws; NaN if a draw is NaN or there are none. */
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
        return count > 0 && EffectiveSampleSize.allFinite(draws, 0, count)
                && !EffectiveSampleSize.finiteAndVarying(draws, 0, count);
    }

    /**
     * Every column of the summary table for one quantity, sharing one sort between the quantiles,
     * both rank normalisations and the tail indicators, and one pass between bulk ESS and bulk R̂.
     */
    public ParameterSummary summarise(String name, double[] draws, int chains, int iterations) {
        int half = prepare(draws, chains, iterations);
        int s = chains * iterations;
        Moments.scan(draws, s, scan);
        boolean finite = scan[3] == 1;
        boolean constant = s > 0 && finite && !(scan[2] - scan[1] >= EffectiveSampleSize.CONSTANT_TOLERANCE);
        double mean = Double.NaN;
        double sd = Double.NaN;
        if (s > 0) {
            // R's mean (sum/S refined by the mean residual) and the squares around it, in one
            // pass. The loops live in callees: this method runs 160 times per summary, too few to
            // be worth compiling, whereas a loop of its own would get it compiled whole (about
            // 0.4 s of the compiler's time in a fresh JVM).
            double rough = scan[0] / s;
            Moments.deviations(draws, s, rough, deviations);
            double residual = deviations[0];
            double squares = deviations[1];
            mean = rough + residual / s;
            if (s > 1) {
                sd = Math.sqrt(Math.max(0, squares - residual * residual / s) / (s - 1));
            }
        }
        double median = Double.NaN;
        double q5 = Double.NaN;
        double q95 = Double.NaN;
        if (s > 0 && (finite || !anyNaN(draws, s))) {
            loadSplit(draws, chains, iterations, half);
            ranks.sort(split, s);
            double[] sorted = ranks.sorted();
            median = Quantiles.type7(sorted, s, 0.5);
            q5 = Quantiles.type7(sorted, s, 0.05);
            q95 = Quantiles.type7(sorted, s, 0.95);
        }
        int columns = 2 * chains;
        int retained = columns * half;
        double essBulk = Double.NaN;
        double essTail = Double.NaN;
        double rhat = Double.NaN;
        double mcseMean = Double.NaN;
        // For odd chains the split draws lack the middle row and may be constant on their own.
        boolean splitVarying = retained == s ? !constant : EffectiveSampleSize.finiteAndVarying(split, 0, retained);
        if (finite && !constant && half >= 1 && splitVarying) {
            ranks.zScale(ranks.order(), ranks.sorted(), s, retained, work);
            essBulk = ess.computeVarying(work, columns, half);
            double rhatBulk = Double.NaN;
            if (half >= 2) {
                rhatBulk = ess.momentsValid()
                        ? GelmanRubin.fromMoments(ess.columnMeans(), columns, half, ess.meanLag0())
                        : GelmanRubin.basicVarying(work, columns, half, columnMeans);
            }
            rhat = Math.max(rhatBulk, foldedRhat(chains, iterations));
            essTail = Math.min(essQuantileSorted(chains, iterations, 0.05),
                    essQuantileSorted(chains, iterations, 0.95));
            mcseMean = sd / Math.sqrt(ess.computeVarying(split, columns, half));
        }
        return new ParameterSummary(name, mean, sd, median, q5, q95, mcseMean, essBulk, essTail, rhat, constant);
    }

    // ---------------------------------------------------------------- internals

    /**
     * Validates the shape and sizes the scratch; returns the split half length
     * {@code floor(iterations/2)}.
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
        if (split.length < s) {
            split = new double[(int) s];
            work = new double[(int) s];
        }
        if (columnMeans.length < 2 * chains) {
            columnMeans = new double[2 * chains];
        }
        return iterations / 2;
    }

    /**
     * Copies the draws into {@link #split}: column 2c = first half of chain c, column 2c+1 = last
     * half (each {@code half} long, contiguous), then the dropped middle draw of each odd chain.
     */
    private void loadSplit(double[] draws, int chains, int iterations, int half) {
        int secondStart = iterations - half;
        int retained = 2 * chains * half;
        for (int c = 0; c < chains; c++) {
            int base = c * iterations;
            System.arraycopy(draws, base, split, 2 * c * half, half);
            System.arraycopy(draws, base + secondStart, split, (2 * c + 1) * half, half);
            if (secondStart > half) {
                split[retained + c] = draws[base + half];
            }
        }
    }

    /**
     * Prepares, loads and sorts the split draws; false (result NaN) when a draw is non-finite,
     * the retained split draws are constant, or the split chains are shorter than {@code minHalf}.
     */
    private boolean sortSplit(double[] draws, int chains, int iterations, int minHalf) {
        int half = prepare(draws, chains, iterations);
        int s = chains * iterations;
        if (half < minHalf || !EffectiveSampleSize.allFinite(draws, 0, s)) {
            return false;
        }
        loadSplit(draws, chains, iterations, half);
        if (!EffectiveSampleSize.finiteAndVarying(split, 0, 2 * chains * half)) {
            return false;
        }
        ranks.sort(split, s);
        return true;
    }

    /** R̂ of the rank-normalised split |y − median|, the split draws already sorted. */
    private double foldedRhat(int chains, int iterations) {
        int half = iterations / 2;
        if (half < 2) {
            return Double.NaN;
        }
        int s = ranks.count();
        int columns = 2 * chains;
        ranks.sortFolded(Quantiles.type7(ranks.sorted(), s, 0.5));
        ranks.zScale(ranks.foldOrder(), ranks.foldSorted(), s, columns * half, work);
        // Folded draws can be constant (e.g. ±1 around a median of 0): basicVarying then gives NaN.
        return GelmanRubin.basicVarying(work, columns, half, columnMeans);
    }

    /** Split ESS of the indicator y ≤ Q_q, the split draws already sorted by {@link #sortSplit}. */
    private double essQuantileSorted(int chains, int iterations, double q) {
        int s = chains * iterations;
        double p = q == 1 ? (s - 0.5) / s : q;
        double threshold = Quantiles.type7(ranks.sorted(), s, p);
        return ess.computeIndicator(split, 2 * chains, iterations / 2, threshold);
    }

    /** Split ESS of (y − center)². */
    private double squaredDeviationEss(double[] draws, int chains, int iterations, int half, double center) {
        loadSplit(draws, chains, iterations, half);
        int n = 2 * chains * half;
        for (int i = 0; i < n; i++) {
            double d = split[i] - center;
            work[i] = d * d;
        }
        return ess.compute(work, 2 * chains, half);
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
