package dev.meads.engine.run;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.ghmc.GhmcParameters;
import dev.meads.engine.meads.EscapeEvent;
import dev.meads.engine.meads.MeadsTrace;
import dev.meads.engine.meads.ScaledGradientEigenvalue;
import dev.meads.engine.nuts.NutsDraws;
import dev.meads.engine.nuts.WarmupResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a pipeline run produced: the retained draws (constrained), what each stage cost,
 * what was adapted, what went wrong. Filled by {@link MeadsPipeline} as the run proceeds; a
 * run stopped early ({@link #completed()} false) holds what was done until then.
 */
public final class PipelineResult {
    private final PipelineOptions options;
    private final String model;
    private final int dimension;
    private final List<StageReport> stages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Draws draws;
    private WarmupResult nutsWarmup;
    private NutsDraws trajectory;
    private boolean nutsOnVectorKernels;
    private ScaledGradientEigenvalue naiveStart;
    private ScaledGradientEigenvalue ensembleStart;
    private double[] spreadWidths;
    private int spreadFallbacks;
    private MeadsTrace meadsTrace;
    private List<GhmcParameters> foldParameters = List.of();
    private GhmcParameters frozen;
    private GhmcParameters samplingParameters;
    private List<EscapeEvent> escapeEvents = List.of();
    private long guardedScaleCoordinates;
    private double[] chainAcceptance = new double[0];
    private long[] chainDivergences = new long[0];
    private long[] chainNonFinite = new long[0];
    private boolean completed;
    private String stoppedIn;
    private final int pipelinesBefore;

    PipelineResult(PipelineOptions options, String model, int dimension, int pipelinesBefore) {
        this.options = options;
        this.model = model;
        this.dimension = dimension;
        this.pipelinesBefore = pipelinesBefore;
    }

    void addStage(StageReport s) {
        stages.add(s);
    }

    void warn(String w) {
        warnings.add(w);
    }

    void setDraws(Draws d) {
        this.draws = d;
    }

    void setNuts(WarmupResult warmup, NutsDraws draws, boolean onVectorKernels) {
        this.nutsWarmup = warmup;
        this.trajectory = draws;
        this.nutsOnVectorKernels = onVectorKernels;
    }

    void setNaiveStart(ScaledGradientEigenvalue g) {
        this.naiveStart = g;
    }

    void setEnsembleStart(ScaledGradientEigenvalue g) {
        this.ensembleStart = g;
    }

    void setSpread(double[] widths, int fallbacks) {
        this.spreadWidths = widths;
        this.spreadFallbacks = fallbacks;
    }

    void setMeads(MeadsTrace trace, List<GhmcParameters> folds, GhmcParameters frozenParameters,
                  List<EscapeEvent> events, long guarded) {
        this.meadsTrace = trace;
        this.foldParameters = List.copyOf(folds);
        this.frozen = frozenParameters;
        this.escapeEvents = List.copyOf(events);
        this.guardedScaleCoordinates = guarded;
        if (frozenParameters != null) {
            this.samplingParameters = frozenParameters;
        }
    }

    void setSamplingParameters(GhmcParameters parameters) {
        this.samplingParameters = parameters;
    }

    void setSamplingStatistics(double[] acceptance, long[] divergences, long[] nonFinite) {
        this.chainAcceptance = acceptance;
        this.chainDivergences = divergences;
        this.chainNonFinite = nonFinite;
    }

    void finish(boolean complete, String stage) {
        this.completed = complete;
        this.stoppedIn = stage;
    }

    /**
     * Pipelines started earlier in this JVM: 0 for a fresh JVM, whose stages include the JIT
     * compiling the code as it runs; more, and the stages are mostly those of compiled code.
     */
    public int pipelinesBefore() {
        return pipelinesBefore;
    }

    public PipelineOptions options() {
        return options;
    }

    /** The model's name. */
    public String model() {
        return model;
    }

    /** Unconstrained dimension. */
    public int dimension() {
        return dimension;
    }

    /** Retained draws (constrained); null if the run stopped before sampling. */
    public Draws draws() {
        return draws;
    }

    public List<StageReport> stages() {
        return List.copyOf(stages);
    }

    /** Total wall time over the stages. */
    public double seconds() {
        return stages.stream().mapToDouble(StageReport::seconds).sum();
    }

    /** Total model evaluations over the stages. */
    public long gradientEvaluations() {
        return stages.stream().mapToLong(StageReport::gradientEvaluations).sum();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Whether the NUTS start ran on the Vector API kernels (false: plain loops, or no NUTS start). */
    public boolean nutsOnVectorKernels() {
        return nutsOnVectorKernels;
    }

    /** NUTS warmup of the initialisation chain; null with the naive start. */
    public WarmupResult nutsWarmup() {
        return nutsWarmup;
    }

    /** The NUTS trajectory after warmup; null with the naive start. */
    public NutsDraws trajectory() {
        return trajectory;
    }

    /** λ̂ and step size of the naive start, when the comparison was asked for. */
    public ScaledGradientEigenvalue naiveStart() {
        return naiveStart;
    }

    /** λ̂ and step size of the ensemble MEADS actually started from. */
    public ScaledGradientEigenvalue ensembleStart() {
        return ensembleStart;
    }

    /** Jitter half-widths of the spread (null with the naive start). */
    public double[] spreadWidths() {
        return spreadWidths == null ? null : spreadWidths.clone();
    }

    public int spreadFallbacks() {
        return spreadFallbacks;
    }

    public MeadsTrace meadsTrace() {
        return meadsTrace;
    }

    /** Each fold's parameters at the last MEADS iteration. */
    public List<GhmcParameters> foldParameters() {
        return foldParameters;
    }

    /**
     * The parameters of the sampling phase; after a cancelled MEADS warmup, those its last
     * iteration implies; null if the run stopped before MEADS began, and in adaptive sampling,
     * which has none ({@link #foldParameters()} and {@link #meadsTrace()} hold what it used).
     */
    public GhmcParameters frozenParameters() {
        return frozen;
    }

    /**
     * The parameters a chain file's adaptation block reports: the frozen ones, or in adaptive
     * sampling the folds' parameters averaged at the iteration of the first draw; null before
     * MEADS, and in adaptive sampling before its first draw.
     */
    public GhmcParameters samplingParameters() {
        return samplingParameters;
    }

    public List<EscapeEvent> escapeEvents() {
        return escapeEvents;
    }

    public long guardedScaleCoordinates() {
        return guardedScaleCoordinates;
    }

    /** Per chain, the fraction of accepted sampling transitions. */
    public double[] chainAcceptance() {
        return chainAcceptance.clone();
    }

    /** Per chain, divergent sampling transitions. */
    public long[] chainDivergences() {
        return chainDivergences.clone();
    }

    /** Per chain, sampling proposals rejected for a non-finite log density or gradient. */
    public long[] chainNonFiniteRejections() {
        return chainNonFinite.clone();
    }

    /** Whether every stage ran to the end. */
    public boolean completed() {
        return completed;
    }

    /** The stage that was interrupted, or null. */
    public String stoppedIn() {
        return stoppedIn;
    }
}
