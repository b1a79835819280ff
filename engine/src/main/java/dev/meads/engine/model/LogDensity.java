package dev.meads.engine.model;

/**
 * A target density on an unconstrained real vector space: the one thing a sampler needs
 * from a model.
 *
 * <p>Results are written into caller-owned arrays at offsets, so a call allocates nothing.
 * A model needs to implement only {@link #dimension()}, {@link #parameterNames()} and the
 * single-chain {@link #logDensityAndGradient(double[], int, double[], int)}; the block form
 * defaults to a loop over chains and may be overridden by a vectorised version that
 * evaluates several chains at once.
 *
 * <p>Threading: one instance is used by one thread at a time. A model that keeps scratch
 * arrays overrides {@link #copy()} so that each worker thread gets its own instance; a
 * stateless model keeps the default, which returns {@code this}.
 */
public interface LogDensity {

    /** Number of unconstrained coordinates. */
    int dimension();

    /** Names of the unconstrained coordinates, e.g. {@code log_a[1]}; length {@link #dimension()}. */
    String[] parameterNames();

    /**
     * Log density (up to a constant, including log-Jacobians of any transforms) at
     * {@code x[xOff .. xOff+d)}, with its gradient written to {@code grad[gOff .. gOff+d)}.
     * Where the density is zero or undefined it returns {@code -Infinity} or NaN; the
     * gradient is then unspecified. Never throws for a finite or non-finite input.
     */
    double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff);

    /**
     * Evaluates chains {@code [fromChain, toChain)} of chain-major blocks: chain c's
     * coordinates are {@code positions[c*d .. (c+1)*d)}, its gradient goes to the same
     * range of {@code gradients} and its log density to {@code logDensities[c]}.
     */
    default void logDensityAndGradient(double[] positions, double[] gradients, double[] logDensities,
                                       int fromChain, int toChain) {
        int d = dimension();
        for (int c = fromChain; c < toChain; c++) {
            logDensities[c] = logDensityAndGradient(positions, c * d, gradients, c * d);
        }
    }

    /**
     * How many chains the block form evaluates together (e.g. the vector lane count when lane =
     * chain). Ranges handed to the block form start at multiples of it, so that a chain meets
     * the same lane grouping, and hence gives the same bits, whatever the thread count.
     */
    default int blockGranularity() {
        return 1;
    }

    /** An instance for another thread: the same density, with its own scratch space. */
    default LogDensity copy() {
        return this;
    }

    /** A short name for messages and reports (default: the class's simple name; for an anonymous class, {@code Outer$1}). */
    default String name() {
        String simple = getClass().getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String full = getClass().getName();
        return full.substring(full.lastIndexOf('.') + 1);
    }

    /**
     * Names of the constrained quantities reported to users, e.g. {@code a[1]}. Give the
     * elements of a matrix in column-major order ({@code y[1,1], y[2,1], y[1,2], ...}), as Stan
     * does: rstan rebuilds arrays from the Stan CSV columns in that order, whatever the names say.
     */
    default String[] constrainedNames() {
        return parameterNames();
    }

    /**
     * Maps an unconstrained point to the constrained quantities named by
     * {@link #constrainedNames()}, written to {@code out[outOff ..)}.
     */
    default void constrain(double[] x, int xOff, double[] out, int outOff) {
        System.arraycopy(x, xOff, out, outOff, dimension());
    }

    /** A reasonable starting point in unconstrained space (default: the origin). */
    default void initialPoint(double[] out, int off) {
        java.util.Arrays.fill(out, off, off + dimension(), 0.0);
    }
}
