package dev.meads.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run writes into its output folder besides {@code summary.csv} and
 * {@code report.json}: Stan CSV files (one per chain), plots, and facts for the report.
 *
 * @param stanCsv         write one Stan CSV file per chain, row by row while sampling
 * @param csvDigits       significant digits of the draws in those files (CmdStan writes 6), or 0
 *                        for full round-trip precision
 * @param plots           the format of the plots (R-hat histograms, traces, MEADS traces, forest plot), or
 *                        {@link PlotFormat#NONE}
 * @param overwrite       replace an existing folder that meads wrote earlier
 * @param forestGroup     vector parameter for the forest plot (e.g. {@code alpha}), or null for none
 * @param forestReference scalar drawn as the forest plot's reference line (e.g. {@code mu_alpha}), or null
 * @param traceParameters parameters shown in the trace plot (empty: the first four)
 * @param metadata        facts for the report's "model" section (data source, sizes, priors)
 */
public record OutputOptions(boolean stanCsv, int csvDigits, PlotFormat plots, boolean overwrite, String forestGroup,
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

    /** Stan CSV (6 significant digits, as CmdStan) and SVG plots on, no overwrite, no forest plot. */
    public static OutputOptions defaults() {
        return new OutputOptions(true, 6, PlotFormat.SVG, false, null, null, List.of(), Map.of());
    }

    public OutputOptions withStanCsv(boolean on) {
        return new OutputOptions(on, csvDigits, plots, overwrite, forestGroup, forestReference, traceParameters,
                metadata);
    }

    /** Significant digits of the draws in the Stan CSV files; 0 for full round-trip precision. */
    public OutputOptions withCsvDigits(int digits) {
        return new OutputOptions(stanCsv, digits, plots, overwrite, forestGroup, forestReference, traceParameters,
                metadata);
    }

    /** SVG plots when {@code on}, none otherwise. */
    public OutputOptions withPlots(boolean on) {
        return withPlots(on ? PlotFormat.SVG : PlotFormat.NONE);
    }

    public OutputOptions withPlots(PlotFormat format) {
        return new OutputOptions(stanCsv, csvDigits, format, overwrite, forestGroup, forestReference, traceParameters,
                metadata);
    }

    public OutputOptions withOverwrite(boolean on) {
        return new OutputOptions(stanCsv, csvDigits, plots, on, forestGroup, forestReference, traceParameters,
                metadata);
    }

    /** A forest plot of the elements of {@code group}, with {@code reference}'s posterior mean as a line. */
    public OutputOptions withForest(String group, String reference) {
        return new OutputOptions(stanCsv, csvDigits, plots, overwrite, group, reference, traceParameters, metadata);
    }

    public OutputOptions withTraceParameters(List<String> names) {
        return new OutputOptions(stanCsv, csvDigits, plots, overwrite, forestGroup, forestReference, names, metadata);
    }

    public OutputOptions withMetadata(Map<String, String> facts) {
        return new OutputOptions(stanCsv, csvDigits, plots, overwrite, forestGroup, forestReference, traceParameters,
                facts);
    }
}
