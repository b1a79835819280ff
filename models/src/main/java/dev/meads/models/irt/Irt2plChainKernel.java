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
 * The IRT 2PL log density and gradient of one chain, vectorised over students: for each item,
 * the students' terms are taken {@code L} at a time (the preferred species' lane count).
 *
 * <p>Abilities are copied into a scratch array padded with zeros to a multiple of {@code L};
 * the padded students have sign 0, which makes their gradient terms exactly 0, and their
 * {@code e} is set to 0 in the last chunk, which makes their log-likelihood terms exactly 0. Sums over students are kept per lane
 * and added up in lane order once per item, so the summation order is fixed for a given species
 * and the result does not depend on whether the code runs compiled or interpreted.
 *
 * <p>The work per item is split into three passes for the reason given at {@link #passSets}; the
 * arithmetic is that of {@link Irt2plBlockKernel}, including the products of {@code 1+e} whose
 * logs replace one {@code log1p} per response (here each lane multiplies one factor per chunk of
 * students, at most {@link Irt2plBlockKernel#FACTORS_PER_PRODUCT} per product).
 *
 * <p>Not thread-safe: the scratch arrays belong to one thread.
 */
final class Irt2plChainKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final int students;
    private final int items;
    private final int paddedStudents;
    /** Item-major response signs, {@code [j*paddedStudents + i]}, 0 for padding; shared and never written. */
    private final double[] signs;
    /** Lanes of the last chunk that hold real students. */
    private final VectorMask<Double> lastChunkStudents;

    private final double[] theta;
    private final double[] gradTheta;
    /** Per item: {@code a_j} and {@code b_j} of the current evaluation. */
    private final double[] discrimination;
    private final double[] difficulty;
    /** Per student, for the current item: {@code s = sign * eta}, {@code e = exp(-|s|)} and {@code 2/(1+e)}. */
    private final double[] signedLogit;
    private final double[] expNegAbs;
    private final double[] twiceInverse;
    /** Per-lane products of {@code 1+e}, {@link #productsPerItem} per item, at {@code [(j*productsPerItem + p)*L]}. */
    private final double[] products;
    private final int productsPerItem;
    /**
     * Per-lane partial sums: log likelihood over all items, and for the current item the sums
     * over students of {@code 2 dEta = 2 sign dS} and {@code 2 s dS}.
     */
    private final double[] logLikelihood = new double[L];
    private final double[] sumTwiceDEta = new double[L];
    private final double[] sumTwiceSDS = new double[L];
    /**
     * The passes over an item's students, called through an interface with three
     * implementations (four with the checked first pass). Each pass is one small compilation
     * unit: C2 stops inlining the Vector API calls of a unit beyond a budget of IR nodes (about
     * 35 vector operations), and a vector that crosses a call that was not inlined is boxed on
     * the heap, 2-10 times slower. C2 inlines at most two receiver types at a call site, so a call
     * site that sees three is never inlined and each pass keeps its own budget whatever the order
     * in which methods get compiled. Arrays carry the values from pass to pass. Pass 1 has two
     * forms, hence two sets: {@link #checkedLogits} replaces {@link #logits} in an evaluation
     * where some item's logits are not bounded (see {@link #passSetIndex}).
     */
    private final IntConsumer[][] passSets = {
        {this::logits, this::inverses, this::responseTerms},
        {this::checkedLogits, this::inverses, this::responseTerms},
    };
    private static final long UNCHECKED_LOGIT_BOUND_BITS =
            Double.doubleToRawLongBits(Irt2plBlockKernel.UNCHECKED_LOGIT_BOUND);

    Irt2plChainKernel(int students, int items, double[] signs) {
        this.students = students;
        this.items = items;
        this.paddedStudents = paddedLength(students);
        if (signs.length != items * paddedStudents) {
            throw new IllegalArgumentException("expected " + items * paddedStudents + " signs, got " + signs.length);
        }
        this.signs = signs;
        this.lastChunkStudents = S.indexInRange(paddedStudents - L, students);
        this.theta = new double[paddedStudents];
        this.gradTheta = new double[paddedStudents];
        this.discrimination = new double[items];
        this.difficulty = new double[items];
        this.signedLogit = new double[paddedStudents];
        this.expNegAbs = new double[paddedStudents];
        this.twiceInverse = new double[paddedStudents];
        int chunkSpan = Irt2plBlockKernel.FACTORS_PER_PRODUCT * L;
        this.productsPerItem = (paddedStudents + chunkSpan - 1) / chunkSpan;
        this.products = new double[items * productsPerItem * L];
    }

    /** Students rounded up to a whole number of vectors: the row length of the sign array. */
    static int paddedLength(int students) {
        return (students + L - 1) / L * L;
    }

    double evaluate(double[] x, int xOff, double[] grad, int gOff) {
        int bOff = students;
        int logAOff = students + items;
        System.arraycopy(x, xOff, theta, 0, students);
        Arrays.fill(gradTheta, 0.0);
        Arrays.fill(logLikelihood, 0.0);

        double maxAbsTheta = maxAbsTheta();
        double logDensity = 0.0;
        double largestLogitBound = 0.0;
        for (int j = 0; j < items; j++) {
            double b = x[xOff + bOff + j];
            double logA = x[xOff + logAOff + j];
            double a = Math.exp(logA);
            discrimination[j] = a;
            difficulty[j] = b;
            logDensity += -0.5 * b * b - 0.5 * a * a + logA;
            // |s| <= a (max|theta| + |b|) for every student's logit of item j (NaN stays NaN)
            largestLogitBound = Math.max(largestLogitBound, a * (maxAbsTheta + Math.abs(b)));
        }
        IntConsumer[] passes = passSets[passSetIndex(largestLogitBound)];
        for (int j = 0; j < items; j++) {
            double b = difficulty[j];
            double a = discrimination[j];
            for (int p = 0; p < passes.length; p++) {
                passes[p].accept(j); // one call site for all four passes: never inlined (see passSets)
            }
            grad[gOff + bOff + j] = -0.5 * a * sumOfLanes(sumTwiceDEta) - b;
            grad[gOff + logAOff + j] = 0.5 * sumOfLanes(sumTwiceSDS) + 1.0 - a * a;
        }
        subtractLogsOfProducts();
        logDensity += sumOfLanes(logLikelihood);
        for (int i = 0; i < students; i++) {
            double t = theta[i];
            logDensity -= 0.5 * t * t;
            grad[gOff + i] = gradTheta[i] - t;
        }
        return logDensity;
    }

    /**
     * 0 (unchecked logits) when every logit of the evaluation is within
     * {@link Irt2plBlockKernel#UNCHECKED_LOGIT_BOUND} of zero, else 1 (checked), also for NaN;
     * the bits give the answer without a branch. A branch here is taken rarely and at random
     * (far from the posterior), so C2 compiled the kernel without one side and recompiled it
     * when NUTS first went there (JFR: a deoptimisation and a second 50 ms compilation in most
     * fresh IRT runs). For a non-negative double or NaN, the bits of {@code |x|} order like the
     * value, with NaN above infinity.
     */
    static int passSetIndex(double largestLogitBound) {
        long bits = Double.doubleToRawLongBits(Math.abs(largestLogitBound));
        return (int) ((UNCHECKED_LOGIT_BOUND_BITS - bits) >>> 63);
    }

    /**
     * {@code max_i |theta_i|} (NaN if any is NaN; the padding is 0), in a plain loop: about a
     * hundred operations per evaluation. A vector loop here was inlined into {@link #evaluate},
     * and in some compilations of that large method C2 left its vector operations as calls, so
     * every evaluation allocated about 2.6 kB of boxed vectors (seen in 2 of 8 JMH forks).
     */
    private double maxAbsTheta() {
        double max = 0.0;
        for (int i = 0; i < paddedStudents; i++) {
            max = Math.max(max, Math.abs(theta[i]));
        }
        return max;
    }

    /**
     * Pass 1 for an item {@code j} with bounded logits (see {@link #evaluate}): signed logits
     * {@code s} and {@code e = exp(-|s|)} of every student, with no underflow check.
     */
    private void logits(int j) {
        DoubleVector a = DoubleVector.broadcast(S, discrimination[j]);
        DoubleVector b = DoubleVector.broadcast(S, difficulty[j]);
        int row = j * paddedStudents;
        int lastChunk = paddedStudents - L;
        for (int i = 0; i < paddedStudents; i += L) {
            DoubleVector s = DoubleVector.fromArray(S, theta, i).sub(b)
                    .mul(a.mul(DoubleVector.fromArray(S, signs, row + i)));
            s.intoArray(signedLogit, i);
            DoubleVector e = VectorExp.expNegativeInRange(s.abs());
            if (i == lastChunk) {
                e = e.blend(0.0, lastChunkStudents.not()); // padding: a factor 1 and a log-likelihood term 0
            }
            e.intoArray(expNegAbs, i);
        }
    }

    /** Pass 1 as {@link #logits}, for any logits: {@code e} is 0 where {@code |s|} is beyond the exponential's range. */
    private void checkedLogits(int j) {
        logits(j);
        VectorExp.zeroBeyondCutoff(signedLogit, expNegAbs, 0, paddedStudents);
    }

    /** Pass 2: {@code 2/(1+e)} and the products of {@code 1+e} ({@link SharedDivision}), chunk by chunk. */
    private void inverses(int j) {
        int chunks = paddedStudents / L;
        int per = Irt2plBlockKernel.FACTORS_PER_PRODUCT;
        for (int from = 0, p = j * productsPerItem; from < chunks; from += per, p++) {
            SharedDivision.twiceInversesAndProduct(expNegAbs, from, Math.min(chunks, from + per), twiceInverse, products,
                    p * L);
        }
    }

    /**
     * Pass 3 for item {@code j}: log likelihood terms {@code min(s, 0)} (the {@code log1p(e)}
     * terms are in the products) and
     * {@code 2 dS}, which is {@code 2e/(1+e)} for {@code s > 0} and {@code 2/(1+e)} otherwise;
     * then the per-lane sums the gradient needs.
     */
    private void responseTerms(int j) {
        DoubleVector halfA = DoubleVector.broadcast(S, 0.5 * discrimination[j]);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector logLik = DoubleVector.fromArray(S, logLikelihood, 0);
        DoubleVector sumDEta = DoubleVector.zero(S);
        DoubleVector sumSDS = DoubleVector.zero(S);
        int row = j * paddedStudents;
        for (int i = 0; i < paddedStudents; i += L) {
            DoubleVector s = DoubleVector.fromArray(S, signedLogit, i);
            DoubleVector e = DoubleVector.fromArray(S, expNegAbs, i);
            DoubleVector twoOverOnePlusE = DoubleVector.fromArray(S, twiceInverse, i);
            VectorMask<Double> notPositive = s.compare(VectorOperators.LE, zero);
            DoubleVector twiceDS = e.mul(twoOverOnePlusE).blend(twoOverOnePlusE, notPositive);
            logLik = logLik.add(s, notPositive);
            DoubleVector twiceDEta = twiceDS.mul(DoubleVector.fromArray(S, signs, row + i)); // 0 for padding
            twiceDEta.fma(halfA, DoubleVector.fromArray(S, gradTheta, i)).intoArray(gradTheta, i);
            sumDEta = sumDEta.add(twiceDEta);
            sumSDS = s.fma(twiceDS, sumSDS);
        }
        logLik.intoArray(logLikelihood, 0);
        sumDEta.intoArray(sumTwiceDEta, 0);
        sumSDS.intoArray(sumTwiceSDS, 0);
    }

    /** After the last item: the per-lane log likelihood loses {@code sum log1p(e) = sum log(product)}. */
    private void subtractLogsOfProducts() {
        DoubleVector logLik = DoubleVector.fromArray(S, logLikelihood, 0);
        for (int at = 0; at < products.length; at += L) {
            logLik = logLik.sub(VectorLog.log(DoubleVector.fromArray(S, products, at)));
        }
        logLik.intoArray(logLikelihood, 0);
    }

    /**
     * Lane sum in lane order. {@code reduceLanes(ADD)} leaves the order of a floating-point sum
     * to the implementation, so compiled and interpreted code could differ in the last bit.
     */
    private static double sumOfLanes(double[] lanes) {
        double sum = 0.0;
        for (int l = 0; l < L; l++) {
            sum += lanes[l];
        }
        return sum;
    }
}
