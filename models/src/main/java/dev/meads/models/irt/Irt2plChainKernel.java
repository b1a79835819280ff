package dev.meads.models.irt;

import dev.meads.models.vecmath.VectorExp;
import dev.meads.models.vecmath.VectorLog1p;
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
 * log-likelihood terms are masked out in the last chunk. Sums over students are kept per lane
 * and added up in lane order once per item, so the summation order is fixed for a given species
 * and the result does not depend on whether the code runs compiled or interpreted.
 *
 * <p>The work per item is split into three passes for the reason given at {@link #passes}; the
 * arithmetic is that of {@link Irt2plBlockKernel}.
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
    /** Per student, for the current item: {@code s = sign * eta}, {@code e = exp(-|s|)} and {@code 2/((1+e)(2+e))}. */
    private final double[] signedLogit;
    private final double[] expNegAbs;
    private final double[] reciprocal;
    /**
     * Per-lane partial sums: log likelihood over all items, and for the current item the sums
     * over students of {@code 2 dEta = 2 sign dS} and {@code 2 s dS}.
     */
    private final double[] logLikelihood = new double[L];
    private final double[] sumTwiceDEta = new double[L];
    private final double[] sumTwiceSDS = new double[L];
    /**
     * The passes over an item's students, called through an interface with three
     * implementations. Each pass is one small compilation unit: C2 stops inlining the Vector API
     * calls of a unit beyond a budget of IR nodes (about 35 vector operations), and a vector
     * that crosses a call that was not inlined is boxed on the heap, 2-10 times slower. C2
     * inlines at most two receiver types at a call site, so a call site that sees three is never
     * inlined and each pass keeps its own budget whatever the order in which methods get
     * compiled. Arrays carry the values from pass to pass.
     */
    private final IntConsumer[] passes = {this::logits, this::reciprocals, this::responseTerms};

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
        this.reciprocal = new double[paddedStudents];
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

        double logDensity = 0.0;
        for (int j = 0; j < items; j++) {
            double b = x[xOff + bOff + j];
            double logA = x[xOff + logAOff + j];
            double a = Math.exp(logA);
            discrimination[j] = a;
            difficulty[j] = b;
            logDensity += -0.5 * b * b - 0.5 * a * a + logA;
            for (IntConsumer pass : passes) {
                pass.accept(j);
            }
            grad[gOff + bOff + j] = -0.5 * a * sumOfLanes(sumTwiceDEta) - b;
            grad[gOff + logAOff + j] = 0.5 * sumOfLanes(sumTwiceSDS) + 1.0 - a * a;
        }
        logDensity += sumOfLanes(logLikelihood);
        for (int i = 0; i < students; i++) {
            double t = theta[i];
            logDensity -= 0.5 * t * t;
            grad[gOff + i] = gradTheta[i] - t;
        }
        return logDensity;
    }

    /** Pass 1 for item {@code j}: signed logits {@code s} and {@code e = exp(-|s|)} of every student. */
    private void logits(int j) {
        DoubleVector a = DoubleVector.broadcast(S, discrimination[j]);
        DoubleVector b = DoubleVector.broadcast(S, difficulty[j]);
        int row = j * paddedStudents;
        for (int i = 0; i < paddedStudents; i += L) {
            DoubleVector s = DoubleVector.fromArray(S, theta, i).sub(b)
                    .mul(a.mul(DoubleVector.fromArray(S, signs, row + i)));
            s.intoArray(signedLogit, i);
            VectorExp.expNegative(s.abs()).intoArray(expNegAbs, i);
        }
    }

    /** Pass 2: {@code w = 2/((1+e)(2+e))}, as in {@link Irt2plBlockKernel}, four chunks per division. */
    private void reciprocals(int j) {
        int i = 0;
        for (; i + 4 * L <= paddedStudents; i += 4 * L) {
            DoubleVector e1 = DoubleVector.fromArray(S, expNegAbs, i);
            DoubleVector e2 = DoubleVector.fromArray(S, expNegAbs, i + L);
            DoubleVector e3 = DoubleVector.fromArray(S, expNegAbs, i + 2 * L);
            DoubleVector e4 = DoubleVector.fromArray(S, expNegAbs, i + 3 * L);
            DoubleVector p1 = e1.add(1.0).mul(e1.add(2.0));
            DoubleVector p2 = e2.add(1.0).mul(e2.add(2.0));
            DoubleVector p3 = e3.add(1.0).mul(e3.add(2.0));
            DoubleVector p4 = e4.add(1.0).mul(e4.add(2.0));
            DoubleVector p12 = p1.mul(p2);
            DoubleVector p34 = p3.mul(p4);
            DoubleVector q = e1.broadcast(2.0).div(p12.mul(p34));
            DoubleVector q12 = q.mul(p34);
            DoubleVector q34 = q.mul(p12);
            q12.mul(p2).intoArray(reciprocal, i);
            q12.mul(p1).intoArray(reciprocal, i + L);
            q34.mul(p4).intoArray(reciprocal, i + 2 * L);
            q34.mul(p3).intoArray(reciprocal, i + 3 * L);
        }
        for (; i < paddedStudents; i += L) {
            VectorLog1p.sharedReciprocal(DoubleVector.fromArray(S, expNegAbs, i)).intoArray(reciprocal, i);
        }
    }

    /**
     * Pass 3 for item {@code j}: log likelihood terms {@code min(s, 0) - log1p(e)} and
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
        int lastChunk = paddedStudents - L;
        for (int i = 0; i < paddedStudents; i += L) {
            DoubleVector s = DoubleVector.fromArray(S, signedLogit, i);
            DoubleVector e = DoubleVector.fromArray(S, expNegAbs, i);
            DoubleVector w = DoubleVector.fromArray(S, reciprocal, i);
            DoubleVector twiceInverse = VectorLog1p.twiceInverseOnePlus(e, w);
            VectorMask<Double> notPositive = s.compare(VectorOperators.LE, zero);
            DoubleVector twiceDS = e.mul(twiceInverse).blend(twiceInverse, notPositive);
            DoubleVector softplus = VectorLog1p.log1pUnit(e, w);
            if (i == lastChunk) {
                softplus = softplus.blend(zero, lastChunkStudents.not());
            }
            logLik = logLik.add(s, notPositive).sub(softplus);
            DoubleVector twiceDEta = twiceDS.mul(DoubleVector.fromArray(S, signs, row + i)); // 0 for padding
            twiceDEta.fma(halfA, DoubleVector.fromArray(S, gradTheta, i)).intoArray(gradTheta, i);
            sumDEta = sumDEta.add(twiceDEta);
            sumSDS = s.fma(twiceDS, sumSDS);
        }
        logLik.intoArray(logLikelihood, 0);
        sumDEta.intoArray(sumTwiceDEta, 0);
        sumSDS.intoArray(sumTwiceSDS, 0);
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
