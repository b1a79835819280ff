package dev.meads.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meads.engine.model.LogDensity;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Velocity Verlet is time-reversible: step, flip the momentum, step again, and you are back. */
class LeapfrogTest {

    private static InverseMetric metric(String kind, int d) {
        if (kind.equals("diag")) {
            double[] m = new double[d];
            for (int j = 0; j < d; j++) {
                m[j] = 0.5 + 0.3 * j;
            }
            return new DiagonalInverseMetric(m);
        }
        // A correlated SPD matrix: A Aᵀ + I.
        SplittableRandom r = new SplittableRandom(3);
        double[] a = new double[d * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble(-0.5, 0.5);
        }
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = i == j ? 1.0 : 0.0;
                for (int k = 0; k < d; k++) {
                    s += a[i * d + k] * a[j * d + k];
                }
                m[i * d + j] = s;
            }
        }
        return new DenseInverseMetric(m, d);
    }

    @ParameterizedTest
    @CsvSource({"diag, 1, 1e-12", "dense, 1, 1e-12", "diag, 25, 1e-11", "dense, 25, 1e-11"})
    void stepsForwardThenBackReturnToTheStart(String kind, int steps, double tol) {
        LogDensity funnel = new TestTargets.Funnel(3); // non-quadratic: gradients change along the path
        Leapfrog lf = new Leapfrog(funnel, metric(kind, 4));
        PhasePoint z = new PhasePoint(4);
        double[] x0 = {0.4, -0.7, 0.3, 1.1};
        double[] p0 = {0.9, -0.2, 0.5, -1.3};
        System.arraycopy(x0, 0, z.x, 0, 4);
        System.arraycopy(p0, 0, z.p, 0, 4);
        lf.evaluate(z);
        lf.updateEnergy(z);
        double h0 = z.h;
        double h = 0.05;
        for (int s = 0; s < steps; s++) {
            lf.step(z, h);
        }
        for (int j = 0; j < 4; j++) {
            z.p[j] = -z.p[j];
        }
        for (int s = 0; s < steps; s++) {
            lf.step(z, h);
        }
        for (int j = 0; j < 4; j++) {
            assertEquals(x0[j], z.x[j], tol, "position " + j);
            assertEquals(p0[j], -z.p[j], tol, "momentum " + j);
        }
        assertEquals(h0, z.h, 1e-10, "energy after the round trip");
        assertEquals(1 + 2L * steps, lf.evaluations(), "one model evaluation per step");
    }

    @ParameterizedTest
    @CsvSource({"diag", "dense"})
    void negativeStepUndoesPositiveStep(String kind) {
        LogDensity funnel = new TestTargets.Funnel(3);
        Leapfrog lf = new Leapfrog(funnel, metric(kind, 4));
        PhasePoint z = new PhasePoint(4);
        double[] x0 = {-0.3, 0.2, -1.0, 0.6};
        double[] p0 = {0.1, 0.8, -0.4, 0.3};
        System.arraycopy(x0, 0, z.x, 0, 4);
        System.arraycopy(p0, 0, z.p, 0, 4);
        lf.evaluate(z);
        lf.step(z, 0.1);
        lf.step(z, -0.1);
        for (int j = 0; j < 4; j++) {
            assertEquals(x0[j], z.x[j], 1e-12, "position " + j);
            assertEquals(p0[j], z.p[j], 1e-12, "momentum " + j);
        }
    }
}
