package dev.meads.engine.nuts;

/**
 * Mean of a correlated series with its Monte Carlo standard error from non-overlapping batch
 * means: {@code MCSE = sd(batch means) / sqrt(batches)}. Batches much longer than the
 * autocorrelation time make the estimate consistent.
 */
record BatchMeans(double mean, double mcse) {

    static BatchMeans of(double[] series, int batches) {
        int len = series.length / batches;
        if (len < 2) {
            throw new IllegalArgumentException("series of " + series.length + " too short for " + batches + " batches");
        }
        double[] means = new double[batches];
        double total = 0;
        for (int b = 0; b < batches; b++) {
            double s = 0;
            for (int i = b * len; i < (b + 1) * len; i++) {
                s += series[i];
            }
            means[b] = s / len;
            total += means[b];
        }
        double grand = total / batches;
        double ss = 0;
        for (double m : means) {
            ss += (m - grand) * (m - grand);
        }
        double sdMeans = Math.sqrt(ss / (batches - 1));
        return new BatchMeans(grand, sdMeans / Math.sqrt(batches));
    }

    /** {@code |mean − truth| / mcse}. */
    double z(double truth) {
        return Math.abs(mean - truth) / mcse;
    }

    @Override
    public String toString() {
        return String.format("%.5f ± %.5f", mean, mcse);
    }
}
