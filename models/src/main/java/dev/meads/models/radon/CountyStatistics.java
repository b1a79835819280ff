package dev.meads.models.radon;

/**
 * The per-county sufficient statistics of the radon likelihood. For county {@code c} with
 * {@code n_c} observations, county means {@code ybar_c}, {@code fbar_c} of log radon and
 * floor, and centred within-county sums {@code S_yy}, {@code S_fy}, {@code S_ff} pooled over
 * counties,
 * <pre>
 *   sum_n (y_n - alpha_c(n) - beta f_n)^2
 *     = S_yy - 2 beta S_fy + beta^2 S_ff + sum_c n_c (ybar_c - alpha_c - beta fbar_c)^2
 *     = R + S_ff (beta - b)^2           + sum_c n_c (ybar_c - alpha_c - beta fbar_c)^2,
 * </pre>
 * with {@code b = S_fy / S_ff} the pooled within-county slope and {@code R} the residual sum
 * of squares at {@code b} (computed directly from the data, so it is accurate and never
 * negative). The second form is a sum of non-negative terms and loses nothing to cancellation.
 * When no county has floor variation, {@code S_ff = 0}, {@code b = 0} and {@code R = S_yy}.
 *
 * <p>Immutable after construction; arrays are exposed to the evaluators of this package only.
 */
final class CountyStatistics {
    final int counties;
    final int observations;
    /** {@code n_c} as doubles, so the vector loop loads them directly. */
    final double[] count;
    final double[] meanLogRadon;
    final double[] meanFloor;
    /** Pooled within-county {@code S_ff}. */
    final double floorSumOfSquares;
    /** Pooled within-county least-squares slope {@code b}. */
    final double withinSlope;
    /** Residual sum of squares {@code R} at the within-county slope. */
    final double withinResidual;

    CountyStatistics(RadonData data) {
        int j = data.counties();
        int n = data.observations();
        int[] county = data.county();
        double[] f = data.floor();
        double[] y = data.logRadon();
        this.counties = j;
        this.observations = n;
        this.count = new double[j];
        this.meanLogRadon = new double[j];
        this.meanFloor = new double[j];
        for (int i = 0; i < n; i++) {
            int c = county[i];
            count[c] += 1;
            meanLogRadon[c] += y[i];
            meanFloor[c] += f[i];
        }
        for (int c = 0; c < j; c++) {
            if (count[c] > 0) {
                meanLogRadon[c] /= count[c];
                meanFloor[c] /= count[c];
            }
        }
        double sff = 0;
        double sfy = 0;
        for (int i = 0; i < n; i++) {
            int c = county[i];
            double df = f[i] - meanFloor[c];
            double dy = y[i] - meanLogRadon[c];
            sff += df * df;
            sfy += df * dy;
        }
        double slope = sff > 0 ? sfy / sff : 0.0;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            int c = county[i];
            double e = (y[i] - meanLogRadon[c]) - slope * (f[i] - meanFloor[c]);
            residual += e * e;
        }
        this.floorSumOfSquares = sff;
        this.withinSlope = slope;
        this.withinResidual = residual;
    }

    /** {@code sum_c} of the within-county part {@code R + S_ff (beta - b)^2} at slope {@code beta}. */
    double withinSquares(double beta) {
        double db = beta - withinSlope;
        return withinResidual + floorSumOfSquares * db * db;
    }
}
