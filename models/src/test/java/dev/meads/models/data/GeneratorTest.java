package dev.meads.models.data;

import dev.meads.engine.rng.RandomStreams;
import dev.meads.models.irt.IrtData;
import dev.meads.models.radon.RadonData;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generators: deterministic per seed, the notebook's shapes, and the stated distributions
 * (tolerances are 4 Monte Carlo standard errors; seeds are fixed, so the tests are deterministic).
 */
class GeneratorTest {

    @Test
    void irtIsDeterministicForASeed() {
        SyntheticIrt a = IrtGenerator.generate(42);
        SyntheticIrt b = IrtGenerator.generate(42);
        SyntheticIrt c = IrtGenerator.generate(43);
        assertEquals(100, a.data().students());
        assertEquals(30, a.data().items());
        assertArrayEquals(a.data().responses(), b.data().responses());
        assertArrayEquals(a.theta(), b.theta());
        assertFalse(java.util.Arrays.equals(a.data().responses(), c.data().responses()));
    }

    @Test
    void irtFollowsTheNotebookDistributions() {
        int students = 4000;
        int items = 400;
        SyntheticIrt s = IrtGenerator.generate(students, items, 7);
        assertMeanAndSd(s.theta(), 0, 1, "theta");
        assertMeanAndSd(s.b(), 0, 1, "b");
        double[] aMinus = new double[items];
        for (int i = 0; i < items; i++) {
            assertTrue(s.a()[i] >= 0.1);
            aMinus[i] = s.a()[i] - 0.1;
        }
        // |N(0,1)|: mean sqrt(2/pi), sd sqrt(1 - 2/pi)
        assertMeanAndSd(aMinus, Math.sqrt(2 / Math.PI), Math.sqrt(1 - 2 / Math.PI), "a - 0.1");
        // y - p has mean 0 and, weighted by the linear predictor, still mean 0 (sign convention).
        IrtData d = s.data();
        double residual = 0;
        double weighted = 0;
        double var = 0;
        double varWeighted = 0;
        for (int st = 0; st < students; st++) {
            for (int i = 0; i < items; i++) {
                double eta = s.a()[i] * (s.theta()[st] - s.b()[i]);
                double p = 1 / (1 + Math.exp(-eta));
                double r = d.response(st, i) - p;
                residual += r;
                weighted += r * eta;
                var += p * (1 - p);
                varWeighted += p * (1 - p) * eta * eta;
            }
        }
        assertEquals(0, residual, 4 * Math.sqrt(var), "sum of y - p");
        assertEquals(0, weighted, 4 * Math.sqrt(varWeighted), "sum of (y - p) eta");
    }

    @Test
    void radonIsDeterministicForASeedWithTheNotebookShape() {
        SyntheticRadon a = RadonGenerator.generate(5);
        SyntheticRadon b = RadonGenerator.generate(5);
        assertEquals(85, a.data().counties());
        assertArrayEquals(a.data().logRadon(), b.data().logRadon());
        assertArrayEquals(a.data().county(), b.data().county());
        assertFalse(java.util.Arrays.equals(a.data().logRadon(), RadonGenerator.generate(6).data().logRadon()));
        assertEquals(1.3, a.muAlpha());
        assertEquals(0.4, a.sigmaAlpha());
        assertEquals(-0.7, a.beta());
        assertEquals(0.5, a.sigmaY());
        double[] truth = a.constrainedValues();
        assertEquals(89, truth.length);
        assertEquals(a.alpha()[0], truth[2]);
        assertEquals(-0.7, truth[87]);
        assertEquals(0.5, truth[88]);
        int[] seen = new int[85];
        for (int c : a.data().county()) {
            seen[c]++;
        }
        for (int c = 0; c < 85; c++) {
            assertTrue(seen[c] >= 1, "county " + c + " has an observation");
        }
    }

    @Test
    void radonFollowsTheStatedDistributions() {
        RadonGenerator.Settings settings = new RadonGenerator.Settings(3000, 10, 0.3, 1.3, 0.4, -0.7, 0.5);
        SyntheticRadon s = RadonGenerator.generate(settings, 11);
        RadonData d = s.data();
        int n = d.observations();
        double meanCount = (double) n / 3000;
        assertEquals(10, meanCount, 4 * Math.sqrt(10.0 / 3000), "observations per county");
        assertMeanAndSd(s.alpha(), 1.3, 0.4, "alpha");
        double floorMean = java.util.Arrays.stream(d.floor()).average().orElseThrow();
        assertEquals(0.3, floorMean, 4 * Math.sqrt(0.21 / n), "floor fraction");
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = d.logRadon()[i] - s.alpha()[d.county()[i]] - s.beta() * d.floor()[i];
        }
        assertMeanAndSd(noise, 0, 0.5, "log_radon noise");
    }

    @Test
    void poissonHasTheRightMeanAndVariance() {
        for (double mean : new double[]{0.5, 10, 300}) {
            RandomGenerator rng = RandomStreams.forPurpose(3, "poisson");
            int m = 100_000;
            double sum = 0;
            double sumSq = 0;
            for (int k = 0; k < m; k++) {
                int v = RadonGenerator.poisson(rng, mean);
                sum += v;
                sumSq += (double) v * v;
            }
            double mu = sum / m;
            double var = sumSq / m - mu * mu;
            assertEquals(mean, mu, 4 * Math.sqrt(mean / m), "mean " + mean);
            // variance of the sample variance of a Poisson: (mu4 - sigma^4)/m with mu4 = 3 mean^2 + mean
            assertEquals(mean, var, 4 * Math.sqrt((2 * mean * mean + mean) / m), "variance " + mean);
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RadonGenerator.Settings(0, 10, 0.3, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RadonGenerator.Settings(5, 1000, 0.3, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RadonGenerator.Settings(5, 10, 1.3, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RadonGenerator.Settings(5, 10, 0.3, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> IrtGenerator.generate(0, 5, 1));
    }

    /**
     * Sample mean within 4 se of {@code mean}; sample sd within 4 se of {@code sd}, where the se
     * of a sample sd is sd sqrt((kurtosis - 1)/(4n)): sd/sqrt(2n) for normal draws, times 1.5 to
     * cover the half-normal (kurtosis 3.87, factor 1.2).
     */
    private static void assertMeanAndSd(double[] v, double mean, double sd, String what) {
        int n = v.length;
        double m = java.util.Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double s = Math.sqrt(ss / (n - 1));
        assertEquals(mean, m, 4 * sd / Math.sqrt(n), what + " mean");
        assertEquals(sd, s, 4 * sd / Math.sqrt(2.0 * n) * 1.5, what + " sd");
    }
}
