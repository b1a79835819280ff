package dev.meads.engine.simd;

/**
 * Plain loops: the reference twin of {@link PanamaKernels}, and the fallback without the Vector
 * API. The reductions ({@link #dot}, {@link #sumOfSquares}, {@link #kineticEnergy}) keep eight
 * partial sums added in the vector kernel's lane order, so on machines whose vectors hold eight
 * doubles the two give the same bits.
 */
public final class ScalarKernels implements Kernels {

    /**
     * Eight partial sums, sum {@code k} taking the terms {@code i = k (mod 8)} by fused
     * multiply-adds, added in the halving-tree order of {@link PanamaKernels#dot}'s lanes, then the
     * terms left over one by one: the same bits as the vector kernel where vectors hold eight
     * doubles (AVX-512), and eight independent chains of additions instead of one, about five times
     * faster (the diagnostics' autocovariances run on this under {@code kernels = scalar}).
     */
    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        int i = 0;
        for (int bound = n & ~7; i < bound; i += 8) {
            s0 = Math.fma(a[aOff + i], b[bOff + i], s0);
            s1 = Math.fma(a[aOff + i + 1], b[bOff + i + 1], s1);
            s2 = Math.fma(a[aOff + i + 2], b[bOff + i + 2], s2);
            s3 = Math.fma(a[aOff + i + 3], b[bOff + i + 3], s3);
            s4 = Math.fma(a[aOff + i + 4], b[bOff + i + 4], s4);
            s5 = Math.fma(a[aOff + i + 5], b[bOff + i + 5], s5);
            s6 = Math.fma(a[aOff + i + 6], b[bOff + i + 6], s6);
            s7 = Math.fma(a[aOff + i + 7], b[bOff + i + 7], s7);
        }
        double s = ((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7));
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    /** {@code dot(a, a)}: the same bits as {@link PanamaKernels#sumOfSquares} with eight lanes. */
    @Override
    public double sumOfSquares(double[] a, int aOff, int n) {
        return dot(a, aOff, a, aOff, n);
    }

    /** In the order of {@link #dot}, as {@link PanamaKernels#kineticEnergy} adds its lanes. */
    @Override
    public double kineticEnergy(double[] p, int pOff, double[] minv, int mOff, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        int i = 0;
        for (int bound = n & ~7; i < bound; i += 8) {
            s0 = Math.fma(p[pOff + i] * minv[mOff + i], p[pOff + i], s0);
            s1 = Math.fma(p[pOff + i + 1] * minv[mOff + i + 1], p[pOff + i + 1], s1);
            s2 = Math.fma(p[pOff + i + 2] * minv[mOff + i + 2], p[pOff + i + 2], s2);
            s3 = Math.fma(p[pOff + i + 3] * minv[mOff + i + 3], p[pOff + i + 3], s3);
            s4 = Math.fma(p[pOff + i + 4] * minv[mOff + i + 4], p[pOff + i + 4], s4);
            s5 = Math.fma(p[pOff + i + 5] * minv[mOff + i + 5], p[pOff + i + 5], s5);
            s6 = Math.fma(p[pOff + i + 6] * minv[mOff + i + 6], p[pOff + i + 6], s6);
            s7 = Math.fma(p[pOff + i + 7] * minv[mOff + i + 7], p[pOff + i + 7], s7);
        }
        double s = ((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7));
        for (; i < n; i++) {
            double v = p[pOff + i];
            s += minv[mOff + i] * v * v;
        }
        return 0.5 * s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = y[yOff + i] + alpha * x[xOff + i];
        }
    }

    @Override
    public void axpyScaled(double alpha, double[] s, int sOff, double[] x, int xOff, double[] y, int yOff,
                           double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = y[yOff + i] + alpha * s[sOff + i] * x[xOff + i];
        }
    }

    @Override
    public void refresh(double a, double[] z, int zOff, double b, double[] noise, int noiseOff, int n) {
        for (int i = 0; i < n; i++) {
            z[zOff + i] = a * z[zOff + i] + b * noise[noiseOff + i];
        }
    }

    @Override
    public double refreshKickDrift(double a, double b, double[] noise, int noiseOff, double[] z, int zOff,
                                   double h, double e, double[] s, int sOff, double[] g, int gOff,
                                   double[] x, int xOff, double[] zh, int zhOff, double[] xp, int xpOff, int n) {
        for (int i = 0; i < n; i++) {
            double zi = a * z[zOff + i] + b * noise[noiseOff + i];
            z[zOff + i] = zi;
            double half = zi + h * s[sOff + i] * g[gOff + i];
            zh[zhOff + i] = half;
            xp[xpOff + i] = x[xOff + i] + e * s[sOff + i] * half;
        }
        return sumOfSquares(z, zOff, n); // in the lane order of the reductions
    }

    @Override
    public double kickSumOfSquares(double h, double[] s, int sOff, double[] g, int gOff, double[] z, int zOff,
                                   int n) {
        for (int i = 0; i < n; i++) {
            z[zOff + i] = z[zOff + i] + h * s[sOff + i] * g[gOff + i];
        }
        return sumOfSquares(z, zOff, n); // in the lane order of the reductions
    }

    @Override
    public void dots4x4(double[] a, int aOff, double[] b, int bOff, int stride, int n, double[] out, int outOff) {
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                out[outOff + 4 * p + q] = dot(a, aOff + p * stride, b, bOff + q * stride, n);
            }
        }
    }
}
