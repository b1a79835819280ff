package dev.meads.engine.nuts;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import java.util.Arrays;

/**
 * Draws of one NUTS chain with a fixed step size and metric: unconstrained positions
 * ({@code size() × d}, row-major) and Stan's per-draw sampler statistics. When the run was
 * cancelled, {@link #size()} counts the draws actually made and only those are exposed.
 */
public final class NutsDraws {
    private final int d;
    private final int requested;
    private final double stepSize;
    private final double[] positions;
    private final double[] logDensity;
    private final double[] acceptStat;
    private final int[] treeDepth;
    private final int[] leapfrogSteps;
    private final boolean[] divergent;
    private final double[] energy;
    private int size;
    private boolean cancelled;
    private long gradientEvaluations;

    NutsDraws(int d, int requested, double stepSize) {
        this.d = d;
        this.requested = requested;
        this.stepSize = stepSize;
        long cells = (long) requested * d;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many draws for one array: " + requested + " x " + d);
        }
        this.positions = new double[(int) cells];
        this.logDensity = new double[requested];
        this.acceptStat = new double[requested];
        this.treeDepth = new int[requested];
        this.leapfrogSteps = new int[requested];
        this.divergent = new boolean[requested];
        this.energy = new double[requested];
    }

    /** Records the kernel's current state and last-transition statistics as the next draw. */
    void record(NutsKernel kernel) {
        int i = size;
        kernel.copyPosition(positions, i * d);
        logDensity[i] = kernel.logDensity();
        acceptStat[i] = kernel.acceptStat();
        treeDepth[i] = kernel.treeDepth();
        leapfrogSteps[i] = kernel.leapfrogSteps();
        divergent[i] = kernel.divergent();
        energy[i] = kernel.energy();
        size = i + 1;
    }

    void finish(boolean wasCancelled, long evaluations) {
        this.cancelled = wasCancelled;
        this.gradientEvaluations = evaluations;
    }

    /** Draws made. */
    public int size() {
        return size;
    }

    /** Draws asked for. */
    public int requested() {
        return requested;
    }

    /** Whether the cancellation check stopped the run early. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Number of coordinates per draw. */
    public int dimension() {
        return d;
    }

    /** The fixed step size of every draw. */
    public double stepSize() {
        return stepSize;
    }

    /** Model evaluations made by this run. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** Coordinate {@code j} of draw {@code i}. */
    public double position(int i, int j) {
        checkDraw(i);
        return positions[i * d + j];
    }

    /** Copies draw {@code i} into {@code out[off .. off+d)}. */
    public void copyPosition(int i, double[] out, int off) {
        checkDraw(i);
        System.arraycopy(positions, i * d, out, off, d);
    }

    /** Draws {@code from .. to−1}, row-major {@code (to−from) × d} (a new array). */
    public double[] positions(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("draw range [" + from + ", " + to + ") outside [0, " + size + ")");
        }
        return Arrays.copyOfRange(positions, from * d, to * d);
    }

    /** All draws, row-major {@code size() × d} (a new array). */
    public double[] positions() {
        return positions(0, size);
    }

    /** Log density of each draw (Stan's {@code lp__}), a new array. */
    public double[] logDensities() {
        return Arrays.copyOf(logDensity, size);
    }

    /** Acceptance statistic of each draw, a new array. */
    public double[] acceptStats() {
        return Arrays.copyOf(acceptStat, size);
    }

    /** Tree depth of each draw, a new array. */
    public int[] treeDepths() {
        return Arrays.copyOf(treeDepth, size);
    }

    /** Leapfrog steps of each draw, a new array. */
    public int[] leapfrogSteps() {
        return Arrays.copyOf(leapfrogSteps, size);
    }

    /** Divergence flag of each draw, a new array. */
    public boolean[] divergent() {
        return Arrays.copyOf(divergent, size);
    }

    /** Hamiltonian of each selected state (Stan's {@code energy__}), a new array. */
    public double[] energies() {
        return Arrays.copyOf(energy, size);
    }

    /** Number of divergent draws. */
    public int divergentCount() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += divergent[i] ? 1 : 0;
        }
        return n;
    }

    /** Mean acceptance statistic (NaN without draws). */
    public double meanAcceptStat() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += acceptStat[i];
        }
        return s / size;
    }

    /** Mean tree depth (NaN without draws). */
    public double meanTreeDepth() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += treeDepth[i];
        }
        return s / size;
    }

    /**
     * The draws as a one-chain {@link Draws} container, sampler columns filled.
     *
     * @param names one name per unconstrained coordinate (e.g. {@code LogDensity.parameterNames()})
     */
    public Draws toDraws(String[] names) {
        if (names.length != d) {
            throw new IllegalArgumentException("need " + d + " names, got " + names.length);
        }
        Draws out = new Draws(names, 1, size);
        for (int i = 0; i < size; i++) {
            out.setDraw(0, i, positions, i * d);
            out.setSampler(0, i, SamplerColumn.LP, logDensity[i]);
            out.setSampler(0, i, SamplerColumn.ACCEPT_STAT, acceptStat[i]);
            out.setSampler(0, i, SamplerColumn.STEPSIZE, stepSize);
            out.setSampler(0, i, SamplerColumn.TREEDEPTH, treeDepth[i]);
            out.setSampler(0, i, SamplerColumn.N_LEAPFROG, leapfrogSteps[i]);
            out.setSampler(0, i, SamplerColumn.DIVERGENT, divergent[i] ? 1 : 0);
            out.setSampler(0, i, SamplerColumn.ENERGY, energy[i]);
        }
        return out;
    }

    private void checkDraw(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("draw " + i + " outside [0, " + size + ")");
        }
    }
}
