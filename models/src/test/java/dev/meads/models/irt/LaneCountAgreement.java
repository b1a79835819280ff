package dev.meads.models.irt;

import jdk.incubator.vector.DoubleVector;

/**
 * Entry point run in a separate JVM by {@link Irt2plLaneCountTest}: the vectorised forms
 * against the scalar reference under whatever lane count that JVM's preferred species has.
 * Prints {@code lanes=N ok} and exits 0, or prints the failure and exits 1.
 */
public final class LaneCountAgreement {
    private LaneCountAgreement() {
    }

    public static void main(String[] args) {
        try {
            check(Irt2plFixtures.data(23, 7, 3));
            check(Irt2plFixtures.data(4, 3, 4));
            System.out.println("lanes=" + DoubleVector.SPECIES_PREFERRED.length() + " ok");
        } catch (Throwable t) {
            System.out.println("lanes=" + DoubleVector.SPECIES_PREFERRED.length() + " failed: " + t);
            System.exit(1);
        }
    }

    private static void check(IrtData data) {
        int d = data.students() + 2 * data.items();
        for (int chains : new int[] {1, 3, 4, 5, 9}) {
            double[] positions = Irt2plAgreementTest.positions(data, chains, chains);
            double[] referenceGrad = new double[chains * d];
            double[] referenceLp = new double[chains];
            new Irt2plScalarModel(data).logDensityAndGradient(positions, referenceGrad, referenceLp, 0, chains);
            Irt2plModel model = new Irt2plModel(data);
            double[] grad = new double[chains * d];
            double[] lp = new double[chains];
            model.logDensityAndGradient(positions, grad, lp, 0, chains);
            double[] single = new double[d];
            for (int c = 0; c < chains; c++) {
                Irt2plAgreementTest.assertAgrees(data, positions, c, referenceLp[c], referenceGrad, lp[c], grad, c * d, "block");
                double value = model.logDensityAndGradient(positions, c * d, single, 0);
                Irt2plAgreementTest.assertAgrees(data, positions, c, referenceLp[c], referenceGrad, value, single, 0, "single chain");
            }
        }
    }
}
