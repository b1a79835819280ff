package dev.meads.models.irt;

import dev.meads.models.vecmath.VectorExp;
import dev.meads.models.vecmath.VectorLog;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The IRT 2PL log density and gradient for many chains at once, one chain per vector lane.
 *
 * <p>Chains are taken in groups of {@code L} (the preferred species' lane count). A group's
 * coordinates are copied from the chain-major block into lane-major scratch (coordinate
 * {@code k} of the group's lane {@code l} at {@code [k*L + l]}), so every response term is
 * one vector operation over {@code L} chains with no masks and no horizontal sums. A last,
 * partial group is padded with the origin in its unused lanes, whose results are not written
 * back. Every lane's arithmetic is its own, so a chain's result does not depend on which group
 * or lane it lands in.
 *
 * <p>Per item, students are visited in {@link StudentsByResponse} order, so the sign that turns
 * {@code eta} into the logit of the observed outcome, {@code s = +-eta}, is a per-group constant
 * folded into {@code +-a}. With {@code dS = logistic(-s)} (the derivative of the response's log
 * likelihood with respect to {@code s}): {@code d/d theta_i = sum_j (+-a_j) dS},
 * {@code d/d b_j = -sum_i (+-a_j) dS} and {@code d/d log_a_j = sum_i s dS}. The logit is formed
 * as {@code s = (+-a) theta - (+-a) b} with one fused multiply-add; it differs from the
 * reference's {@code a (theta - b)} by rounding only (at most an ulp of {@code a b}).
 *
 * <p>The softplus terms {@code log1p(e)} of the log likelihood are not taken one by one: the
 * factors {@code 1+e}, each in {@code [1, 2]}, are multiplied together (at most
 * {@link #FACTORS_PER_PRODUCT} per product, so a product stays below {@code 2^256}), and the log
 * of each product is taken once, {@code sum log1p(e) = log prod (1+e)}. Each factor's rounding
 * adds at most {@code 1.1e-16} to the sum, as one {@code log1p} per term would; the 100 x 30 model
 * needs 30 logs per group of chains instead of 3000. The same products are the divisors of the
 * batched division that gives {@code 2/(1+e)} (see {@link #inverses}).
 *
 * <p>Each item is done in four passes (see {@link #passes} for why): its discriminations, then
 * three over its students; the logs of the products come after the last item.
 *
 * <p>Not thread-safe: the scratch arrays belong to one thread.
 */
final class Irt2plBlockKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Factors {@code 1+e} (each at most 2) per product whose log is taken: products stay below {@code 2^256}. */
    static final int FACTORS_PER_PRODUCT = 256;
    /**
     * Largest bound {@code a (max|theta| + |b|)} on an item's {@code |s|} for which its logits
     * skip the exponential's underflow check: below {@link VectorExp#UNDERFLOW_CUTOFF} by far
     * more than the bound's and the logits' roundings (a few ulps).
     */
    static final double UNCHECKED_LOGIT_BOUND = 708.0;

    private final int students;
    private final int items;
    private final int dimension;
    /** Item-major student orderings of {@link StudentsByResponse}; shared and never written. */
    private final int[] order;
    private final int[] ones;

    // Lane-major scratch for one group of L chains.
    private final double[] theta;
    private final double[] difficulty;
    private final double[] logDiscrimination;
    private final double[] discrimination;
    /** Per item and response group g (1s, then 0s), at {@code [(2j+g)*L]}: {@code +-a_j}. */
    private final double[] signedDiscrimination;
    /** {@code -(+-a_j) b_j}, laid out like {@link #signedDiscrimination}: {@code s = (+-a) theta + this}. */
    private final double[] signedOffset;
    /** Half of {@link #signedDiscrimination}: the logistic comes out of the kernel doubled. */
    private final double[] signedHalfDiscrimination;
    /** Sum over items of {@code +-a_j dS}, per student. */
    private final double[] gradTheta;
    /** Sum over students of {@code +-a_j dS}, per item. */
    private final double[] sumSignedADS;
    /** Sum over students of {@code 2 s dS}, per item. */
    private final double[] sumTwiceSDS;
    /** Log likelihood per lane. */
    private final double[] logLikelihood;
    /** Per lane: {@code max_i |theta_i|} of the group (NaN if any is NaN). */
    private final double[] maxAbsTheta;
    /** Whether the current item's logits may exceed {@link #UNCHECKED_LOGIT_BOUND} in some lane (or are NaN). */
    private boolean checkUnderflow;
    /** Per student of the current item, in response order: {@code s} and {@code exp(-|s|)}. */
    private final double[] signedLogit;
    private final double[] expNegAbs;
    /** Per student of the current item: {@code 2/(1+e)}. */
    private final double[] twiceInverse;
    /** Products of {@code 1+e} per lane, item by item, {@link #productsPerItem} per item, at {@code [(j*productsPerItem + p)*L]}. */
    private final double[] products;
    private final int productsPerItem;
    /**
     * The passes over an item, called through an interface with four implementations.
     * Each pass is one small compilation unit: C2 stops inlining the Vector API calls of a unit
     * beyond a budget of IR nodes (about 35 vector operations), and a vector that crosses a call
     * that was not inlined is boxed on the heap, 2-10 times slower. C2 inlines at most two
     * receiver types at a call site, so a call site that sees four is never inlined and each pass
     * keeps its own budget whatever the order in which methods get compiled. Arrays carry the
     * values from pass to pass. Pass 1 has two forms: {@link #checkedLogits} replaces
     * {@link #logits} for an item whose logits are not bounded (far from the posterior).
     */
    private final IntConsumer[] passes = {this::discriminations, this::logits, this::inverses, this::responseTerms};
    private final IntConsumer checkedLogits = this::checkedLogits;

    Irt2plBlockKernel(int students, int items, StudentsByResponse byResponse) {
        this.students = students;
        this.items = items;
        this.dimension = students + 2 * items;
        this.order = byResponse.order();
        this.ones = new int[items];
        for (int j = 0; j < items; j++) {
            ones[j] = byResponse.ones(j);
        }
        this.theta = new double[students * L];
        this.difficulty = new double[items * L];
        this.logDiscrimination = new double[items * L];
        this.discrimination = new double[items * L];
        this.signedDiscrimination = new double[2 * items * L];
        this.signedHalfDiscrimination = new double[2 * items * L];
        this.signedOffset = new double[2 * items * L];
        this.gradTheta = new double[students * L];
        this.sumSignedADS = new double[items * L];
        this.sumTwiceSDS = new double[items * L];
        this.logLikelihood = new double[L];
        this.maxAbsTheta = new double[L];
        this.signedLogit = new double[students * L];
        this.expNegAbs = new double[students * L];
        this.twiceInverse = new double[students * L];
        this.productsPerItem = Math.max(1, (students + FACTORS_PER_PRODUCT - 1) / FACTORS_PER_PRODUCT);
        this.products = new double[items * productsPerItem * L];
    }

    /** Number of chains per vector. */
    static int lanes() {
        return L;
    }

    void evaluate(double[] positions, double[] gradients, double[] logDensities, int fromChain, int toChain) {
        for (int first = fromChain; first < toChain; first += L) {
            int lanes = Math.min(L, toChain - first);
            gather(positions, first, lanes);
            likelihood();
            finish(gradients, logDensities, first, lanes);
        }
    }

    /** Chain-major positions of chains {@code [first, first+lanes)} to lane-major scratch; unused lanes get the origin. */
    private void gather(double[] positions, int first, int lanes) {
        int bOff = students;
        int logAOff = students + items;
        for (int l = 0; l < L; l++) {
            boolean used = l < lanes;
            int base = (first + l) * dimension;
            for (int i = 0; i < students; i++) {
                theta[i * L + l] = used ? positions[base + i] : 0.0;
            }
            for (int j = 0; j < items; j++) {
                difficulty[j * L + l] = used ? positions[base + bOff + j] : 0.0;
                logDiscrimination[j * L + l] = used ? positions[base + logAOff + j] : 0.0;
            }
        }
    }

    /**
     * The response terms: log likelihood per lane and the sums the gradient needs, item by item,
     * in four passes (see {@link #passes}).
     */
    private void likelihood() {
        Arrays.fill(gradTheta, 0.0);
        Arrays.fill(logLikelihood, 0.0);
        maxAbsTheta();
        for (int j = 0; j < items; j++) {
            for (int p = 0; p < passes.length; p++) {
                IntConsumer pass = p == 1 && checkUnderflow ? checkedLogits : passes[p];
                pass.accept(j); // one call site for all five passes: never inlined (see passes)
            }
        }
        subtractLogsOfProducts();
    }

    /** {@link #maxAbsTheta} of the group; {@code max} propagates NaN. */
    private void maxAbsTheta() {
        DoubleVector m = DoubleVector.zero(S);
        for (int i = 0; i < students; i++) {
            m = m.max(DoubleVector.fromArray(S, theta, i * L).abs());
        }
        m.intoArray(maxAbsTheta, 0);
    }

    /**
     * Pass 0 for item {@code j}: {@code a = exp(log_a)} and the signed and halved copies the other
     * passes use; and whether the item's logits {@code |s| <= a (max|theta| + |b|)} stay within
     * {@link #UNCHECKED_LOGIT_BOUND} in every lane (false for NaN).
     */
    private void discriminations(int j) {
        DoubleVector a = VectorExp.exp(DoubleVector.fromArray(S, logDiscrimination, j * L));
        DoubleVector b = DoubleVector.fromArray(S, difficulty, j * L);
        DoubleVector bound = a.mul(DoubleVector.fromArray(S, maxAbsTheta, 0).add(b.abs()));
        checkUnderflow = !bound.compare(VectorOperators.LE, UNCHECKED_LOGIT_BOUND).allTrue();
        a.intoArray(discrimination, j * L);
        a.intoArray(signedDiscrimination, 2 * j * L);
        a.neg().intoArray(signedDiscrimination, (2 * j + 1) * L);
        a.mul(b).neg().intoArray(signedOffset, 2 * j * L);
        a.mul(b).intoArray(signedOffset, (2 * j + 1) * L);
        a.mul(0.5).intoArray(signedHalfDiscrimination, 2 * j * L);
        a.mul(-0.5).intoArray(signedHalfDiscrimination, (2 * j + 1) * L);
    }

    /**
     * Pass 1 for item {@code j} whose logits are bounded ({@link #discriminations}): {@code s} and
     * {@code e = exp(-|s|)} of every student, in response order, with no underflow check. The
     * exponential reduces its argument in one step
     * ({@link VectorExp#expNegativeInRangeOneStepReduction}): within 2 ulp for {@code |s| <= 5}
     * (98 % of the IRT posterior's logits) and 6 ulp up to 20 (the largest seen there was 19.5),
     * for one vector operation less per response (about 4 % of the gradient).
     */
    private void logits(int j) {
        int row = j * students;
        for (int group = 0; group < 2; group++) {
            DoubleVector signedA = DoubleVector.fromArray(S, signedDiscrimination, (2 * j + group) * L);
            DoubleVector offset = DoubleVector.fromArray(S, signedOffset, (2 * j + group) * L);
            int from = group == 0 ? 0 : ones[j];
            int to = group == 0 ? ones[j] : students;
            for (int k = from; k < to; k++) {
                DoubleVector s = signedA.fma(DoubleVector.fromArray(S, theta, order[row + k] * L), offset);
                s.intoArray(signedLogit, k * L);
                VectorExp.expNegativeInRangeOneStepReduction(s.abs()).intoArray(expNegAbs, k * L);
            }
        }
    }

    /** Pass 1 as {@link #logits}, for any logits: {@code e} is 0 where {@code |s|} is beyond the exponential's range. */
    private void checkedLogits(int j) {
        logits(j);
        VectorExp.zeroBeyondCutoff(signedLogit, expNegAbs, 0, students * L);
    }

    /** Pass 2 for item {@code j}: {@code 2/(1+e)} of every student and the products of {@code 1+e} ({@link SharedDivision}). */
    private void inverses(int j) {
        for (int from = 0, p = j * productsPerItem; from < students; from += FACTORS_PER_PRODUCT, p++) {
            SharedDivision.twiceInversesAndProduct(expNegAbs, from, Math.min(students, from + FACTORS_PER_PRODUCT),
                    twiceInverse, products, p * L);
        }
    }

    /**
     * Pass 3 for item {@code j}: the log likelihood terms {@code min(s, 0)} (the {@code log1p(e)}
     * terms are in the products) and the gradient sums, from {@code 2 dS}, which is
     * {@code 2e/(1+e)} for {@code s > 0} and {@code 2/(1+e)} otherwise. Within a response group
     * {@code +-a_j/2} is one factor: each student's term is one fused multiply-add into its
     * gradient, and the item's sum is {@code (+-a_j/2) sum 2 dS}, multiplied once per group: one
     * vector operation less per response than a product per response, as in
     * {@link Irt2plChainKernel} (alone within the noise: medians -4, -2 and +0.6 % in three
     * sittings, jmh/RESULTS.md).
     */
    private void responseTerms(int j) {
        DoubleVector logLik = DoubleVector.fromArray(S, logLikelihood, 0);
        DoubleVector sumADS = DoubleVector.zero(S);
        DoubleVector sumSDS = DoubleVector.zero(S);
        DoubleVector zero = DoubleVector.zero(S);
        int row = j * students;
        for (int group = 0; group < 2; group++) {
            DoubleVector signedHalfA = DoubleVector.fromArray(S, signedHalfDiscrimination, (2 * j + group) * L);
            DoubleVector sumTwiceDS = zero;
            int from = group == 0 ? 0 : ones[j];
            int to = group == 0 ? ones[j] : students;
            for (int k = from; k < to; k++) {
                DoubleVector s = DoubleVector.fromArray(S, signedLogit, k * L);
                DoubleVector e = DoubleVector.fromArray(S, expNegAbs, k * L);
                DoubleVector twoOverOnePlusE = DoubleVector.fromArray(S, twiceInverse, k * L);
                VectorMask<Double> notPositive = s.compare(VectorOperators.LE, zero);
                DoubleVector twiceDS = e.mul(twoOverOnePlusE).blend(twoOverOnePlusE, notPositive);
                logLik = logLik.add(s, notPositive);
                int i = order[row + k] * L;
                signedHalfA.fma(twiceDS, DoubleVector.fromArray(S, gradTheta, i)).intoArray(gradTheta, i);
                sumTwiceDS = sumTwiceDS.add(twiceDS);
                sumSDS = s.fma(twiceDS, sumSDS);
            }
            sumADS = signedHalfA.fma(sumTwiceDS, sumADS);
        }
        logLik.intoArray(logLikelihood, 0);
        sumADS.intoArray(sumSignedADS, j * L);
        sumSDS.intoArray(sumTwiceSDS, j * L);
    }

    /** After the last item: the log likelihood loses {@code sum log1p(e) = sum log(product)}. */
    private void subtractLogsOfProducts() {
        DoubleVector logLik = DoubleVector.fromArray(S, logLikelihood, 0);
        for (int at = 0; at < products.length; at += L) {
            logLik = logLik.sub(VectorLog.log(DoubleVector.fromArray(S, products, at)));
        }
        logLik.intoArray(logLikelihood, 0);
    }

    /**
     * Adds the priors, lane by lane with vectors, then writes log densities and gradients of the
     * group's real chains back to the chain-major arrays.
     */
    private void finish(double[] gradients, double[] logDensities, int first, int lanes) {
        DoubleVector half = DoubleVector.broadcast(S, 0.5);
        DoubleVector logDensity = DoubleVector.fromArray(S, logLikelihood, 0);
        for (int i = 0; i < students; i++) {
            DoubleVector t = DoubleVector.fromArray(S, theta, i * L);
            logDensity = t.mul(t).fma(half.neg(), logDensity);
            DoubleVector.fromArray(S, gradTheta, i * L).sub(t).intoArray(gradTheta, i * L);
        }
        for (int j = 0; j < items; j++) {
            int k = j * L;
            DoubleVector b = DoubleVector.fromArray(S, difficulty, k);
            DoubleVector a = DoubleVector.fromArray(S, discrimination, k);
            DoubleVector logA = DoubleVector.fromArray(S, logDiscrimination, k);
            logDensity = logDensity.add(b.mul(b).add(a.mul(a)).fma(half.neg(), logA));
            DoubleVector.fromArray(S, sumSignedADS, k).add(b).neg().intoArray(sumSignedADS, k);
            DoubleVector.fromArray(S, sumTwiceSDS, k).fma(half, a.mul(a).neg().add(1.0)).intoArray(sumTwiceSDS, k);
        }
        logDensity.intoArray(logLikelihood, 0);
        int bOff = students;
        int logAOff = students + items;
        for (int l = 0; l < lanes; l++) {
            int base = (first + l) * dimension;
            for (int i = 0; i < students; i++) {
                gradients[base + i] = gradTheta[i * L + l];
            }
            for (int j = 0; j < items; j++) {
                gradients[base + bOff + j] = sumSignedADS[j * L + l];
                gradients[base + logAOff + j] = sumTwiceSDS[j * L + l];
            }
            logDensities[first + l] = logLikelihood[l];
        }
    }
}
