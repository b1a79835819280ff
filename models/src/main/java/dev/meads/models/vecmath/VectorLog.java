package dev.meads.models.vecmath;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code log(x)} for positive normal {@code x} on vectors, from bit operations, one division and
 * fused multiply-adds. It is meant for a few calls per kernel evaluation, such as the log of a
 * product of many {@code 1+e} factors, which replaces one {@code log1p} per factor.
 * Only IEEE operations are used, so the bits are the same compiled or interpreted.
 *
 * <p>Method: {@code x = 2^k m} with {@code m} in {@code [sqrt(1/2), sqrt(2))}, read from the
 * exponent and mantissa bits; {@code log(m) = 2 atanh(f/(2+f))} with {@code f = m - 1} exact
 * (Sterbenz), by the polynomial of {@link VectorLog1p} ({@code |2t| <= 0.35}, inside its fitted
 * range); then {@code k ln2} is added with {@code ln2} split so that {@code k ln2_hi} is exact
 * (fdlibm's split, with 32 trailing zero bits). Within 2 ulp of the correctly rounded result
 * (see the tests).
 *
 * <p>Zero, negative, subnormal, infinite and NaN arguments are outside the contract; the kernels
 * that call it pass products of factors in {@code [1, 2]}, at most 256 at a time.
 */
public final class VectorLog {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double SQRT2 = 1.4142135623730951;
    private static final long MANTISSA = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE_BITS = 0x3FF0_0000_0000_0000L;
    /** {@code 2^52} as bits: OR-ing an 11-bit integer into its mantissa gives {@code 2^52 + n}. */
    private static final long TWO_52_BITS = 0x4330_0000_0000_0000L;
    private static final double TWO_52_PLUS_BIAS = 0x1p52 + 1023;

    private VectorLog() {
    }

    /** {@code log(x)} lane by lane, for positive normal {@code x}: within 2 ulp. */
    public static DoubleVector log(DoubleVector x) {
        LongVector bits = (LongVector) x.viewAsIntegralLanes();
        DoubleVector biasedExponent = bits.lanewise(VectorOperators.LSHR, 52).or(TWO_52_BITS)
                .viewAsFloatingLanes().sub(x.broadcast(TWO_52_PLUS_BIAS)); // k, exactly, for m in [1, 2)
        DoubleVector m = bits.and(MANTISSA).or(ONE_BITS).viewAsFloatingLanes(); // in [1, 2)
        VectorMask<Double> high = m.compare(VectorOperators.GT, x.broadcast(SQRT2));
        m = m.blend(m.mul(x.broadcast(0.5)), high);
        DoubleVector k = biasedExponent.blend(biasedExponent.add(x.broadcast(1.0)), high);
        DoubleVector f = m.sub(x.broadcast(1.0));
        DoubleVector logM = VectorLog1p.log1pFromTwiceAtanhArgument(f.add(f).div(f.add(x.broadcast(2.0))));
        return k.fma(x.broadcast(LN2_HI), k.fma(x.broadcast(LN2_LO), logM));
    }

    /**
     * {@code log(1+x)} lane by lane, for {@code x >= 0} (and below about {@code 1e308}): within 4
     * ulp. With {@code u = 1+x} rounded, {@code log1p(x) = log(u) x/(u-1)}: the rounding error of
     * {@code u} cancels between the log and the quotient (Goldberg's method); where {@code u} is
     * exactly 1, {@code x} is below half an ulp of 1 and {@code log1p(x)} rounds to {@code x}.
     */
    public static DoubleVector log1p(DoubleVector x) {
        DoubleVector u = x.add(x.broadcast(1.0));
        DoubleVector uMinusOne = u.sub(x.broadcast(1.0));
        DoubleVector y = log(u).mul(x.div(uMinusOne));
        return y.blend(x, uMinusOne.compare(VectorOperators.EQ, x.broadcast(0.0)));
    }
}
