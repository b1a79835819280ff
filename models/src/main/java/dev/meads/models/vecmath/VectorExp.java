package dev.meads.models.vecmath;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code exp(-x)} for {@code x >= 0}, and {@code exp(x)} for any {@code x}, on vectors, built
 * from fused multiply-adds only (no {@code lanewise(EXP)}, no table lookups), accurate to about
 * one ulp (measured against 40-digit values: within 1 ulp of the correctly rounded result,
 * see the tests); {@link #expNegativeInRangeOneStepReduction} trades some of that accuracy for
 * one operation less (its own bound is in its comment). Only IEEE operations are used, so results are the same bits whether the code runs
 * compiled or interpreted ({@code lanewise(EXP)} may call a different library in each).
 *
 * <p>Method: {@code x = n ln2 + u} with integer {@code n = round(x / ln2)} and
 * {@code |u| <= ln2/2}; then {@code exp(-x) = 2^-n exp(-u)}. The rounding uses the
 * "shifter" trick: adding {@code 1.5 * 2^52} to {@code -x/ln2} leaves the rounded integer in
 * the low mantissa bits, and because the exponent bias 1023 is folded into the shifter those
 * bits, shifted left by 52, are already the IEEE bit pattern of {@code 2^-n}. {@code u} is
 * formed in two steps with {@code ln2} split into a double and its remainder (Cody and Waite),
 * each step a single fused multiply-add (one step, without the remainder, in
 * {@link #expNegativeInRangeOneStepReduction}). {@code exp(-u) = 1 - u + u^2 T(u)} where {@code T} is
 * of degree 9; the coefficients come from a relative-error minimax fit of degree 11 on
 * {@code [-ln2/2, ln2/2]} (Remez exchange in 60-digit arithmetic; maximum relative error of the
 * exact polynomial 3.6e-18). The polynomial is evaluated as a Horner scheme in {@code u^2} over
 * coefficient pairs (see {@link #expOfNegatedReduced}), and {@code 1 - u} is added last so that
 * its rounding is not amplified. {@link #exp} uses the same reduction with {@code u} negated
 * and the scale applied as {@code 2 * 2^(n-1)} so that it reaches the largest finite results.
 *
 * <p>Range: where {@code exp(-x)} would fall below about {@code 2^-1022} (x above
 * {@link #UNDERFLOW_CUTOFF}) the result is 0; subnormal results between {@code exp(-708.39)}
 * and the cutoff are produced with a single rounding. {@code +Infinity} gives 0 and NaN gives
 * NaN. Negative {@code x} is outside the contract.
 *
 * <p>The methods are short so that C2 inlines them into the caller's loop (a vector that crossed
 * a call boundary that was not inlined would be boxed on the heap). Constants are broadcast
 * where they are used: C2 hoists those broadcasts out of loops and keeps them in registers,
 * whereas constant vectors held in static fields are reloaded from memory on every iteration of
 * a loop that stores doubles (the loads may alias the stores).
 */
public final class VectorExp {
    /** Above this argument the result is 0: {@code x / ln2} then exceeds 1022.4, beyond the normal exponents. */
    public static final double UNDERFLOW_CUTOFF = 708.7;

    /** Below this argument {@link #exp} returns 0: {@code x / ln2} would round below -1021. */
    public static final double EXP_UNDERFLOW = -708.0;
    /** Above this argument {@link #exp} returns infinity (its result overflows beyond 709.78). */
    private static final double EXP_OVERFLOW = 709.9;
    private static final double LOG2E = 1.4426950408889634;
    /** {@code 1.5 * 2^52 + 1023}: rounds to an integer and carries the exponent bias in its low bits. */
    private static final double SHIFTER = 0x1.8p52 + 1023;
    /** {@code 1.5 * 2^52 + 1022}: as {@link #SHIFTER}, for half the scale (see {@link #exp}). */
    private static final double SHIFTER_HALF_SCALE = 0x1.8p52 + 1022;
    private static final double LN2_HI = 0.6931471805599453;
    private static final double LN2_LO = 2.3190468138462996e-17;

    // exp(-u) ~ 1 - u + E2 u^2 + ... + E11 u^11 on |u| <= ln2/2 (relative minimax).
    private static final double E2 = 0.5000000000000011;
    private static final double E3 = -0.16666666666666413;
    private static final double E4 = 0.041666666666530155;
    private static final double E5 = -0.008333333333494461;
    private static final double E6 = 0.0013888888943630114;
    private static final double E7 = -0.00019841269506578688;
    private static final double E8 = 2.480149309890655e-05;
    private static final double E9 = -2.7557586373840165e-06;
    private static final double E10 = 2.763024837921144e-07;
    private static final double E11 = -2.5000061602835666e-08;

    private VectorExp() {
    }

    /**
     * {@code exp(-x)} lane by lane, for lanes with {@code x >= 0}.
     *
     * @param x non-negative arguments (NaN propagates; {@code +Infinity} gives 0)
     * @return {@code exp(-x)}, within about one ulp of the exact value; 0 above {@link #UNDERFLOW_CUTOFF}
     */
    public static DoubleVector expNegative(DoubleVector x) {
        return expNegativeInRange(x)
                .blend(x.broadcast(0.0), x.compare(VectorOperators.GT, x.broadcast(UNDERFLOW_CUTOFF)));
    }

    /**
     * {@link #expNegative} without the underflow check, for lanes with {@code 0 <= x <=}
     * {@link #UNDERFLOW_CUTOFF} (where the check never fires, so the bits are the same); two
     * vector operations fewer, for callers that bound their arguments beforehand. Above the
     * cutoff the result is meaningless.
     */
    public static DoubleVector expNegativeInRange(DoubleVector x) {
        DoubleVector shifted = x.fma(x.broadcast(-LOG2E), x.broadcast(SHIFTER));
        DoubleVector n = shifted.sub(x.broadcast(SHIFTER)); // exactly -round(x / ln2)
        DoubleVector u = n.fma(x.broadcast(LN2_HI), x);
        u = n.fma(x.broadcast(LN2_LO), u); // x - round(x / ln2) ln2, in [-ln2/2, ln2/2]
        return expOfNegatedReduced(u).mul(powerOfTwo(shifted)); // times 2^-round(x / ln2)
    }

    /**
     * {@link #expNegativeInRange} with the reduction in one step, {@code u = x - n ln2} with
     * {@code ln2} rounded to a double ({@code n = round(x / ln2)}): one fused multiply-add fewer
     * (the IRT block kernel's gradient runs about 4 % faster). The rounding of {@code ln2},
     * {@code 2.32e-17}, times {@code |n|} adds to the relative error: within
     * {@code 3.5e-16 + |n| 2.4e-17} of the exact value (measured: at most 2 ulp for
     * {@code x <= 5}, against 1 for {@link #expNegativeInRange}; 3 ulp up to 10, 6 up to 20, 12 up
     * to 40; 3e-15 relative at {@code x = 80}, where the result is about 2e-35; 2.4e-14 near the
     * cutoff, where it is below 1e-300). Same
     * range as {@link #expNegativeInRange}; above {@link #UNDERFLOW_CUTOFF} the result is
     * meaningless.
     */
    public static DoubleVector expNegativeInRangeOneStepReduction(DoubleVector x) {
        DoubleVector shifted = x.fma(x.broadcast(-LOG2E), x.broadcast(SHIFTER));
        DoubleVector n = shifted.sub(x.broadcast(SHIFTER)); // exactly -round(x / ln2)
        DoubleVector u = n.fma(x.broadcast(LN2_HI), x); // x - round(x / ln2) ln2, to |n| 2.32e-17
        return expOfNegatedReduced(u).mul(powerOfTwo(shifted)); // times 2^-round(x / ln2)
    }

    /**
     * Turns {@link #expNegativeInRange} results into {@link #expNegative} ones after the fact:
     * {@code e[i] = 0} wherever {@code |s[i]| >} {@link #UNDERFLOW_CUTOFF}, for {@code i} in
     * {@code [from, to)} ({@code to - from} a multiple of the preferred species' length), where
     * {@code e[i]} was computed from {@code |s[i]|}. Same bits as the checked form.
     */
    public static void zeroBeyondCutoff(double[] s, double[] e, int from, int to) {
        var species = DoubleVector.SPECIES_PREFERRED;
        for (int i = from; i < to; i += species.length()) {
            DoubleVector abs = DoubleVector.fromArray(species, s, i).abs();
            DoubleVector.fromArray(species, e, i)
                    .blend(abs.broadcast(0.0), abs.compare(VectorOperators.GT, abs.broadcast(UNDERFLOW_CUTOFF)))
                    .intoArray(e, i);
        }
    }

    /**
     * {@code exp(x)} lane by lane, for any {@code x}: within about one ulp; 0 for
     * {@code x <} {@link #EXP_UNDERFLOW} (results below about {@code 4.5e-308} are flushed to
     * zero), {@code +Infinity} where the result overflows (beyond 709.78); NaN gives NaN.
     */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector shifted = x.fma(x.broadcast(LOG2E), x.broadcast(SHIFTER_HALF_SCALE));
        DoubleVector n = shifted.sub(x.broadcast(SHIFTER_HALF_SCALE)); // exactly round(x / ln2)
        DoubleVector u = n.fma(x.broadcast(LN2_HI), x.neg());
        u = n.fma(x.broadcast(LN2_LO), u); // round(x / ln2) ln2 - x, in [-ln2/2, ln2/2]
        DoubleVector halfScale = powerOfTwo(shifted); // 2^(round(x / ln2) - 1): reaches exp(709.78) without overflowing
        DoubleVector y = expOfNegatedReduced(u).mul(x.broadcast(2.0)).mul(halfScale); // one rounding
        return y.blend(x.broadcast(Double.POSITIVE_INFINITY), x.compare(VectorOperators.GT, x.broadcast(EXP_OVERFLOW)))
                .blend(x.broadcast(0.0), x.compare(VectorOperators.LT, x.broadcast(EXP_UNDERFLOW)));
    }

    /**
     * The power of two whose biased exponent a shifter left in the low bits of {@code shifted}
     * (see the class comment): those bits moved to the exponent field.
     */
    private static DoubleVector powerOfTwo(DoubleVector shifted) {
        return shifted.viewAsIntegralLanes().lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
    }

    /**
     * {@code exp(-u)} for {@code |u| <= ln2/2}: the polynomial as a Horner scheme in
     * {@code u^2} over the pairs {@code c_k + c_{k+1} u}, depth 6 instead of Horner's 11 with one
     * operation more, so that more loop iterations fit in the out-of-order window.
     */
    static DoubleVector expOfNegatedReduced(DoubleVector u) {
        DoubleVector u2 = u.mul(u);
        DoubleVector p = u.broadcast(E11).fma(u, u.broadcast(E10));
        p = p.fma(u2, u.broadcast(E9).fma(u, u.broadcast(E8)));
        p = p.fma(u2, u.broadcast(E7).fma(u, u.broadcast(E6)));
        p = p.fma(u2, u.broadcast(E5).fma(u, u.broadcast(E4)));
        p = p.fma(u2, u.broadcast(E3).fma(u, u.broadcast(E2)));
        return p.fma(u2, u.broadcast(1.0).sub(u));
    }
}
