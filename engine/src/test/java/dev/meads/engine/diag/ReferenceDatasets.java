package dev.meads.engine.diag;

/**
 * The reproducible datasets of ALGORITHMS.md §8.5, chain-major ({@code y[c*n + i]}), whose
 * diagnostics were computed with stan-dev/posterior.
 */
final class ReferenceDatasets {
    private static final long PARK_MILLER_MODULUS = 2147483647L;

    private ReferenceDatasets() {
    }

    /** Datasets A (n = 20) and B (n = 21): y[i][c] = sin(0.9·(i+1) + c) + 0.3·c, 4 chains. */
    static double[] sine(int n) {
        int m = 4;
        double[] y = new double[m * n];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                y[c * n + i] = Math.sin(0.9 * (i + 1) + c) + 0.3 * c;
            }
        }
        return y;
    }

    /**
     * AR(1) chains driven by the Park–Miller generator s ← 48271·s mod (2³¹−1), e = s/(2³¹−1) − 0.5,
     * one generator continuing across chains, v reset to 0 at each chain start, v ← φv + e.
     */
    static double[] parkMillerAr1(long seed, double phi, int chains, int n) {
        double[] y = new double[chains * n];
        long s = seed;
        for (int c = 0; c < chains; c++) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                s = (48271L * s) % PARK_MILLER_MODULUS;
                double e = (double) s / PARK_MILLER_MODULUS - 0.5;
                v = phi * v + e;
                y[c * n + i] = v;
            }
        }
        return y;
    }

    /** Dataset PM: φ = 0.5, 100 iterations, 4 chains, s₀ = 12345. */
    static double[] pm() {
        return parkMillerAr1(12345, 0.5, 4, 100);
    }

    /** Dataset NEST: s₀ = 777, φ = 0, 10 iterations, 16 chains, chain c shifted by 0.1·⌊c/4⌋. */
    static double[] nest() {
        double[] y = parkMillerAr1(777, 0.0, 16, 10);
        for (int c = 0; c < 16; c++) {
            for (int i = 0; i < 10; i++) {
                y[c * 10 + i] += 0.1 * (c / 4);
            }
        }
        return y;
    }
}
