package dev.meads.models.data;

import dev.meads.engine.rng.RandomStreams;
import dev.meads.models.irt.IrtData;

import java.util.random.RandomGenerator;

/**
 * Simulates 2PL responses with the notebook's distributions:
 * {@code theta_s ~ N(0, 1)}, {@code b_i ~ N(0, 1)}, {@code a_i = |N(0, 1)| + 0.1},
 * {@code y_si ~ Bernoulli(logistic(a_i (theta_s - b_i)))}. The same seed gives the same data
 * on every run (one {@link RandomStreams#forPurpose} stream, drawn in that order, then the
 * responses student by student).
 */
public final class IrtGenerator {
    /** The notebook's number of students. */
    public static final int DEFAULT_STUDENTS = 100;
    /** The notebook's number of items. */
    public static final int DEFAULT_ITEMS = 30;

    private IrtGenerator() {
    }

    /** {@value #DEFAULT_STUDENTS} students x {@value #DEFAULT_ITEMS} items. */
    public static SyntheticIrt generate(long seed) {
        return generate(DEFAULT_STUDENTS, DEFAULT_ITEMS, seed);
    }

    /** {@code students} x {@code items} responses and the abilities, discriminations and difficulties behind them. */
    public static SyntheticIrt generate(int students, int items, long seed) {
        if (students < 1 || items < 1) {
            throw new IllegalArgumentException("need at least one student and one item, got " + students + " x " + items);
        }
        RandomGenerator rng = RandomStreams.forPurpose(seed, "irt-synthetic-data");
        double[] theta = new double[students];
        double[] b = new double[items];
        double[] a = new double[items];
        for (int s = 0; s < students; s++) {
            theta[s] = rng.nextGaussian();
        }
        for (int i = 0; i < items; i++) {
            b[i] = rng.nextGaussian();
        }
        for (int i = 0; i < items; i++) {
            a[i] = Math.abs(rng.nextGaussian()) + 0.1;
        }
        byte[] y = new byte[Math.multiplyExact(students, items)];
        for (int s = 0; s < students; s++) {
            for (int i = 0; i < items; i++) {
                double p = 1.0 / (1.0 + Math.exp(-a[i] * (theta[s] - b[i])));
                y[s * items + i] = rng.nextDouble() < p ? (byte) 1 : (byte) 0;
            }
        }
        String source = "synthetic 2PL, " + students + " x " + items + ", seed " + seed;
        return new SyntheticIrt(new IrtData(students, items, y, source), theta, a, b);
    }
}
