package dev.meads.engine.io;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import dev.meads.engine.ghmc.DrawListener;
import dev.meads.engine.ghmc.GhmcParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the sampling phase to one Stan CSV file per chain: either as the draws are made (as a
 * {@link DrawListener}), so that the files can be read during the run, or afterwards from the
 * stored draws ({@link #writeDraws}), with the same bytes. Either way an interrupted run leaves
 * valid files up to its last complete draw. The adaptation block holds the frozen step size and
 * the inverse metric {@code diag(s²)} of the chains' scale (in adaptive sampling, the folds'
 * averages at the first draw; each row's stepsize__ is then its fold's).
 */
public final class StanCsvStream implements DrawListener, AutoCloseable {
    /** File-name prefix of the chain files: {@code <prefix>_<k>.csv}. */
    public static final String PREFIX = "chain";

    private final Path folder;
    private final StanCsvRunInfo info;
    private final String[] names;
    private final StanCsvWriter[] writers;
    private final int significantDigits;

    /**
     * @param folder where the files go (must exist)
     * @param info   run information; each file gets its own chain id
     * @param names  constrained parameter names (bracket form)
     * @param chains number of chains
     * @param significantDigits digits of the draws (0: full round-trip precision)
     */
    public StanCsvStream(Path folder, StanCsvRunInfo info, String[] names, int chains, int significantDigits) {
        this.significantDigits = significantDigits;
        this.folder = folder;
        this.info = info;
        this.names = names.clone();
        this.writers = new StanCsvWriter[chains];
    }

    @Override
    public synchronized void samplingStarted(GhmcParameters parameters) {
        double[] s = parameters.scale();
        double[] inverseMetric = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            inverseMetric[j] = s[j] * s[j];
        }
        try {
            for (int c = 0; c < writers.length; c++) {
                writers[c] = StanCsvWriter.create(folder.resolve(StanCsvWriter.chainFileName(PREFIX, c + 1)),
                        info.withChainId(c + 1), names, significantDigits);
                writers[c].writeAdaptation(parameters.stepSize(), inverseMetric);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Stan CSV files in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Each chain has its own file, so draws of different chains can be written at once. */
    @Override
    public boolean chainsConcurrently() {
        return true;
    }

    @Override
    public void draw(int chain, int iteration, double[] values, double[] samplerValues) {
        try {
            writers[chain].writeDraw(samplerValues, 0, values, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + writers[chain].path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes finished draws, every iteration they hold, as {@link #samplingStarted} and
     * {@link #draw} would have while sampling: one file after the other, so that each is
     * written out while its rows are still in the cache.
     *
     * @param parameters the sampling phase's parameters (for the adaptation block)
     */
    public void writeDraws(Draws draws, GhmcParameters parameters) {
        if (draws.chains() != writers.length || draws.parameters() != names.length) {
            throw new IllegalArgumentException("draws of " + draws.chains() + " chains x " + draws.parameters()
                    + " parameters for files of " + writers.length + " chains x " + names.length);
        }
        samplingStarted(parameters);
        double[] values = new double[draws.parameters()];
        double[] sampler = new double[SamplerColumn.COUNT];
        SamplerColumn[] columns = SamplerColumn.values();
        for (int c = 0; c < draws.chains(); c++) {
            for (int it = 0; it < draws.iterations(); it++) {
                draws.draw(c, it, values, 0);
                for (SamplerColumn col : columns) {
                    sampler[col.ordinal()] = draws.sampler(c, it, col);
                }
                draw(c, it, values, sampler);
            }
        }
    }

    /**
     * Completes every file with its elapsed-time block. Times are per chain: a share of the
     * ensemble's wall time times the threads used, so that summing over files (as rstan does)
     * gives the CPU-seconds of the run.
     */
    public synchronized void finish(double warmupSecondsPerChain, double samplingSecondsPerChain) throws IOException {
        for (StanCsvWriter w : writers) {
            if (w != null) {
                w.finish(warmupSecondsPerChain, samplingSecondsPerChain);
            }
        }
    }

    /** The files written so far. */
    public synchronized List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (StanCsvWriter w : writers) {
            if (w != null) {
                out.add(w.path());
            }
        }
        return out;
    }

    /** Closes every file; unfinished ones are marked interrupted and stay readable. */
    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (StanCsvWriter w : writers) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
