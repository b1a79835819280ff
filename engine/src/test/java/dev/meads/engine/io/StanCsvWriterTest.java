package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StanCsvWriterTest {
    private static final String[] NAMES = {"theta[1]", "theta[2]", "y[1,2]", "sigma_y"};

    @TempDir
    Path dir;

    /** Draws with awkward values: specials, subnormals, huge and tiny magnitudes, integers. */
    private static Draws awkwardDraws(int chains, int iterations) {
        Draws d = new Draws(NAMES, chains, iterations);
        SplittableRandom r = new SplittableRandom(20240601);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, 1e-300, 123456789012345678.0, 3.0, -7.0,
            0.1, 1.0 / 3.0, 1e15, 999999999999999.0};
        int k = 0;
        for (int c = 0; c < chains; c++) {
            for (int i = 0; i < iterations; i++) {
                for (int p = 0; p < NAMES.length; p++) {
                    double v = (k % 3 == 0) ? specials[(k / 3) % specials.length]
                            : r.nextGaussian() * Math.exp(r.nextDouble(-30, 30));
                    d.setValue(c, i, p, v);
                    k++;
                }
                d.setSampler(c, i, SamplerColumn.LP, -100 * r.nextDouble());
                d.setSampler(c, i, SamplerColumn.ACCEPT_STAT, r.nextDouble());
                d.setSampler(c, i, SamplerColumn.STEPSIZE, 0.25 + c);
                d.setSampler(c, i, SamplerColumn.TREEDEPTH, 1 + i % 5);
                d.setSampler(c, i, SamplerColumn.N_LEAPFROG, (1 << (1 + i % 5)) - 1);
                d.setSampler(c, i, SamplerColumn.DIVERGENT, i % 7 == 0 ? 1 : 0);
                d.setSampler(c, i, SamplerColumn.ENERGY, 100 * r.nextDouble());
            }
        }
        return d;
    }

    private static void assertSameBits(double expected, double actual, String where) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> where + ": expected " + expected + ", got " + actual);
    }

    @Test
    void rowCountsOfLargeThinningDoNotOverflow() {
        StanCsvRunInfo info = StanCsvRunInfo.of("m", 1, 1, 2_147_483_000, 0).withThin(2_147_483);
        assertEquals(1000, info.expectedRows());
        assertEquals(1, StanCsvRunInfo.of("m", 1, 1, Integer.MAX_VALUE, 0).withThin(Integer.MAX_VALUE).expectedRows());
    }

    @Test
    void writeThenReadGivesIdenticalDraws() throws IOException {
        Draws d = awkwardDraws(3, 40);
        StanCsvRunInfo info = StanCsvRunInfo.of("radon", 1, 12345L, 40, 200).withExtra("folds", "4");
        StanCsvWriter.Adaptation[] adapt = new StanCsvWriter.Adaptation[3];
        for (int c = 0; c < 3; c++) {
            adapt[c] = new StanCsvWriter.Adaptation(0.1 + c / 3.0, new double[] {1.5, 2.0 / 3, 1e-7, 4});
        }
        List<Path> files = StanCsvWriter.writeAll(dir, "draws", d, info, adapt, 1.2345, 0.00015);
        assertEquals(List.of(dir.resolve("draws_1.csv"), dir.resolve("draws_2.csv"), dir.resolve("draws_3.csv")),
                files);

        StanCsvRead read = StanCsvReader.read(files);
        assertEquals(List.of(), read.warnings());
        Draws back = read.draws();
        assertArrayEquals(NAMES, back.names());
        assertEquals(3, back.chains());
        assertEquals(40, back.iterations());
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 40; i++) {
                for (int p = 0; p < NAMES.length; p++) {
                    assertSameBits(d.value(c, i, p), back.value(c, i, p), "chain " + c + " draw " + i + " " + NAMES[p]);
                }
                for (SamplerColumn col : SamplerColumn.values()) {
                    assertSameBits(d.sampler(c, i, col), back.sampler(c, i, col), "chain " + c + " draw " + i + " " + col);
                }
            }
            StanCsvChain chain = read.chains().get(c);
            assertEquals(c + 1, chain.chainId());
            assertSameBits(0.1 + c / 3.0, chain.stepSize(), "step size");
            assertArrayEquals(new double[] {1.5, 2.0 / 3, 1e-7, 4}, chain.inverseMetricDiagonal());
            assertEquals(1.2345, chain.warmupSeconds());
            assertEquals(0.00015, chain.samplingSeconds());
            assertEquals("radon", chain.config().get("model"));
            assertEquals("12345", chain.config().get("seed"));
            assertEquals("4", chain.config().get("folds"));
            assertEquals("ghmc", chain.config().get("engine"));
            assertEquals(0, chain.warmupRows());
            assertEquals(40, chain.draws());
        }
    }

    @Test
    void fileFollowsCmdStanLayout() throws IOException {
        Draws d = awkwardDraws(1, 2);
        StanCsvRunInfo info = StanCsvRunInfo.of("irt_2pl", 1, 7L, 2, 1000);
        Path f = StanCsvWriter.writeAll(dir, "irt", d, info,
                new StanCsvWriter.Adaptation[] {new StanCsvWriter.Adaptation(0.237, new double[] {0.18, 0.17, 1, 2})},
                2.737, 1.806).get(0);
        List<String> lines = Files.readAllLines(f);
        int header = lines.indexOf("lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,"
                + "theta.1,theta.2,y.1.2,sigma_y");
        assertTrue(header > 0, "header line present");
        List<String> config = lines.subList(0, header);
        assertTrue(config.stream().allMatch(l -> l.startsWith("#")));
        for (String expected : new String[] {"num_samples = 2", "num_warmup = 1000", "save_warmup = 0", "thin = 1",
            "model = irt_2pl", "algorithm = hmc", "seed = 7", "metric = diag_e"}) {
            assertTrue(config.stream().anyMatch(l -> l.matches("#\\s+" + expected.replace(".", "\\."))),
                    () -> "config line '# " + expected + "' in " + config);
        }
        assertTrue(config.contains("# id = 1"));
        assertEquals("# Adaptation terminated", lines.get(header + 1));
        assertEquals("# Step size = 0.237", lines.get(header + 2));
        assertEquals("# Diagonal elements of inverse mass matrix:", lines.get(header + 3));
        assertEquals("# 0.18, 0.17, 1, 2", lines.get(header + 4));
        assertFalse(lines.get(header + 5).startsWith("#"));
        assertFalse(lines.get(header + 6).startsWith("#"));
        assertEquals(List.of("#", "#  Elapsed Time: 2.737 seconds (Warm-up)", "#                1.806 seconds (Sampling)",
                "#                4.543 seconds (Total)", "#"), lines.subList(header + 7, lines.size()));
        // integral sampler values as integers, as CmdStan writes them
        String[] row = lines.get(header + 5).split(",");
        assertEquals(7 + NAMES.length, row.length);
        assertEquals("1", row[3]);
        assertEquals("1", row[4]);
        assertEquals("1", row[5]);
    }

    @Test
    void elapsedTimesArePlainDecimals() {
        assertEquals("0.00015", StanCsvWriter.seconds(1.5e-4));
        assertEquals("0", StanCsvWriter.seconds(0));
        assertEquals("0.000001", StanCsvWriter.seconds(1e-6));
        assertEquals("12345.5", StanCsvWriter.seconds(12345.5));
        assertEquals("10000000", StanCsvWriter.seconds(1e7));
        assertEquals("2.737", StanCsvWriter.seconds(2.737));
        assertThrows(IllegalArgumentException.class, () -> StanCsvWriter.seconds(-1));
        assertThrows(IllegalArgumentException.class, () -> StanCsvWriter.seconds(Double.NaN));
    }

    @Test
    void numbersRoundTripAndIntegersStayShort() {
        double[] values = {0.0, -0.0, 1.0, -3.0, 1e15, 1e15 - 1, 0.1, Double.MIN_VALUE, Double.NaN,
            Double.NEGATIVE_INFINITY, Math.PI, 1e-5};
        String[] text = {"0", "-0.0", "1", "-3", "1.0E15", "999999999999999", "0.1", "4.9E-324", "NaN", "-Infinity",
            "3.141592653589793", "1.0E-5"};
        for (int k = 0; k < values.length; k++) {
            ByteText sb = new ByteText(16);
            StanCsvWriter.appendNumber(sb, values[k]);
            assertEquals(text[k], sb.toString());
            assertSameBits(values[k], StanCsvReader.parseValue(sb.toString()), text[k]);
        }
    }

    @Test
    void rowsReachTheFileWhileSampling() throws IOException {
        Path f = dir.resolve("live.csv");
        double[] sampler = new double[SamplerColumn.COUNT];
        double[] params = {1, 2, 3, 4};
        try (StanCsvWriter w = StanCsvWriter.create(f, StanCsvRunInfo.of("m", 1, 1, 10, 10), NAMES, 0, 0)) {
            w.writeAdaptation(0.5, new double[] {1, 1, 1, 1});
            for (int i = 0; i < 3; i++) {
                params[0] = i;
                w.writeDraw(sampler, 0, params, 0);
            }
            // Not finished: another reader sees the three rows already.
            StanCsvRead live = StanCsvReader.read(f);
            assertEquals(3, live.draws().iterations());
            assertEquals(2.0, live.draws().value(0, 2, 0));
            assertTrue(live.warnings().stream().anyMatch(s -> s.contains("num_samples = 10")), live.warnings()::toString);
        }
    }

    @Test
    void firstRowsAreWrittenSoonThenInGrowingBatches() throws IOException {
        // Default settings (flush at 64 KiB or after a second): the first batch goes out at 4 KiB,
        // each later one at twice the last, up to 64 KiB. Rows of about 60 bytes here.
        Path f = dir.resolve("batches.csv");
        double[] sampler = {-1.5, 0.8, 0.33, 1, 1, 0, 2.5};
        double[] params = {0.123456, -1.23456, 12.3456, 0.0123456};
        List<Long> sizes = new java.util.ArrayList<>();
        try (StanCsvWriter w = StanCsvWriter.create(f, StanCsvRunInfo.of("m", 1, 1, 6000, 10), NAMES, 6)) {
            w.writeAdaptation(0.5, new double[] {1, 1, 1, 1});
            long header = Files.size(f);
            for (int i = 0; i < 6000; i++) {
                params[0] = 0.1 + i * 1e-4;
                w.writeDraw(sampler, 0, params, 0);
                long size = Files.size(f) - header;
                if (size > 0 && (sizes.isEmpty() || size != sizes.get(sizes.size() - 1))) {
                    sizes.add(size);
                }
            }
        }
        // Each write hands over what was buffered: a little over 4, 8, 16, 32, 64, 64, ... KiB.
        long before = 0;
        for (int k = 0; k < 6; k++) {
            long batch = sizes.get(k) - before;
            long threshold = Math.min(1 << 16, 4096L << k);
            assertTrue(batch >= threshold && batch < threshold + 200, "write " + k + ": " + batch + " bytes, "
                    + "expected just over " + threshold + " (" + sizes + ")");
            before = sizes.get(k);
        }
    }

    @Test
    void closingEarlyLeavesAReadableFile() throws IOException {
        Path f = dir.resolve("stopped.csv");
        Draws d = awkwardDraws(1, 5);
        StanCsvWriter w = StanCsvWriter.create(f, StanCsvRunInfo.of("m", 1, 1, 100, 10), NAMES);
        w.writeAdaptation(0.5, new double[] {1, 1, 1, 1});
        for (int i = 0; i < 5; i++) {
            w.writeDraw(d, 0, i);
        }
        w.close();
        w.close();
        List<String> lines = Files.readAllLines(f);
        assertEquals("# Interrupted: 5 of 100 draws written", lines.get(lines.size() - 1));
        StanCsvRead read = StanCsvReader.read(f);
        assertEquals(5, read.draws().iterations());
        assertSameBits(d.value(0, 4, 1), read.draws().value(0, 4, 1), "last draw");
        assertTrue(read.warnings().stream().anyMatch(s -> s.contains("closed before sampling finished")));
        assertTrue(read.warnings().stream().anyMatch(s -> s.contains("5 post-warmup draws")));
        assertThrows(IllegalStateException.class, () -> w.writeDraw(d, 0, 0));
    }

    @Test
    void misuseIsRejected() throws IOException {
        Path f = dir.resolve("x.csv");
        Draws d = awkwardDraws(1, 3);
        try (StanCsvWriter w = StanCsvWriter.create(f, StanCsvRunInfo.of("m", 1, 1, 2, 10), NAMES)) {
            assertThrows(IllegalArgumentException.class, () -> w.writeAdaptation(0.5, new double[0]));
            w.writeDraw(d, 0, 0);
            assertThrows(IllegalStateException.class, () -> w.writeAdaptation(0.5, new double[] {1, 1, 1, 1}));
            assertThrows(IllegalStateException.class, () -> w.finish(1, 1), "one row short");
            w.writeDraw(d, 0, 1);
            IllegalStateException tooMany = assertThrows(IllegalStateException.class, () -> w.writeDraw(d, 0, 2));
            assertTrue(tooMany.getMessage().contains("num_samples = 2"));
            w.finish(1, 1);
            assertThrows(IllegalStateException.class, () -> w.writeDraw(d, 0, 0));
        }
        assertThrows(FileAlreadyExistsException.class,
                () -> StanCsvWriter.create(f, StanCsvRunInfo.of("m", 1, 1, 2, 10), NAMES));
        assertThrows(IllegalArgumentException.class,
                () -> StanCsvWriter.create(dir.resolve("dup.csv"), StanCsvRunInfo.of("m", 1, 1, 2, 10),
                        new String[] {"a[1]", "a.1"}));
        assertThrows(IllegalArgumentException.class,
                () -> StanCsvWriter.create(dir.resolve("res.csv"), StanCsvRunInfo.of("m", 1, 1, 2, 10),
                        new String[] {"energy__"}));
        assertFalse(Files.exists(dir.resolve("dup.csv")), "bad names are caught before the file is created");
    }

    @Test
    void thinnedRunsExpectFewerRows() throws IOException {
        StanCsvRunInfo info = StanCsvRunInfo.of("m", 1, 1, 5, 10).withThin(2);
        assertEquals(3, info.expectedRows());
        Draws d = awkwardDraws(1, 3);
        Path f = StanCsvWriter.writeAll(dir, "thin", d, info, null, 0.5, 0.5).get(0);
        StanCsvRead read = StanCsvReader.read(f);
        assertEquals(List.of(), read.warnings());
        assertEquals(3, read.draws().iterations());
        assertTrue(Double.isNaN(read.chains().get(0).stepSize()), "no adaptation block written");
    }
}
