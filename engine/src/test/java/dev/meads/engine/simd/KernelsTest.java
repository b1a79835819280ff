package dev.meads.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The Vector API kernels agree with their scalar twins on awkward lengths and offsets. */
class KernelsTest {
    private static final Kernels SCALAR = new ScalarKernels();
    private static final Kernels VECTOR = new PanamaKernels();
    private static final double TOL = 1e-12;

    private static double[] random(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble(-3, 3) * Math.exp(r.nextDouble(-2, 2));
        }
        return a;
    }

    private static void close(double expected, double actual, double scale, String what) {
        assertTrue(Math.abs(expected - actual) <= TOL * Math.max(scale, Double.MIN_NORMAL),
                () -> what + ": scalar " + expected + " vs vector " + actual);
    }

    @Test
    void vectorImplementationIsChosenWhenModulePresent() {
        assertTrue(KernelProvider.vectorAvailable(), "tests run with --add-modules jdk.incubator.vector");
        assertTrue(Kernels.get() instanceof PanamaKernels);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 160, 233, 64_000})
    void scalarReductionsHaveTheVectorKernelsBitsWithEightLanes(int n) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length() == 8, "vectors of 8 doubles");
        SplittableRandom r = new SplittableRandom(n);
        double[] a = random(r, n + 3);
        double[] b = random(r, n + 5);
        double[] out = new double[17];
        for (int off : new int[] {0, 3}) {
            double scalar = SCALAR.dot(a, off, b, 5 - off, n);
            assertEquals(Double.doubleToRawLongBits(VECTOR.dot(a, off, b, 5 - off, n)), Double.doubleToRawLongBits(scalar),
                    "n=" + n + " off=" + off);
            assertEquals(Double.doubleToRawLongBits(VECTOR.sumOfSquares(a, off, n)),
                    Double.doubleToRawLongBits(SCALAR.sumOfSquares(a, off, n)), "sumOfSquares n=" + n);
            double[] m = b.clone();
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.abs(m[i]);
            }
            assertEquals(Double.doubleToRawLongBits(VECTOR.kineticEnergy(a, off, m, 5 - off, n)),
                    Double.doubleToRawLongBits(SCALAR.kineticEnergy(a, off, m, 5 - off, n)), "kineticEnergy n=" + n);
        }
        if (n <= 233) {
            int stride = n + 1;
            double[] rows = random(r, 4 * stride + 8);
            SCALAR.dots4x4(rows, 1, rows, 2, stride, n, out, 1);
            double[] vectorOut = new double[17];
            VECTOR.dots4x4(rows, 1, rows, 2, stride, n, vectorOut, 1);
            for (int k = 1; k < 17; k++) {
                assertEquals(Double.doubleToRawLongBits(vectorOut[k]), Double.doubleToRawLongBits(out[k]), "dots4x4 " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 160, 233})
    void reductionsAgree(int n) {
        SplittableRandom r = new SplittableRandom(n * 31L + 7);
        int off = 3;
        double[] a = random(r, n + off);
        double[] b = random(r, n + 5);
        double[] m = random(r, n + off);
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.abs(m[i]);
        }
        double absDot = 0, sq = 0, kin = 0;
        for (int i = 0; i < n; i++) {
            absDot += Math.abs(a[off + i] * b[i]);
            sq += a[off + i] * a[off + i];
            kin += 0.5 * m[off + i] * a[off + i] * a[off + i];
        }
        close(SCALAR.dot(a, off, b, 0, n), VECTOR.dot(a, off, b, 0, n), absDot, "dot");
        close(SCALAR.sumOfSquares(a, off, n), VECTOR.sumOfSquares(a, off, n), sq, "sumOfSquares");
        close(SCALAR.kineticEnergy(a, off, m, off, n), VECTOR.kineticEnergy(a, off, m, off, n), kin, "kinetic");
        assertEquals(sq, SCALAR.sumOfSquares(a, off, n), 1e-12 * Math.max(sq, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 160, 233})
    void elementwiseKernelsAgree(int n) {
        SplittableRandom r = new SplittableRandom(n * 17L + 1);
        double[] x = random(r, n + 2);
        double[] y = random(r, n + 1);
        double[] s = random(r, n + 4);
        double alpha = r.nextDouble(-2, 2);

        double[] o1 = new double[n + 6];
        double[] o2 = new double[n + 6];
        SCALAR.axpy(alpha, x, 2, y, 1, o1, 6, n);
        VECTOR.axpy(alpha, x, 2, y, 1, o2, 6, n);
        for (int i = 0; i < n; i++) {
            close(o1[6 + i], o2[6 + i], Math.abs(y[1 + i]) + Math.abs(alpha * x[2 + i]), "axpy " + i);
            assertEquals(y[1 + i] + alpha * x[2 + i], o1[6 + i], 1e-15 * (1 + Math.abs(o1[6 + i])));
        }
        SCALAR.axpyScaled(alpha, s, 4, x, 2, y, 1, o1, 6, n);
        VECTOR.axpyScaled(alpha, s, 4, x, 2, y, 1, o2, 6, n);
        for (int i = 0; i < n; i++) {
            close(o1[6 + i], o2[6 + i], Math.abs(y[1 + i]) + Math.abs(alpha * s[4 + i] * x[2 + i]), "axpyScaled " + i);
        }
        double[] z1 = y.clone();
        double[] z2 = y.clone();
        SCALAR.refresh(0.9, z1, 1, 0.43, x, 2, n);
        VECTOR.refresh(0.9, z2, 1, 0.43, x, 2, n);
        for (int i = 0; i < n; i++) {
            close(z1[1 + i], z2[1 + i], Math.abs(0.9 * y[1 + i]) + Math.abs(0.43 * x[2 + i]), "refresh " + i);
        }
        assertEquals(y[0], z2[0], "refresh must not touch elements before the offset");
    }

    @Test
    void inPlaceUpdateMatchesOutOfPlace() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 37;
        double[] x = random(r, n);
        double[] y = random(r, n);
        double[] s = random(r, n);
        double[] out = new double[n];
        VECTOR.axpyScaled(0.3, s, 0, x, 0, y, 0, out, 0, n);
        VECTOR.axpyScaled(0.3, s, 0, x, 0, y, 0, y, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(out[i], y[i], 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 16, 89, 160})
    void fusedStepKernelsEqualTheirComposition(int n) {
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            SplittableRandom r = new SplittableRandom(n * 13L + 3);
            double[] noise = random(r, n + 1);
            double[] z = random(r, n + 2);
            double[] s = random(r, n);
            double[] g = random(r, n + 3);
            double[] x = random(r, n + 4);
            double[] zFused = z.clone();
            double[] zhFused = new double[n + 5];
            double[] xpFused = new double[n + 6];
            double fused = k.refreshKickDrift(0.8, 0.6, noise, 1, zFused, 2, 0.05, 0.1, s, 0, g, 3, x, 4,
                    zhFused, 5, xpFused, 6, n);
            double[] zh = new double[n + 5];
            double[] xp = new double[n + 6];
            k.refresh(0.8, z, 2, 0.6, noise, 1, n);
            double squares = k.sumOfSquares(z, 2, n);
            k.axpyScaled(0.05, s, 0, g, 3, z, 2, zh, 5, n);
            k.axpyScaled(0.1, s, 0, zh, 5, x, 4, xp, 6, n);
            assertEquals(squares, fused, 0.0, k.getClass().getSimpleName());
            org.junit.jupiter.api.Assertions.assertArrayEquals(z, zFused, 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(zh, zhFused, 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(xp, xpFused, 0.0);

            double kicked = k.kickSumOfSquares(0.05, s, 0, g, 3, zhFused, 5, n);
            k.axpyScaled(0.05, s, 0, g, 3, zh, 5, zh, 5, n);
            assertEquals(k.sumOfSquares(zh, 5, n), kicked, 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(zh, zhFused, 0.0);
        }
    }

    @Test
    void reductionsGiveTheSameBitsBeforeAndAfterCompilation() {
        // the first calls run interpreted; after the loop C2 has compiled the kernels
        SplittableRandom r = new SplittableRandom(9);
        double[] a = random(r, 16);
        double[] b = random(r, 16);
        Kernels k = new PanamaKernels();
        double dot = k.dot(a, 0, b, 0, 16);
        double squares = k.sumOfSquares(a, 0, 16);
        double kinetic = k.kineticEnergy(a, 0, b, 0, 16);
        double sink = 0;
        for (int i = 0; i < 300_000; i++) {
            sink += k.dot(a, 0, b, 0, 16) + k.sumOfSquares(a, 0, 16) + k.kineticEnergy(a, 0, b, 0, 16);
        }
        assertTrue(Double.isFinite(sink));
        assertEquals(dot, k.dot(a, 0, b, 0, 16), 0.0);
        assertEquals(squares, k.sumOfSquares(a, 0, 16), 0.0);
        assertEquals(kinetic, k.kineticEnergy(a, 0, b, 0, 16), 0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 17, 89, 160})
    void blockOfDotsEqualsSingleDots(int n) {
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            SplittableRandom r = new SplittableRandom(n + 100L);
            int stride = n + 3;
            double[] a = random(r, 2 + 4 * stride);
            double[] b = random(r, 5 + 4 * stride);
            double[] out = new double[17];
            k.dots4x4(a, 2, b, 5, stride, n, out, 1);
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) {
                    assertEquals(k.dot(a, 2 + p * stride, b, 5 + q * stride, n), out[1 + 4 * p + q], 0.0,
                            k.getClass().getSimpleName() + " p=" + p + " q=" + q);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 89, 160})
    void momentKernelsAgreeWithPlainLoops(int n) {
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            SplittableRandom r = new SplittableRandom(n + 200L);
            double[] x = random(r, n + 1);
            double[] mean = random(r, n + 2);
            double[] inv = random(r, n + 3);
            double[] acc = random(r, n + 4);
            double[] out = new double[n + 5];
            double[] expectedAcc = acc.clone();
            k.addSquaredDeviations(x, 1, mean, 2, acc, 4, n);
            k.standardise(x, 1, mean, 2, inv, 3, out, 5, n);
            double[] product = new double[n + 1];
            k.multiply(x, 1, inv, 3, product, 1, n);
            for (int i = 0; i < n; i++) {
                double e = x[1 + i] - mean[2 + i];
                expectedAcc[4 + i] += e * e;
                assertEquals(e * inv[3 + i], out[5 + i], 0.0);
                assertEquals(x[1 + i] * inv[3 + i], product[1 + i], 0.0);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(expectedAcc, acc, 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 89, 160})
    void screeningKernelsFindTheOddElementAnywhere(int n) {
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            double[] x = new double[n + 2];
            double[] center = new double[n + 1];
            double[] limit = new double[n];
            java.util.Arrays.fill(limit, 1.0);
            for (int i = 0; i < n; i++) {
                x[2 + i] = center[1 + i] + (i % 2 == 0 ? 1.0 : -1.0); // exactly at the limit: within
            }
            assertTrue(k.allFinite(x, 2, n));
            assertTrue(!k.anyAbsDeviationBeyond(x, 2, center, 1, limit, 0, n));
            for (int at = 0; at < n; at++) {
                for (double bad : new double[] {1.0000001, Double.NaN, Double.POSITIVE_INFINITY}) {
                    double keep = x[2 + at];
                    x[2 + at] = center[1 + at] - bad;
                    assertTrue(k.anyAbsDeviationBeyond(x, 2, center, 1, limit, 0, n), "at " + at + " " + bad);
                    assertEquals(Double.isFinite(bad), k.allFinite(x, 2, n), "at " + at + " " + bad);
                    x[2 + at] = keep;
                }
            }
        }
    }
}
