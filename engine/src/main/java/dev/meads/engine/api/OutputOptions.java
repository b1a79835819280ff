package dev.meads.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run writes into its output folder besides {@code summary.csv} and
 * {@code report.json}: Stan CSV files (one per chain), plots, and facts for the report.
 *
 * @param stanCsv         write one Stan CSV file per chain
 * @param csvDigits       significant digits of the draws in those files (CmdStan writes 6), or 0
 *                        for full round-trip precision
 * @param csvWhileSampling write the files' rows while sampling (readable during the run, and kept
 *                        up to the last flush if the process is killed) instead of after it,
 *                        beside the summary. After is the default: the sampler then only stores
 *                        draws, and the text is made while the summary runs (a fresh radon
 *                        process: pipeline 0.59 -> 0.42 s, whole process 1.39 -> 1.32 s)
 * @param plots           the format of the plots (R-hat histograms, traces, MEADS traces, forest plot), or
 *                        {@link PlotFormat#NONE}
 * @param overwrite       replace an existing folder that meads wrote earlier
 * @param forestGroup     vector parameter for the forest plot (e.g. {@code alpha}), or null for none
 * @param forestReference scalar drawn as the forest plot's reference line (e.g. {@code mu_alpha}), or null
 * @param traceParameters parameters shown in the trace plot (empty: the first four)
 * @param metadata        facts for the report's "model" section (data source, sizes, priors)
 */
public record OutputOptions(boolean stanCsv, int csvDigits, boolean csvWhileSampling, PlotFormat plots, boolean overwrite, String forestGroup,
                            String forestReference, List<String> traceParameters, Map<String, String> metadata) {

    public OutputOptions {
        if (csvDigits < 0 || csvDigits > 17) {
            throw new IllegalArgumentException("CSV digits must be in [1, 17], or 0 for full precision, got "
                    + csvDigits);
        }
        java.util.Objects.requireNonNull(plots, "plots: use PlotFormat.NONE for none");
        traceParameters = List.copyOf(traceParameters);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Stan CSV (6 significant digits, as CmdStan, written after sampling) and SVG plots on, no
     * overwrite, no forest plot.
     */
    public static OutputOptions defaults() {
        return new OutputOptions(true, 6, false, PlotFormat.SVG, false, null, null, List.of(), Map.of());
    }

    public OutputOptions withStanCsv(boolean on) {
        return new OutputOptions(on, csvDigits, csvWhileSampling, plots, overwrite, forestGroup, forestReference, traceParameters,
                metadata);
    }

    /** Significant digits of the draws in the Stan CSV files; 0 for full round-trip precision. */
    public OutputOptions withCsvDigits(int digits) {
        return new OutputOptions(stanCsv, digits, csvWhileSampling, plots, overwrite, forestGroup, forestReference, traceParameters,
                metadata);
    }

    /** Stan CSV rows written while sampling when {@code on}, after it (beside the summary) otherwise. */
    public OutputOptions withCsvWhileSampling(boolean on) {
        return new OutputOptions(stanCsv, csvDigits, on, plots, overwrite, forestGroup, forestReference,
                traceParameters, metadata);
    }

    /** SVG plots when {@code on}, none otherwise. */
    public OutputOptions withPlots(boolean on) {
        return withPlots(on ? PlotFormat.SVG : PlotFormat.NONE);
    }

    public OutputOptions withPlots(PlotFormat format) {
        return new OutputOptions(stanCsv, csvDigits, csvWhileSampling, format, overwrite, forestGroup, forestReference, traceParameters,
                metadata);
    }

    public OutputOptions withOverwrite(boolean on) {
        return new OutputOptions(stanCsv, csvDigits, csvWhileSampling, plots, on, forestGroup, forestReference, traceParameters,
                metadata);
    }

    /** A forest plot of the elements of {@code group}, with {@code reference}'s posterior mean as a line. */
    public OutputOptions withForest(String group, String reference) {
        return new OutputOptions(stanCsv, csvDigits, csvWhileSampling, plots, overwrite, group, reference, traceParameters, metadata);
    }

    public OutputOptions withTraceParameters(List<String> names) {
        return new OutputOptions(stanCsv, csvDigits, csvWhileSampling, plots, overwrite, forestGroup, forestReference, names, metadata);
    }

    public OutputOptions withMetadata(Map<String, String> facts) {
        return new OutputOptions(stanCsv, csvDigits, csvWhileSampling, plots, overwrite, forestGroup, forestReference, traceParameters,
                facts);
    }
}
