package dev.meads.models.irt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vectorised forms against the scalar reference, to 1e-12 of each quantity's scale (see
 * {@link Irt2plScales}), at typical and extreme points, for chain counts around the lane count.
 */
class Irt2plAgreementTest {
    private static final double TOLERANCE = 1e-12;
    private static final IrtData DATA = Irt2plFixtures.data(100, 30, 11);

    /** Chains alternate between typical points and each kind of extreme point. */
    static double[] positions(IrtData data, int chains, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = data.students() + 2 * data.items();
        double[] positions = new double[chains * d];
        Irt2plFixtures.Extreme[] kinds = Irt2plFixtures.Extreme.values();
        for (int c = 0; c < chains; c++) {
            double[] x = c % 2 == 0 ? Irt2plFixtures.typicalPoint(data, random)
                    : Irt2plFixtures.extremePoint(data, kinds[(c / 2) % kinds.length], random);
            System.arraycopy(x, 0, positions, c * d, d);
        }
        return positions;
    }

    static void assertAgrees(IrtData data, double[] positions, int c, double expectedLp, double[] expectedGrad,
                             double lp, double[] grad, int gOff, String what) {
        int d = data.students() + 2 * data.items();
        Irt2plScales scales = new Irt2plScales(data, positions, c * d);
        assertTrue(Double.isFinite(lp), what + ": log density of chain " + c + " is " + lp);
        assertTrue(Math.abs(lp - expectedLp) <= TOLERANCE * scales.logDensity,
                what + ": log density of chain " + c + ": " + lp + " vs reference " + expectedLp);
        for (int k = 0; k < d; k++) {
            double g = grad[gOff + k];
            double reference = expectedGrad[c * d + k];
            assertTrue(Double.isFinite(g), what + ": gradient " + k + " of chain " + c + " is " + g);
            assertTrue(Math.abs(g - reference) <= TOLERANCE * scales.gradient[k],
                    what + ": gradient " + k + " of chain " + c + ": " + g + " vs reference " + reference
                            + " (scale " + scales.gradient[k] + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 17, 64})
    void blockAndSingleChainFormsMatchTheScalarReference(int chains) {
        int d = DATA.students() + 2 * DATA.items();
        double[] positions = positions(DATA, chains, 100 + chains);
        double[] referenceGrad = new double[chains * d];
        double[] referenceLp = new double[chains];
        Irt2plScalarModel reference = new Irt2plScalarModel(DATA);
        for (int c = 0; c < chains; c++) {
            referenceLp[c] = reference.logDensityAndGradient(positions, c * d, referenceGrad, c * d);
        }

        Irt2plModel model = new Irt2plModel(DATA);
        double[] blockGrad = new double[chains * d];
        double[] blockLp = new double[chains];
        model.logDensityAndGradient(positions, blockGrad, blockLp, 0, chains);
        double[] chainGrad = new double[d + 3];
        for (int c = 0; c < chains; c++) {
            assertAgrees(DATA, positions, c, referenceLp[c], referenceGrad, blockLp[c], blockGrad, c * d, "block");
            double lp = model.logDensityAndGradient(positions, c * d, chainGrad, 3);
            assertAgrees(DATA, positions, c, referenceLp[c], referenceGrad, lp, chainGrad, 3, "single chain");
        }
    }

    /**
     * The chain ensemble kernel gives each chain of a range exactly what the single-chain form
     * gives it, leaves the chains outside the range alone, and matches the reference.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 9, 17})
    void chainEnsembleKernelIsTheSingleChainFormOnEachChain(int chains) {
        int d = DATA.students() + 2 * DATA.items();
        int from = chains > 2 ? 2 : 0;
        double[] positions = positions(DATA, chains, 300 + chains);
        Irt2plModel model = new Irt2plModel(DATA, Irt2plModel.EnsembleKernel.CHAIN);
        assertEquals(Irt2plModel.EnsembleKernel.CHAIN, model.ensembleKernel());
        assertEquals(Irt2plModel.EnsembleKernel.CHAIN, model.copy().ensembleKernel());
        double[] grad = new double[chains * d];
        double[] lp = new double[chains];
        Arrays.fill(grad, -7.0);
        Arrays.fill(lp, -7.0);
        model.logDensityAndGradient(positions, grad, lp, from, chains);

        Irt2plModel single = new Irt2plModel(DATA);
        Irt2plScalarModel reference = new Irt2plScalarModel(DATA);
        double[] expected = new double[d];
        double[] referenceGrad = new double[chains * d];
        for (int c = 0; c < chains; c++) {
            if (c < from) {
                assertEquals(-7.0, lp[c], "chain " + c + " is outside the range");
                for (int k = 0; k < d; k++) {
                    assertEquals(-7.0, grad[c * d + k], "chain " + c + " is outside the range");
                }
                continue;
            }
            double expectedLp = single.logDensityAndGradient(positions, c * d, expected, 0);
            assertEquals(Double.doubleToLongBits(expectedLp), Double.doubleToLongBits(lp[c]), "log density of chain " + c);
            assertArrayEquals(expected, Arrays.copyOfRange(grad, c * d, (c + 1) * d), "gradient of chain " + c);
            double referenceLp = reference.logDensityAndGradient(positions, c * d, referenceGrad, c * d);
            assertAgrees(DATA, positions, c, referenceLp, referenceGrad, lp[c], grad, c * d, "chain ensemble kernel");
        }
    }

    @Test
    void oddSizesAgreeToo() {
        // Students not a multiple of the lane count, few items, one item answered all 1.
        byte[] y = Irt2plFixtures.data(13, 4, 5).responses().clone();
        for (int i = 0; i < 13; i++) {
            y[i * 4 + 2] = 1;
        }
        bothFormsAgree(new IrtData(13, 4, y, "odd"), 11, 7);
    }

    @Test
    void manyStudentsSplitTheProductsOfOnePlusEAndStillAgree() {
        // 2,085 students: 9 products per item in the block form (256 students each, the last one
        // partial and not a multiple of 4), 2 per item in the single-chain form (256 chunks of
        // L students each), and a padded last chunk.
        int students = 2 * Irt2plBlockKernel.FACTORS_PER_PRODUCT * Irt2plBlockKernel.lanes() + 37;
        bothFormsAgree(Irt2plFixtures.data(students, 3, 21), 3, 13);
    }

    @Test
    void logitsEitherSideOfTheUncheckedBoundAgree() {
        // One item's bound a (max|theta| + |b|) just below UNCHECKED_LOGIT_BOUND (its logits skip
        // the underflow check), another's just above (checked), with a student whose |s| comes
        // within a few units of the bound: e = exp(-|s|) near the smallest normal doubles.
        IrtData data = Irt2plFixtures.data(20, 3, 31);
        int d = 20 + 2 * 3;
        int chains = 11;
        double[] positions = new double[chains * d];
        SplittableRandom random = new SplittableRandom(5);
        for (int c = 0; c < chains; c++) {
            int base = c * d;
            for (int i = 0; i < 20; i++) {
                positions[base + i] = random.nextDouble(-2, 2);
            }
            positions[base] = 10.0; // max |theta|
            positions[base + 20] = 0.0; // b of item 0
            positions[base + 21] = -0.5;
            positions[base + 22] = 1.0;
            double edge = Irt2plBlockKernel.UNCHECKED_LOGIT_BOUND / 10.0;
            double a0 = c % 2 == 0 ? Math.nextDown(edge) : Math.nextUp(edge) * (1 + 1e-9);
            positions[base + 23] = Math.log(a0 * (1 - 1e-15 * c));
            positions[base + 24] = Math.log(70.0 / 10.5); // item 1: bound 70, well inside
            positions[base + 25] = Math.log(0.7);
        }
        bothFormsAgree(data, positions, chains);
    }

    @Test
    void singleChainFormChecksTheLogitsBeyondTheBoundAndForNaN() {
        double bound = Irt2plBlockKernel.UNCHECKED_LOGIT_BOUND;
        assertEquals(0, Irt2plChainKernel.passSetIndex(0.0));
        assertEquals(0, Irt2plChainKernel.passSetIndex(1.5));
        assertEquals(0, Irt2plChainKernel.passSetIndex(bound));
        assertEquals(1, Irt2plChainKernel.passSetIndex(Math.nextUp(bound)));
        assertEquals(1, Irt2plChainKernel.passSetIndex(1e300));
        assertEquals(1, Irt2plChainKernel.passSetIndex(Double.POSITIVE_INFINITY));
        assertEquals(1, Irt2plChainKernel.passSetIndex(Double.NaN));
        assertEquals(1, Irt2plChainKernel.passSetIndex(Double.longBitsToDouble(0xfff8_0000_0000_0001L))); // NaN, sign set
    }

    /** The block form over {@code chains} chains and the single-chain form on each, against the reference. */
    private static void bothFormsAgree(IrtData data, int chains, long seed) {
        bothFormsAgree(data, positions(data, chains, seed), chains);
    }

    private static void bothFormsAgree(IrtData data, double[] positions, int chains) {
        int d = data.students() + 2 * data.items();
        double[] referenceGrad = new double[chains * d];
        double[] referenceLp = new double[chains];
        new Irt2plScalarModel(data).logDensityAndGradient(positions, referenceGrad, referenceLp, 0, chains);
        Irt2plModel model = new Irt2plModel(data);
        double[] grad = new double[chains * d];
        double[] lp = new double[chains];
        model.logDensityAndGradient(positions, grad, lp, 0, chains);
        double[] chainGrad = new double[d];
        for (int c = 0; c < chains; c++) {
            assertAgrees(data, positions, c, referenceLp[c], referenceGrad, lp[c], grad, c * d, "block");
            double single = model.logDensityAndGradient(positions, c * d, chainGrad, 0);
            assertAgrees(data, positions, c, referenceLp[c], referenceGrad, single, chainGrad, 0, "single chain");
        }
    }

    @Test
    void blockFormTouchesOnlyItsChainsAndLanesAreIndependent() {
        int chains = 25;
        int d = DATA.students() + 2 * DATA.items();
        double[] positions = positions(DATA, chains, 3);
        Irt2plModel model = new Irt2plModel(DATA);
        double[] allGrad = new double[chains * d];
        double[] allLp = new double[chains];
        model.logDensityAndGradient(positions, allGrad, allLp, 0, chains);

        double[] grad = new double[chains * d];
        Arrays.fill(grad, -7.0);
        double[] lp = new double[chains];
        Arrays.fill(lp, -7.0);
        model.logDensityAndGradient(positions, grad, lp, 5, 14);
        for (int c = 0; c < chains; c++) {
            boolean inside = c >= 5 && c < 14;
            for (int k = 0; k < d; k++) {
                // Each lane's arithmetic is its own, so a chain's result does not depend on its neighbours.
                assertEquals(inside ? allGrad[c * d + k] : -7.0, grad[c * d + k], "chain " + c + ", coordinate " + k);
            }
            assertEquals(inside ? allLp[c] : -7.0, lp[c], "chain " + c);
        }
    }

    @Test
    void repeatedAndCopiedEvaluationsAreBitIdentical() {
        int chains = 9;
        int d = DATA.students() + 2 * DATA.items();
        double[] positions = positions(DATA, chains, 9);
        Irt2plModel model = new Irt2plModel(DATA);
        Irt2plModel copy = model.copy();
        double[] g1 = new double[chains * d];
        double[] g2 = new double[chains * d];
        double[] lp1 = new double[chains];
        double[] lp2 = new double[chains];
        model.logDensityAndGradient(positions, g1, lp1, 0, chains);
        copy.logDensityAndGradient(positions, g2, lp2, 0, chains);
        assertArrayEquals(g1, g2);
        assertArrayEquals(lp1, lp2);
        double[] s1 = new double[d];
        double[] s2 = new double[d];
        double a = model.logDensityAndGradient(positions, 0, s1, 0);
        double b = copy.logDensityAndGradient(positions, 0, s2, 0);
        assertEquals(a, b);
        assertArrayEquals(s1, s2);
    }
}
