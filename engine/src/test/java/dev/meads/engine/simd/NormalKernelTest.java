package dev.meads.engine.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator's arithmetic and its two twins (statistics: {@code NormalStreamTest}). */
class NormalKernelTest {

    @Test
    void wordsAreSplittableRandomsOutputs() {
        for (long key : new long[] {0L, 1L, -1L, 0x123456789ABCDEFL, Long.MIN_VALUE}) {
            SplittableRandom reference = new SplittableRandom(key);
            for (long w = 0; w < 1000; w++) {
                assertEquals(reference.nextLong(), BoxMuller.word(key, w), "key " + key + ", word " + w);
            }
        }
    }

    @Test
    void twinsAreBitIdentical() {
        NormalKernel scalar = new ScalarNormalKernel();
        NormalKernel vector = new PanamaNormalKernel();
        SplittableRandom keys = new SplittableRandom(5);
        int blocks = 2000;
        double[] a = new double[blocks * NormalKernel.BLOCK + 3];
        double[] b = new double[blocks * NormalKernel.BLOCK + 3];
        for (int trial = 0; trial < 20; trial++) {
            long key = keys.nextLong();
            long first = trial == 0 ? 0 : keys.nextLong(1L << 40);
            scalar.fill(key, first, blocks, a, 3);
            vector.fill(key, first, blocks, b, 3);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]),
                        "key " + key + ", block " + first + ", index " + i);
            }
        }
    }

    @Test
    void blocksDoNotDependOnHowTheyAreRequested() {
        NormalKernel kernel = NormalKernel.get();
        double[] all = new double[10 * NormalKernel.BLOCK];
        kernel.fill(42L, 7, 10, all, 0);
        double[] piecewise = new double[all.length];
        for (int b = 0; b < 10; b++) {
            kernel.fill(42L, 7 + b, 1, piecewise, b * NormalKernel.BLOCK);
        }
        assertArrayEquals(all, piecewise);
    }

    @Test
    void blockLayoutIsBoxMullerOnConsecutiveWords() {
        double[] out = new double[2 * NormalKernel.BLOCK];
        long key = 99L;
        NormalKernel.get().fill(key, 3, 2, out, 0);
        for (int b = 0; b < 2; b++) {
            for (int l = 0; l < 8; l++) {
                long w = (3L + b) * 16;
                long rw = BoxMuller.word(key, w + l);
                long aw = BoxMuller.word(key, w + 8 + l);
                double u = ((rw >>> 11) + 1) * 0x1.0p-53;
                double r = Math.sqrt(-2 * StrictMath.log(u));
                double phi = (Math.PI / 2) * ((aw & ((1L << 51) - 1)) * 0x1.0p-51 - 0.5);
                boolean swap = (aw & (1L << 61)) != 0;
                double cos = (aw < 0 ? -1 : 1) * (swap ? StrictMath.sin(phi) : StrictMath.cos(phi));
                double sin = ((aw & (1L << 62)) != 0 ? -1 : 1) * (swap ? StrictMath.cos(phi) : StrictMath.sin(phi));
                assertEquals(r * cos, out[b * 16 + l], 1e-14 * Math.max(1, r));
                assertEquals(r * sin, out[b * 16 + 8 + l], 1e-14 * Math.max(1, r));
            }
        }
    }

    @Test
    void radiusIsAccurateOverTheWholeRange() {
        // words whose uniform is 2^-53 (the smallest), 1 (the largest) and in between, with
        // random low bits
        SplittableRandom r = new SplittableRandom(11);
        double worst = 0;
        for (int shift = 0; shift <= 53; shift++) {
            for (int k = 0; k < 200; k++) {
                long mantissa = shift == 0 ? 0 : (1L << (shift - 1)) | (r.nextLong() & ((1L << (shift - 1)) - 1));
                long word = (mantissa << 11) | r.nextLong(2048);
                long n = (word >>> 11) + 1;
                double u = n * 0x1.0p-53;
                double expected = Math.sqrt(-2 * StrictMath.log(u));
                double got = BoxMuller.radius(word);
                if (expected == 0) {
                    assertEquals(0.0, got);
                } else {
                    worst = Math.max(worst, Math.abs(got - expected) / Math.ulp(expected));
                }
            }
        }
        assertEquals(0.0, BoxMuller.radius(-1L), "u = 1 gives radius 0");
        assertEquals(Math.sqrt(106 * Math.log(2)), BoxMuller.radius(0L), 1e-14);
        assertTrue(worst <= 2, "radius error " + worst + " ulp");
    }

    @Test
    void sineAndCosineAreAccurateOnTheReducedRange() {
        double worstSin = 0;
        double worstCos = 0;
        for (int i = -100_000; i <= 100_000; i++) {
            double phi = Math.PI / 4 * i / 100_000.0;
            worstSin = Math.max(worstSin, Math.abs(BoxMuller.sin(phi) - StrictMath.sin(phi)));
            worstCos = Math.max(worstCos, Math.abs(BoxMuller.cos(phi) - StrictMath.cos(phi)));
        }
        assertTrue(worstSin <= 2.3e-16, "sin error " + worstSin);
        assertTrue(worstCos <= 2.3e-16, "cos error " + worstCos);
    }

    @Test
    void everyQuadrantIsReached() {
        double[] out = new double[64 * NormalKernel.BLOCK];
        NormalKernel.get().fill(3L, 0, 64, out, 0);
        int[] signs = new int[4];
        for (int b = 0; b < 64; b++) {
            for (int l = 0; l < 8; l++) {
                double x = out[b * 16 + l];
                double y = out[b * 16 + 8 + l];
                signs[(x >= 0 ? 0 : 1) + (y >= 0 ? 0 : 2)]++;
            }
        }
        for (int count : signs) {
            assertTrue(count > 64 * 8 / 4 - 4 * 14, java.util.Arrays.toString(signs));
        }
    }
}
