package dev.meads.engine.simd;

/** Plain loops: the reference twin of {@link PanamaKernels}, and the fallback without the Vector API. */
public final class ScalarKernels implements Kernels {

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public double sumOfSquares(double[] a, int aOff, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double v = a[aOff + i];
            s += v * v;
        }
        return s;
    }

    @Override
    public double kineticEnergy(double[] p, int pOff, double[] minv, int mOff, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
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
        double squares = 0.0;
        for (int i = 0; i < n; i++) {
            double zi = a * z[zOff + i] + b * noise[noiseOff + i];
            z[zOff + i] = zi;
            squares += zi * zi;
            double half = zi + h * s[sOff + i] * g[gOff + i];
            zh[zhOff + i] = half;
            xp[xpOff + i] = x[xOff + i] + e * s[sOff + i] * half;
        }
        return squares;
    }

    @Override
    public double kickSumOfSquares(double h, double[] s, int sOff, double[] g, int gOff, double[] z, int zOff,
                                   int n) {
        double squares = 0.0;
        for (int i = 0; i < n; i++) {
            double zi = z[zOff + i] + h * s[sOff + i] * g[gOff + i];
            z[zOff + i] = zi;
            squares += zi * zi;
        }
        return squares;
    }

    @Override
    public void dots4x4(double[] a, int aOff, double[] b, int bOff, int stride, int n, double[] out, int outOff) {
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                double s = 0.0;
                for (int k = 0; k < n; k++) {
                    s += a[aOff + p * stride + k] * b[bOff + q * stride + k];
                }
                out[outOff + 4 * p + q] = s;
            }
        }
    }
}
