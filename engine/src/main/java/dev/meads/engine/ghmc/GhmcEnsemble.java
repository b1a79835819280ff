package dev.meads.engine.ghmc;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.NormalStream;
import dev.meads.engine.simd.Kernels;
import java.util.random.RandomGenerator;

/**
 * GHMC transitions for any subset of the chains of a {@link ChainBlock}, each chain with its
 * own parameters, run on a {@link WorkerPool}. Proposals of all moving chains are packed into
 * a scratch block and evaluated with the model's block form, one piece of chains at a time.
 *
 * <p>Each chain draws its momentum noise from its own {@link NormalStream}, keyed at
 * construction by the next 64 bits of the chain's random stream, and the chains are handed to
 * the workers in pieces of a multiple of {@code laneGroup} chains (claimed dynamically, see
 * {@link WorkerPool#forEachChunk}), so results are bit-identical for any thread count.
 * Statistics of the latest transition and running counts are kept per chain.
 */
public final class GhmcEnsemble {
    /**
     * The fewest chains per piece of a parallel step: a block evaluation of fewer chains than a
     * vector has lanes wastes lanes (a model whose results do not depend on the grouping
     * reports a granularity of 1 but still computes 8 lanes at a time on AVX-512).
     */
    static final int MIN_PIECE = 8;

    /**
     * Work for one chain right after its transition, done by the worker that moved it (so that
     * per-draw work such as storing runs in parallel too). Implementations touch only that
     * chain's data, or per-worker scratch indexed by {@code worker}.
     */
    @FunctionalInterface
    public interface AfterTransition {
        void moved(int worker, int chain);
    }

    private final ChainBlock state;
    private final ChainBlock proposals;
    private final LogDensity[] densityByWorker;
    private final double[][] noiseByWorker;
    private final NormalStream[] chainNormals;
    private final WorkerPool pool;
    private final int laneGroup;
    /** Chains per piece of work handed to a worker: a multiple of laneGroup, at least {@link #MIN_PIECE}. */
    private final int piece;
    private final Kernels kernels = Kernels.get();
    private final int d;
    private final WorkerPool.RangeTask rangeTask = this::stepRange;
    private final WorkerPool.RangeTask rangeTaskThenAfter = this::stepRangeThenAfter;

    // per slot of the current call
    private int[] slotChain;
    private GhmcParameters[] slotParameters;
    private AfterTransition slotAfter;
    private final double[] slotH0;

    // per chain, latest transition
    private final double[] acceptProbability;
    private final boolean[] accepted;
    private final boolean[] divergent;
    private final double[] energy;
    // per chain, running counts
    private final long[] transitions;
    private final long[] acceptances;
    private final long[] divergences;
    private final long[] nonFinite;
    private long gradientEvaluations;

    /**
     * @param density     the target; one copy is made per worker
     * @param state       the chains; positions, log densities and gradients must be valid
     * @param chainRandom one stream per chain; each gives the 64-bit key of its chain's momentum noise
     * @param pool        the workers
     * @param laneGroup   chains per vector group of the model's block form (range cuts align to it)
     */
    public GhmcEnsemble(LogDensity density, ChainBlock state, RandomGenerator[] chainRandom, WorkerPool pool,
                        int laneGroup) {
        if (chainRandom.length != state.chains()) {
            throw new IllegalArgumentException(chainRandom.length + " random streams for " + state.chains() + " chains");
        }
        if (density.dimension() != state.dimension()) {
            throw new IllegalArgumentException("model dimension " + density.dimension()
                    + " does not match the block's " + state.dimension());
        }
        this.state = state;
        this.d = state.dimension();
        int n = state.chains();
        this.proposals = new ChainBlock(n, d);
        this.pool = pool;
        this.laneGroup = Math.max(1, laneGroup);
        this.piece = this.laneGroup * ((MIN_PIECE + this.laneGroup - 1) / this.laneGroup);
        this.chainNormals = new NormalStream[n];
        for (int c = 0; c < n; c++) {
            chainNormals[c] = NormalStream.keyedBy(chainRandom[c]);
        }
        this.densityByWorker = new LogDensity[pool.threads()];
        this.noiseByWorker = new double[pool.threads()][d];
        densityByWorker[0] = density;
        for (int w = 1; w < densityByWorker.length; w++) {
            densityByWorker[w] = density.copy();
        }
        this.slotH0 = new double[n];
        this.acceptProbability = new double[n];
        this.accepted = new boolean[n];
        this.divergent = new boolean[n];
        this.energy = new double[n];
        this.transitions = new long[n];
        this.acceptances = new long[n];
        this.divergences = new long[n];
        this.nonFinite = new long[n];
        for (int c = 0; c < n; c++) {
            double[] z = state.momenta();
            energy[c] = -state.logDensities()[c] + 0.5 * kernels.sumOfSquares(z, c * d, d);
        }
    }

    /**
     * One GHMC transition for chains {@code chains[0 .. count)}, chain {@code chains[k]} using
     * {@code parameters[k]}. Chains not listed do not move and draw no random numbers.
     */
    public void step(int[] chains, GhmcParameters[] parameters, int count) {
        step(chains, parameters, count, null);
    }

