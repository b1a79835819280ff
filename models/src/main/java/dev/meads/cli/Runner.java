package dev.meads.cli;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.api.OutputOptions;
import dev.meads.engine.api.PlotFormat;
import dev.meads.engine.api.SamplingResult;
import dev.meads.engine.diag.ParameterSelection;
import dev.meads.engine.diag.Summary;
import dev.meads.engine.ghmc.GhmcParameters;
import dev.meads.engine.io.OutputTimes;
import dev.meads.engine.io.RunFolder;
import dev.meads.engine.meads.ScaledGradientEigenvalue;
import dev.meads.engine.run.PipelineOptions;
import dev.meads.engine.run.PipelineResult;
import dev.meads.engine.run.StageReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Runs one sampling job from settings and reports it the way the notebook did: the data, the
 * eigenvalue of the naive and the spread starts, stage times, MEADS parameters, a summary of a
 * few parameters, and where the output went.
 */
final class Runner {
    private final PrintStream out;
    private final PrintStream err;

    Runner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the job; returns the exit code (0, or 130 when interrupted). */
    int run(Settings settings, boolean quiet) {
        ModelSetup model = ModelSetup.from(settings);
        PipelineOptions options = SamplerSettings.from(settings);
        String selection = summarySelection(settings, model);
        Path folder = outputFolder(settings);
        OutputOptions outputs = new OutputOptions(settings.bool(Setting.OUTPUT_STAN_CSV), csvDigits(settings),
                settings.bool(Setting.OUTPUT_CSV_WHILE_SAMPLING), plotFormat(settings),
                settings.bool(Setting.OVERWRITE), model.forestGroup(), model.forestReference(), List.of(),
                model.metadata());

        if (!quiet) {
            header(settings, model, options);
        }
        int warmRuns = settings.integer(Setting.WARM_RUNS, 0);
        if (warmRuns > 0) {
            try { // an unusable output folder fails now, not after the warm-up runs
                RunFolder.check(folder, outputs.overwrite());
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        Interruption interruption = new Interruption();
        interruption.install();
        for (int i = 0; i < warmRuns; i++) {
            SamplingResult warm = sampler(settings, model, options, interruption).run();
            if (!warm.completed()) {
                err.println("meads: interrupted during warm-up run " + (i + 1) + " of " + warmRuns
                        + "; nothing was written");
                return Interruption.EXIT_CODE;
            }
            if (!quiet) {
                out.printf(Locale.ROOT, "warm-up run %d of %d: pipeline %.3f s (no output)%n", i + 1, warmRuns,
                        warm.details().seconds());
            }
        }
        ProgressPrinter progress = quiet ? null : new ProgressPrinter(err, ProgressPrinter.stderrIsTerminal());
        MeadsSampler sampler = sampler(settings, model, options, interruption).output(folder, outputs);
        if (progress != null) {
            sampler.progress(progress);
        }
        SamplingResult result;
        double secondsBefore = secondsSinceLaunch();
        try {
            result = sampler.run();
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        // Ctrl-C after the last draw: the sampler skipped what was left of the summary (unless
        // it had finished), and so does the report
        boolean stoppedAfterSampling = result.completed() && interruption.requested();
        boolean summarySkipped = stoppedAfterSampling && result.files().stream()
                .noneMatch(f -> f.getFileName().toString().equals("summary.csv"));
        if (quiet) {
            out.println(result.outputFolder());
        } else {
            report(result, selection, secondsBefore, outputs.csvWhileSampling(), warmRuns, !summarySkipped);
        }
        if (!result.completed()) {
            err.println("meads: run interrupted in " + result.details().stoppedIn() + "; kept "
                    + (result.draws() == null ? 0 : result.draws().iterations()) + " draws per chain in "
                    + result.outputFolder() + " (report.json says completed: false)");
            return Interruption.EXIT_CODE;
        }
        if (stoppedAfterSampling) {
            err.println("meads: interrupted after sampling had ended: all " + result.draws().iterations()
                    + " draws per chain are in " + result.outputFolder() + (!summarySkipped ? ""
                    : "; the summary was skipped" + (outputs.stanCsv() ? " (./meads diagnose "
                    + result.outputFolder().resolve("chain_*.csv") + " computes it)" : "")));
            return Interruption.EXIT_CODE;
        }
        return 0;
    }

    /** The sampler of this job, without output or progress. */
    private static MeadsSampler sampler(Settings settings, ModelSetup model, PipelineOptions options,
                                        Interruption interruption) {
        MeadsSampler sampler = MeadsSampler.forModel(model.density()).options(options).cancellation(interruption)
                .scalarKernels(SamplerSettings.scalarKernels(settings));
        Boolean scalarNuts = SamplerSettings.scalarNutsKernels(settings);
        if (scalarNuts != null) {
            sampler.scalarNutsKernels(scalarNuts);
        }
        return sampler;
    }

    private static int csvDigits(Settings s) {
        String v = s.string(Setting.OUTPUT_CSV_DIGITS).strip();
        if (v.equalsIgnoreCase("full")) {
            return 0;
        }
        int digits = s.integer(Setting.OUTPUT_CSV_DIGITS, 1);
        if (digits > 17) {
            throw s.invalid(Setting.OUTPUT_CSV_DIGITS, "must be at most 17 (or full)");
        }
        return digits;
    }

    private static PlotFormat plotFormat(Settings s) {
        return switch (s.choice(Setting.OUTPUT_PLOTS, "svg", "png", "none", "true", "false")) {
            case "png" -> PlotFormat.PNG;
            case "none", "false" -> PlotFormat.NONE;
            default -> PlotFormat.SVG;
        };
    }

    private static String summarySelection(Settings s, ModelSetup model) {
        String sel = s.string(Setting.SUMMARY).strip();
        boolean chosen = s.userSet(Setting.SUMMARY) && !sel.isEmpty();
        if (sel.isEmpty()) {
            sel = model.defaultSummary();
        }
        if (sel.equalsIgnoreCase("all")) {
            return null;
        }
        String[] names = model.density().constrainedNames();
        if (!chosen) {
            // a default written for the notebook's data (alpha[1:5]) may reach past a small file's
            return fitted(sel, names);
        }
        try {
            ParameterSelection.select(sel, names);
        } catch (IllegalArgumentException e) {
            throw s.invalid(Setting.SUMMARY, e.getMessage());
        }
        return sel;
    }

    /**
     * A default selection cut to what the model has: {@code alpha[1:5]} becomes {@code alpha[1:2]}
     * when alpha has two elements; items naming nothing are dropped (all dropped: every parameter,
     * null).
     */
    static String fitted(String selection, String[] names) {
        if (fits(selection, names)) {
            return selection;
        }
        List<String> kept = new java.util.ArrayList<>();
        for (String item : selection.split(",")) { // defaults hold no commas inside brackets
            String t = item.strip();
            String fit = fits(t, names) ? t : shortened(t, names);
            if (fit != null) {
                kept.add(fit);
            }
        }
        return kept.isEmpty() ? null : String.join(",", kept);
    }

    /** {@code base[lo:hi]} cut to the elements from lo on that exist, or null. */
    private static String shortened(String item, String[] names) {
        int open = item.indexOf('[');
        int colon = item.indexOf(':', open + 1);
        if (open <= 0 || colon < 0 || !item.endsWith("]")) {
            return null;
        }
        String base = item.substring(0, open);
        int lo;
        int hi;
        try {
            lo = Integer.parseInt(item.substring(open + 1, colon).strip());
            hi = Integer.parseInt(item.substring(colon + 1, item.length() - 1).strip());
        } catch (NumberFormatException e) {
            return null;
        }
        int last = lo - 1;
        while (last < hi && fits(base + "[" + (last + 1) + "]", names)) {
            last++;
        }
        return last < lo ? null : last == lo ? base + "[" + lo + "]" : base + "[" + lo + ":" + last + "]";
    }

    private static boolean fits(String item, String[] names) {
        try {
            ParameterSelection.select(item, names);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Path outputFolder(Settings s) {
        String out = s.string(Setting.OUT).strip();
        if (!out.isEmpty()) {
            return Path.of(out);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path base = Path.of("runs", s.name() + "-" + stamp);
        Path p = base;
        for (int i = 2; Files.exists(p); i++) {
            p = Path.of(base + "-" + i);
        }
        return p;
    }

    private void header(Settings s, ModelSetup model, PipelineOptions o) {
        out.printf(Locale.ROOT, "meads %s: %s, %d parameters (unconstrained)%n", MeadsSampler.version(),
                model.density().name(), model.density().dimension());
        out.printf(Locale.ROOT, "data: %s: %s%n", model.metadata().get("data"), model.description());
        out.printf(Locale.ROOT, "run: %d chains, %d MEADS folds, %d MEADS warmup iterations, %d draws per chain%s, "
                        + "init %s (NUTS %d + %d), %d threads, seed %d%s%n", o.chains(), o.meads().folds(),
                o.meads().iterations(), o.draws(), o.thin() == 1 ? "" : " (one iteration in " + o.thin() + " kept)",
                o.initialisation().name().toLowerCase(Locale.ROOT), o.nutsWarmup(), o.nutsDraws(), o.threads(), o.seed(),
                kernelsNote(s));
        out.flush();
    }

    /** The header's note on kernels: nothing for the default, else which parts run on plain loops. */
    private static String kernelsNote(Settings s) {
        boolean scalar = SamplerSettings.scalarKernels(s);
        Boolean scalarNuts = SamplerSettings.scalarNutsKernels(s);
        boolean nuts = scalarNuts == null ? scalar : scalarNuts;
        if (scalar && nuts) {
            return ", scalar kernels";
        }
        if (scalar) {
            return ", scalar kernels (NUTS start on vector kernels)";
        }
        return nuts ? ", vector kernels (NUTS start on scalar kernels)" : "";
    }

    /**
     * Seconds since the launcher started the JVM, from the wall-clock time it leaves in
     * {@code MEADS_JVM_LAUNCHED_AT} (seconds since the epoch, as bash's {@code EPOCHREALTIME});
     * NaN when it left none (the JVM's own start time would need java.management, 15 ms to load).
     */
    private static double secondsSinceLaunch() {
        return secondsSince(System.getenv("MEADS_JVM_LAUNCHED_AT"), System.currentTimeMillis());
    }

    /**
     * Seconds from {@code epochSeconds} (text such as {@code 1764270000.123456}; bash writes the
     * locale's decimal separator, so a comma is accepted too) to {@code nowMillis}; NaN when the
     * text is missing, unreadable, or more than an hour away.
     */
    static double secondsSince(String epochSeconds, long nowMillis) {
        if (epochSeconds == null || epochSeconds.isBlank()) {
            return Double.NaN;
        }
        try {
            double seconds = nowMillis / 1000.0 - Double.parseDouble(epochSeconds.strip().replace(',', '.'));
            return seconds >= 0 && seconds < 3600 ? seconds : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void report(SamplingResult r, String selection, double secondsBefore, boolean csvWhileSampling,
                        int warmRuns, boolean summarise) {
        PipelineResult d = r.details();
        out.println();
        out.println("largest eigenvalue of the scaled gradients at the start, and the step size it implies:");
        eigen("naive start (initial point + " + fmt(d.options().naiveJitter()) + " N(0,1))", d.naiveStart());
        eigen(d.options().initialisation().name().toLowerCase(Locale.ROOT).equals("spread")
                ? "spread start (NUTS trajectory)" : "ensemble start", d.ensembleStart());
        out.println();
        out.println("stages:");
        for (StageReport s : d.stages()) {
            out.printf(Locale.ROOT, "  %-14s %8.3f s  %,12d gradient evaluations%s%n", s.name(), s.seconds(),
                    s.gradientEvaluations(), s.complete() ? "" : "  (stopped at " + s.iterationsDone() + " of "
                            + s.iterationsRequested() + ")");
        }
        out.printf(Locale.ROOT, "  %-14s %8.3f s  %,12d gradient evaluations%n", "total", d.seconds(),
                d.gradientEvaluations());
        OutputTimes t = r.outputTimes();
        if (t != null) {
            out.printf(Locale.ROOT, "after the pipeline: summary %.3f s and Stan CSV files %.3f s (%s: %.3f s), "
                    + "plots %.3f s, summary.csv %.3f s%n", t.summarySeconds(), t.chainFilesSeconds(),
                    csvWhileSampling ? "one after the other" : "side by side",
                    t.summaryAndChainFilesSeconds(), t.plotsSeconds(), t.summaryCsvSeconds());
        }
        if (Double.isFinite(secondsBefore)) {
            out.printf(Locale.ROOT, "before it: %.3f s from the JVM's launch (start-up, settings, data%s)%n",
                    secondsBefore, warmRuns == 0 ? "" : warmRuns == 1 ? ", the warm-up run" : ", the warm-up runs");
        }
        GhmcParameters frozen = d.frozenParameters();
        GhmcParameters kept = d.samplingParameters();
        if (kept != null && r.draws() != null) {
            out.println();
            StringBuilder folds = new StringBuilder();
            for (GhmcParameters p : d.foldParameters()) {
                folds.append(folds.length() == 0 ? "" : ", ").append(fmt(p.stepSize()));
            }
            if (frozen != null) {
                out.printf(Locale.ROOT, "MEADS: sampling with step size %s, alpha %s, delta %s (folds' last step "
                        + "sizes: %s)%n", fmt(frozen.stepSize()), fmt(frozen.alpha()), fmt(frozen.delta()), folds);
            } else {
                out.printf(Locale.ROOT, "MEADS: adaptive sampling, the draws are MEADS iterations (folds' step sizes "
                        + "at the first draw: mean %s; at the last draw: %s)%n", fmt(kept.stepSize()), folds);
            }
            if (!d.escapeEvents().isEmpty()) {
                out.println("escaped chains during MEADS warmup: " + d.escapeEvents().size());
                d.escapeEvents().stream().limit(5).forEach(e -> out.println("  " + e));
            }
        }
        if (summarise && r.draws() != null && r.draws().iterations() >= 4) {
            Summary summary = selection == null ? r.summary() : r.summary(selection);
            out.println();
            out.println("posterior summary (constrained" + (selection == null ? "" : ", " + selection) + "):");
            out.print(summary.table());
            Summary all = r.summary();
            double maxRhat = all.parameters().stream().mapToDouble(p -> p.rhat()).filter(Double::isFinite).max()
                    .orElse(Double.NaN);
            double minBulk = all.parameters().stream().mapToDouble(p -> p.essBulk()).filter(Double::isFinite).min()
                    .orElse(Double.NaN);
            double minTail = all.parameters().stream().mapToDouble(p -> p.essTail()).filter(Double::isFinite).min()
                    .orElse(Double.NaN);
            out.printf(Locale.ROOT, "all %d parameters: max R-hat %.4f, min bulk ESS %.0f, min tail ESS %.0f, "
                    + "min bulk ESS per second %.0f%n", all.parameters().size(), maxRhat, minBulk, minTail,
                    minBulk / d.seconds());
        }
        for (String w : r.warnings()) {
            out.println("warning: " + w);
        }
        out.println();
        out.println("output: " + r.outputFolder() + " (" + describe(r.files()) + ")");
        out.flush();
    }

    private void eigen(String label, ScaledGradientEigenvalue g) {
        if (g == null) {
            return;
        }
        out.printf(Locale.ROOT, "  %-42s lambda_max = %-10s step size = %s%n", label, fmt(g.lambda()),
                fmt(g.stepSize()));
    }

    private static String describe(List<Path> files) {
        long csv = files.stream().filter(f -> f.getFileName().toString().startsWith("chain_")).count();
        long plots = files.stream().filter(f -> f.getFileName().toString().endsWith(".png")
                || f.getFileName().toString().endsWith(".svg")).count();
        List<String> parts = new java.util.ArrayList<>();
        if (csv > 0) {
            parts.add(csv + " Stan CSV file" + (csv > 1 ? "s" : ""));
        }
        for (String name : new String[] {"summary.csv", "report.json"}) {
            if (files.stream().anyMatch(f -> f.getFileName().toString().equals(name))) {
                parts.add(name);
            }
        }
        if (plots > 0) {
            parts.add(plots + " plot" + (plots > 1 ? "s" : ""));
        }
        return String.join(", ", parts);
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3g", v).replace("e+0", "e+").replace("e-0", "e-");
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
