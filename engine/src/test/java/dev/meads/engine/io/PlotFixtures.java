package dev.meads.engine.io;

import dev.meads.engine.draws.Draws;
import java.util.SplittableRandom;

/** Inputs shared by the PNG and SVG plot tests. */
final class PlotFixtures {
    private PlotFixtures() {
    }

    /** Draws of the named quantities, 6 chains × 300: quantity p is p + N(0, 1). */
    static Draws gaussianDraws(String... names) {
        Draws d = new Draws(names, 6, 300);
        SplittableRandom r = new SplittableRandom(9);
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < 300; i++) {
                for (int p = 0; p < names.length; p++) {
                    d.setValue(c, i, p, p + r.nextGaussian());
                }
            }
        }
        return d;
    }

    /** The IRT names: theta[1..100], a[1..30], b[1..30]. */
    static String[] irtNames() {
        String[] names = new String[160];
        for (int i = 0; i < 160; i++) {
            names[i] = i < 100 ? "theta[" + (i + 1) + "]" : i < 130 ? "a[" + (i - 99) + "]" : "b[" + (i - 129) + "]";
        }
        return names;
    }

    /** 160 R-hat values just above 1, the eighth NaN. */
    static double[] rhatValues() {
        SplittableRandom r = new SplittableRandom(3);
        double[] rhat = new double[160];
        for (int i = 0; i < 160; i++) {
            rhat[i] = 1 + Math.abs(r.nextGaussian()) * 0.003;
        }
        rhat[7] = Double.NaN;
        return rhat;
    }

    /** Step sizes per fold falling from about 0.5 to {@code floor + spread · fold}. */
    static double[][] stepSizes(int folds, int iterations, double floor, double spread) {
        double[][] eps = new double[folds][iterations];
        for (int f = 0; f < folds; f++) {
            for (int t = 0; t < iterations; t++) {
                eps[f][t] = 0.5 * Math.exp(-t / 60.0) + floor + spread * f;
            }
        }
        return eps;
    }

    /** Alphas per fold rising from about 0.5 to 1 − 0.02 · fold. */
    static double[][] alphas(int folds, int iterations) {
        double[][] alpha = new double[folds][iterations];
        for (int f = 0; f < folds; f++) {
            for (int t = 0; t < iterations; t++) {
                alpha[f][t] = 1 - 0.5 * Math.exp(-t / 40.0) - 0.02 * f;
            }
        }
        return alpha;
    }
}
