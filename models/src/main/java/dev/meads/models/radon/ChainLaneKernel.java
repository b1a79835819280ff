package dev.meads.models.radon;

import dev.meads.models.vecmath.VectorExp;
import dev.meads.models.vecmath.VectorLog;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Evaluates the radon model for {@link #LANES} consecutive chains at once, one chain per vector
 * lane: the chains' coordinates are gathered from the chain-major block (stride = dimension),
 * every lane walks the counties in the same order, and gradients are scattered back. No
 * horizontal sums are needed, and the scalar work around the county loop (exp of the log
 * scales, divisions, priors) runs for all lanes together. (Copying the lanes into county-major
 * order with plain loads and stores instead of one gather and one scatter per county was
 * measured slower.)
 *
 * <p>Each lane computes the same formulas as {@link RadonModel} with {@link ScalarCountyPass},
 * in the same order, so results agree with the single-chain forms to rounding (the vector
 * {@code exp} and {@code log1p} may differ from {@link Math}'s in the last bits). Those two are
 * {@link VectorExp} and {@link VectorLog}, built from IEEE operations only, not
 * {@code lanewise(EXP)} and {@code lanewise(LOG1P)}: the latter call a different library in
 * compiled and in interpreted code, which made a run's draws depend on when the JIT compiled this
 * class.
 *
 * <p>Work is split into methods that take and return arrays and scalars only, so that no
 * vector crosses a call C2 might decline to inline. Owns per-lane scratch arrays: one instance
 * per thread (it belongs to one {@link RadonModel} instance). Loaded only when the
 * {@code jdk.incubator.vector} module is present.
 */
final class ChainLaneKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Chains per call. */
    static final int LANES = S.length();

    private final CountyStatistics stats;
    private final RadonPriors priors;
    private final boolean centred;
    private final int dimension;
    private final int iBeta;
    private final int iLogSigmaY;
    /** {@code k * dimension} for lane k: the gather/scatter index map. */
    private final int[] chainOffsets;

    // per-lane scratch between the steps
    private final double[] mu = new double[LANES];
    private final double[] logSigmaAlpha = new double[LANES];
    private final double[] sigmaAlpha = new double[LANES];
    private final double[] beta = new double[LANES];
    private final double[] logSigmaY = new double[LANES];
    private final double[] sigmaY = new double[LANES];
    private final double[] lp = new double[LANES];
    private final double[] gMu = new double[LANES];
    private final double[] gLogSigmaAlpha = new double[LANES];
    private final double[] gBeta = new double[LANES];
    private final double[] gLogSigmaY = new double[LANES];
    private final double[] lambda = new double[LANES];
    private final double[] squaresAcross = new double[LANES];
    private final double[] floorWeighted = new double[LANES];
    private final double[] priorScratch = new double[LANES];
    /**
     * The lane-wise exponentials and log1p, some twenty vector operations each, behind calls C2
     * does not inline: inlined, they made the caller outgrow C2's inlining budget where the
     * ensemble step is compiled into a worker's loop, and its vectors were boxed (1.5-3 kB per
     * step). Arrays carry the values across the calls.
     */
    private final Runnable[] laneMath = {this::expSigmaAlpha, this::expSigmaY, this::log1pPriorScratch};
    private static final int EXP_SIGMA_ALPHA = 0;
    private static final int EXP_SIGMA_Y = 1;
    private static final int LOG1P_PRIOR_SCRATCH = 2;

    ChainLaneKernel(CountyStatistics stats, RadonPriors priors, RadonParameterization parameterization) {
        this.stats = stats;
        this.priors = priors;
        this.centred = parameterization == RadonParameterization.CENTRED;
        RadonLayout layout = new RadonLayout(stats.counties, parameterization);
        this.dimension = layout.dimension();
        this.iBeta = layout.beta();
        this.iLogSigmaY = layout.logSigmaY();
        this.chainOffsets = new int[LANES];
        for (int k = 0; k < LANES; k++) {
            chainOffsets[k] = k * dimension;
        }
    }

    /**
     * Chains {@code [firstChain, firstChain + LANES)} of the chain-major block: log densities to
     * {@code logDensities[firstChain ..]}, gradients to the chains' ranges of {@code gradients}.
     */
    void evaluate(double[] positions, double[] gradients, double[] logDensities, int firstChain) {
        int base = firstChain * dimension;
        loadScalars(positions, base);
        if (centred) {
            centredCounties(positions, gradients, base);
        } else {
            nonCentredCounties(positions, gradients, base);
        }
        likelihood();
        addNormalPrior(priors.muAlpha(), mu, gMu);
        addNormalPrior(priors.beta(), beta, gBeta);
        addScalePrior(priors.sigmaAlpha(), sigmaAlpha, gLogSigmaAlpha);
        addScalePrior(priors.sigmaY(), sigmaY, gLogSigmaY);
        store(gradients, logDensities, base, firstChain);
    }

    /** Gathers the four scalar coordinates of each lane's chain and exponentiates the log scales. */
    private void loadScalars(double[] positions, int base) {
        DoubleVector.fromArray(S, positions, base + RadonLayout.MU_ALPHA, chainOffsets, 0).intoArray(mu, 0);
        DoubleVector.fromArray(S, positions, base + iBeta, chainOffsets, 0).intoArray(beta, 0);
        DoubleVector ua = DoubleVector.fromArray(S, positions, base + RadonLayout.LOG_SIGMA_ALPHA, chainOffsets, 0);
        DoubleVector uy = DoubleVector.fromArray(S, positions, base + iLogSigmaY, chainOffsets, 0);
        ua.intoArray(logSigmaAlpha, 0);
        uy.intoArray(logSigmaY, 0);
        laneMath(EXP_SIGMA_ALPHA);
        laneMath(EXP_SIGMA_Y);
    }

    private void expSigmaAlpha() {
        VectorExp.exp(DoubleVector.fromArray(S, logSigmaAlpha, 0)).intoArray(sigmaAlpha, 0);
    }

    private void expSigmaY() {
        VectorExp.exp(DoubleVector.fromArray(S, logSigmaY, 0)).intoArray(sigmaY, 0);
    }

    private void log1pPriorScratch() {
        VectorLog.log1p(DoubleVector.fromArray(S, priorScratch, 0)).intoArray(priorScratch, 0);
    }

    /** Runs {@code laneMath[k]}: one call site that sees three receivers, which C2 never inlines. */
    private void laneMath(int k) {
        laneMath[k].run();
    }

    private void centredCounties(double[] positions, double[] gradients, int base) {
        double[] count = stats.count;
        double[] ybar = stats.meanLogRadon;
        double[] fbar = stats.meanFloor;
        int j = stats.counties;
        DoubleVector vMu = DoubleVector.fromArray(S, mu, 0);
        DoubleVector vBeta = DoubleVector.fromArray(S, beta, 0);
        DoubleVector sa = DoubleVector.fromArray(S, sigmaAlpha, 0);
        DoubleVector sy = DoubleVector.fromArray(S, sigmaY, 0);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector lambda = one.div(sy.mul(sy));
        DoubleVector tau = one.div(sa.mul(sa));
        DoubleVector sq = DoubleVector.zero(S);
        DoubleVector fw = DoubleVector.zero(S);
        DoubleVector sd = DoubleVector.zero(S);
        DoubleVector sdd = DoubleVector.zero(S);
        int xa = base + RadonLayout.ALPHA;
        for (int c = 0; c < j; c++) {
            DoubleVector a = DoubleVector.fromArray(S, positions, xa + c, chainOffsets, 0);
            double fb = fbar[c];
            DoubleVector r = a.neg().add(ybar[c]).sub(vBeta.mul(fb));
            DoubleVector w = r.mul(count[c]);
            sq = sq.add(w.mul(r));
            fw = fw.add(w.mul(fb));
            DoubleVector d = a.sub(vMu);
            sd = sd.add(d);
            sdd = sdd.add(d.mul(d));
            lambda.mul(w).sub(tau.mul(d)).intoArray(gradients, xa + c, chainOffsets, 0);
        }
        DoubleVector ua = DoubleVector.fromArray(S, logSigmaAlpha, 0);
        // alpha ~ N(mu, sigma_alpha)
        ua.mul(-j).sub(tau.mul(0.5).mul(sdd)).intoArray(lp, 0);
        tau.mul(sd).intoArray(gMu, 0);
        tau.mul(sdd).sub(j).intoArray(gLogSigmaAlpha, 0);
        lambda.intoArray(this.lambda, 0);
        sq.intoArray(squaresAcross, 0);
        fw.intoArray(floorWeighted, 0);
    }

    private void nonCentredCounties(double[] positions, double[] gradients, int base) {
        double[] count = stats.count;
        double[] ybar = stats.meanLogRadon;
        double[] fbar = stats.meanFloor;
        int j = stats.counties;
        DoubleVector vMu = DoubleVector.fromArray(S, mu, 0);
        DoubleVector vBeta = DoubleVector.fromArray(S, beta, 0);
        DoubleVector sa = DoubleVector.fromArray(S, sigmaAlpha, 0);
        DoubleVector sy = DoubleVector.fromArray(S, sigmaY, 0);
        DoubleVector lambda = DoubleVector.broadcast(S, 1.0).div(sy.mul(sy));
        DoubleVector sigmaLambda = sa.mul(lambda);
        DoubleVector sq = DoubleVector.zero(S);
        DoubleVector fw = DoubleVector.zero(S);
        DoubleVector sw = DoubleVector.zero(S);
        DoubleVector swz = DoubleVector.zero(S);
        DoubleVector szz = DoubleVector.zero(S);
        int xa = base + RadonLayout.ALPHA;
        for (int c = 0; c < j; c++) {
            DoubleVector z = DoubleVector.fromArray(S, positions, xa + c, chainOffsets, 0);
            double fb = fbar[c];
            DoubleVector a = vMu.add(sa.mul(z));
            DoubleVector r = a.neg().add(ybar[c]).sub(vBeta.mul(fb));
            DoubleVector w = r.mul(count[c]);
            sq = sq.add(w.mul(r));
            fw = fw.add(w.mul(fb));
            sw = sw.add(w);
            swz = swz.add(w.mul(z));
            szz = szz.add(z.mul(z));
            sigmaLambda.mul(w).sub(z).intoArray(gradients, xa + c, chainOffsets, 0);
        }
        // alpha_raw ~ N(0, 1)
        szz.mul(-0.5).intoArray(lp, 0);
        lambda.mul(sw).intoArray(gMu, 0);
        sa.mul(lambda).mul(swz).intoArray(gLogSigmaAlpha, 0);
        lambda.intoArray(this.lambda, 0);
        sq.intoArray(squaresAcross, 0);
        fw.intoArray(floorWeighted, 0);
    }

    /**
     * Adds the likelihood terms that do not depend on the parameterisation and the
     * log-Jacobians of the two log transforms to the scratch log density; writes d/d beta and
     * d/d log sigma_y (priors still to come), and adds the Jacobian's 1 to d/d log sigma_alpha.
     */
    private void likelihood() {
        DoubleVector ua = DoubleVector.fromArray(S, logSigmaAlpha, 0);
        DoubleVector uy = DoubleVector.fromArray(S, logSigmaY, 0);
        DoubleVector vBeta = DoubleVector.fromArray(S, beta, 0);
        DoubleVector lam = DoubleVector.fromArray(S, lambda, 0);
        DoubleVector db = vBeta.sub(stats.withinSlope);
        DoubleVector squares = db.mul(db).mul(stats.floorSumOfSquares).add(stats.withinResidual)
                .add(DoubleVector.fromArray(S, squaresAcross, 0));
        DoubleVector.fromArray(S, lp, 0).sub(uy.mul(stats.observations)).sub(lam.mul(0.5).mul(squares)).add(ua).add(uy)
                .intoArray(lp, 0);
        lam.mul(DoubleVector.fromArray(S, floorWeighted, 0).sub(db.mul(stats.floorSumOfSquares))).intoArray(gBeta, 0);
        lam.mul(squares).sub(stats.observations - 1.0).intoArray(gLogSigmaY, 0);
        DoubleVector.fromArray(S, gLogSigmaAlpha, 0).add(1.0).intoArray(gLogSigmaAlpha, 0);
    }

    /** {@code lp += log p(v)}, {@code grad += d/dv log p(v)} for a normal prior, per lane. */
    private void addNormalPrior(NormalPrior p, double[] values, double[] grad) {
        DoubleVector dev = DoubleVector.fromArray(S, values, 0).sub(p.location());
        DoubleVector z = dev.div(p.scale());
        DoubleVector.fromArray(S, lp, 0).sub(z.mul(z).mul(0.5)).intoArray(lp, 0);
        DoubleVector.fromArray(S, grad, 0).sub(dev.div(p.scale() * p.scale())).intoArray(grad, 0);
    }

    /** {@code lp += log p(sigma)}, {@code gradLog += sigma d/dsigma log p(sigma)} for a scale prior, per lane. */
    private void addScalePrior(ScalePrior p, double[] sigma, double[] gradLog) {
        DoubleVector s = DoubleVector.fromArray(S, sigma, 0);
        DoubleVector lpv = DoubleVector.fromArray(S, lp, 0);
        DoubleVector g = DoubleVector.fromArray(S, gradLog, 0);
        switch (p) {
            case ScalePrior.HalfNormal h -> {
                DoubleVector r = s.div(h.scale());
                DoubleVector r2 = r.mul(r);
                lpv = lpv.sub(r2.mul(0.5));
                g = g.sub(r2);
            }
            case ScalePrior.HalfCauchy h -> {
                DoubleVector r = s.div(h.scale());
                if (r.compare(VectorOperators.GT, ScalePrior.HalfCauchy.LARGE_RATIO).anyTrue()) {
                    // r² would overflow in some lane: use the scalar formulas for this group
                    addScalePriorByLane(p, sigma, gradLog);
                    return;
                }
                DoubleVector r2 = r.mul(r);
                r2.intoArray(priorScratch, 0);
                laneMath(LOG1P_PRIOR_SCRATCH);
                lpv = lpv.sub(DoubleVector.fromArray(S, priorScratch, 0));
                g = g.sub(r2.mul(2.0).div(r2.add(1.0)));
            }
            case ScalePrior.Exponential e -> {
                DoubleVector t = s.mul(e.rate());
                lpv = lpv.sub(t);
                g = g.sub(t);
            }
        }
        lpv.intoArray(lp, 0);
        g.intoArray(gradLog, 0);
    }

    private void addScalePriorByLane(ScalePrior p, double[] sigma, double[] gradLog) {
        for (int k = 0; k < LANES; k++) {
            lp[k] += p.logDensity(sigma[k]);
            gradLog[k] += p.logScaleDerivative(sigma[k]);
        }
    }

    /** Scatters the four scalar gradient entries of each lane's chain and stores the log densities. */
    private void store(double[] gradients, double[] logDensities, int base, int firstChain) {
        DoubleVector.fromArray(S, gMu, 0).intoArray(gradients, base + RadonLayout.MU_ALPHA, chainOffsets, 0);
        DoubleVector.fromArray(S, gLogSigmaAlpha, 0)
                .intoArray(gradients, base + RadonLayout.LOG_SIGMA_ALPHA, chainOffsets, 0);
        DoubleVector.fromArray(S, gBeta, 0).intoArray(gradients, base + iBeta, chainOffsets, 0);
        DoubleVector.fromArray(S, gLogSigmaY, 0).intoArray(gradients, base + iLogSigmaY, chainOffsets, 0);
        DoubleVector.fromArray(S, lp, 0).intoArray(logDensities, firstChain);
    }
}
