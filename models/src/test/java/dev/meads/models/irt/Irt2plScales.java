package dev.meads.models.irt;

/**
 * The size of each quantity the model sums: the sum of the absolute values of its terms. A
 * difference between two correct implementations is rounding, which is relative to this
 * scale, not to the (possibly cancelling) sum itself.
 */
final class Irt2plScales {
    final double logDensity;
    final double[] gradient;

    Irt2plScales(IrtData data, double[] x, int off) {
        int students = data.students();
        int items = data.items();
        gradient = new double[students + 2 * items];
        double lp = 0;
        for (int i = 0; i < students; i++) {
            double t = x[off + i];
            lp += 0.5 * t * t;
            gradient[i] = Math.abs(t);
        }
        for (int j = 0; j < items; j++) {
            double b = x[off + students + j];
            double logA = x[off + students + items + j];
            double a = Math.exp(logA);
            lp += 0.5 * b * b + 0.5 * a * a + Math.abs(logA);
            gradient[students + j] = Math.abs(b);
            gradient[students + items + j] = 1 + a * a;
            for (int i = 0; i < students; i++) {
                double eta = a * (x[off + i] - b);
                double s = data.response(i, j) == 1 ? eta : -eta;
                double e = Math.exp(-Math.abs(s));
                lp += Math.abs(Math.min(s, 0) - Math.log1p(e));
                double dS = s > 0 ? e / (1 + e) : 1 / (1 + e);
                gradient[i] += a * dS;
                gradient[students + j] += a * dS;
                gradient[students + items + j] += Math.abs(eta) * dS;
            }
        }
        logDensity = lp;
    }
}
