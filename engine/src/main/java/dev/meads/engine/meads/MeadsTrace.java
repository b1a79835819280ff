package dev.meads.engine.meads;

/**
 * Per-iteration record of MEADS: for every iteration and fold, the step size, damping α and
 * slice drift δ the fold was given (for the frozen fold: what it would have been given), which
 * fold was frozen, and the mean acceptance probability of the chains that moved.
 */
public final class MeadsTrace {
    private final int folds;
    private final double[] stepSize;
    private final double[] alpha;
    private final double[] delta;
    private final int[] frozen;
    private final double[] meanAccept;
    private final int[] divergences;
    private int length;

    MeadsTrace(int iterations, int folds) {
        this.folds = folds;
        this.stepSize = new double[iterations * folds];
        this.alpha = new double[iterations * folds];
        this.delta = new double[iterations * folds];
        this.frozen = new int[iterations];
        this.meanAccept = new double[iterations];
        this.divergences = new int[iterations];
    }

    void record(int t, int fold, double eps, double a, double dlt) {
        stepSize[t * folds + fold] = eps;
        alpha[t * folds + fold] = a;
        delta[t * folds + fold] = dlt;
    }

    void recordIteration(int t, int frozenFold, double accept, int divergent) {
        frozen[t] = frozenFold;
        meanAccept[t] = accept;
        divergences[t] = divergent;
        length = Math.max(length, t + 1);
    }

    /** Iterations recorded so far. */
    public int length() {
        return length;
    }

    public int folds() {
        return folds;
    }

    public double stepSize(int iteration, int fold) {
        return stepSize[iteration * folds + fold];
    }

    public double alpha(int iteration, int fold) {
        return alpha[iteration * folds + fold];
    }

    public double delta(int iteration, int fold) {
        return delta[iteration * folds + fold];
    }

    /** The fold that did not move at this iteration (-1 when K = 1). */
    public int frozenFold(int iteration) {
        return frozen[iteration];
    }

    public double meanAcceptProbability(int iteration) {
        return meanAccept[iteration];
    }

    public int divergences(int iteration) {
        return divergences[iteration];
    }

    /** The step sizes of one fold over the recorded iterations. */
    public double[] stepSizes(int fold) {
        return column(stepSize, fold);
    }

    /** The α values of one fold over the recorded iterations. */
    public double[] alphas(int fold) {
        return column(alpha, fold);
    }

    /** The δ values of one fold over the recorded iterations. */
    public double[] deltas(int fold) {
        return column(delta, fold);
    }

    private double[] column(double[] a, int fold) {
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            out[t] = a[t * folds + fold];
        }
        return out;
    }
}
