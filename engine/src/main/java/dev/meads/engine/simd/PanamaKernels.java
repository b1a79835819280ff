package dev.meads.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ScalarKernels}: full vectors over the preferred species, then a
 * scalar tail. Reductions keep one partial sum per lane and add the lanes once at the end by
 * {@link #sumLanes}, so the order is fixed for a given species.
 *
 * <p>{@code reduceLanes(ADD)} is not used: for doubles its order is unspecified, and C2's
 * intrinsic (a tree) and the interpreter's fallback (lane by lane) do give different last bits,
 * so a result would depend on whether the method had been compiled yet, which differs from run
 * to run and between thread counts.
 */
public final class PanamaKernels implements Kernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Lane i ← lane i + L/2 (then L/4, L/8; wrapping): the halving steps of {@link #sumLanes}. */
    private static final VectorShuffle<Double> HALF = VectorShuffle.iota(S, Math.max(1, L / 2), 1, true);
    private static final VectorShuffle<Double> QUARTER = VectorShuffle.iota(S, Math.max(1, L / 4), 1, true);
    private static final VectorShuffle<Double> EIGHTH = VectorShuffle.iota(S, Math.max(1, L / 8), 1, true);

    /**
     * The sum of the lanes of {@code v} in a fixed order: lanes {@code i} and {@code i + L/2}
     * first, then the halves of that, ... (a halving tree), built from lanewise additions that
     * give the same bits compiled or interpreted.
     */
    public static double sumLanes(DoubleVector v) {
        if (L > 8) {
            double s = 0.0;
            for (int i = 0; i < L; i++) {
                s += v.lane(i);
            }
            return s;
        }
        if (L == 8) {
            v = v.add(v.rearrange(HALF));
            v = v.add(v.rearrange(QUARTER));
            v = v.add(v.rearrange(EIGHTH));
        } else if (L == 4) {
            v = v.add(v.rearrange(HALF));
            v = v.add(v.rearrange(QUARTER));
        } else if (L == 2) {
            v = v.add(v.rearrange(HALF));
        }
        return v.lane(0);
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        int bound = S.loopBound(n);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            acc = DoubleVector.fromArray(S, a, aOff + i).fma(DoubleVector.fromArray(S, b, bOff + i), acc);
        }
        double s = sumLanes(acc);
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public double sumOfSquares(double[] a, int aOff, int n) {
        int bound = S.loopBound(n);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, a, aOff + i);
            acc = v.fma(v, acc);
        }
        double s = sumLanes(acc);
        for (; i < n; i++) {
            double v = a[aOff + i];
            s += v * v;
        }
        return s;
    }

    @Override
    public double kineticEnergy(double[] p, int pOff, double[] minv, int mOff, int n) {
        int bound = S.loopBound(n);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, p, pOff + i);
            acc = v.mul(DoubleVector.fromArray(S, minv, mOff + i)).fma(v, acc);
        }
        double s = sumLanes(acc);
        for (; i < n; i++) {
            double v = p[pOff + i];
            s += minv[mOff + i] * v * v;
        }
        return 0.5 * s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, double[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, x, xOff + i)
                    .fma(DoubleVector.broadcast(S, alpha), DoubleVector.fromArray(S, y, yOff + i))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = y[yOff + i] + alpha * x[xOff + i];
        }
    }

    @Override
    public void axpyScaled(double alpha, double[] s, int sOff, double[] x, int xOff, double[] y, int yOff,
                           double[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, s, sOff + i).mul(alpha)
                    .fma(DoubleVector.fromArray(S, x, xOff + i), DoubleVector.fromArray(S, y, yOff + i))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = y[yOff + i] + alpha * s[sOff + i] * x[xOff + i];
        }
    }

    @Override
    public void refresh(double a, double[] z, int zOff, double b, double[] noise, int noiseOff, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, noise, noiseOff + i).mul(b)
                    .add(DoubleVector.fromArray(S, z, zOff + i).mul(a))
                    .intoArray(z, zOff + i);
        }
        for (; i < n; i++) {
            z[zOff + i] = a * z[zOff + i] + b * noise[noiseOff + i];
        }
    }

    @Override
    public double refreshKickDrift(double a, double b, double[] noise, int noiseOff, double[] z, int zOff,
                                   double h, double e, double[] s, int sOff, double[] g, int gOff,
                                   double[] x, int xOff, double[] zh, int zhOff, double[] xp, int xpOff, int n) {
        int bound = S.loopBound(n);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector zi = DoubleVector.fromArray(S, noise, noiseOff + i).mul(b)
                    .add(DoubleVector.fromArray(S, z, zOff + i).mul(a));
            zi.intoArray(z, zOff + i);
            acc = zi.fma(zi, acc);
            DoubleVector si = DoubleVector.fromArray(S, s, sOff + i);
            DoubleVector half = si.mul(h).fma(DoubleVector.fromArray(S, g, gOff + i), zi);
            half.intoArray(zh, zhOff + i);
            si.mul(e).fma(half, DoubleVector.fromArray(S, x, xOff + i)).intoArray(xp, xpOff + i);
        }
        double squares = sumLanes(acc);
        for (; i < n; i++) {
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
        int bound = S.loopBound(n);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector zi = DoubleVector.fromArray(S, s, sOff + i).mul(h)
                    .fma(DoubleVector.fromArray(S, g, gOff + i), DoubleVector.fromArray(S, z, zOff + i));
            zi.intoArray(z, zOff + i);
            acc = zi.fma(zi, acc);
        }
        double squares = sumLanes(acc);
        for (; i < n; i++) {
            double zi = z[zOff + i] + h * s[sOff + i] * g[gOff + i];
            z[zOff + i] = zi;
            squares += zi * zi;
        }
        return squares;
    }
}
