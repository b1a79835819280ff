package dev.meads.engine.io;

import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.diag.Summary;
import dev.meads.engine.ghmc.GhmcParameters;
import dev.meads.engine.meads.EscapeEvent;
import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.meads.MeadsTrace;
import dev.meads.engine.meads.ScaledGradientEigenvalue;
import dev.meads.engine.nuts.NutsDraws;
import dev.meads.engine.nuts.NutsOptions;
import dev.meads.engine.nuts.WarmupResult;
import dev.meads.engine.run.PipelineOptions;
import dev.meads.engine.run.PipelineResult;
import dev.meads.engine.run.StageReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The JSON report of a run ({@code report.json}): configuration, seed, versions, per-stage wall
 * times and gradient evaluations, adapted parameters (NUTS step size and metric; MEADS step
 * size, α, δ and scale per fold, with their traces), the eigenvalue diagnostics of the starts,
 * sampler statistics, a diagnostics digest, escape events, warnings and whether the run
 * completed.
 */
public final class RunReport {
    private final PipelineResult result;
    private final Summary summary;
    private final OutputTimes times;
    private final Map<String, String> metadata;
    private final String version;

    /**
     * @param result   the run
     * @param summary  diagnostics of its draws, or null when there are none
     * @param times    what the run's outputs took after the pipeline, or null when not measured
     * @param metadata free-form facts about the model and data, reported under "model"
     * @param version  the program's version
     */
    public RunReport(PipelineResult result, Summary summary, OutputTimes times, Map<String, String> metadata,
            String version) {
        this.result = result;
        this.summary = summary;
        this.times = times;
        this.metadata = metadata;
        this.version = version;
    }

    /** Writes the report to {@code file} atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** The report as JSON text. */
    public String toJson() {
        StringBuilder sb = new StringBuilder(1 << 16);
        JsonWriter w = new JsonWriter(sb);
        w.beginObject();
        w.name("meads_version").value(version);
        w.name("completed").value(result.completed());
        w.name("stopped_in");
        if (result.stoppedIn() == null) {
            w.nullValue();
        } else {
            w.value(result.stoppedIn());
        }
        versions(w);
        model(w);
        configuration(w, result.options());
        stages(w);
        initialisation(w);
        nuts(w);
        meads(w);
        sampling(w);
        diagnostics(w);
        w.name("warnings").beginArray();
        for (String s : result.warnings()) {
            w.value(s);
        }
        w.endArray();
        w.endObject();
        sb.append('\n');
        return sb.toString();
    }

