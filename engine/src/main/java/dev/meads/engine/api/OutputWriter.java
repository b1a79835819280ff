package dev.meads.engine.api;

import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.diag.Summary;
import dev.meads.engine.draws.Draws;
import dev.meads.engine.ghmc.DrawListener;
import dev.meads.engine.io.ForestPlot;
import dev.meads.engine.io.MeadsTracePlot;
import dev.meads.engine.io.OutputTimes;
import dev.meads.engine.io.PngImages;
import dev.meads.engine.io.RhatHistogramPlot;
import dev.meads.engine.io.RunFolder;
import dev.meads.engine.io.RunReport;
import dev.meads.engine.io.StanCsvRunInfo;
import dev.meads.engine.io.StanCsvStream;
import dev.meads.engine.io.StanNames;
import dev.meads.engine.io.SvgDocument;
import dev.meads.engine.io.TracePlot;
import dev.meads.engine.meads.MeadsMode;
import dev.meads.engine.meads.MeadsTrace;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.run.MeadsPipeline;
import dev.meads.engine.run.PipelineOptions;
import dev.meads.engine.run.PipelineResult;
import dev.meads.engine.run.StageReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes one run's output folder: the Stan CSV files (on a thread of their own beside the
 * summary, or row by row while sampling when asked), then {@code summary.csv}, the plots and
 * {@code report.json}. Summary and report are written to a temporary file and renamed into
 * place; an existing folder is never replaced unless asked for.
 */
final class OutputWriter {
    static final String SUMMARY = "summary.csv";
    static final String REPORT = "report.json";

    private final RunFolder folder;
    private final OutputOptions options;
    private final StanCsvStream csv;
    private final List<Path> files = new ArrayList<>();
    private OutputTimes times;

    /**
     * Checks the options against the model, then creates the folder (nothing is created when a
     * check fails).
     *
     * @throws IllegalArgumentException for a trace parameter the model does not have, or a
     *                                  model or parameter name a Stan CSV file cannot hold
     */
    OutputWriter(Path path, OutputOptions options, LogDensity density, PipelineOptions pipeline) throws IOException {
        String[] names = density.constrainedNames();
        List<String> known = Arrays.asList(names);
        for (String p : options.traceParameters()) {
            if (!known.contains(p)) {
                throw new IllegalArgumentException("trace parameter '" + p + "' is not a quantity of model "
                        + density.name() + " (" + names.length + " quantities, e.g. " + names[0] + ")");
            }
        }
        StanCsvRunInfo info = null;
        if (options.stanCsv()) {
            for (String n : names) {
                StanNames.toDotted(n); // throws for a name a Stan CSV header cannot hold
            }
            info = StanCsvRunInfo.of(density.name(), 1, pipeline.seed(), pipeline.samplingIterations(),
                            pipeline.meads().iterations())
                    .withThin(pipeline.thin())
                    .withExtra("chains", Integer.toString(pipeline.chains()))
                    .withExtra("meads_folds", Integer.toString(pipeline.meads().folds()))
                    .withExtra("threads", Integer.toString(pipeline.threads()));
            if (pipeline.meads().mode() == MeadsMode.ADAPTIVE) {
                // the adaptation block's step size and metric are then the folds' average at the
                // iteration of the first draw; each row's stepsize__ is its fold's
                info = info.withExtra("meads_mode", pipeline.meads().mode().key());
            }
        }
        this.folder = RunFolder.reserve(path, options.overwrite());
        this.options = options;
        this.csv = info == null ? null
                : new StanCsvStream(folder.path(), info, names, pipeline.chains(), options.csvDigits());
    }

    /**
     * What went wrong, for a message that already names the folder: the JDK's file exceptions
     * carry only a path as their message (or nothing, for an interrupted thread).
     */
    static String reason(IOException e) {
        return reason(e, null);
    }

