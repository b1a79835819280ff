package dev.meads.models.radon;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API form of {@link CountyPass}: whole vectors over counties with one partial sum per
 * lane, the lanes reduced once, then a scalar tail. The reduction order is fixed for a given
 * species, so results are reproducible on a machine and agree with {@link ScalarCountyPass}
 * to rounding.
 *
 * <p>Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorCountyPass implements CountyPass {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final VectorCountyPass INSTANCE = new VectorCountyPass();

    private VectorCountyPass() {
    }

    @Override
    public void centred(CountyStatistics s, double[] x, int xOff, double[] grad, int gOff,
                        double mu, double tau, double beta, double lambda, double[] sums) {
        double[] count = s.count;
        double[] ybar = s.meanLogRadon;
        double[] fbar = s.meanFloor;
        int j = s.counties;
        int bound = S.loopBound(j);
        DoubleVector vMu = DoubleVector.broadcast(S, mu);
        DoubleVector vNegBeta = DoubleVector.broadcast(S, -beta);
        DoubleVector vLambda = DoubleVector.broadcast(S, lambda);
        DoubleVector vNegTau = DoubleVector.broadcast(S, -tau);
        DoubleVector sq = DoubleVector.zero(S);
        DoubleVector fw = DoubleVector.zero(S);
        DoubleVector sd = DoubleVector.zero(S);
        DoubleVector sdd = DoubleVector.zero(S);
        int c = 0;
        for (; c < bound; c += L) {
            DoubleVector a = DoubleVector.fromArray(S, x, xOff + c);
            DoubleVector fb = DoubleVector.fromArray(S, fbar, c);
            DoubleVector r = fb.fma(vNegBeta, DoubleVector.fromArray(S, ybar, c).sub(a));
            DoubleVector w = DoubleVector.fromArray(S, count, c).mul(r);
            sq = w.fma(r, sq);
            fw = w.fma(fb, fw);
            DoubleVector d = a.sub(vMu);
            sd = sd.add(d);
            sdd = d.fma(d, sdd);
            w.fma(vLambda, d.mul(vNegTau)).intoArray(grad, gOff + c);
        }
        double sqS = sq.reduceLanes(VectorOperators.ADD);
        double fwS = fw.reduceLanes(VectorOperators.ADD);
        double sdS = sd.reduceLanes(VectorOperators.ADD);
        double sddS = sdd.reduceLanes(VectorOperators.ADD);
        for (; c < j; c++) {
            double a = x[xOff + c];
            double r = (ybar[c] - a) - beta * fbar[c];
            double w = count[c] * r;
            sqS += w * r;
            fwS += w * fbar[c];
            double d = a - mu;
            sdS += d;
            sddS += d * d;
            grad[gOff + c] = lambda * w - tau * d;
        }
        sums[SQUARES] = sqS;
        sums[FLOOR_WEIGHTED] = fwS;
        sums[THIRD] = sdS;
        sums[FOURTH] = sddS;
    }

    @Override
    public void nonCentred(CountyStatistics s, double[] x, int xOff, double[] grad, int gOff,
                           double mu, double sigma, double beta, double lambda, double[] sums) {
        double[] count = s.count;
        double[] ybar = s.meanLogRadon;
        double[] fbar = s.meanFloor;
        int j = s.counties;
        int bound = S.loopBound(j);
        double sigmaLambda = sigma * lambda;
        DoubleVector vMu = DoubleVector.broadcast(S, mu);
        DoubleVector vSigma = DoubleVector.broadcast(S, sigma);
        DoubleVector vNegBeta = DoubleVector.broadcast(S, -beta);
        DoubleVector vSigmaLambda = DoubleVector.broadcast(S, sigmaLambda);
        DoubleVector sq = DoubleVector.zero(S);
        DoubleVector fw = DoubleVector.zero(S);
        DoubleVector sw = DoubleVector.zero(S);
        DoubleVector swz = DoubleVector.zero(S);
        DoubleVector szz = DoubleVector.zero(S);
        int c = 0;
        for (; c < bound; c += L) {
            DoubleVector z = DoubleVector.fromArray(S, x, xOff + c);
            DoubleVector a = z.fma(vSigma, vMu);
            DoubleVector fb = DoubleVector.fromArray(S, fbar, c);
            DoubleVector r = fb.fma(vNegBeta, DoubleVector.fromArray(S, ybar, c).sub(a));
            DoubleVector w = DoubleVector.fromArray(S, count, c).mul(r);
            sq = w.fma(r, sq);
            fw = w.fma(fb, fw);
            sw = sw.add(w);
            swz = w.fma(z, swz);
            szz = z.fma(z, szz);
            w.fma(vSigmaLambda, z.neg()).intoArray(grad, gOff + c);
        }
        double sqS = sq.reduceLanes(VectorOperators.ADD);
        double fwS = fw.reduceLanes(VectorOperators.ADD);
        double swS = sw.reduceLanes(VectorOperators.ADD);
        double swzS = swz.reduceLanes(VectorOperators.ADD);
        double szzS = szz.reduceLanes(VectorOperators.ADD);
        for (; c < j; c++) {
            double z = x[xOff + c];
            double a = mu + sigma * z;
            double r = (ybar[c] - a) - beta * fbar[c];
            double w = count[c] * r;
            sqS += w * r;
            fwS += w * fbar[c];
            swS += w;
            swzS += w * z;
            szzS += z * z;
            grad[gOff + c] = sigmaLambda * w - z;
        }
        sums[SQUARES] = sqS;
        sums[FLOOR_WEIGHTED] = fwS;
        sums[THIRD] = swS;
        sums[FOURTH] = swzS;
        sums[RAW_SQUARES] = szzS;
    }
}
