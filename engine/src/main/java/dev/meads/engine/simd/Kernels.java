package dev.meads.engine.simd;

/**
 * The small dense kernels the samplers run on every step. Two implementations exist: a
 * plain scalar one ({@link ScalarKernels}) and a Vector API one ({@link PanamaKernels});
 * {@link #get()} picks one once per JVM. Both agree to rounding (tests compare them on
 * awkward lengths); reductions use a fixed order, so results are reproducible on a machine.
 *
 * <p>All methods work on {@code n} consecutive elements starting at the given offsets and
 * allocate nothing. Output arrays may be the same as input arrays at the same offset.
 */
public interface Kernels {

    /** {@code Σ a[i]·b[i]}. */
    double dot(double[] a, int aOff, double[] b, int bOff, int n);

    /** {@code Σ a[i]²}. */
    double sumOfSquares(double[] a, int aOff, int n);

    /** Kinetic energy with a diagonal inverse metric: {@code ½ Σ minv[i]·p[i]²}. */
    double kineticEnergy(double[] p, int pOff, double[] minv, int mOff, int n);

    /** {@code out[i] = y[i] + alpha·x[i]}. */
    void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, double[] out, int outOff, int n);

    /**
     * {@code out[i] = y[i] + alpha·s[i]·x[i]}: both leapfrog half-steps with a diagonal metric
     * ({@code p + (h/2)·g} in whitened form with {@code s} the scale, and {@code x + h·Minv·p}).
     */
    void axpyScaled(double alpha, double[] s, int sOff, double[] x, int xOff, double[] y, int yOff,
                    double[] out, int outOff, int n);

    /** {@code z[i] = a·z[i] + b·noise[i]}: partial momentum refresh. */
    void refresh(double a, double[] z, int zOff, double b, double[] noise, int noiseOff, int n);

    /**
     * The first half of a GHMC step for one chain, fused into one pass: partial momentum
     * refresh in place {@code z ← a·z + b·noise}, the half kick {@code zh = z + h·s⊙g} and the
     * drift {@code xp = x + e·s⊙zh}. Returns {@code Σ z²} of the refreshed momentum. Gives the
     * same values as {@link #refresh}, {@link #sumOfSquares} and two {@link #axpyScaled} calls,
     * which is what the default does. {@code zh} and {@code xp} must not overlap the inputs.
     */
    default double refreshKickDrift(double a, double b, double[] noise, int noiseOff, double[] z, int zOff,
                                    double h, double e, double[] s, int sOff, double[] g, int gOff,
                                    double[] x, int xOff, double[] zh, int zhOff, double[] xp, int xpOff, int n) {
        refresh(a, z, zOff, b, noise, noiseOff, n);
        double squares = sumOfSquares(z, zOff, n);
        axpyScaled(h, s, sOff, g, gOff, z, zOff, zh, zhOff, n);
        axpyScaled(e, s, sOff, zh, zhOff, x, xOff, xp, xpOff, n);
        return squares;
    }

    /**
     * The closing half kick in place, {@code z ← z + h·s⊙g}, fused with {@code Σ z²} of the
     * result; the same values as {@link #axpyScaled} then {@link #sumOfSquares}.
     */
    default double kickSumOfSquares(double h, double[] s, int sOff, double[] g, int gOff, double[] z, int zOff,
                                    int n) {
        axpyScaled(h, s, sOff, g, gOff, z, zOff, z, zOff, n);
        return sumOfSquares(z, zOff, n);
    }

    /** {@code out[i] = a[i]·b[i]}. */
    default void multiply(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    /** {@code acc[i] += e·e} with {@code e = x[i] − mean[i]} (a two-pass variance's second pass). */
    default void addSquaredDeviations(double[] x, int xOff, double[] mean, int mOff, double[] acc, int accOff, int n) {
        for (int i = 0; i < n; i++) {
            double e = x[xOff + i] - mean[mOff + i];
            acc[accOff + i] += e * e;
        }
    }

    /** {@code out[i] = (x[i] − mean[i])·inverseScale[i]}. */
    default void standardise(double[] x, int xOff, double[] mean, int mOff, double[] inverseScale, int sOff,
                             double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = (x[xOff + i] - mean[mOff + i]) * inverseScale[sOff + i];
        }
    }

    /**
     * Whether some {@code i} has {@code !(|x[i] − center[i]| ≤ limit[i])}, NaN counting as
     * beyond: a cheap screen before an exact per-coordinate test.
     */
    default boolean anyAbsDeviationBeyond(double[] x, int xOff, double[] center, int cOff, double[] limit, int lOff,
                                          int n) {
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(x[xOff + i] - center[cOff + i]) <= limit[lOff + i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether every {@code a[i]} is finite (neither infinite nor NaN). */
    default boolean allFinite(double[] a, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[off + i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 4 × 4 block of dot products between rows of length {@code n} spaced {@code stride}
     * apart: {@code out[outOff + 4p + q] = Σ_k a[aOff + p·stride + k]·b[bOff + q·stride + k]}
     * for {@code p, q < 4}. One pass over the 8 rows instead of 16 (the Gram matrices of MEADS).
     */
    default void dots4x4(double[] a, int aOff, double[] b, int bOff, int stride, int n, double[] out, int outOff) {
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                out[outOff + 4 * p + q] = dot(a, aOff + p * stride, b, bOff + q * stride, n);
            }
        }
    }

    /**
     * The implementation for the current thread: the one chosen for this JVM, or the scalar one
     * inside {@link #callWithScalarKernels}. Components take it when they are built and keep it.
     */
    static Kernels get() {
        return KernelProvider.current();
    }

    /** Whether {@link #get()} gives the Vector API kernels on this thread. */
    static boolean vectorised() {
        return !(get() instanceof ScalarKernels);
    }

    /**
     * Calls {@code work} with the scalar twins in use on this thread: inside it {@link #get()},
     * {@link NormalKernel#get()} and {@link ColumnRanks#create} give the plain-loop
     * implementations. A fresh JVM compiles plain loops much sooner than Vector API code, so a
     * short run of a model with a cheap gradient finishes sooner this way; the Vector API
     * kernels are faster once compiled. {@link NormalKernel} and {@link ColumnRanks} twins give
     * the same values; these kernels' sums agree to rounding only, so draws differ in their
     * last bits. Other threads keep the JVM's choice: components built here and used on worker
     * threads carry the scalar kernels with them.
     */
    static <T> T callWithScalarKernels(java.util.function.Supplier<T> work) {
        return ScopedValue.where(KernelProvider.SCALAR_REQUESTED, Boolean.TRUE).call(work::get);
    }

    /**
     * Calls {@code work} with the JVM's choice of kernels on this thread, also inside
     * {@link #callWithScalarKernels}: for a part of a run that should not follow its request.
     */
    static <T> T callWithJvmKernels(java.util.function.Supplier<T> work) {
        return ScopedValue.where(KernelProvider.SCALAR_REQUESTED, Boolean.FALSE).call(work::get);
    }
}
