package dev.meads.models.irt;

import dev.meads.engine.model.LogDensity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One student and one item, against values worked out by hand (and checked in 40-digit
 * arithmetic). With {@code a = exp(log_a)}, {@code eta = a (theta - b)},
 * {@code p = logistic(eta)} and {@code r = y - p}:
 * <pre>
 *   log density = -theta^2/2 - b^2/2 - a^2/2 + log_a + (y log p + (1-y) log(1-p))
 *   d/d theta   = -theta + a r
 *   d/d b       = -b - a r
 *   d/d log_a   = 1 - a^2 + eta r
 * </pre>
 * For example theta = 1, b = 0, log_a = 0, y = 1: eta = 1, p = 1/(1+e^-1) = 0.7310585786300049,
 * log density = -1/2 - 1/2 - log(1 + e^-1) = -1 - 0.3132616875182228, and r = 1 - p.
 */
class Irt2plHandComputedTest {

    @ParameterizedTest(name = "theta={0}, b={1}, log_a={2}, y={3}")
    @CsvSource({
            "1.0, 0.0, 0.0, 1, -1.313261687518222834, -0.73105857863000487925, -0.26894142136999512075, 0.26894142136999512075",
            "0.5, -0.3, 0.6931471805599453, 0, -3.260753560328393398, -2.1640367702678489085, 1.9640367702678488974, -4.3312294162142789228",
            "-2.0, 1.5, -0.25, 1, -6.4675062433542470272, 2.7309295689732494031, -2.2309295689732494031, -2.1647841511190063344"
    })
    void oneStudentOneItem(double theta, double b, double logA, int y, double lp, double dTheta, double dB, double dLogA) {
        IrtData data = new IrtData(1, 1, new byte[] {(byte) y}, "hand");
        double[] x = {theta, b, logA};
        double[] expectedGradient = {dTheta, dB, dLogA};
        LogDensity[] models = {new Irt2plScalarModel(data), new Irt2plModel(data)};
        for (LogDensity model : models) {
            double[] grad = new double[3];
            double value = model.logDensityAndGradient(x, 0, grad, 0);
            assertClose(lp, value, model.name() + " log density");
            for (int k = 0; k < 3; k++) {
                assertClose(expectedGradient[k], grad[k], model.name() + " gradient " + k);
            }
            double[] blockGrad = new double[3];
            double[] blockLp = new double[1];
            model.logDensityAndGradient(x, blockGrad, blockLp, 0, 1);
            assertClose(lp, blockLp[0], model.name() + " block log density");
            for (int k = 0; k < 3; k++) {
                assertClose(expectedGradient[k], blockGrad[k], model.name() + " block gradient " + k);
            }
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-14 * Math.max(1.0, Math.abs(expected)), what);
    }
}
