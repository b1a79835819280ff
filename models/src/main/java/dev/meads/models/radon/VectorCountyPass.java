package dev.meads.models.radon;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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
        sq.intoArray(sums, spill(SQUARES));
        fw.intoArray(sums, spill(FLOOR_WEIGHTED));
        sd.intoArray(sums, spill(THIRD));
        sdd.intoArray(sums, spill(FOURTH));
        addSpilledLanes(sums, FOURTH + 1);
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
        sq.intoArray(sums, spill(SQUARES));
        fw.intoArray(sums, spill(FLOOR_WEIGHTED));
        sw.intoArray(sums, spill(THIRD));
        swz.intoArray(sums, spill(FOURTH));
        szz.intoArray(sums, spill(RAW_SQUARES));
        addSpilledLanes(sums, RAW_SQUARES + 1);
    }

    /** Where the lanes of the accumulator for result {@code k} are spilled in {@code sums}. */
    private static int spill(int k) {
        return SUM_COUNT + k * L;
    }

    /**
     * Adds the spilled lanes of results {@code 0..count-1} into {@code sums[k]}, as a halving
     * tree (lane i plus lane i + L/2, then the halves of that): a fixed order, so the same bits
     * compiled or interpreted, unlike {@code reduceLanes(ADD)}, whose order is unspecified.
     * Scalar code on the array, because a vector passed to a method C2 does not inline is
     * allocated on every call (measured: 96 B per sum in this single-chain pass).
     */
    private static void addSpilledLanes(double[] sums, int count) {
        for (int k = 0; k < count; k++) {
            int at = spill(k);
            for (int half = L / 2; half >= 1; half /= 2) {
                for (int i = 0; i < half; i++) {
                    sums[at + i] += sums[at + i + half];
                }
            }
            sums[k] = sums[at];
        }
    }
}
