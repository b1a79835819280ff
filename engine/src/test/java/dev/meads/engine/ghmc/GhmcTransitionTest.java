package dev.meads.engine.ghmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.simd.Kernels;
import dev.meads.engine.simd.ScalarKernels;
import org.junit.jupiter.api.Test;

/** The golden GHMC steps of ALGORITHMS.md §8.1 on a 2-d standard normal, noise injected. */
class GhmcTransitionTest {
    private static final double TOL = 1e-11;

    /** One full transition on logp = -|x|²/2, as the ensemble performs it; returns {x, z, u, Δ}. */
    private static double[][] transition(Kernels k, double[] x0, double[] z0, double u0, double eps) {
        int d = 2;
        double[] s = {1, 2};
        double alpha = 0.19;
        double delta = 0.095;
        double[] x = x0.clone();
        double[] z = z0.clone();
        double[] g = {-x[0], -x[1]};
        double lp = -0.5 * (x[0] * x[0] + x[1] * x[1]);
        double[] noise = {0.1, -0.2};
        double u = GhmcTransition.drift(u0, delta);
        double[] xp = new double[d];
        double[] zh = new double[d];
        double h0 = GhmcTransition.propose(k, d, eps, s, alpha, x, 0, z, 0, g, 0, lp, noise, 0, xp, 0, zh, 0);
        double[] refreshed = z.clone();
        double[] gp = {-xp[0], -xp[1]};
        double lpp = -0.5 * (xp[0] * xp[0] + xp[1] * xp[1]);
        double dlt = GhmcTransition.energyError(k, d, eps, s, h0, zh, 0, gp, 0, lpp);
        if (GhmcTransition.accepts(u, dlt)) {
            return new double[][] {xp, zh, {GhmcTransition.sliceAfterAcceptance(u, dlt)}, {dlt, h0, 1}, refreshed};
        }
        return new double[][] {x, {-z[0], -z[1]}, {u}, {dlt, h0, 0}, refreshed};
    }

    @Test
    void caseAAccepts() {
        for (Kernels k : new Kernels[] {new ScalarKernels(), Kernels.get()}) {
            double[][] r = transition(k, new double[] {1, -0.5}, new double[] {0.3, 0.8}, 0.5, 0.5);
            assertArrayEquals(new double[] {0.313588989435, 0.632822021129}, r[4], TOL);
            assertEquals(0.87440088236, r[3][1], TOL);
            assertEquals(0.0109121662883, r[3][0], TOL);
            assertEquals(1.0, r[3][2]);
            assertArrayEquals(new double[] {1.03179449472, 0.382822021129}, r[0], TOL);
            assertArrayEquals(new double[] {-0.194359634244, 0.691411010565}, r[1], TOL);
            assertEquals(0.588542557479, r[2][0], TOL);
            assertEquals(0.86348871607, r[3][1] - r[3][0], TOL);
        }
    }

    @Test
    void caseBRejectsAndFlipsMomentum() {
        for (Kernels k : new Kernels[] {new ScalarKernels(), Kernels.get()}) {
            double[][] r = transition(k, new double[] {1, -0.5}, new double[] {0.3, 0.8}, -0.99, 1.5);
            assertEquals(-14.4462679352, r[3][0], 1e-9);
            assertEquals(0.0, r[3][2]);
            assertArrayEquals(new double[] {1, -0.5}, r[0], 0.0);
            assertArrayEquals(new double[] {-0.313588989435, -0.632822021129}, r[1], TOL);
            assertEquals(-0.895, r[2][0], TOL);
        }
    }

    @Test
    void caseBProposalPosition() {
        int d = 2;
        double[] s = {1, 2};
        double[] x = {1, -0.5};
        double[] z = {0.3, 0.8};
        double[] g = {-1, 0.5};
        double[] xp = new double[d];
        double[] zh = new double[d];
        GhmcTransition.propose(Kernels.get(), d, 1.5, s, 0.19, x, 0, z, 0, g, 0, -0.625, new double[] {0.1, -0.2}, 0,
                xp, 0, zh, 0);
        assertArrayEquals(new double[] {0.345383484153, 3.64846606339}, xp, TOL);
    }

    @Test
    void driftWrapsOnTheCircle() {
        assertEquals(0.595, GhmcTransition.drift(0.5, 0.095), 1e-15);
        assertEquals(-0.895, GhmcTransition.drift(-0.99, 0.095), 1e-15);
        assertEquals(-0.9, GhmcTransition.drift(0.95, 0.15), 1e-14);
        for (double u = -1; u < 1; u += 0.01) {
            double w = GhmcTransition.drift(u, 0.73);
            assertTrue(w >= -1 && w < 1, "drift left [-1,1): " + w);
        }
        assertEquals(-1.0, GhmcTransition.drift(0.0, 1.0), 0.0);
    }

    @Test
    void nonFiniteProposalIsRejectedEvenWithZeroSlice() {
        double[] zh = {0.1, 0.2};
        double dlt = GhmcTransition.energyError(Kernels.get(), 2, 0.1, new double[] {1, 1}, 0.0, zh, 0,
                new double[] {Double.NaN, 0}, 0, -1.0);
        assertEquals(Double.NEGATIVE_INFINITY, dlt);
        assertFalse(GhmcTransition.accepts(0.0, dlt), "u = 0 must not accept a NaN proposal");
        double dlt2 = GhmcTransition.energyError(Kernels.get(), 2, 0.1, new double[] {1, 1}, 0.0, zh, 0,
                new double[] {0, 0}, 0, Double.POSITIVE_INFINITY);
        assertFalse(GhmcTransition.accepts(0.3, dlt2), "an infinite log density is not a valid proposal");
    }

    @Test
    void leapfrogIsReversible() {
        Kernels k = Kernels.get();
        int d = 3;
        double[] s = {0.5, 1.7, 3.0};
        double[] x = {0.3, -1.2, 2.5};
        double[] z = {0.9, 0.1, -0.4};
        // target logp = -Σ x²/(2 v_j) with v = (1, 4, 0.25)
        double[] v = {1, 4, 0.25};
        double eps = 0.37;
        double[] g = new double[d];
        for (int j = 0; j < d; j++) {
            g[j] = -x[j] / v[j];
        }
        double[] zh = new double[d];
        double[] xp = new double[d];
        k.axpyScaled(0.5 * eps, s, 0, g, 0, z, 0, zh, 0, d);
        k.axpyScaled(eps, s, 0, zh, 0, x, 0, xp, 0, d);
        double[] gp = new double[d];
        for (int j = 0; j < d; j++) {
            gp[j] = -xp[j] / v[j];
        }
        k.axpyScaled(0.5 * eps, s, 0, gp, 0, zh, 0, zh, 0, d);
        for (int j = 0; j < d; j++) {
            zh[j] = -zh[j];
        }
        double[] zb = new double[d];
        double[] xb = new double[d];
        k.axpyScaled(0.5 * eps, s, 0, gp, 0, zh, 0, zb, 0, d);
        k.axpyScaled(eps, s, 0, zb, 0, xp, 0, xb, 0, d);
        double[] gb = new double[d];
        for (int j = 0; j < d; j++) {
            gb[j] = -xb[j] / v[j];
        }
        k.axpyScaled(0.5 * eps, s, 0, gb, 0, zb, 0, zb, 0, d);
        for (int j = 0; j < d; j++) {
            assertEquals(x[j], xb[j], 1e-12);
            assertEquals(z[j], -zb[j], 1e-12);
        }
    }
}
