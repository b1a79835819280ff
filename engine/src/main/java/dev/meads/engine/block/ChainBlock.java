package dev.meads.engine.block;

/**
 * The state of {@code n} chains in {@code d} dimensions as flat chain-major arrays: chain
 * {@code c}'s coordinates occupy {@code [c*d, (c+1)*d)} of {@link #positions()},
 * {@link #momenta()} and {@link #gradients()}; per-chain scalars sit at index {@code c} of
 * {@link #logDensities()} and {@link #slices()}.
 *
 * <p>The arrays are owned by the block and handed out as they are (no copies): samplers
 * update them in place.
 */
public final class ChainBlock {
    private final int chains;
    private final int dimension;
    private final double[] positions;
    private final double[] momenta;
    private final double[] gradients;
    private final double[] logDensities;
    private final double[] slices;

    public ChainBlock(int chains, int dimension) {
        if (chains < 1) {
            throw new IllegalArgumentException("chains must be at least 1, got " + chains);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        long size = (long) chains * dimension;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "a block of " + chains + " chains x " + dimension + " coordinates does not fit one array");
        }
        this.chains = chains;
        this.dimension = dimension;
        this.positions = new double[(int) size];
        this.momenta = new double[(int) size];
        this.gradients = new double[(int) size];
        this.logDensities = new double[chains];
        this.slices = new double[chains];
    }

    public int chains() {
        return chains;
    }

    public int dimension() {
        return dimension;
    }

    /** Index of chain {@code c}'s first coordinate in the chain-major arrays. */
    public int offset(int c) {
        return c * dimension;
    }

    public double[] positions() {
        return positions;
    }

    public double[] momenta() {
        return momenta;
    }

    public double[] gradients() {
        return gradients;
    }

    public double[] logDensities() {
        return logDensities;
    }

    /** Per-chain slice variables u in [-1, 1) of the non-reversible Metropolis test. */
    public double[] slices() {
        return slices;
    }

    /** Copies chain {@code from} of {@code source} (every array) into chain {@code to} of this block. */
    public void copyChain(ChainBlock source, int from, int to) {
        if (source.dimension != dimension) {
            throw new IllegalArgumentException("dimension mismatch: " + source.dimension + " vs " + dimension);
        }
        int d = dimension;
        System.arraycopy(source.positions, from * d, positions, to * d, d);
        System.arraycopy(source.momenta, from * d, momenta, to * d, d);
        System.arraycopy(source.gradients, from * d, gradients, to * d, d);
        logDensities[to] = source.logDensities[from];
        slices[to] = source.slices[from];
    }

    /** Evaluates log density and gradient of chains {@code [from, to)} at their current positions. */
    public void evaluate(dev.meads.engine.model.LogDensity density, int from, int to) {
        if (density.dimension() != dimension) {
            throw new IllegalArgumentException(
                    "model dimension " + density.dimension() + " does not match block dimension " + dimension);
        }
        density.logDensityAndGradient(positions, gradients, logDensities, from, to);
    }
}
