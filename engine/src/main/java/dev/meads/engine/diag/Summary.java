package dev.meads.engine.diag;

import dev.meads.engine.draws.Draws;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A posterior summary: one {@link ParameterSummary} per selected quantity (on the draws as given,
 * i.e. constrained values when the draws hold them) and the sampler-statistics block.
 *
 * @param parameters the rows, in selection order
 * @param sampler    the statistics shown under the table (null: none)
 */
public record Summary(List<ParameterSummary> parameters, SamplerStatistics sampler) {

    public Summary {
        parameters = List.copyOf(parameters);
    }

    /** Every quantity of {@code draws}, with its sampler statistics. */
    public static Summary of(Draws draws) {
        int[] all = new int[draws.parameters()];
        for (int p = 0; p < all.length; p++) {
            all[p] = p;
        }
        return of(draws, all);
    }

    /**
     * The quantities picked by {@code selection} (see {@link ParameterSelection}: {@code theta[1:5]},
     * {@code theta}, {@code sigma_y}, comma-separated lists), with the sampler statistics.
     *
     * @throws IllegalArgumentException for an unknown name, suggesting the nearest known one
     */
    public static Summary of(Draws draws, String selection) {
        return of(draws, ParameterSelection.select(selection, draws.names()));
    }

    /** The quantities at indices {@code parameters} of {@code draws}, with the sampler statistics. */
    public static Summary of(Draws draws, int[] parameters) {
        int chains = draws.chains();
        int iterations = draws.iterations();
        Diagnostics diagnostics = new Diagnostics();
        double[] column = new double[chains * iterations];
        List<ParameterSummary> rows = new ArrayList<>(parameters.length);
        for (int p : parameters) {
            if (p < 0 || p >= draws.parameters()) {
                throw new IllegalArgumentException("parameter index " + p + " outside 0.." + (draws.parameters() - 1));
            }
            column = draws.parameter(p, column);
            rows.add(diagnostics.summarise(draws.name(p), column, chains, iterations));
        }
        return new Summary(rows, SamplerStatistics.of(draws));
    }

    /** The same rows with another sampler block (e.g. with caller-supplied lines added). */
    public Summary withSampler(SamplerStatistics statistics) {
        return new Summary(parameters, statistics);
    }

    /** The row called {@code name}, or null. */
    public ParameterSummary get(String name) {
        for (ParameterSummary row : parameters) {
            if (row.name().equals(name)) {
                return row;
            }
        }
        return null;
    }

    /** The aligned text table with the sampler block underneath. */
    public String table() {
        return SummaryTable.render(this);
    }

    /** Writes summary.csv-style output to {@code file} atomically (see {@link SummaryCsv}). */
    public void writeCsv(Path file) throws IOException {
        SummaryCsv.write(file, parameters);
    }
}
