package dev.meads.engine.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.io.StanCsvRead;
import dev.meads.engine.io.StanCsvReader;
import dev.meads.engine.meads.MeadsMode;
import dev.meads.engine.testing.DiagonalGaussian;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public builder: validation, results by name, determinism, the output folder. */
class MeadsSamplerTest {
    private static final DiagonalGaussian TARGET = new DiagonalGaussian(new double[] {1, -2, 0.5},
            new double[] {0.5, 2, 1});

    private static MeadsSampler small() {
        return MeadsSampler.forModel(TARGET).chains(16).warmup(200).draws(200).nuts(100, 40).spread(10, 0.05)
                .threads(1).seed(5);
    }

    @Test
    void builderRejectsBadValuesWithClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> small().chains(1));
        assertThrows(IllegalArgumentException.class, () -> small().draws(0));
        assertThrows(IllegalArgumentException.class, () -> small().threads(0));
        assertThrows(IllegalArgumentException.class, () -> small().folds(0));
        assertThrows(IllegalArgumentException.class, () -> small().spread(0, 0.05));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small().chains(18).run());
        assertTrue(e.getMessage().contains("divisible by 4"), e.getMessage());
        // folds and chains may be set in either order
        assertEquals(3, small().folds(3).chains(18).settings().meads().folds());
    }

    @Test
    void drawsByNameAndSummary() {
        SamplingResult r = small().run();
        assertTrue(r.completed());
        double[][] x2 = r.draws("x[2]");
        assertEquals(16, x2.length);
        assertEquals(200, x2[0].length);
        assertEquals(-2, r.mean("x[2]"), 0.3);
        assertEquals(3, r.summary().parameters().size());
        assertEquals(1, r.summary("x[1]").parameters().size());
        assertEquals(r.summary().get("x[3]"), r.summary("x[3]").get("x[3]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.draws("y[1]"));
        assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
        assertTrue(r.samplerStatistics().meanAcceptStat() > 0.5);
    }

    @Test
    void thinningThroughTheBuilder() {
        SamplingResult every = small().run();
        SamplingResult thinned = small().draws(50).thin(4).run();
        double[][] a = every.draws("x[2]");
        double[][] t = thinned.draws("x[2]");
        assertEquals(50, t[0].length);
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < 50; i++) {
                assertEquals(a[c][4 * i], t[c][i], 0.0, "chain " + c + ", kept draw " + i);
            }
        }
        assertEquals(4, small().thin(4).settings().thin());
        assertThrows(IllegalArgumentException.class, () -> small().thin(0));
    }

    @Test
    void adaptiveSamplingThroughTheBuilder() {
        SamplingResult r = small().mode(MeadsMode.ADAPTIVE).run();
        assertTrue(r.completed());
        assertEquals(MeadsMode.ADAPTIVE, small().mode(MeadsMode.ADAPTIVE).settings().meads().mode());
        assertEquals(1, r.mean("x[1]"), 0.15);
        assertEquals(-2, r.mean("x[2]"), 0.6);
        assertEquals(0.75, r.samplerStatistics().meanLeapfrogSteps(), 1e-12, "one fold of four stands still");
        assertTrue(r.samplerStatistics().meanAcceptStat() > 0.5, "over the transitions made");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small().folds(1).mode(MeadsMode.ADAPTIVE));
        assertTrue(e.getMessage().contains("at least 2 folds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> small().mode(MeadsMode.ADAPTIVE).folds(1));
        assertThrows(NullPointerException.class, () -> small().mode(null));
    }

    @Test
    void sameSeedSameDraws() {
        SamplingResult first = small().threads(1).run();
        SamplingResult second = small().threads(2).run();
        assertEquals(first.details().pipelinesBefore() + 1, second.details().pipelinesBefore(),
                "each run counts the pipelines before it in this JVM");
        double[][] a = first.draws("x[1]");
        double[][] b = second.draws("x[1]");
        for (int c = 0; c < a.length; c++) {
            assertArrayEquals(a[c], b[c], 0.0);
        }
    }

    @Test
    void outputFolderHoldsEveryFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run1");
        SamplingResult r = small().output(out, OutputOptions.defaults().withMetadata(Map.of("data", "synthetic")))
                .run();
        assertEquals(out, r.outputFolder());
        dev.meads.engine.io.OutputTimes times = r.outputTimes();
        for (String f : List.of("summary.csv", "report.json", "rhat.svg", "trace.svg", "meads.svg", "chain_1.csv",
                "chain_16.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(List.of("rhat.svg", "trace.svg", "meads.svg"), r.files().stream().map(p -> p.getFileName()
                .toString()).filter(n -> !n.endsWith(".csv") && !n.endsWith(".json")).toList(), "SVG by default");
        StanCsvRead back = StanCsvReader.read(List.of(out.resolve("chain_1.csv"), out.resolve("chain_2.csv")));
        assertEquals(200, back.draws().iterations());
        double v = r.draws().value(1, 17, 2);
        assertEquals(v, back.draws().value(1, 17, 2), 1e-5 * Math.abs(v), "6 significant digits by default");
        Path exact = tmp.resolve("exact");
        r.writeTo(exact, OutputOptions.defaults().withCsvDigits(0).withPlots(false));
        StanCsvRead full = StanCsvReader.read(exact.resolve("chain_2.csv"));
        assertEquals(v, full.draws().value(0, 17, 2), 0.0, "full precision round trip");
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"completed\": true"), report.substring(0, 200));
        assertTrue(report.contains("\"data\": \"synthetic\""));
        assertTrue(report.contains("\"sampling_damping\": 0.5"), "the sampling phase's damping factor is reported");
        assertTrue(report.contains("\"pipelines_before\": " + r.details().pipelinesBefore() + "\n"), report);
        java.util.regex.Matcher alone = java.util.regex.Pattern.compile("\"sections_alone_while_compiling\": (\\d+)")
                .matcher(report);
        List<Long> reported = new java.util.ArrayList<>();
        while (alone.find()) {
            reported.add(Long.parseLong(alone.group(1)));
        }
        assertEquals(r.details().stages().stream().map(dev.meads.engine.run.StageReport::sectionsAlone).toList(),
                reported, "each stage reports how many of its sections ran alone while the JIT compiled");
        // what came after the pipeline, timed in the result and the report alike; the files and
        // the summary are made side by side, so together they take at most the sum of the two
        assertTrue(times.summarySeconds() > 0 && times.plotsSeconds() > 0 && times.chainFilesSeconds() > 0
                && times.summaryCsvSeconds() > 0, times.toString());
        assertTrue(times.summaryAndChainFilesSeconds() >= Math.max(times.summarySeconds(), times.chainFilesSeconds())
                && times.summaryAndChainFilesSeconds() <= times.summarySeconds() + times.chainFilesSeconds() + 0.05,
                times.toString());
        assertTrue(report.contains("\"after_pipeline\": {\n    \"summary_seconds\": " + times.summarySeconds()
                + ",\n    \"chain_files_seconds\": " + times.chainFilesSeconds()
                + ",\n    \"summary_and_chain_files_seconds\": " + times.summaryAndChainFilesSeconds()), report);
        assertTrue(report.contains("\"plots_seconds\": " + times.plotsSeconds()), report);
        // never overwritten without asking
        assertThrows(java.io.UncheckedIOException.class, () -> small().output(out, OutputOptions.defaults()).run());
        small().output(out, OutputOptions.defaults().withOverwrite(true)).run();
    }

    @Test
    void cancelledRunLeavesAnIncompleteButReadableFolder(@TempDir Path tmp) throws Exception {
        for (boolean whileSampling : new boolean[] {false, true}) {
            Path out = tmp.resolve("stopped-" + whileSampling);
            AtomicInteger polls = new AtomicInteger();
            int stopAt = 100 + 40 + 200 + 30;
            SamplingResult r = small().output(out, OutputOptions.defaults().withPlots(false)
                            .withCsvWhileSampling(whileSampling))
                    .cancellation(() -> polls.incrementAndGet() > stopAt).run();
            assertFalse(r.completed());
            assertEquals(30, r.draws().iterations());
            StanCsvRead back = StanCsvReader.read(out.resolve("chain_3.csv"));
            assertEquals(30, back.draws().iterations());
            assertTrue(Files.readString(out.resolve("chain_16.csv")).endsWith("# Interrupted: 30 of 200 draws written\n"),
                    "rows " + (whileSampling ? "while sampling" : "afterwards"));
            assertTrue(Files.readString(out.resolve("report.json")).contains("\"completed\": false"));
            assertTrue(Files.exists(out.resolve("summary.csv")));
        }
    }

    /**
     * Rows written while sampling and rows written afterwards from the stored draws are the same
     * bytes; only the elapsed times, measured in each run, differ.
     */
    @Test
    void csvRowsAreTheSameWhileSamplingOrAfter(@TempDir Path tmp) throws Exception {
        Path after = tmp.resolve("after");
        Path during = tmp.resolve("during");
        small().threads(2).output(after, OutputOptions.defaults().withPlots(false)).run();
        small().threads(2).output(during, OutputOptions.defaults().withPlots(false).withCsvWhileSampling(true)).run();
        for (int c = 1; c <= 16; c++) {
            String name = "chain_" + c + ".csv";
            List<String> a = Files.readAllLines(after.resolve(name));
            List<String> b = Files.readAllLines(during.resolve(name));
            assertEquals(200 + 1, a.stream().filter(l -> !l.startsWith("#")).count(), name + ": header and rows");
            assertEquals(a.stream().filter(l -> !l.contains("seconds")).toList(),
                    b.stream().filter(l -> !l.contains("seconds")).toList(), name);
        }
    }

    /**
     * A model that reports more quantities than it samples (here x and exp(x) per coordinate, as
     * a non-centred model reports its centred parameters) writes its files, the metric line
     * with one element per sampled coordinate, as CmdStan's, and reads back.
     */
    @Test
    void aModelReportingMoreQuantitiesThanItSamplesWritesItsFiles(@TempDir Path tmp) throws Exception {
        dev.meads.engine.model.LogDensity withExp = new dev.meads.engine.model.LogDensity() {
            @Override
            public int dimension() {
                return TARGET.dimension();
            }

            @Override
            public String[] parameterNames() {
                return TARGET.parameterNames();
            }

            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                return TARGET.logDensityAndGradient(x, xOff, grad, gOff);
            }

            @Override
            public String[] constrainedNames() {
                return new String[] {"x[1]", "x[2]", "x[3]", "e[1]", "e[2]", "e[3]"};
            }

            @Override
            public void constrain(double[] x, int xOff, double[] out, int outOff) {
                for (int j = 0; j < 3; j++) {
                    out[outOff + j] = x[xOff + j];
                    out[outOff + 3 + j] = Math.exp(x[xOff + j]);
                }
            }
        };
        for (boolean whileSampling : new boolean[] {false, true}) {
            Path out = tmp.resolve("run-" + whileSampling);
            SamplingResult r = MeadsSampler.forModel(withExp).chains(16).warmup(100).draws(50).nuts(60, 30)
                    .threads(1).seed(5)
                    .output(out, OutputOptions.defaults().withPlots(false).withCsvWhileSampling(whileSampling)).run();
            StanCsvRead read = StanCsvReader.read(out.resolve("chain_1.csv"));
            assertEquals(List.of(), read.warnings());
            assertEquals(6, read.draws().parameters());
            assertEquals(3, read.chains().get(0).inverseMetricDiagonal().length);
            assertEquals(Math.exp(r.draws("x[2]")[0][7]), read.draws().value(0, 7, 4), 1e-5);
        }
    }

    /** A failure while writing the files afterwards reaches the caller, naming the file. */
    @Test
    void csvFailureAfterSamplingIsReported(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("blocked");
        // the folder exists from the start; while sampling, before any file is written, a
        // directory takes the first file's name
        AtomicInteger polls = new AtomicInteger();
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> small()
                .output(out, OutputOptions.defaults().withPlots(false))
                .cancellation(() -> {
                    if (polls.incrementAndGet() == 100 + 40 + 200 + 5) {
                        try {
                            Files.createDirectory(out.resolve("chain_1.csv"));
                        } catch (java.io.IOException io) {
                            throw new java.io.UncheckedIOException(io);
                        }
                    }
                    return false;
                }).run());
        assertTrue(e.getMessage().contains("chain_1.csv"), e.getMessage());
    }

    /**
     * The NUTS start's kernels can be set apart from the run's: with plain loops for the run and
     * the JVM's kernels for NUTS, the start is bit for bit the one of a run on the JVM's kernels
     * and the ensemble's draws are not (its element-wise updates round differently). On 20
     * coordinates the two kernel sets differ within NUTS' first steps.
     */
    @Test
    void nutsStartKernelsAreChosenApartFromTheRun() {
        double[] mean = new double[20];
        double[] sd = new double[20];
        for (int j = 0; j < 20; j++) {
            mean[j] = 0.3 * j - 2;
            sd[j] = 0.2 + 0.15 * j;
        }
        DiagonalGaussian target = new DiagonalGaussian(mean, sd);
        java.util.function.Supplier<MeadsSampler> base = () -> MeadsSampler.forModel(target).chains(16).warmup(60)
                .draws(40).nuts(80, 30).threads(1).seed(11);
        SamplingResult jvm = base.get().run();
        SamplingResult mixed = base.get().scalarKernels(true).scalarNutsKernels(false).run();
        SamplingResult plain = base.get().scalarKernels(true).run();
        SamplingResult plainNuts = base.get().scalarNutsKernels(true).run();
        boolean vector = dev.meads.engine.simd.Kernels.vectorised();
        assertEquals(vector, jvm.details().nutsOnVectorKernels());
        assertEquals(vector, mixed.details().nutsOnVectorKernels());
        assertFalse(plain.details().nutsOnVectorKernels());
        assertFalse(plainNuts.details().nutsOnVectorKernels());
        assertEquals(jvm.details().nutsWarmup().stepSize(), mixed.details().nutsWarmup().stepSize(), 0.0);
        assertArrayEquals(jvm.details().trajectory().positions(), mixed.details().trajectory().positions(), 0.0);
        assertArrayEquals(plain.details().trajectory().positions(), plainNuts.details().trajectory().positions(), 0.0);
        if (vector) {
            assertTrue(jvm.details().nutsWarmup().stepSize() != plain.details().nutsWarmup().stepSize(),
                    "plain loops round differently, so the NUTS start differs");
            assertTrue(differ(jvm, mixed, 20), "the ensemble ran on the plain loops");
        }
    }

    private static boolean differ(SamplingResult a, SamplingResult b, int d) {
        for (int c = 0; c < a.draws().chains(); c++) {
            for (int t = 0; t < a.draws().iterations(); t++) {
                for (int j = 0; j < d; j++) {
                    if (a.draws().value(c, t, j) != b.draws().value(c, t, j)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