    /**
     * As {@link #step(int[], GhmcParameters[], int)}, then {@code after} (if not null) for each
     * moved chain, on the worker that moved it, in slot order within the worker's range.
     */
    public void step(int[] chains, GhmcParameters[] parameters, int count, AfterTransition after) {
        if (count > state.chains() || chains.length < count || parameters.length < count) {
            throw new IllegalArgumentException("bad slot count " + count);
        }
        this.slotChain = chains;
        this.slotParameters = parameters;
        this.slotAfter = after;
        pool.forEachChunk(count, piece, after == null ? rangeTask : rangeTaskThenAfter);
        this.slotAfter = null;
        gradientEvaluations += count;
    }

    /** Number of workers a step is split over (the pool's threads). */
    public int workers() {
        return pool.threads();
    }

    /** The pool the steps run on, for other per-iteration work on the same threads. */
    public WorkerPool pool() {
        return pool;
    }

    private void stepRange(int worker, int from, int to) {
        double[] noise = noiseByWorker[worker];
        double[] x = state.positions();
        double[] z = state.momenta();
        double[] g = state.gradients();
        double[] lp = state.logDensities();
        double[] u = state.slices();
        double[] xp = proposals.positions();
        double[] zp = proposals.momenta();
        double[] gp = proposals.gradients();
        double[] lpp = proposals.logDensities();
        for (int k = from; k < to; k++) {
            int c = slotChain[k];
            GhmcParameters p = slotParameters[k];
            chainNormals[c].fill(noise, 0, d);
            u[c] = GhmcTransition.drift(u[c], p.delta());
            slotH0[k] = GhmcTransition.propose(kernels, d, p.stepSize(), p.scale(), p.alpha(),
                    x, c * d, z, c * d, g, c * d, lp[c], noise, 0, xp, k * d, zp, k * d);
        }
        densityByWorker[worker].logDensityAndGradient(xp, gp, lpp, from, to);
        for (int k = from; k < to; k++) {
            int c = slotChain[k];
            GhmcParameters p = slotParameters[k];
            double delta = GhmcTransition.energyError(kernels, d, p.stepSize(), p.scale(), slotH0[k],
                    zp, k * d, gp, k * d, lpp[k]);
            transitions[c]++;
            acceptProbability[c] = delta == Double.NEGATIVE_INFINITY ? 0.0 : GhmcTransition.acceptProbability(delta);
            divergent[c] = -delta > GhmcTransition.DIVERGENCE;
            if (divergent[c]) {
                divergences[c]++;
            }
            if (delta == Double.NEGATIVE_INFINITY && !(Double.isFinite(lpp[k]) && allFinite(gp, k * d))) {
                nonFinite[c]++;
            }
            if (GhmcTransition.accepts(u[c], delta)) {
                System.arraycopy(xp, k * d, x, c * d, d);
                System.arraycopy(zp, k * d, z, c * d, d);
                System.arraycopy(gp, k * d, g, c * d, d);
                lp[c] = lpp[k];
                u[c] = GhmcTransition.sliceAfterAcceptance(u[c], delta);
                energy[c] = slotH0[k] - delta;
                accepted[c] = true;
                acceptances[c]++;
            } else {
                negate(z, c * d, d);
                energy[c] = slotH0[k];
                accepted[c] = false;
            }
        }
    }

    /**
     * {@link #stepRange}, then the caller's {@link AfterTransition} for each moved chain. Kept out
     * of {@code stepRange}: MEADS never passes one, so a branch for it there would first be taken
     * by the sampling phase, after C2 compiled the step without it, and would cost a
     * deoptimisation and a second compilation of the whole step (0.3 s of compile time in a
     * fresh JVM).
     */
    private void stepRangeThenAfter(int worker, int from, int to) {
        stepRange(worker, from, to);
        AfterTransition after = slotAfter;
        for (int k = from; k < to; k++) {
            after.moved(worker, slotChain[k]);
        }
    }

    /**
     * Flips a rejected chain's momentum. A method of its own so that stepRange's own loops stay
     * short: a fresh JVM then does not also compile stepRange on stack replacement (43 ms of C2).
     */
    private static void negate(double[] z, int off, int n) {
        for (int j = off, end = off + n; j < end; j++) {
            z[j] = -z[j];
        }
    }

    private boolean allFinite(double[] a, int off) {
        for (int j = off; j < off + d; j++) {
            if (!Double.isFinite(a[j])) {
                return false;
            }
        }
        return true;
    }

    public ChainBlock state() {
        return state;
    }

    /** Metropolis probability {@code min(1, e^Δ)} of chain c's latest transition. */
    public double acceptProbability(int c) {
        return acceptProbability[c];
    }

    public boolean accepted(int c) {
        return accepted[c];
    }

    public boolean divergent(int c) {
        return divergent[c];
    }

    /** Hamiltonian {@code -lp + |z|²/2} of chain c's current state. */
    public double energy(int c) {
        return energy[c];
    }

    public long transitions(int c) {
        return transitions[c];
    }

    public long acceptances(int c) {
        return acceptances[c];
    }

    public long divergences(int c) {
        return divergences[c];
    }

    /** Rejections caused by a non-finite log density or gradient at the proposal. */
    public long nonFiniteRejections(int c) {
        return nonFinite[c];
    }

    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** Recomputes chain c's cached energy after its state was replaced from outside. */
    public void refreshEnergy(int c) {
        energy[c] = -state.logDensities()[c] + 0.5 * kernels.sumOfSquares(state.momenta(), c * d, d);
    }
}
