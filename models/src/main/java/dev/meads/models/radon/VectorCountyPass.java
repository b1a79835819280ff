package dev.meads.models.radon;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API form of {@link CountyPass}: whole vectors over counties, then one masked vector
 * for the remaining counties, with one partial sum per lane reduced once at the end. Masked-off
 * lanes load zeros and contribute nothing (their count is zero, and the centred deviation is
 * masked). The order of operations is fixed for a given species, so results are reproducible
 * on a machine and agree with {@link ScalarCountyPass} to rounding.
 *
 * <p>Everything stays in one method per parameterisation, with arrays and scalars in and out:
 * no vector crosses a call that C2 might decline to inline.
 *
 * <p>Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorCountyPass implements CountyPass {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorShuffle<Double> HALF = VectorShuffle.iota(S, Math.max(1, L / 2), 1, true);
    private static final VectorShuffle<Double> QUARTER = VectorShuffle.iota(S, Math.max(1, L / 4), 1, true);
    private static final VectorShuffle<Double> EIGHTH = VectorShuffle.iota(S, Math.max(1, L / 8), 1, true);
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
        if (c < j) {
            VectorMask<Double> m = S.indexInRange(c, j);
            DoubleVector a = DoubleVector.fromArray(S, x, xOff + c, m);
            DoubleVector fb = DoubleVector.fromArray(S, fbar, c, m);
            DoubleVector r = fb.fma(vNegBeta, DoubleVector.fromArray(S, ybar, c, m).sub(a));
            DoubleVector w = DoubleVector.fromArray(S, count, c, m).mul(r);
            sq = w.fma(r, sq);
            fw = w.fma(fb, fw);
            DoubleVector d = a.lanewise(VectorOperators.SUB, vMu, m);
            sd = sd.add(d);
            sdd = d.fma(d, sdd);
            w.fma(vLambda, d.mul(vNegTau)).intoArray(grad, gOff + c, m);
        }
        sums[SQUARES] = sumLanes(sq);
        sums[FLOOR_WEIGHTED] = sumLanes(fw);
        sums[THIRD] = sumLanes(sd);
        sums[FOURTH] = sumLanes(sdd);
    }

    @Override
    public void nonCentred(CountyStatistics s, double[] x, int xOff, double[] grad, int gOff,
                           double mu, double sigma, double beta, double lambda, double[] sums) {
        double[] count = s.count;
        double[] ybar = s.meanLogRadon;
        double[] fbar = s.meanFloor;
        int j = s.counties;
        int bound = S.loopBound(j);
        DoubleVector vMu = DoubleVector.broadcast(S, mu);
        DoubleVector vSigma = DoubleVector.broadcast(S, sigma);
        DoubleVector vNegBeta = DoubleVector.broadcast(S, -beta);
        DoubleVector vSigmaLambda = DoubleVector.broadcast(S, sigma * lambda);
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
        if (c < j) {
            // masked-off lanes: z = 0 and count = 0, so w = 0 and every sum gets 0
            VectorMask<Double> m = S.indexInRange(c, j);
            DoubleVector z = DoubleVector.fromArray(S, x, xOff + c, m);
            DoubleVector a = z.fma(vSigma, vMu);
            DoubleVector fb = DoubleVector.fromArray(S, fbar, c, m);
            DoubleVector r = fb.fma(vNegBeta, DoubleVector.fromArray(S, ybar, c, m).sub(a));
            DoubleVector w = DoubleVector.fromArray(S, count, c, m).mul(r);
            sq = w.fma(r, sq);
            fw = w.fma(fb, fw);
            sw = sw.add(w);
            swz = w.fma(z, swz);
            szz = z.fma(z, szz);
            w.fma(vSigmaLambda, z.neg()).intoArray(grad, gOff + c, m);
        }
        sums[SQUARES] = sumLanes(sq);
        sums[FLOOR_WEIGHTED] = sumLanes(fw);
        sums[THIRD] = sumLanes(sw);
        sums[FOURTH] = sumLanes(swz);
        sums[RAW_SQUARES] = sumLanes(szz);
    }

    /**
     * The lanes of {@code v} added in a fixed order (a halving tree of lanewise additions):
     * {@code reduceLanes(ADD)} leaves the order to the implementation, so interpreted and compiled
     * code could differ in the last bit and a run's bits would depend on JIT timing; a loop over
     * {@code lane(i)} would allocate.
     */
    private static double sumLanes(DoubleVector v) {
        if (L > 8) {
            double s = 0.0;
            for (int i = 0; i < L; i++) {
                s += v.lane(i);
            }
            return s;
        }
        if (L >= 2) {
            v = v.add(v.rearrange(HALF));
        }
        if (L >= 4) {
            v = v.add(v.rearrange(QUARTER));
        }
        if (L == 8) {
            v = v.add(v.rearrange(EIGHTH));
        }
        return v.lane(0);
    }
}
