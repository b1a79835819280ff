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

    /** The implementation chosen for this JVM. */
    static Kernels get() {
        return KernelProvider.INSTANCE;
    }
}
