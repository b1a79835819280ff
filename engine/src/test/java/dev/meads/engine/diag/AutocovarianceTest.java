package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meads.engine.simd.Kernels;
import dev.meads.engine.simd.ScalarKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Direct, FFT and bit-set autocovariances agree with a plain double loop on awkward lengths. */
class AutocovarianceTest {

    /** (1/(kL)) Σ_c Σ_{i<L-t} (x_ci − x̄_c)(x_c,i+t − x̄_c), the definition. */
    private static double naive(double[] x, int k, int length, int t) {
        double total = 0;
        for (int c = 0; c < k; c++) {
            double mean = 0;
            for (int i = 0; i < length; i++) {
                mean += x[c * length + i];
            }
            mean /= length;
            for (int i = 0; i + t < length; i++) {
                total += (x[c * length + i] - mean) * (x[c * length + i + t] - mean);
            }
        }
        return total / ((double) k * length);
    }

    private static double[] centred(double[] x, int k, int length) {
        double[] out = new double[x.length];
        for (int c = 0; c < k; c++) {
            double mean = Moments.sum(x, c * length, length) / length;
            for (int i = 0; i < length; i++) {
                out[c * length + i] = x[c * length + i] - mean;
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7, 63, 64, 65, 127, 128, 200, 513})
    void denseDirectAndFftMatchDefinition(int length) {
        int k = 5; // odd: the last FFT pair holds one column
        SplittableRandom r = new SplittableRandom(length);
        double[] x = new double[k * length];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() + (i % length) * 0.01;
        }
        double[] c = centred(x, k, length);
        Autocovariance direct = new Autocovariance(new ScalarKernels(), Integer.MAX_VALUE);
        Autocovariance vector = new Autocovariance(Kernels.get(), Integer.MAX_VALUE);
        Autocovariance fft = new Autocovariance(Kernels.get(), 0);
        direct.reset(c, k, length);
        vector.reset(c, k, length);
        fft.reset(c, k, length);
        double scale = naive(x, k, length, 0);
        for (int t = 0; t < length; t++) {
            double expected = naive(x, k, length, t);
            assertEquals(expected, direct.lag(t), 1e-13 * scale, "direct lag " + t);
            assertEquals(expected, vector.lag(t), 1e-13 * scale, "vector lag " + t);
            assertEquals(expected, fft.lag(t), 1e-12 * scale, "fft lag " + t);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 63, 64, 65, 128, 129, 300})
    void indicatorBitSetsMatchDense(int length) {
        int k = 6;
        SplittableRandom r = new SplittableRandom(100 + length);
        double[] x = new double[k * length];
        double[] indicator = new double[k * length];
        double threshold = 0.3;
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
            indicator[i] = x[i] <= threshold ? 1 : 0;
        }
        IndicatorAutocovariance bits = new IndicatorAutocovariance();
        long ones = bits.reset(x, k, length, threshold);
        double count = 0;
        for (double v : indicator) {
            count += v;
        }
        assertEquals(count, ones);
        double scale = naive(indicator, k, length, 0);
        for (int t = 0; t < length; t++) {
            assertEquals(naive(indicator, k, length, t), bits.lag(t), 1e-13 * scale, "lag " + t);
        }
        // The whole ESS agrees with the dense route on the 0/1 matrix.
        EffectiveSampleSize ess = new EffectiveSampleSize(Kernels.get(), -1);
        double dense = ess.compute(indicator, k, length);
        assertEquals(dense, ess.computeIndicator(x, k, length, threshold), 1e-10 * dense);
    }
}
