package dev.meads.engine.diag;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.simd.Kernels;
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
    /** Quantities copied out of the draws per sweep (16 doubles = two cache lines per draw row). */
    private static final int EXTRACTION_BLOCK = 16;

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
        for (int p : parameters) {
            if (p < 0 || p >= draws.parameters()) {
                throw new IllegalArgumentException("parameter index " + p + " outside 0.." + (draws.parameters() - 1));
            }
        }
        Diagnostics diagnostics = new Diagnostics();
        int block = Math.min(EXTRACTION_BLOCK, Math.max(1, parameters.length));
        double[][] columns = new double[block][chains * iterations];
        List<ParameterSummary> rows = new ArrayList<>(parameters.length);
        for (int start = 0; start < parameters.length; start += block) {
            int count = Math.min(block, parameters.length - start);
            extract(draws, parameters, start, count, columns);
            for (int b = 0; b < count; b++) {
                int p = parameters[start + b];
                rows.add(diagnostics.summarise(draws.name(p), columns[b], chains, iterations));
            }
        }
        return new Summary(rows, SamplerStatistics.of(draws));
    }

    /**
     * Every quantity of {@code draws}, summarised on the workers of {@code pool} (each worker
     * takes a contiguous range of parameters with its own scratch); same rows as {@link #of(Draws)}.
     */
    public static Summary of(Draws draws, dev.meads.engine.parallel.WorkerPool pool) {
        return of(draws, pool, () -> false);
    }

    /**
     * As {@link #of(Draws, dev.meads.engine.parallel.WorkerPool)}, but gives up when
     * {@code cancelled} turns true (polled between quantities): then null.
     */
    public static Summary of(Draws draws, dev.meads.engine.parallel.WorkerPool pool,
                             java.util.function.BooleanSupplier cancelled) {
        int chains = draws.chains();
        int iterations = draws.iterations();
        int n = draws.parameters();
        ParameterSummary[] rows = new ParameterSummary[n];
        int[] all = new int[n];
        for (int p = 0; p < n; p++) {
            all[p] = p;
        }
        Kernels kernels = Kernels.get(); // this thread's choice, for the workers too
        // once asked to stop, stopped: a check that turns false again (Thread::interrupted) must
        // not let some workers fill their rows and leave the others' empty
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.BooleanSupplier stop = () -> {
            if (!stopped.get() && cancelled.getAsBoolean()) {
                stopped.set(true);
            }
            return stopped.get();
        };
        pool.forEachRange(n, EXTRACTION_BLOCK, (worker, from, to) -> {
            Diagnostics diagnostics = new Diagnostics(kernels, -1);
            double[][] columns = new double[EXTRACTION_BLOCK][chains * iterations];
            for (int start = from; start < to; start += EXTRACTION_BLOCK) {
                int count = Math.min(EXTRACTION_BLOCK, to - start);
                extract(draws, all, start, count, columns);
                for (int b = 0; b < count && !stop.getAsBoolean(); b++) {
                    rows[start + b] = diagnostics.summarise(draws.name(start + b), columns[b], chains, iterations);
                }
            }
        });
        if (stop.getAsBoolean()) {
            return null;
        }
        return new Summary(List.of(rows), SamplerStatistics.of(draws));
    }

    /** The rows picked by {@code selection} (see {@link ParameterSelection}) out of this summary's rows. */
    public Summary select(String selection) {
        String[] names = new String[parameters.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = parameters.get(i).name();
        }
        List<ParameterSummary> picked = new ArrayList<>();
        for (int i : ParameterSelection.select(selection, names)) {
            picked.add(parameters.get(i));
        }
        return new Summary(picked, sampler);
    }

    /**
     * Copies {@code count} quantities into chain-major columns in one sweep over the draws. Draws
     * are stored draw by draw, so one quantity's values lie a whole row apart: taking several
     * quantities per sweep reads each row's cache lines once instead of once per quantity.
     */
    private static void extract(Draws draws, int[] parameters, int start, int count, double[][] columns) {
        int chains = draws.chains();
        int iterations = draws.iterations();
        for (int c = 0; c < chains; c++) {
            for (int i = 0; i < iterations; i++) {
                int k = c * iterations + i;
                for (int b = 0; b < count; b++) {
                    columns[b][k] = draws.value(c, i, parameters[start + b]);
                }
            }
        }
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
