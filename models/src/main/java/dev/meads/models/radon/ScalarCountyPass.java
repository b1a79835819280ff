package dev.meads.models.radon;

/** Plain loops for {@link CountyPass}: the scalar twin of {@link VectorCountyPass}. */
final class ScalarCountyPass implements CountyPass {
    static final ScalarCountyPass INSTANCE = new ScalarCountyPass();

    private ScalarCountyPass() {
    }

    @Override
    public void centred(CountyStatistics s, double[] x, int xOff, double[] grad, int gOff,
                        double mu, double tau, double beta, double lambda, double[] sums) {
        double[] count = s.count;
        double[] ybar = s.meanLogRadon;
        double[] fbar = s.meanFloor;
        double sq = 0;
        double fw = 0;
        double sd = 0;
        double sdd = 0;
        for (int c = 0; c < s.counties; c++) {
            double a = x[xOff + c];
            double r = (ybar[c] - a) - beta * fbar[c];
            double w = count[c] * r;
            sq += w * r;
            fw += w * fbar[c];
            double d = a - mu;
            sd += d;
            sdd += d * d;
            grad[gOff + c] = lambda * w - tau * d;
        }
        sums[SQUARES] = sq;
        sums[FLOOR_WEIGHTED] = fw;
        sums[THIRD] = sd;
        sums[FOURTH] = sdd;
    }

    @Override
    public void nonCentred(CountyStatistics s, double[] x, int xOff, double[] grad, int gOff,
                           double mu, double sigma, double beta, double lambda, double[] sums) {
        double[] count = s.count;
        double[] ybar = s.meanLogRadon;
        double[] fbar = s.meanFloor;
        double sigmaLambda = sigma * lambda;
        double sq = 0;
        double fw = 0;
        double sw = 0;
        double swz = 0;
        double szz = 0;
        for (int c = 0; c < s.counties; c++) {
            double z = x[xOff + c];
            double a = mu + sigma * z;
            double r = (ybar[c] - a) - beta * fbar[c];
            double w = count[c] * r;
            sq += w * r;
            fw += w * fbar[c];
            sw += w;
            swz += w * z;
            szz += z * z;
            grad[gOff + c] = sigmaLambda * w - z;
        }
        sums[SQUARES] = sq;
        sums[FLOOR_WEIGHTED] = fw;
        sums[THIRD] = sw;
        sums[FOURTH] = swz;
        sums[RAW_SQUARES] = szz;
    }
}
