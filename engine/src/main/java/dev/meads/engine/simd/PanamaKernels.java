package dev.meads.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
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
        double s;
        if (L == 8) {
            // sumLanes written out: NUTS inlines dot deep into its recursive tree builder, where
            // C2 left the sumLanes call out of line and boxed acc (1 kB per radon transition)
            acc = acc.add(acc.rearrange(HALF));
            acc = acc.add(acc.rearrange(QUARTER));
            s = acc.add(acc.rearrange(EIGHTH)).lane(0);
        } else {
            s = sumLanes(acc);
        }
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

    @Override
    public void dots4x4(double[] a, int aOff, double[] b, int bOff, int stride, int n, double[] out, int outOff) {
        if (L != 8) {
            Kernels.super.dots4x4(a, aOff, b, bOff, stride, n, out, outOff);
            return;
        }
        int a0 = aOff;
        int a1 = aOff + stride;
        int a2 = aOff + 2 * stride;
        int a3 = aOff + 3 * stride;
        int b0 = bOff;
        int b1 = bOff + stride;
        int b2 = bOff + 2 * stride;
        int b3 = bOff + 3 * stride;
        DoubleVector s00 = DoubleVector.zero(S);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += L) {
            DoubleVector y0 = DoubleVector.fromArray(S, b, b0 + k);
            DoubleVector y1 = DoubleVector.fromArray(S, b, b1 + k);
            DoubleVector y2 = DoubleVector.fromArray(S, b, b2 + k);
            DoubleVector y3 = DoubleVector.fromArray(S, b, b3 + k);
            DoubleVector x = DoubleVector.fromArray(S, a, a0 + k);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            s02 = x.fma(y2, s02);
            s03 = x.fma(y3, s03);
            x = DoubleVector.fromArray(S, a, a1 + k);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            s12 = x.fma(y2, s12);
            s13 = x.fma(y3, s13);
            x = DoubleVector.fromArray(S, a, a2 + k);
            s20 = x.fma(y0, s20);
            s21 = x.fma(y1, s21);
            s22 = x.fma(y2, s22);
            s23 = x.fma(y3, s23);
            x = DoubleVector.fromArray(S, a, a3 + k);
            s30 = x.fma(y0, s30);
            s31 = x.fma(y1, s31);
            s32 = x.fma(y2, s32);
            s33 = x.fma(y3, s33);
        }
        // 16 lane sums, each in the halving-tree order of sumLanes, computed 8 at a time by
        // transposing additions (21 shuffles and additions per 8 sums instead of 56)
        sums8(s00, s01, s02, s03, s10, s11, s12, s13).intoArray(out, outOff);
        sums8(s20, s21, s22, s23, s30, s31, s32, s33).intoArray(out, outOff + 8);
        for (; k < n; k++) {
            for (int p = 0; p < 4; p++) {
                double x = a[aOff + p * stride + k];
                for (int q = 0; q < 4; q++) {
                    out[outOff + 4 * p + q] += x * b[bOff + q * stride + k];
                }
            }
        }
    }

    @Override
    public void multiply(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, a, aOff + i).mul(DoubleVector.fromArray(S, b, bOff + i))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    @Override
    public void addSquaredDeviations(double[] x, int xOff, double[] mean, int mOff, double[] acc, int accOff,
                                     int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector e = DoubleVector.fromArray(S, x, xOff + i).sub(DoubleVector.fromArray(S, mean, mOff + i));
            DoubleVector.fromArray(S, acc, accOff + i).add(e.mul(e)).intoArray(acc, accOff + i);
        }
        for (; i < n; i++) {
            double e = x[xOff + i] - mean[mOff + i];
            acc[accOff + i] += e * e;
        }
    }

    @Override
    public void standardise(double[] x, int xOff, double[] mean, int mOff, double[] inverseScale, int sOff,
                            double[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, x, xOff + i).sub(DoubleVector.fromArray(S, mean, mOff + i))
                    .mul(DoubleVector.fromArray(S, inverseScale, sOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = (x[xOff + i] - mean[mOff + i]) * inverseScale[sOff + i];
        }
    }

    @Override
    public boolean anyAbsDeviationBeyond(double[] x, int xOff, double[] center, int cOff, double[] limit, int lOff,
                                         int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector dev = DoubleVector.fromArray(S, x, xOff + i).sub(DoubleVector.fromArray(S, center, cOff + i))
                    .abs();
            // NaN fails every comparison, so "not within" catches it
            if (!dev.compare(VectorOperators.LE, DoubleVector.fromArray(S, limit, lOff + i)).allTrue()) {
                return true;
            }
        }
        for (; i < n; i++) {
            if (!(Math.abs(x[xOff + i] - center[cOff + i]) <= limit[lOff + i])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean allFinite(double[] a, int off, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            if (!DoubleVector.fromArray(S, a, off + i).test(VectorOperators.IS_FINITE).allTrue()) {
                return false;
            }
        }
        for (; i < n; i++) {
            if (!Double.isFinite(a[off + i])) {
                return false;
            }
        }
        return true;
    }

    // Index vectors into the concatenation of two 8-lane vectors for sums8.
    private static final DoubleVector LOW_HALVES = indexes(0, 1, 2, 3, 12, 13, 14, 15);
    private static final DoubleVector HIGH_HALVES = indexes(4, 5, 6, 7, 8, 9, 10, 11);
    private static final DoubleVector EVEN_PAIRS = indexes(0, 1, 8, 9, 4, 5, 12, 13);
    private static final DoubleVector ODD_PAIRS = indexes(2, 3, 10, 11, 6, 7, 14, 15);
    private static final DoubleVector EVEN_LANES = indexes(0, 4, 2, 6, 8, 12, 10, 14);
    private static final DoubleVector ODD_LANES = indexes(1, 5, 3, 7, 9, 13, 11, 15);

    private static DoubleVector indexes(double... lanes) {
        return L == 8 ? DoubleVector.fromArray(S, lanes, 0) : DoubleVector.zero(S);
    }

    /**
     * The lane sums of 8 vectors of 8 lanes, lane p holding {@code sumLanes(vp)} with exactly
     * its halving-tree order: level 1 adds lanes i and i+4 of two vectors at once, level 2 lanes
     * i and i+2 of four, level 3 lanes 0 and 1 of all eight.
     */
    private static DoubleVector sums8(DoubleVector v0, DoubleVector v1, DoubleVector v2, DoubleVector v3,
                                      DoubleVector v4, DoubleVector v5, DoubleVector v6, DoubleVector v7) {
        // level 1: lanes 0-3 hold v_a[i] + v_a[i+4], lanes 4-7 hold v_b[i-4] + v_b[i]
        DoubleVector x01 = LOW_HALVES.selectFrom(v0, v1).add(HIGH_HALVES.selectFrom(v0, v1));
        DoubleVector x23 = LOW_HALVES.selectFrom(v2, v3).add(HIGH_HALVES.selectFrom(v2, v3));
        DoubleVector x45 = LOW_HALVES.selectFrom(v4, v5).add(HIGH_HALVES.selectFrom(v4, v5));
        DoubleVector x67 = LOW_HALVES.selectFrom(v6, v7).add(HIGH_HALVES.selectFrom(v6, v7));
        // level 2: lanes (w0_0, w0_1, w2_0, w2_1, w1_0, w1_1, w3_0, w3_1), w_i = v_i + v_{i+2}
        DoubleVector y0123 = EVEN_PAIRS.selectFrom(x01, x23).add(ODD_PAIRS.selectFrom(x01, x23));
        DoubleVector y4567 = EVEN_PAIRS.selectFrom(x45, x67).add(ODD_PAIRS.selectFrom(x45, x67));
        // level 3: lane p = w_p0 + w_p1
        return EVEN_LANES.selectFrom(y0123, y4567).add(ODD_LANES.selectFrom(y0123, y4567));
    }
}