    private void versions(JsonWriter w) {
        w.name("java").beginObject();
        w.name("version").value(System.getProperty("java.version"));
        w.name("vendor").value(System.getProperty("java.vendor"));
        w.name("vm").value(System.getProperty("java.vm.name"));
        w.name("os").value(System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        w.name("processors").value(Runtime.getRuntime().availableProcessors());
        w.name("vector_shape").value(vectorShape());
        w.name("engine_kernels").value(dev.meads.engine.simd.Kernels.vectorised() ? "vector" : "scalar");
        w.name("pipelines_before").value(result.pipelinesBefore());
        w.endObject();
    }

    private static String vectorShape() {
        try {
            return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.toString();
        } catch (LinkageError e) {
            return "Vector API not loaded (scalar kernels)";
        }
    }

    private void model(JsonWriter w) {
        w.name("model").beginObject();
        w.name("name").value(result.model());
        w.name("dimension").value(result.dimension());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
    }

    private static void configuration(JsonWriter w, PipelineOptions o) {
        w.name("configuration").beginObject();
        w.name("seed").value(o.seed());
        w.name("chains").value(o.chains());
        w.name("draws").value(o.draws());
        w.name("thin").value(o.thin());
        w.name("threads").value(o.threads());
        w.name("initialisation").value(o.initialisation().name().toLowerCase(java.util.Locale.ROOT));
        MeadsOptions m = o.meads();
        w.name("meads").beginObject();
        w.name("folds").value(m.folds());
        w.name("warmup").value(m.iterations());
        w.name("step_size_multiplier").value(m.stepSizeMultiplier());
        w.name("damping_slowdown").value(m.dampingSlowdown());
        w.name("sampling_damping").value(m.samplingDamping());
        w.name("estimator").value(m.estimator().name().toLowerCase(java.util.Locale.ROOT));
        w.name("guard").value(m.guard());
        w.name("escape_distance").value(m.escapeDistance());
        w.name("escape_log_density").value(m.escapeLogDensity());
        w.name("escape_divergences").value(m.escapeDivergences());
        w.name("mode").value(m.mode().description());
        w.endObject();
        NutsOptions n = o.nuts();
        w.name("nuts").beginObject();
        w.name("warmup").value(o.nutsWarmup());
        w.name("draws").value(o.nutsDraws());
        w.name("max_depth").value(n.maxDepth());
        w.name("metric").value(n.metricKind().name().toLowerCase(java.util.Locale.ROOT));
        w.endObject();
        w.name("spread").beginObject();
        w.name("seeds").value(o.spreadSeeds());
        w.name("floor").value(o.spreadFloor());
        w.endObject();
        w.name("naive_jitter").value(o.naiveJitter());
        w.endObject();
    }

    private void stages(JsonWriter w) {
        w.name("stages").beginArray();
        for (StageReport s : result.stages()) {
            w.beginObject();
            w.name("name").value(s.name());
            w.name("seconds").value(s.seconds());
            w.name("gradient_evaluations").value(s.gradientEvaluations());
            w.name("iterations_done").value(s.iterationsDone());
            w.name("iterations_requested").value(s.iterationsRequested());
            w.name("sections_alone_while_compiling").value(s.sectionsAlone());
            w.endObject();
        }
        w.endArray();
        w.name("total_seconds").value(result.seconds());
        w.name("total_gradient_evaluations").value(result.gradientEvaluations());
        if (times != null) {
            w.name("after_pipeline").beginObject();
            w.name("summary_seconds").value(times.summarySeconds());
            w.name("chain_files_seconds").value(times.chainFilesSeconds());
            w.name("summary_and_chain_files_seconds").value(times.summaryAndChainFilesSeconds());
            w.name("summary_csv_seconds").value(times.summaryCsvSeconds());
            w.name("plots_seconds").value(times.plotsSeconds());
            w.endObject();
        }
    }

    private void initialisation(JsonWriter w) {
        w.name("initialisation").beginObject();
        eigen(w, "naive_start", result.naiveStart());
        eigen(w, "ensemble_start", result.ensembleStart());
        double[] widths = result.spreadWidths();
        if (widths != null) {
            w.name("spread_widths").beginInlineArray();
            for (double v : widths) {
                w.value(v);
            }
            w.endArray();
            w.name("spread_fallbacks").value(result.spreadFallbacks());
        }
        w.endObject();
    }

    private static void eigen(JsonWriter w, String name, ScaledGradientEigenvalue g) {
        if (g == null) {
            return;
        }
        w.name(name).beginObject();
        w.name("lambda_max").value(g.lambda());
        w.name("step_size").value(g.stepSize());
        w.endObject();
    }

    private void nuts(JsonWriter w) {
        WarmupResult warm = result.nutsWarmup();
        if (warm == null) {
            return;
        }
        w.name("nuts").beginObject();
        w.name("engine_kernels").value(result.nutsOnVectorKernels() ? "vector" : "scalar");
        w.name("step_size").value(warm.stepSize());
        w.name("metric").value(warm.inverseMetric().kind().name().toLowerCase(java.util.Locale.ROOT));
        w.name("inverse_metric_diagonal").beginInlineArray();
        for (double v : warm.inverseMetric().diagonal()) {
            w.value(v);
        }
        w.endArray();
        w.name("warmup_divergences").value(warm.divergences());
        w.name("warmup_mean_accept_stat").value(warm.meanAcceptStat());
        NutsDraws t = result.trajectory();
        if (t != null) {
            w.name("trajectory_draws").value(t.size());
            w.name("trajectory_divergences").value(t.divergentCount());
            w.name("trajectory_mean_accept_stat").value(t.meanAcceptStat());
            w.name("trajectory_mean_tree_depth").value(t.meanTreeDepth());
        }
        w.endObject();
    }

    private void meads(JsonWriter w) {
        MeadsTrace trace = result.meadsTrace();
        if (trace == null) {
            return;
        }
        w.name("meads").beginObject();
        w.name("folds").beginArray();
        for (GhmcParameters p : result.foldParameters()) {
            parameters(w, p);
        }
        w.endArray();
        if (result.frozenParameters() != null) {
            w.name("frozen");
            parameters(w, result.frozenParameters());
        }
        w.name("guarded_scale_coordinates").value(result.guardedScaleCoordinates());
        w.name("escape_events").beginArray();
        for (EscapeEvent e : result.escapeEvents()) {
            w.beginObject();
            w.name("iteration").value(e.iteration());
            w.name("chain").value(e.chain() + 1);
            w.name("reason").value(e.reason().name().toLowerCase(java.util.Locale.ROOT));
            w.name("detail").value(e.detail());
            if (e.coordinate() >= 0) {
                w.name("coordinate").value(e.coordinate() + 1L);
            }
            w.name("restarted_from_chain").value(e.donor() + 1L);
            w.endObject();
        }
        w.endArray();
        w.name("traces").beginObject();
        w.name("frozen_fold").beginInlineArray();
        for (int t = 0; t < trace.length(); t++) {
            w.value(trace.frozenFold(t));
        }
        w.endArray();
        w.name("mean_accept_probability").beginInlineArray();
        for (int t = 0; t < trace.length(); t++) {
            w.value(trace.meanAcceptProbability(t));
        }
        w.endArray();
        foldSeries(w, "step_size", trace, 0);
        foldSeries(w, "alpha", trace, 1);
        foldSeries(w, "delta", trace, 2);
        w.endObject();
        w.endObject();
    }

    private static void foldSeries(JsonWriter w, String name, MeadsTrace trace, int which) {
        w.name(name).beginArray();
        for (int k = 0; k < trace.folds(); k++) {
            double[] series = which == 0 ? trace.stepSizes(k) : which == 1 ? trace.alphas(k) : trace.deltas(k);
            w.beginInlineArray();
            for (double v : series) {
                w.value(v);
            }
            w.endArray();
        }
        w.endArray();
    }

    private static void parameters(JsonWriter w, GhmcParameters p) {
        w.beginObject();
        w.name("step_size").value(p.stepSize());
        w.name("alpha").value(p.alpha());
        w.name("delta").value(p.delta());
        w.name("scale").beginInlineArray();
        for (double v : p.scale()) {
            w.value(v);
        }
        w.endArray();
        w.endObject();
    }

    private void sampling(JsonWriter w) {
        if (result.draws() == null) {
            return;
        }
        w.name("sampling").beginObject();
        double[] acc = result.chainAcceptance();
        double mean = 0;
        for (double a : acc) {
            mean += a / acc.length;
        }
        long div = 0;
        for (long v : result.chainDivergences()) {
            div += v;
        }
        long nonFinite = 0;
        for (long v : result.chainNonFiniteRejections()) {
            nonFinite += v;
        }
        w.name("draws_per_chain").value(result.draws().iterations());
        w.name("mean_acceptance").value(mean);
        w.name("divergences").value(div);
        w.name("non_finite_rejections").value(nonFinite);
        w.name("chain_acceptance").beginInlineArray();
        for (double a : acc) {
            w.value(a);
        }
        w.endArray();
        w.endObject();
    }

    private void diagnostics(JsonWriter w) {
        if (summary == null || summary.parameters().isEmpty()) {
            return;
        }
        ParameterSummary maxRhat = null;
        ParameterSummary minBulk = null;
        ParameterSummary minTail = null;
        int over = 0;
        for (ParameterSummary p : summary.parameters()) {
            if (Double.isFinite(p.rhat()) && (maxRhat == null || p.rhat() > maxRhat.rhat())) {
                maxRhat = p;
            }
            if (Double.isFinite(p.essBulk()) && (minBulk == null || p.essBulk() < minBulk.essBulk())) {
                minBulk = p;
            }
            if (Double.isFinite(p.essTail()) && (minTail == null || p.essTail() < minTail.essTail())) {
                minTail = p;
            }
            if (p.rhat() > 1.01) {
                over++;
            }
        }
        w.name("diagnostics").beginObject();
        w.name("parameters").value(summary.parameters().size());
        if (maxRhat != null) {
            w.name("max_rhat").value(maxRhat.rhat());
            w.name("max_rhat_parameter").value(maxRhat.name());
        }
        w.name("parameters_rhat_above_1_01").value(over);
        if (minBulk != null) {
            w.name("min_ess_bulk").value(minBulk.essBulk());
            w.name("min_ess_bulk_parameter").value(minBulk.name());
            w.name("min_ess_bulk_per_second").value(minBulk.essBulk() / result.seconds());
        }
        if (minTail != null) {
            w.name("min_ess_tail").value(minTail.essTail());
            w.name("min_ess_tail_parameter").value(minTail.name());
        }
        w.endObject();
    }
}
