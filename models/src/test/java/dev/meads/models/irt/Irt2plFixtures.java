package dev.meads.models.irt;

import java.util.SplittableRandom;

/** Deterministic data and evaluation points for the IRT 2PL tests. */
final class Irt2plFixtures {
    private Irt2plFixtures() {
    }

    /** Responses drawn from the model itself with abilities, difficulties ~ N(0,1) and a ~ 0.3 + |N(0,1)|. */
    static IrtData data(int students, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[students];
        for (int i = 0; i < students; i++) {
            theta[i] = random.nextGaussian();
        }
        byte[] y = new byte[students * items];
        for (int j = 0; j < items; j++) {
            double b = random.nextGaussian();
            double a = 0.3 + Math.abs(random.nextGaussian());
            for (int i = 0; i < students; i++) {
                double p = 1.0 / (1.0 + Math.exp(-a * (theta[i] - b)));
                y[i * items + j] = (byte) (random.nextDouble() < p ? 1 : 0);
            }
        }
        return new IrtData(students, items, y, "test data, seed " + seed);
    }

    /** A point of the typical set's scale: theta, b ~ N(0, 1), log_a ~ N(0, 0.5^2). */
    static double[] typicalPoint(IrtData data, SplittableRandom random) {
        double[] x = new double[data.students() + 2 * data.items()];
        for (int k = 0; k < data.students() + data.items(); k++) {
            x[k] = random.nextGaussian();
        }
        for (int k = data.students() + data.items(); k < x.length; k++) {
            x[k] = 0.5 * random.nextGaussian();
        }
        return x;
    }

    /** Kinds of extreme points: each stays where the log density and gradient are finite. */
    enum Extreme {
        /** theta = +-40, a = e^3: every |logit| is about 800, beyond exp's range. */
        HUGE_LOGITS,
        /** theta = +-50 with ordinary items. */
        LARGE_ABILITIES,
        /** log_a = 6.5 (a = 665) on every third item, with |theta - b| >= 0.1 there, so |logit| >= 66. */
        LARGE_DISCRIMINATIONS,
        /** log_a from -30 down to -800 (a underflows to 0). */
        VANISHING_DISCRIMINATIONS
    }

    static double[] extremePoint(IrtData data, Extreme kind, SplittableRandom random) {
        int students = data.students();
        int items = data.items();
        double[] x = typicalPoint(data, random);
        switch (kind) {
            case HUGE_LOGITS -> {
                for (int i = 0; i < students; i++) {
                    x[i] = (i % 2 == 0 ? 40 : -40) + random.nextDouble();
                }
                for (int j = 0; j < items; j++) {
                    x[students + items + j] = 3.0 + 0.01 * j;
                }
            }
            case LARGE_ABILITIES -> {
                for (int i = 0; i < students; i++) {
                    x[i] = (i % 3 == 0 ? 50 : -50) * (1 + 0.01 * random.nextDouble());
                }
            }
            case LARGE_DISCRIMINATIONS -> {
                for (int j = 0; j < items; j += 3) {
                    x[students + items + j] = 6.5 - 0.001 * j;
                }
                for (int i = 0; i < students; i++) {
                    boolean near = true;
                    while (near) { // move theta_i until it is 0.1 away from every large-a item's b
                        near = false;
                        for (int j = 0; j < items; j += 3) {
                            if (Math.abs(x[i] - x[students + j]) < 0.1) {
                                x[i] += 0.25;
                                near = true;
                            }
                        }
                    }
                }
            }
            case VANISHING_DISCRIMINATIONS -> {
                double[] logA = {-30, -80, -300, -720, -800};
                for (int j = 0; j < items; j++) {
                    x[students + items + j] = logA[j % logA.length];
                }
            }
        }
        return x;
    }
}
