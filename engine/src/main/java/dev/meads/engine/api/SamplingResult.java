package dev.meads.engine.api;

import dev.meads.engine.diag.ParameterSelection;
import dev.meads.engine.diag.SamplerStatistics;
import dev.meads.engine.diag.Summary;
import dev.meads.engine.draws.Draws;
import dev.meads.engine.io.OutputTimes;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.run.PipelineResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link MeadsSampler#run()}: draws by parameter name (constrained), the
 * posterior summary, sampler statistics, everything the run adapted and measured
 * ({@link #details()}), and the output folder when one was written.
 */
public final class SamplingResult {
    private final PipelineResult result;
    private final LogDensity density;
    private Summary summary;
    private Path outputFolder;
    private List<Path> files = List.of();
    private OutputTimes outputTimes;

    SamplingResult(PipelineResult result, LogDensity density) {
        this.result = result;
        this.density = density;
    }

    void setOutput(Path folder, List<Path> written, OutputTimes times) {
        this.outputFolder = folder;
        this.files = List.copyOf(written);
        this.outputTimes = times;
    }

    void setSummary(Summary s) {
        this.summary = s;
    }

    /** Whether every stage ran to the end (false after a cancellation). */
    public boolean completed() {
        return result.completed();
    }

    /**
     * All retained draws, constrained; null if the run stopped before sampling. This is the run's
     * own instance, not a copy (it can be tens of megabytes): changing a value changes what
     * {@link #draws(String)} and {@link #mean} return, but not a summary computed before.
     */
    public Draws draws() {
        return result.draws();
    }

    /** Names of the constrained quantities, in draw order. */
    public String[] parameterNames() {
        return density.constrainedNames();
    }

    /**
     * The draws of one quantity as {@code [chain][iteration]}.
     *
     * @throws IllegalArgumentException for an unknown name (naming the nearest known one)
     */
    public double[][] draws(String name) {
        Draws d = requireDraws();
        int p = d.indexOf(Objects.requireNonNull(name, "parameter name"));
        if (p < 0) {
            String nearest = ParameterSelection.nearestName(name, d.names());
            throw new IllegalArgumentException("no quantity called '" + name + "'"
                    + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
                    + " (draws takes one quantity's full name; summary takes selections such as x[1:3])");
        }
        double[][] out = new double[d.chains()][d.iterations()];
        for (int c = 0; c < d.chains(); c++) {
            for (int i = 0; i < d.iterations(); i++) {
                out[c][i] = d.value(c, i, p);
            }
        }
        return out;
    }

    /** Posterior mean of one quantity over every chain and draw. */
    public double mean(String name) {
        double s = 0;
        long n = 0;
        for (double[] chain : draws(name)) {
            for (double v : chain) {
                s += v;
                n++;
            }
        }
        return s / n;
    }

    /** The summary of every quantity (computed once, on the run's threads). */
    public synchronized Summary summary() {
        return summaryUnless(() -> false);
    }

    /**
     * The summary, or null when {@code cancelled} turned true before it was complete (e.g. a
     * Ctrl-C after sampling: the draws are all there, the summary can wait); a complete summary
     * is kept for {@link #summary()}.
     */
    synchronized Summary summaryUnless(java.util.function.BooleanSupplier cancelled) {
        if (summary == null && !cancelled.getAsBoolean()) {
            Draws d = requireDraws();
            try (WorkerPool pool = new WorkerPool(Math.max(1, Math.min(result.options().threads(), d.parameters())))) {
                summary = Summary.of(d, pool, cancelled);
            }
        }
        return summary;
    }

    /** The summary of the quantities picked by {@code selection}, e.g. {@code theta[1:5],sigma_y}. */
    public Summary summary(String selection) {
        return summary().select(selection);
    }

    /** Acceptance, divergences, step size and tree depth of the retained draws. */
    public SamplerStatistics samplerStatistics() {
        return SamplerStatistics.of(requireDraws());
    }

    /** Everything the run adapted and measured: stage times, NUTS and MEADS parameters, events, warnings. */
    public PipelineResult details() {
        return result;
    }

    /** Warnings raised during the run (divergences, collapsed step size, escaped chains). */
    public List<String> warnings() {
        return result.warnings();
    }

    /** The output folder, or null when none was written. */
    public Path outputFolder() {
        return outputFolder;
    }

    /** Files written into the output folder. */
    public List<Path> files() {
        return files;
    }

    /**
     * What writing the output folder took after the pipeline (summary, Stan CSV files,
     * summary.csv, plots), as {@code report.json} records it; null when no folder was written.
     */
    public OutputTimes outputTimes() {
        return outputTimes;
    }

    /**
     * Writes the output folder after the run: Stan CSV files (from the stored draws, beside the
     * summary), summary, report and plots. {@link MeadsSampler#output} does the same as part of
     * the run.
     */
    public Path writeTo(Path folder, OutputOptions options) throws IOException {
        Objects.requireNonNull(folder, "output folder");
        Objects.requireNonNull(options, "output options (OutputOptions.defaults())");
        // the sampling is over: whatever the options say, the rows come from the stored draws
        OutputWriter writer = new OutputWriter(folder, options.withCsvWhileSampling(false), density,
                result.options());
        Draws d = result.draws();
        List<Path> written = writer.finish(result, () -> d == null || d.iterations() < 4 ? null : summary(),
                MeadsSampler.version());
        setOutput(writer.path(), written, writer.times());
        return writer.path();
    }

    private Draws requireDraws() {
        if (result.draws() == null) {
            throw new IllegalStateException("the run stopped in " + result.stoppedIn() + " before any draw was made");
        }
        return result.draws();
    }
}
