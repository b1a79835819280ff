package dev.meads.engine.init;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.model.LogDensity;
import java.util.random.RandomGenerator;

/**
 * Spreads an ensemble around the end of one chain's trajectory (ALGORITHMS.md §6, after the
 * BlackJAX sampling book): each chain starts at one of the last {@code seeds} draws, picked at
 * random, plus {@code Uniform(−1, 1) · max(sd, floor)} per coordinate, where sd is the seeds'
 * population standard deviation. A jittered point with a non-finite log density or gradient is
 * redrawn up to {@link #RETRIES} times, then the chain starts at its seed itself.
 */
public final class TrajectorySpread {
    /** Jitter redraws before falling back to the bare seed. */
    public static final int RETRIES = 10;

    private final int seeds;
    private final double floor;
    private int fallbacks;

    /**
     * @param seeds how many of the trajectory's last draws seed the ensemble (at least 1)
     * @param floor lower bound of the jitter half-width per coordinate (0.05 in the sampling book)
     */
    public TrajectorySpread(int seeds, double floor) {
        if (seeds < 1) {
            throw new IllegalArgumentException("the number of seed draws must be at least 1, got " + seeds);
        }
        if (!(floor >= 0) || !Double.isFinite(floor)) {
            throw new IllegalArgumentException("the jitter floor must be a finite non-negative number, got " + floor);
        }
        this.seeds = seeds;
        this.floor = floor;
    }

    /**
     * Fills positions, log densities and gradients of every chain of {@code block} from the
     * trajectory {@code draws} ({@code count} rows of length d, row-major, all finite).
     *
     * @param pick        stream for choosing seeds
     * @param chainRandom one stream per chain, for its jitter
     * @return the per-coordinate jitter half-widths used
     */
    public double[] spread(double[] draws, int count, LogDensity density, ChainBlock block, RandomGenerator pick,
                           RandomGenerator[] chainRandom) {
        int d = density.dimension();
        if (count < seeds) {
            throw new IllegalArgumentException("the trajectory has " + count + " draws, fewer than the " + seeds
                    + " seeds asked for");
        }
        int first = count - seeds;
        double[] width = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int r = first; r < count; r++) {
                mean += draws[r * d + j];
            }
            mean /= seeds;
            double ss = 0;
            for (int r = first; r < count; r++) {
                double e = draws[r * d + j] - mean;
                ss += e * e;
            }
            width[j] = Math.max(Math.sqrt(ss / seeds), floor);
        }
        double[] x = block.positions();
        double[] g = block.gradients();
        double[] lp = block.logDensities();
        fallbacks = 0;
        for (int c = 0; c < block.chains(); c++) {
            int seedRow = first + pick.nextInt(seeds);
            RandomGenerator r = chainRandom[c];
            boolean ok = false;
            for (int attempt = 0; attempt < RETRIES && !ok; attempt++) {
                for (int j = 0; j < d; j++) {
                    x[c * d + j] = draws[seedRow * d + j] + r.nextDouble(-1.0, 1.0) * width[j];
                }
                lp[c] = density.logDensityAndGradient(x, c * d, g, c * d);
                ok = finite(lp[c], g, c * d, d);
            }
            if (!ok) {
                System.arraycopy(draws, seedRow * d, x, c * d, d);
                lp[c] = density.logDensityAndGradient(x, c * d, g, c * d);
                fallbacks++;
                if (!finite(lp[c], g, c * d, d)) {
                    throw new IllegalStateException(density.name() + ": the trajectory draw " + (seedRow + 1)
                            + " has a non-finite log density or gradient");
                }
            }
        }
        return width;
    }

    /** Chains that started at their bare seed because every jittered point was invalid. */
    public int fallbacks() {
        return fallbacks;
    }

    static boolean finite(double lp, double[] g, int off, int d) {
        if (!Double.isFinite(lp)) {
            return false;
        }
        for (int j = off; j < off + d; j++) {
            if (!Double.isFinite(g[j])) {
                return false;
            }
        }
        return true;
    }
}
