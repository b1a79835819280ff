package dev.meads.engine.nuts;

import dev.meads.engine.model.LogDensity;
import dev.meads.engine.simd.Kernels;
import java.util.random.RandomGenerator;

/**
 * One NUTS chain's transition (ALGORITHMS §4): multinomial sampling over a trajectory doubled
 * in random directions, biased progressive sampling between the old tree and a new subtree,
 * uniform progressive sampling inside subtrees, the generalised no-U-turn criterion with
 * Stan's two extra checks across subtree seams, and Stan's one-sided divergence rule
 * ({@code H − H0 > maxDeltaH}).
 *
 * <p>A leapfrog state whose log density or gradient is NaN (or whose log density is
 * {@code ±∞}) gets {@code H = +∞}: it is divergent, its subtree is dropped, and no part of that
 * subtree enters the kept trajectory or the sample.
 *
 * <p>The kernel owns the chain's current state, its random stream and all scratch space
 * (preallocated by depth at construction): a transition allocates nothing. Statistics of the
 * last transition are read through the accessors. Not thread-safe; one kernel per chain.
 */
public final class NutsKernel {
    private final LogDensity model;
    private final int d;
    private final int maxDepth;
    private final double maxDeltaH;
    private final boolean extraChecks;
    private final RandomGenerator rng;
    private final Leapfrog leapfrog;
    private final Kernels kernels = Kernels.get();

    private double stepSize;
    private boolean initialised;

    /** The chain's current state; swapped with {@link #sample} when a transition moves. */
    private PhasePoint current;
    private PhasePoint sample;
    private final PhasePoint forwardTip;
    private final PhasePoint backwardTip;
    private final PhasePoint proposal;
    private final PhasePoint trial;
    /** Momentum sum of the kept tree, of the new subtree, and a scratch for the seam checks. */
    private final double[] rho;
    private final double[] rhoSubtree;
    private final double[] rhoExtended;
    /** End of the kept tree on the side being extended, saved before the tip moves on. */
    private final double[] oldEndP;
    private final double[] oldEndV;
    /** First state (in integration order) of the new subtree. */
    private final double[] subtreeBeginP;
    private final double[] subtreeBeginV;
    /** Scratch for recursion level {@code j} (index 1 .. maxDepth−1). */
    private final Level[] levels;

    // Per-transition bookkeeping.
    private double h0;
    private int leapfrogSteps;
    private double sumAcceptProb;
    private boolean divergent;
    private int treeDepth;
    private double acceptStat;
    private double energy;

    /**
     * @param model    the target; used by this kernel only (pass {@link LogDensity#copy()} when
     *                 the model has scratch space and other threads use it too)
     * @param options  tree settings ({@code maxDepth}, {@code maxDeltaH}, {@code uTurnCheck})
     * @param metric   initial inverse metric, of the model's dimension
     * @param stepSize initial step size, finite and {@code > 0}
     * @param rng      this chain's own random stream
     */
    public NutsKernel(LogDensity model, NutsOptions options, InverseMetric metric, double stepSize,
                      RandomGenerator rng) {
        this.model = model;
        this.d = model.dimension();
        if (d < 1) {
            throw new IllegalArgumentException("model '" + model.name() + "' has dimension " + d + "; NUTS needs >= 1");
        }
        this.maxDepth = options.maxDepth();
        this.maxDeltaH = options.maxDeltaH();
        this.extraChecks = options.uTurnCheck() == UTurnCheck.FULL;
        this.rng = rng;
        this.leapfrog = new Leapfrog(model, metric);
        setStepSize(stepSize);
        current = new PhasePoint(d);
        sample = new PhasePoint(d);
        forwardTip = new PhasePoint(d);
        backwardTip = new PhasePoint(d);
        proposal = new PhasePoint(d);
        trial = new PhasePoint(d);
        rho = new double[d];
        rhoSubtree = new double[d];
        rhoExtended = new double[d];
        oldEndP = new double[d];
        oldEndV = new double[d];
        subtreeBeginP = new double[d];
        subtreeBeginV = new double[d];
        levels = new Level[maxDepth];
        for (int j = 1; j < maxDepth; j++) {
            levels[j] = new Level(d);
        }
    }

