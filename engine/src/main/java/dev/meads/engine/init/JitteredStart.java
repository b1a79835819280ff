package dev.meads.engine.init;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.model.LogDensity;
import java.util.random.RandomGenerator;

/**
 * The naive ensemble start: every chain at a common point plus {@code scale · N(0, 1)} per
 * coordinate (the notebook's comparison uses 0.5). Also the retry rule for a non-finite
 * starting point: up to {@link #RETRIES} jittered redraws before giving up with a message that
 * names the model and what was non-finite.
 */
public final class JitteredStart {
    /** Redraws of a chain's start before the run fails. */
    public static final int RETRIES = 20;

    private JitteredStart() {
    }

    /**
     * Places every chain of {@code block} at {@code point + scale·N(0,1)}, evaluating log
     * density and gradient; a non-finite start is redrawn with the same jitter scale (or, when
     * {@code scale} is 0, with 0.5, 1, 2, ... growing jitter).
     *
     * @return the log-density and gradient evaluations made (one per chain plus the redraws)
     * @throws IllegalStateException when a chain has no finite start after the retries
     */
    public static long place(double[] point, double scale, LogDensity density, ChainBlock block,
                             RandomGenerator[] chainRandom) {
        int d = density.dimension();
        double[] x = block.positions();
        double[] g = block.gradients();
        double[] lp = block.logDensities();
        long evaluations = 0;
        for (int c = 0; c < block.chains(); c++) {
            RandomGenerator r = chainRandom[c];
            double s = scale;
            int attempt = 0;
            while (true) {
                for (int j = 0; j < d; j++) {
                    x[c * d + j] = point[j] + s * r.nextGaussian();
                }
                lp[c] = density.logDensityAndGradient(x, c * d, g, c * d);
                evaluations++;
                if (TrajectorySpread.finite(lp[c], g, c * d, d)) {
                    break;
                }
                if (++attempt > RETRIES) {
                    throw new IllegalStateException(nonFiniteMessage(density, lp[c], g, c * d, attempt));
                }
                s = scale > 0 ? scale : 0.5 * Math.pow(2, attempt - 1);
            }
        }
        return evaluations;
    }

    /**
     * A single finite point near {@code point}: the point itself if its log density and
     * gradient are finite, else jittered redraws with growing scale (0.5, 1, 2, ...).
     *
     * @throws IllegalStateException naming the model and what was non-finite
     */
    public static double[] finitePoint(double[] point, LogDensity density, RandomGenerator random) {
        int d = density.dimension();
        double[] x = point.clone();
        double[] g = new double[d];
        double lp = density.logDensityAndGradient(x, 0, g, 0);
        int attempt = 0;
        while (!TrajectorySpread.finite(lp, g, 0, d)) {
            if (++attempt > RETRIES) {
                throw new IllegalStateException(nonFiniteMessage(density, lp, g, 0, attempt));
            }
            double s = 0.5 * Math.pow(2, Math.min(attempt - 1, 6));
            for (int j = 0; j < d; j++) {
                x[j] = point[j] + s * random.nextGaussian();
            }
            lp = density.logDensityAndGradient(x, 0, g, 0);
        }
        return x;
    }

    private static String nonFiniteMessage(LogDensity density, double lp, double[] g, int off, int attempts) {
        String[] names = density.parameterNames();
        StringBuilder bad = new StringBuilder();
        if (!Double.isFinite(lp)) {
            bad.append("log density ").append(lp);
        }
        int shown = 0;
        for (int j = 0; j < density.dimension() && shown < 5; j++) {
            if (!Double.isFinite(g[off + j])) {
                bad.append(bad.length() > 0 ? ", " : "").append("gradient of ").append(names[j]).append(" = ")
                        .append(g[off + j]);
                shown++;
            }
        }
        return "model " + density.name() + ": no starting point with a finite log density and gradient after "
                + attempts + " attempts (last one: " + bad + ")";
    }
}
