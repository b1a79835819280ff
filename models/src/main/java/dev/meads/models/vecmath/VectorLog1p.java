package dev.meads.models.vecmath;

import jdk.incubator.vector.DoubleVector;

/**
 * {@code log1p(e)} for {@code 0 <= e <= 1} on vectors, built from one division and fused
 * multiply-adds; in its shared form the division also yields {@code 1/(1+e)}. That pair is what
 * the logistic function and the softplus need once {@code e = exp(-|s|)} is known. Accuracy
 * (measured against 40-digit values, see the tests): {@link #log1pUnit(DoubleVector)} within
 * 2 ulp of the correctly rounded result; the shared form
 * {@link #log1pUnit(DoubleVector, DoubleVector)} within 4 ulp, and {@code 2/(1+e)} from it
 * within 3 ulp (the shared division costs a few more roundings).
 *
 * <p>Method: {@code log(1+e) = 2 atanh(t)} with {@code t = e/(2+e)} in {@code [0, 1/3]}, and
 * {@code atanh(t) = t + t^3 P(t^2)} where {@code P} is a degree-9 relative-error minimax fit on
 * {@code [0, 1/9]} (Remez exchange in 60-digit arithmetic; it adds at most 5e-18 relative error
 * to the result). Both denominators come from one reciprocal,
 * {@code w = 2/((1+e)(2+e))}: {@code 2t = e(1+e) w} and {@code 2/(1+e) = (2+e) w}. The same
 * rounded {@code 1+e} appears in the numerator and the denominator of {@code t}, so its rounding
 * cancels, and the result keeps its relative accuracy down to subnormal {@code e}. The factor 2
 * rides along in {@code w} (a free change of the division's numerator) rather than costing a
 * multiplication.
 *
 * <p>Outside {@code [0, 1]} the results are not accurate (the polynomial is fitted only there).
 * NaN propagates. Constants are broadcast where they are used: C2 hoists those broadcasts out of
 * loops and keeps them in registers (constant vectors held in static fields are instead reloaded
 * from memory on every iteration of a loop that stores doubles).
 */
public final class VectorLog1p {
    // atanh(t) ~ t + t^3 (A0 + A1 z + ... + A9 z^9), z = t^2 <= 1/9 (relative minimax).
    private static final double A0 = 0.3333333333333333;
    private static final double A1 = 0.2000000000000741;
    private static final double A2 = 0.1428571428352625;
    private static final double A3 = 0.11111111361325315;
    private static final double A4 = 0.0909089459671872;
    private static final double A5 = 0.07692788198155663;
    private static final double A6 = 0.0665702361556644;
    private static final double A7 = 0.060009691096123974;
    private static final double A8 = 0.04398287605271191;
    private static final double A9 = 0.08086194378128943;
    // The same polynomial in y = (2t)^2 = 4z, so that log1p(e) = 2t + 2t y Q(y), Q(y) = P(y/4)/4.
    // Dividing by powers of 4 is exact.
    private static final double B0 = A0 / 4;
    private static final double B1 = A1 / 16;
    private static final double B2 = A2 / 64;
    private static final double B3 = A3 / 256;
    private static final double B4 = A4 / 1024;
    private static final double B5 = A5 / 4096;
    private static final double B6 = A6 / 16384;
    private static final double B7 = A7 / 65536;
    private static final double B8 = A8 / 262144;
    private static final double B9 = A9 / 1048576;

    private VectorLog1p() {
    }

    /** The shared reciprocal {@code w = 2/((1+e)(2+e))}: the only division. */
    public static DoubleVector sharedReciprocal(DoubleVector e) {
        return e.broadcast(2.0).div(e.add(e.broadcast(1.0)).mul(e.add(e.broadcast(2.0))));
    }

    /** {@code 2/(1+e)} from {@code w = sharedReciprocal(e)}: within 3 ulp. */
    public static DoubleVector twiceInverseOnePlus(DoubleVector e, DoubleVector w) {
        return e.add(e.broadcast(2.0)).mul(w);
    }

    /** {@code log1p(e)} for {@code 0 <= e <= 1}, given {@code w = sharedReciprocal(e)}: within 4 ulp. */
    public static DoubleVector log1pUnit(DoubleVector e, DoubleVector w) {
        return log1pFromTwiceAtanhArgument(e.mul(e.add(e.broadcast(1.0))).mul(w));
    }

    /**
     * {@code log1p(e) = 2 atanh(t)} from {@code twoT = 2t = 2e/(2+e)}, for {@code 0 <= e <= 1}
     * (so {@code 0 <= twoT <= 2/3}); the series is odd, so {@code -2/3 <= twoT < 0} (from
     * {@code -1/2 <= e < 0}) is as accurate.
     */
    public static DoubleVector log1pFromTwiceAtanhArgument(DoubleVector twoT) {
        DoubleVector y = twoT.mul(twoT);
        return twoT.mul(y).fma(atanhTail(y), twoT);
    }

    /**
     * {@code log1p(e)} for {@code 0 <= e <= 1} on its own, with a division of its own for
     * {@code 2t = 2e/(2+e)}: within 2 ulp of the exact value.
     */
    public static DoubleVector log1pUnit(DoubleVector e) {
        return log1pFromTwiceAtanhArgument(e.add(e).div(e.add(e.broadcast(2.0))));
    }

    /**
     * {@code Q(y) = P(y/4)/4} with {@code P(z) = (atanh(t) - t)/t^3}, {@code z = t^2}, by
     * Horner's rule (measured faster than Estrin's scheme here: in the kernels this tail is
     * bound by the number of operations, not by their latency).
     */
    static DoubleVector atanhTail(DoubleVector y) {
        DoubleVector p = y.broadcast(B9).fma(y, y.broadcast(B8));
        p = p.fma(y, y.broadcast(B7));
        p = p.fma(y, y.broadcast(B6));
        p = p.fma(y, y.broadcast(B5));
        p = p.fma(y, y.broadcast(B4));
        p = p.fma(y, y.broadcast(B3));
        p = p.fma(y, y.broadcast(B2));
        p = p.fma(y, y.broadcast(B1));
        return p.fma(y, y.broadcast(B0));
    }
}