    /**
     * Moves the chain to {@code x} (length d) and evaluates the model there.
     *
     * @throws IllegalArgumentException naming the model and the coordinate if {@code x}, the
     *                                  log density or the gradient is not finite
     */
    public void setPosition(double[] x) {
        if (x.length != d) {
            throw new IllegalArgumentException("model '" + model.name() + "' has dimension " + d
                    + " but the point has " + x.length + " coordinates");
        }
        String[] names = model.parameterNames();
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException("model '" + model.name() + "': coordinate " + name(names, j)
                        + " of the initial point is " + x[j]);
            }
        }
        System.arraycopy(x, 0, current.x, 0, d);
        leapfrog.evaluate(current);
        if (!Double.isFinite(current.lp)) {
            initialised = false;
            throw new IllegalArgumentException("model '" + model.name() + "': log density at the initial point is "
                    + current.lp + "; choose a point inside the support");
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(current.g[j])) {
                initialised = false;
                throw new IllegalArgumentException("model '" + model.name() + "': gradient component "
                        + name(names, j) + " at the initial point is " + current.g[j]);
            }
        }
        initialised = true;
    }

    private static String name(String[] names, int j) {
        return (names != null && j < names.length ? "'" + names[j] + "' " : "") + "(index " + j + ")";
    }

    /** One NUTS transition from the current state; the statistics accessors then describe it. */
    public void transition() {
        requireInitialised();
        PhasePoint start = current;
        leapfrog.metric().sampleMomentum(rng, start.p);
        leapfrog.updateEnergy(start);
        h0 = start.h;
        forwardTip.copyFrom(start);
        backwardTip.copyFrom(start);
        System.arraycopy(start.p, 0, rho, 0, d);

        double logW = 0.0; // log Σ exp(H0 − H) over the kept tree; the start has weight 1
        boolean moved = false;
        int depth = 0;
        leapfrogSteps = 0;
        sumAcceptProb = 0.0;
        divergent = false;

        while (depth < maxDepth) {
            boolean forward = rng.nextDouble() > 0.5;
            PhasePoint tip = forward ? forwardTip : backwardTip;
            PhasePoint far = forward ? backwardTip : forwardTip;
            System.arraycopy(tip.p, 0, oldEndP, 0, d);
            System.arraycopy(tip.v, 0, oldEndV, 0, d);
            double h = forward ? stepSize : -stepSize;

            double logWSub = build(depth, h, tip, proposal, subtreeBeginP, subtreeBeginV, rhoSubtree);
            if (Double.isNaN(logWSub)) {
                break; // divergent or U-turned subtree: nothing of it is used
            }
            depth++;
            // Biased progressive sampling: prefer the new subtree, moving away from the start.
            if (logWSub > logW || rng.nextDouble() < Math.exp(logWSub - logW)) {
                sample.copySampleFrom(proposal);
                moved = true;
            }
            logW = logAddExp(logW, logWSub);
            // Kept tree (first in integration order) followed by the new subtree.
            if (!mergeOk(far.v, rho, oldEndP, oldEndV, subtreeBeginP, subtreeBeginV, rhoSubtree, tip.v, rho)) {
                break;
            }
        }

        treeDepth = depth;
        acceptStat = sumAcceptProb / leapfrogSteps;
        if (moved) {
            PhasePoint t = current;
            current = sample;
            sample = t;
        }
        energy = current.h;
    }

    /**
     * Builds a subtree of {@code 2^depth} leapfrog steps of signed size {@code h} from {@code tip}
     * (advanced in place). Writes its multinomial sample to {@code propose}, its first state's
     * momentum and velocity to {@code beginP}/{@code beginV} and its momentum sum to
     * {@code rhoOut}. Returns the subtree's log weight, or NaN when it is invalid (a divergence
     * or a U-turn inside it).
     */
    private double build(int depth, double h, PhasePoint tip, PhasePoint propose,
                         double[] beginP, double[] beginV, double[] rhoOut) {
        if (depth == 0) {
            leapfrog.step(tip, h);
            leapfrogSteps++;
            double energyHere = tip.h;
            if (!(energyHere > Double.NEGATIVE_INFINITY)) { // NaN, or −∞ from an infinite log density
                energyHere = Double.POSITIVE_INFINITY;
            }
            double logWeight = h0 - energyHere;
            sumAcceptProb += logWeight > 0 ? 1.0 : Math.exp(logWeight);
            if (energyHere - h0 > maxDeltaH) {
                divergent = true;
                return Double.NaN;
            }
            propose.copySampleFrom(tip);
            System.arraycopy(tip.p, 0, beginP, 0, d);
            System.arraycopy(tip.v, 0, beginV, 0, d);
            System.arraycopy(tip.p, 0, rhoOut, 0, d);
            return logWeight;
        }
        Level level = levels[depth];
        double logWInit = build(depth - 1, h, tip, propose, beginP, beginV, level.rhoInit);
        if (Double.isNaN(logWInit)) {
            return Double.NaN;
        }
        System.arraycopy(tip.p, 0, level.initEndP, 0, d);
        System.arraycopy(tip.v, 0, level.initEndV, 0, d);
        double logWFinal = build(depth - 1, h, tip, level.propose, level.finalBeginP, level.finalBeginV,
                level.rhoFinal);
        if (Double.isNaN(logWFinal)) {
            return Double.NaN;
        }
        double logW = logAddExp(logWInit, logWFinal);
        // Uniform progressive sampling: exact multinomial choice within the subtree.
        if (rng.nextDouble() < Math.exp(logWFinal - logW)) {
            propose.copySampleFrom(level.propose);
        }
        boolean ok = mergeOk(beginV, level.rhoInit, level.initEndP, level.initEndV,
                level.finalBeginP, level.finalBeginV, level.rhoFinal, tip.v, rhoOut);
        return ok ? logW : Double.NaN;
    }

    /**
     * The merge check of two adjacent pieces in integration order, first {@code F} then
     * {@code S}: the span check {@code OK(v(F.begin), v(S.end), ρF + ρS)} and, with
     * {@link UTurnCheck#FULL}, {@code OK(v(F.begin), v(S.begin), ρF + p(S.begin))} and
     * {@code OK(v(F.end), v(S.end), p(F.end) + ρS)}. Writes {@code ρF + ρS} to {@code rhoOut}
     * (which may be {@code rhoFirst}) when the checks pass.
     */
    private boolean mergeOk(double[] vFirstBegin, double[] rhoFirst, double[] pFirstEnd, double[] vFirstEnd,
                            double[] pSecondBegin, double[] vSecondBegin, double[] rhoSecond, double[] vSecondEnd,
                            double[] rhoOut) {
        if (extraChecks) {
            kernels.axpy(1.0, pSecondBegin, 0, rhoFirst, 0, rhoExtended, 0, d);
            if (!noUTurn(vFirstBegin, vSecondBegin, rhoExtended)) {
                return false;
            }
            kernels.axpy(1.0, pFirstEnd, 0, rhoSecond, 0, rhoExtended, 0, d);
            if (!noUTurn(vFirstEnd, vSecondEnd, rhoExtended)) {
                return false;
            }
        }
        kernels.axpy(1.0, rhoSecond, 0, rhoFirst, 0, rhoOut, 0, d);
        return noUTurn(vFirstBegin, vSecondEnd, rhoOut);
    }

    /** Stan's {@code compute_criterion}: both end velocities still point along the momentum sum. */
    private boolean noUTurn(double[] vA, double[] vB, double[] rhoSpan) {
        return kernels.dot(vA, 0, rhoSpan, 0, d) > 0 && kernels.dot(vB, 0, rhoSpan, 0, d) > 0;
    }

    static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /**
     * Stan's step-size search ({@code init_stepsize}, ALGORITHMS §5.3) from the current
     * position: doubles or halves {@code eps} until one leapfrog step from a fresh momentum
     * crosses an acceptance probability of 0.8. Returns {@code eps} unchanged when it is 0,
     * NaN or {@code > 1e7}. Uses the chain's stream; the chain's state is unchanged.
     *
     * @throws IllegalStateException if the step size runs above 1e7 (improper posterior?) or
     *                               down to 0 (discontinuous density?)
     */
    public double searchStepSize(double eps) {
        requireInitialised();
        return StepSizeSearch.search(eps, current, trial, leapfrog, rng);
    }

    private void requireInitialised() {
        if (!initialised) {
            throw new IllegalStateException("NUTS kernel for model '" + model.name()
                    + "' has no valid position: call setPosition first");
        }
    }

    /** The model this kernel samples. */
    public LogDensity model() {
        return model;
    }

    /** Number of unconstrained coordinates. */
    public int dimension() {
        return d;
    }

    /** The leapfrog step size of the next transition. */
    public double stepSize() {
        return stepSize;
    }

    /** Sets the leapfrog step size for the following transitions. */
    public void setStepSize(double eps) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("step size must be finite and > 0, got " + eps);
        }
        this.stepSize = eps;
    }

    /** The inverse metric of the next transition. */
    public InverseMetric metric() {
        return leapfrog.metric();
    }

    /** Sets the inverse metric for the following transitions (same dimension as the model). */
    public void setMetric(InverseMetric metric) {
        leapfrog.setMetric(metric);
    }

    /** The tree-depth limit. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Copies the current position into {@code out[off .. off+d)}. */
    public void copyPosition(double[] out, int off) {
        System.arraycopy(current.x, 0, out, off, d);
    }

    /** The current position (a new array). */
    public double[] position() {
        return current.x.clone();
    }

    /** The current position without a copy, for readers in this package that must not allocate. */
    double[] positionView() {
        return current.x;
    }

    /** Log density at the current position. */
    public double logDensity() {
        return current.lp;
    }

    /** Model evaluations (log density with gradient) since construction, including searches. */
    public long gradientEvaluations() {
        return leapfrog.evaluations();
    }

    /** Mean of {@code min(1, exp(H0 − H))} over all states built in the last transition. */
    public double acceptStat() {
        return acceptStat;
    }

    /** Number of doublings kept in the last transition; equal to {@code maxDepth} when it hit the limit. */
    public int treeDepth() {
        return treeDepth;
    }

    /** Leapfrog steps taken in the last transition, including those of a dropped subtree. */
    public int leapfrogSteps() {
        return leapfrogSteps;
    }

    /** Whether the last transition stopped at a divergence. */
    public boolean divergent() {
        return divergent;
    }

    /** Hamiltonian {@code H} of the state selected by the last transition (Stan's {@code energy__}). */
    public double energy() {
        return energy;
    }

    /** Scratch owned by one level of the recursion (subtrees of depth {@code j} built from two of depth {@code j−1}). */
    private static final class Level {
        final double[] rhoInit;
        final double[] rhoFinal;
        final double[] initEndP;
        final double[] initEndV;
        final double[] finalBeginP;
        final double[] finalBeginV;
        final PhasePoint propose;

        Level(int d) {
            rhoInit = new double[d];
            rhoFinal = new double[d];
            initEndP = new double[d];
            initEndV = new double[d];
            finalBeginP = new double[d];
            finalBeginV = new double[d];
            propose = new PhasePoint(d);
        }
    }
}
