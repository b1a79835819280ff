package dev.meads.engine.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.simd.NormalKernel;
import dev.meads.engine.simd.PanamaNormalKernel;
import dev.meads.engine.simd.ScalarNormalKernel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Statistical tests of {@link NormalStream}: moments, the distribution function, serial
 * correlations (including the lags that pair deviates sharing a radius or a block), and
 * independence between streams with different keys. Tolerances are 4 standard errors (fixed
 * seeds, so the outcome is deterministic); the KS bound is the 0.1% critical value.
 */
class NormalStreamTest {
    private static final int N = 1 << 21;

    private static double[] draws(long key, int n) {
        double[] x = new double[n];
        new NormalStream(key).fill(x, 0, n);
        return x;
    }

    @Test
    void momentsMatchTheStandardNormal() {
        double[] x = draws(RandomStreams.forChain(7, "chain", 0).nextLong(), N);
        double m1 = 0;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        int beyond3 = 0;
        for (double v : x) {
            double v2 = v * v;
            m1 += v;
            m2 += v2;
            m3 += v2 * v;
            m4 += v2 * v2;
            if (Math.abs(v) > 3) {
                beyond3++;
            }
        }
        // E x^k and the standard error of the sample mean of x^k: Var x^k = E x^2k - (E x^k)^2
        within(m1 / N, 0, Math.sqrt(1.0 / N), "mean");
        within(m2 / N, 1, Math.sqrt(2.0 / N), "E x^2");
        within(m3 / N, 0, Math.sqrt(15.0 / N), "E x^3");
        within(m4 / N, 3, Math.sqrt(96.0 / N), "E x^4");
        double p3 = 0.0026997960632601866; // P(|x| > 3)
        within((double) beyond3 / N, p3, Math.sqrt(p3 * (1 - p3) / N), "P(|x| > 3)");
    }

    @Test
    void distributionFunctionPassesKolmogorovSmirnov() {
        double[] x = draws(11L, N);
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < N; i++) {
            double f = phi(x[i]);
            d = Math.max(d, Math.max(f - (double) i / N, (double) (i + 1) / N - f));
        }
        // P(sqrt(n) D > 1.949) = 0.001 asymptotically
        assertTrue(Math.sqrt(N) * d < 1.949, "KS statistic sqrt(n) D = " + Math.sqrt(N) * d);
    }

    @Test
    void serialCorrelationsVanish() {
        double[] x = draws(-3L, N);
        double[] sq = new double[N];
        for (int i = 0; i < N; i++) {
            sq[i] = x[i] * x[i] - 1;
        }
        // lags up to 2 blocks; lag 8 pairs the cosine and sine of one radius
        for (int lag = 1; lag <= 2 * NormalKernel.BLOCK; lag++) {
            within(correlation(x, 0, x, lag, N - lag), 0, 1 / Math.sqrt(N - lag), "lag " + lag);
            within(correlation(sq, 0, sq, lag, N - lag), 0, 1 / Math.sqrt(N - lag), "squares, lag " + lag);
        }
    }

    @Test
    void streamsOfDifferentChainsAreUncorrelated() {
        int n = 1 << 18;
        int chains = 8;
        double[][] x = new double[chains][];
        for (int c = 0; c < chains; c++) {
            x[c] = draws(NormalStream.keyedBy(RandomStreams.forChain(1, "chain", c)).key(), n);
        }
        for (int a = 0; a < chains; a++) {
            for (int b = a + 1; b < chains; b++) {
                for (int lag = 0; lag <= 8; lag++) {
                    within(correlation(x[a], 0, x[b], lag, n - lag), 0, 1 / Math.sqrt(n - lag),
                            "chains " + a + ", " + b + ", lag " + lag);
                }
            }
        }
    }

    @Test
    void sequenceDoesNotDependOnRequestSizes() {
        int n = 1000;
        double[] whole = draws(5L, n);
        NormalStream s = new NormalStream(5L);
        double[] parts = new double[n];
        int[] sizes = {1, 15, 16, 17, 0, 3, 89, 160, 33};
        int at = 0;
        for (int k = 0; at < n; k++) {
            int len = Math.min(sizes[k % sizes.length], n - at);
            if (k % 5 == 4 && len > 0) {
                parts[at++] = s.next();
            } else {
                s.fill(parts, at, len);
                at += len;
            }
            assertEquals(at, s.position());
        }
        assertArrayEquals(whole, parts);
    }

    @Test
    void twinsGiveTheSameStream() {
        NormalStream scalar = new NormalStream(77L, new ScalarNormalKernel());
        NormalStream vector = new NormalStream(77L, new PanamaNormalKernel());
        double[] a = new double[89];
        double[] b = new double[89];
        for (int step = 0; step < 2000; step++) {
            scalar.fill(a, 0, 89);
            vector.fill(b, 0, 89);
            assertArrayEquals(a, b, "step " + step);
        }
    }

    @Test
    void rejectsBadRanges() {
        NormalStream s = new NormalStream(1L);
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> s.fill(new double[4], 2, 3));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> s.fill(new double[4], 0, -1));
    }

    private static void within(double value, double expected, double standardError, String what) {
        assertTrue(Math.abs(value - expected) <= 4 * standardError,
                what + ": " + value + ", expected " + expected + " ± 4 × " + standardError);
    }

    private static double correlation(double[] a, int aOff, double[] b, int bOff, int n) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[aOff + i];
            mb += b[bOff + i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double u = a[aOff + i] - ma;
            double v = b[bOff + i] - mb;
            sab += u * v;
            saa += u * u;
            sbb += v * v;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /**
     * The standard normal distribution function by Marsaglia's series (J. Stat. Softw. 11(4),
     * 2004): {@code Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/(3·5) + ...)}, absolute error about 1e-15.
     */
    static double phi(double x) {
        if (x < -8) {
            return 0;
        }
        if (x > 8) {
            return 1;
        }
        double sum = x;
        double term = x;
        double x2 = x * x;
        for (int i = 3; sum + term != sum; i += 2) {
            term = term * x2 / i;
            sum += term;
        }
        return 0.5 + sum * Math.exp(-0.5 * x2 - 0.91893853320467274178);
    }
}