    /** As {@link #reason(IOException)}, leaving out {@code named} where the exception repeats it. */
    static String reason(IOException e, Path named) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            boolean same = named != null && fs.getOtherFile() == null && fs.getFile() != null
                    && Path.of(fs.getFile()).toAbsolutePath().normalize().equals(named.toAbsolutePath().normalize());
            return same ? fs.getReason() : e.getMessage(); // "path: reason"
        }
        String byType = dev.meads.engine.io.FileErrors.reasonByType(e);
        if (byType != null) {
            return e.getMessage() == null ? byType : byType + ": " + e.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    Path path() {
        return folder.path();
    }

    /**
     * The listener that streams draws to the Stan CSV files, or null when they are off or written
     * afterwards. The folder becomes this run's (an earlier run's files deleted, with overwrite)
     * when sampling starts, not before: a run failing in its warmup leaves the folder as it was.
     */
    DrawListener drawListener() {
        if (!options.csvWhileSampling() || csv == null) {
            return null;
        }
        return new DrawListener() {
            @Override
            public void samplingStarted(dev.meads.engine.ghmc.GhmcParameters parameters) {
                try {
                    folder.claim();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot empty the output folder " + folder.path() + ": "
                            + reason(e), e);
                }
                csv.samplingStarted(parameters);
            }

            @Override
            public boolean chainsConcurrently() {
                return csv.chainsConcurrently();
            }

            @Override
            public void draw(int chain, int iteration, double[] values, double[] sampler) {
                csv.draw(chain, iteration, values, sampler);
            }
        };
    }

    /**
     * A failed run: closes the Stan CSV files without completing them (they keep every complete
     * row), or, when nothing was written yet, leaves the folder as it was before the run.
     */
    void abort() {
        if (csv != null) {
            try {
                csv.close();
            } catch (IOException ignored) {
                // the run is already failing; the files keep every complete row
            }
        }
        folder.release();
    }

    /**
     * Completes the folder from a finished (or interrupted) run: the Stan CSV files and the
     * summary (asked of {@code summary}, which may give null: no summary) side by side, then the
     * plots and, last, {@code report.json} with the time each of these took. Returns the files
     * written.
     *
     * <p>The files' rows are made on a thread of their own while this one computes the summary:
     * in a fresh JVM the summary leaves CPU time unused while the compiler works on its code,
     * and the rows fill it (radon, whole process 1.39 -> 1.32 s against rows written while
     * sampling).
     */
    List<Path> finish(PipelineResult result, Supplier<Summary> summary, String version) throws IOException {
        folder.claim();
        long start = System.nanoTime();
        ChainFiles chainFiles = csv == null ? null : new ChainFiles(result);
        Summary s;
        long summaryDone;
        try {
            if (chainFiles != null && options.csvWhileSampling()) {
                chainFiles.run(); // only completing and closing: the rows are written
            } else if (chainFiles != null) {
                chainFiles.start();
            }
            long summaryStart = System.nanoTime();
            s = summary.get();
            summaryDone = System.nanoTime() - summaryStart;
        } finally {
            if (chainFiles != null) {
                chainFiles.await();
            }
        }
        if (chainFiles != null) {
            chainFiles.rethrow();
            files.addAll(csv.files());
        }
        long bothDone = System.nanoTime();
        if (s != null) {
            Path file = folder.resolve(SUMMARY);
            s.writeCsv(file);
            files.add(file);
        }
        long summaryCsvDone = System.nanoTime();
        if (options.plots() != PlotFormat.NONE) {
            plots(result, s);
        }
        long plotsDone = System.nanoTime();
        times = new OutputTimes(summaryDone / 1e9, chainFiles == null ? 0.0 : chainFiles.seconds,
                seconds(start, bothDone), seconds(bothDone, summaryCsvDone), seconds(summaryCsvDone, plotsDone));
        Path report = folder.resolve(REPORT);
        new RunReport(result, s, times, options.metadata(), version).write(report);
        files.add(report);
        return List.copyOf(files);
    }

    /**
     * The Stan CSV files of a run, completed on a thread of their own ({@link #start}) or on the
     * caller's ({@link #run}): the draw rows (unless they were written while sampling), the
     * elapsed times of a completed run, and closing, which marks an interrupted run's files as
     * such. Whatever fails is kept for {@link #rethrow}, after every file has been closed.
     */
    private final class ChainFiles implements Runnable {
        private final PipelineResult result;
        private Thread thread;
        private Throwable failure;
        private double seconds;

        ChainFiles(PipelineResult result) {
            this.result = result;
        }

        @Override
        public void run() {
            long t0 = System.nanoTime();
            try {
                try {
                    if (!options.csvWhileSampling() && result.draws() != null) {
                        csv.writeDraws(result.draws(), result.samplingParameters());
                    }
                    if (result.completed()) {
                        double[] perChain = perChainSeconds(result);
                        csv.finish(perChain[0], perChain[1]);
                    }
                } finally {
                    csv.close();
                }
            } catch (Throwable e) {
                failure = e;
            }
            seconds = (System.nanoTime() - t0) / 1e9;
        }

        void start() {
            thread = new Thread(this, "meads-chain-files");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the thread, if one was started; an interrupt is kept for the caller to see. */
        void await() {
            if (thread == null) {
                return;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the files must be closed before the folder is reported
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void rethrow() throws IOException {
            switch (failure) {
                case null -> { }
                case UncheckedIOException e -> throw e.getCause();
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IOException(failure);
            }
        }
    }

    /** The times of the last {@link #finish}, or null before it. */
    OutputTimes times() {
        return times;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /**
     * Warmup and sampling CPU-seconds per chain: each stage's wall time times the threads it
     * used, shared over the chains, so that summing over the files (as rstan does) gives the
     * run's CPU-seconds.
     */
    static double[] perChainSeconds(PipelineResult result) {
        int chains = result.options().chains();
        int threads = Math.min(result.options().threads(), chains); // the pipeline's pool has no more
        double warmup = 0;
        double sampling = 0;
        for (StageReport s : result.stages()) {
            boolean ensemble = s.name().equals(MeadsPipeline.MEADS_WARMUP) || s.name().equals(MeadsPipeline.SAMPLING);
            double cpu = s.seconds() * (ensemble ? threads : 1);
            if (s.name().equals(MeadsPipeline.SAMPLING)) {
                sampling += cpu;
            } else {
                warmup += cpu;
            }
        }
        return new double[] {warmup / chains, sampling / chains};
    }

    /** A plot, as the name of its file without extension and its two renderings. */
    private record Plot(String name, Supplier<BufferedImage> png, Supplier<SvgDocument> svg) {
    }

    /**
     * Renders and writes the plots: SVG ones one after the other (they are quick to make), PNG
     * ones several at a time (each is independent).
     */
    private void plots(PipelineResult result, Summary summary) throws IOException {
        List<Plot> plots = new ArrayList<>();
        Draws draws = result.draws();
        if (summary != null && !summary.parameters().isEmpty()) {
            String[] names = new String[summary.parameters().size()];
            double[] rhat = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = summary.parameters().get(i).name();
                rhat[i] = summary.parameters().get(i).rhat();
            }
            var groups = RhatHistogramPlot.groupByBaseName(names, rhat);
            plots.add(new Plot("rhat", () -> RhatHistogramPlot.render(groups, RhatHistogramPlot.DEFAULT_THRESHOLD),
                    () -> RhatHistogramPlot.renderSvg(groups, RhatHistogramPlot.DEFAULT_THRESHOLD)));
        }
        if (draws != null && draws.iterations() > 1) {
            List<String> trace = options.traceParameters().isEmpty()
                    ? Arrays.asList(draws.names()).subList(0, Math.min(4, draws.parameters()))
                    : options.traceParameters();
            plots.add(new Plot("trace", () -> TracePlot.render(draws, trace, 4),
                    () -> TracePlot.renderSvg(draws, trace, 4)));
            if (options.forestGroup() != null) {
                Plot forest = forest(draws, summary);
                if (forest != null) {
                    plots.add(forest);
                }
            }
        }
        MeadsTrace trace = result.meadsTrace();
        if (trace != null && trace.length() > 1) {
            double[][] eps = new double[trace.folds()][];
            double[][] alpha = new double[trace.folds()][];
            for (int k = 0; k < trace.folds(); k++) {
                eps[k] = trace.stepSizes(k);
                alpha[k] = trace.alphas(k);
            }
            // adaptive sampling: its draws are the MEADS iterations after the warmup (the first of
            // every thin)
            int firstKept = result.options().meads().mode() == MeadsMode.ADAPTIVE
                    ? result.options().meads().iterations() + 1 : 0;
            plots.add(new Plot("meads", () -> MeadsTracePlot.render(eps, alpha, firstKept),
                    () -> MeadsTracePlot.renderSvg(eps, alpha, firstKept)));
        }
        if (options.plots() == PlotFormat.SVG) {
            for (Plot p : plots) {
                Path file = folder.resolve(p.name() + "." + PlotFormat.SVG.extension());
                p.svg().get().write(file);
                files.add(file);
            }
            return;
        }
        int threads = Math.max(1, Math.min(plots.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "meads-plots");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Path>> done = new ArrayList<>();
            for (Plot p : plots) {
                done.add(pool.submit(() -> {
                    Path file = folder.resolve(p.name() + "." + PlotFormat.PNG.extension());
                    PngImages.write(p.png().get(), file);
                    return file;
                }));
            }
            for (java.util.concurrent.Future<Path> f : done) {
                files.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing plots", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("cannot draw a plot: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private Plot forest(Draws draws, Summary summary) {
        String prefix = options.forestGroup() + "[";
        List<String> names = new ArrayList<>();
        for (String n : draws.names()) {
            if (n.startsWith(prefix)) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        double reference = Double.NaN;
        String referenceLabel = null;
        if (options.forestReference() != null && summary != null) {
            ParameterSummary ref = summary.get(options.forestReference());
            if (ref != null) {
                reference = ref.mean();
                referenceLabel = options.forestReference() + " (posterior mean)";
            }
        }
        double line = reference;
        String lineLabel = referenceLabel;
        // the summary already holds the quantiles: sorting 64,000 draws per county again took
        // a quarter of a second of the radon run
        List<ForestPlot.Interval> rows = summary != null ? ForestPlot.intervals90(summary, names)
                : ForestPlot.intervals(draws, names, 0.9);
        String title = options.forestGroup() + ": posterior means with 90% intervals, sorted";
        return new Plot("forest", () -> ForestPlot.render(title, options.forestGroup(), rows, "90% interval", line,
                lineLabel), () -> ForestPlot.renderSvg(title, options.forestGroup(), rows, "90% interval", line,
                lineLabel));
    }
}
