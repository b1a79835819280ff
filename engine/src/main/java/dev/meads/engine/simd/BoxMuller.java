package dev.meads.engine.simd;

/**
 * The arithmetic of {@link NormalKernel}, written once as scalar code that the vector twin
 * follows operation by operation (so that both give the same bits).
 *
 * <p><b>Uniforms.</b> Words come from SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014): a Weyl sequence {@code key + n·γ} with the
 * golden gamma {@code γ = 0x9E3779B97F4A7C15}, each term passed through Stafford's "variant 13"
 * 64-bit finaliser. A word is a function of (key, counter) alone, which is what lets a vector
 * compute 8 consecutive words at once. The radius uniform is
 * {@code u = (⌊w/2¹¹⌋ + 1)·2⁻⁵³ ∈ (0, 1]} (never 0, so its logarithm is finite; the largest
 * radius is {@code sqrt(106 ln 2) ≈ 8.57}). The angle word gives a 51-bit fraction (bits 0–50)
 * for {@code φ ∈ [−π/4, π/4)} and three bits (61–63) that swap cosine and sine and negate
 * either: the 8 images of the arc [−π/4, π/4) under these reflections cover the circle twice,
 * so the angle is uniform on a full turn.
 *
 * <p><b>Normals.</b> Box &amp; Muller (Ann. Math. Statist. 29, 1958): {@code r = sqrt(−2 ln u)},
 * {@code (r cos θ, r sin θ)} are two independent standard normals. Everything is evaluated with
 * IEEE operations (one division and one square root per pair) and fused multiply-adds, without
 * tables or branches, so that vector lanes need no gathers or masks:
 * <ul>
 *   <li>{@code ln u}: {@code u = 2^e·m} with {@code m ∈ [√½, √2)} (integer arithmetic on the
 *       bits, offset by the bits of √½), {@code f = m − 1}, {@code s = f/(2+f)}, and
 *       {@code ln m = 2 atanh s = f − f²/2 + s(f²/2 + R)} with {@code R = Σ_{k=1..9} 2s^{2k}/(2k+1)}
 *       (the atanh series; |s| ≤ 0.172 puts the first omitted term below 1e-17 of ln m). Then
 *       {@code ln u = e·ln 2 + ln m}.</li>
 *   <li>{@code cos φ, sin φ}: their Taylor series up to {@code φ¹⁸} and {@code φ¹⁷} (omitted
 *       terms below 1e-19 on |φ| ≤ π/4).</li>
 * </ul>
 * Replacing the division and the square root by Newton iterations (a linear seed for
 * {@code 1/(2+f)}, the integer-shift seed for {@code 1/√x}) was tried: 24 more vector
 * operations cost more than the two divider instructions they save (3.2 against 2.5 ns per
 * deviate), so the divider is not what bounds this kernel.
 *
 * <p>Measured against {@code StrictMath}: radius within 2 units in the last place, sine and cosine
 * within 2.3e-16 (see {@code NormalKernelTest}).
 */
final class BoxMuller {
    /** SplitMix64's increment, the odd integer nearest 2⁶⁴/φ. */
    static final long GAMMA = 0x9E3779B97F4A7C15L;
    static final long MIX1 = 0xBF58476D1CE4E5B9L;
    static final long MIX2 = 0x94D049BB133111EBL;
    /** Bits of √½: subtracting them from the bits of u puts the mantissa in [√½, √2). */
    static final long SQRT_HALF_BITS = 0x3FE6A09E667F3BCDL;
    static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
    static final long SIGN = Long.MIN_VALUE;
    /** Bit 61 of the angle word: swap cosine and sine. */
    static final long SWAP = 1L << 61;
    static final long FRACTION_51 = (1L << 51) - 1;
    static final double TWO_M53 = 0x1.0p-53;
    static final double LN2 = Math.log(2.0);
    /** φ = fraction·ANGLE_SCALE − π/4, fraction in [0, 2⁵¹). */
    static final double ANGLE_SCALE = Math.PI / 2.0 * 0x1.0p-51;
    static final double QUARTER_PI = Math.PI / 4.0;
    /** atanh coefficients 2/(2k+1), k = 1..9: {@code LOG[k-1]}. */
    static final double[] LOG = new double[9];
    /** sin: (−1)^k/(2k+1)!, k = 1..8. */
    static final double[] SIN = new double[8];
    /** cos: (−1)^k/(2k)!, k = 1..9. */
    static final double[] COS = new double[9];

    static {
        for (int k = 1; k <= 9; k++) {
            LOG[k - 1] = 2.0 / (2 * k + 1);
        }
        double factorial = 1.0; // exact up to 18! < 2^53
        for (int n = 1; n <= 18; n++) {
            factorial *= n;
            double sign = (n / 2) % 2 == 0 ? 1.0 : -1.0;
            if (n % 2 == 1 && n >= 3) {
                SIN[(n - 3) / 2] = sign / factorial;
            } else if (n % 2 == 0) {
                COS[n / 2 - 1] = sign / factorial;
            }
        }
    }

    private BoxMuller() {
    }

    /** Stafford's variant 13 finaliser (the SplitMix64 / {@code SplittableRandom} mix). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * MIX1;
        z = (z ^ (z >>> 27)) * MIX2;
        return z ^ (z >>> 31);
    }

    /** Word {@code w} of the stream keyed {@code key}. */
    static long word(long key, long w) {
        return mix64(key + (w + 1) * GAMMA);
    }

    /** {@code sqrt(−2 ln u)} for the radius uniform of {@code word}. */
    static double radius(long word) {
        double u = Math.fma((double) (word >>> 11), TWO_M53, TWO_M53);
        long ix = Double.doubleToRawLongBits(u) - SQRT_HALF_BITS;
        double e = (double) (ix >> 52);
        double m = Double.longBitsToDouble((ix & MANTISSA) + SQRT_HALF_BITS);
        double f = m - 1.0;
        double s = f / (f + 2.0);
        double z = s * s;
        double p = LOG[8];
        for (int k = 7; k >= 0; k--) {
            p = Math.fma(p, z, LOG[k]);
        }
        double big = p * z;
        double hfsq = 0.5 * f * f;
        double logM = f - (hfsq - s * (hfsq + big));
        double logU = Math.fma(e, LN2, logM);
        double x = Math.fma(logU, -2.0, 0.0); // + 0.0: u = 1 gives +0, not -0
        return Math.sqrt(x);
    }

    /** {@code φ ∈ [−π/4, π/4)} of the angle word. */
    static double phi(long word) {
        return Math.fma((double) (word & FRACTION_51), ANGLE_SCALE, -QUARTER_PI);
    }

    static double sin(double phi) {
        double z = phi * phi;
        double p = SIN[7];
        for (int k = 6; k >= 0; k--) {
            p = Math.fma(p, z, SIN[k]);
        }
        return Math.fma(phi * z, p, phi);
    }

    static double cos(double phi) {
        double z = phi * phi;
        double p = COS[8];
        for (int k = 7; k >= 0; k--) {
            p = Math.fma(p, z, COS[k]);
        }
        return Math.fma(z, p, 1.0);
    }

    /** {@code v} with its sign flipped when {@code signBit} (0 or {@link #SIGN}) is set. */
    static double flip(double v, long signBit) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ signBit);
    }
}
