package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files in CmdStan's and rstan's layouts (hand-made resources) and damaged files. */
class StanCsvReaderTest {
    private static final String[] CMDSTAN_NAMES = {"mu", "tau", "theta[1]", "theta[2]", "z[1,1]", "z[2,1]", "z[1,2]",
        "z[2,2]"};
    /** The five draws of cmdstan_chain_1.csv, parameters only. */
    private static final double[][] CHAIN_1 = {
        {4.39218, 2.91847, 6.10582, 3.47415, 0.612345, -0.31267, 1.2e-05, -2.5},
        {1.07335, 6.43728, 12.9031, -3.21084, 1.8765, 0.00412, -0.99981, 0.5},
        {7.01992, 1.30562, 7.31004, 8.11267, -0.2233, 0.71234, 1.41421, -1},
        {-2.58011, 12.0066, 21.7734, -9.90214, 2.23, -1.7782, 0.1, 0},
        {3.3, 4.4, 5.5, 6.6, 0.77, -0.88, 0.99, -1.11},
    };

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path out = dir.resolve(name);
        try (InputStream in = StanCsvReaderTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " missing");
            }
            Files.copy(in, out);
        }
        return out;
    }

    private static void assertChain1(Draws d, int chain) {
        assertArrayEquals(CMDSTAN_NAMES, d.names());
        for (int i = 0; i < CHAIN_1.length; i++) {
            double[] row = new double[CMDSTAN_NAMES.length];
            d.draw(chain, i, row, 0);
            assertArrayEquals(CHAIN_1[i], row, 0.0, "draw " + i);
        }
    }

    @Test
    void readsCmdStanFile() throws IOException {
        StanCsvRead read = StanCsvReader.read(resource("cmdstan_chain_1.csv"));
        assertEquals(List.of(), read.warnings());
        Draws d = read.draws();
        assertEquals(1, d.chains());
        assertEquals(5, d.iterations());
        assertChain1(d, 0);
        assertEquals(-7.30639, d.sampler(0, 0, SamplerColumn.LP));
        assertEquals(0.950814, d.sampler(0, 0, SamplerColumn.ACCEPT_STAT));
        assertEquals(0.377268, d.sampler(0, 0, SamplerColumn.STEPSIZE));
        assertEquals(3, d.sampler(0, 0, SamplerColumn.TREEDEPTH));
        assertEquals(15, d.sampler(0, 1, SamplerColumn.N_LEAPFROG));
        assertEquals(1, d.sampler(0, 3, SamplerColumn.DIVERGENT));
        assertEquals(9.90017, d.sampler(0, 4, SamplerColumn.ENERGY));

        StanCsvChain c = read.chains().get(0);
        assertEquals(1, c.chainId());
        assertEquals(0.377268, c.stepSize());
        assertArrayEquals(new double[] {10.6421, 13.5311, 28.6612, 30.1257, 0.908142, 1.04378, 0.977612, 1.10235},
                c.inverseMetricDiagonal());
        assertEquals(0.021, c.warmupSeconds());
        assertEquals(0.012, c.samplingSeconds());
        assertEquals("5", c.config().get("num_samples"));
        assertEquals("nuts", c.config().get("engine"), "(Default) mark removed");
        assertEquals("eight_schools.data.json", c.config().get("file"), "first occurrence of a repeated key");
        assertEquals("", c.config().get("stancflags"));
        assertEquals(15, c.columns().size());
        assertEquals("theta.1", c.columns().get(9));
    }

    @Test
    void saveWarmupRowsAreDropped() throws IOException {
        StanCsvRead read = StanCsvReader.read(resource("cmdstan_warmup_1.csv"));
        assertEquals(List.of(), read.warnings());
        assertEquals(5, read.draws().iterations());
        assertChain1(read.draws(), 0);
        assertEquals(3, read.chains().get(0).warmupRows());
        assertEquals(0.950814, read.draws().sampler(0, 0, SamplerColumn.ACCEPT_STAT));
    }

    @Test
    void saveWarmupWithThinningDropsCeilingOfWarmupOverThin() throws IOException {
        StanCsvRead read = StanCsvReader.read(resource("cmdstan_warmup_thin2.csv"));
        assertEquals(List.of(), read.warnings(), "num_samples = 10 with thin = 2 announces the 5 rows present");
        assertEquals(3, read.chains().get(0).warmupRows());
        assertChain1(read.draws(), 0);
    }

    @Test
    void readsRstanStyleFileWithQuotesSpecialsAndMidComments() throws IOException {
        StanCsvRead read = StanCsvReader.read(resource("rstan_style_1.csv"));
        assertEquals(List.of(), read.warnings());
        Draws d = read.draws();
        assertArrayEquals(new String[] {"alpha[1]", "alpha[2]", "sigma_y", "y_rep[1]"}, d.names());
        assertEquals(3, d.iterations());
        assertEquals(1.23456789012345, d.value(0, 0, 0));
        assertEquals(Double.POSITIVE_INFINITY, d.value(0, 0, 3));
        assertEquals(Double.NEGATIVE_INFINITY, d.value(0, 1, 3));
        assertTrue(Double.isNaN(d.value(0, 2, 3)), "R's NA reads as NaN");
        assertEquals(-119.25, d.sampler(0, 2, SamplerColumn.LP));
        StanCsvChain c = read.chains().get(0);
        assertEquals(0.237, c.stepSize());
        assertArrayEquals(new double[] {0.18, 0.17, 0.0021, 1}, c.inverseMetricDiagonal());
        assertEquals(1e-4, c.warmupSeconds(), "R's %g writes exponents; they are read");
        assertEquals(0.34, c.samplingSeconds());
    }

    /**
     * A file from rstan's {@code sampling(..., sample_file=)} with its default save_warmup:
     * rstan names the counts {@code warmup} and {@code iter}, not CmdStan's {@code num_warmup}
     * and {@code num_samples} (iter = 700, warmup = 200, thin = 3: ceil(200/3) = 67 warmup rows,
     * ceil(500/3) = 167 draws). Its metric has 8 elements for the 11 columns (a transformed
     * parameter and two generated quantities), which is no reason for a warning.
     */
    @Test
    void readsRstanSampleFileWithWarmupRows() throws IOException {
        StanCsvRead read = StanCsvReader.read(resource("rstan_sample_file_thin3_1.csv"));
        assertEquals(List.of(), read.warnings());
        Draws d = read.draws();
        assertEquals(167, d.iterations());
        assertEquals(List.of("mu", "sigma", "A[1,1]", "A[2,1]", "A[1,2]", "A[2,2]", "A[1,3]", "A[2,3]", "tau", "y",
                "k"), List.of(d.names()));
        int mu = d.indexOf("mu");
        assertEquals(1.37269, d.value(0, 0, mu)); // the first row after the adaptation block
        assertEquals(-1.70829, d.value(0, 166, mu)); // the file's last row
        assertEquals(0.314536, d.sampler(0, 0, SamplerColumn.STEPSIZE));
    }

    /** Comments stripped by some tool: the rows before the adaptation block are still warmup. */
    @Test
    void rowsBeforeTheAdaptationBlockAreWarmupWithoutComments() throws IOException {
        Path f = dir.resolve("stripped.csv");
        List<String> kept = Files.readAllLines(resource("rstan_sample_file_thin3_1.csv")).stream()
                .filter(l -> !l.matches("#\\s*\\w+=.*")).toList();
        Files.write(f, kept);
        StanCsvRead read = StanCsvReader.read(f);
        assertEquals(167, read.draws().iterations());
        assertEquals(1, read.warnings().size(), read.warnings().toString());
        assertTrue(read.warnings().get(0).contains("67 rows precede"), read.warnings().get(0));
    }

    @Test
    void compressedEncodedOrRepeatedFilesAreNamedAsSuch() throws IOException {
        Path gz = dir.resolve("chain.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(resource("cmdstan_chain_1.csv")));
        }
        String text = Files.readString(dir.resolve("cmdstan_chain_1.csv"));
        StanCsvFormatException compressed = assertThrows(StanCsvFormatException.class, () -> StanCsvReader.read(gz));
        assertTrue(compressed.getMessage().contains("gzip"), compressed.getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, ("# model = caf\u00e9\n" + text).getBytes(StandardCharsets.ISO_8859_1));
        StanCsvFormatException encoding = assertThrows(StanCsvFormatException.class, () -> StanCsvReader.read(latin1));
        assertTrue(encoding.getMessage().contains("not UTF-8"), encoding.getMessage());
        Path bom = dir.resolve("bom.csv");
        Files.writeString(bom, "\uFEFF" + text);
        assertChain1(StanCsvReader.read(bom).draws(), 0);
        Path chain = resource("cmdstan_chain_2.csv");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> StanCsvReader.read(List.of(chain, dir.resolve(".").resolve("cmdstan_chain_2.csv"))));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
    }

    @Test
    void severalFilesOfDifferentLengthsAreCutToTheShortest() throws IOException {
        StanCsvRead read = StanCsvReader.read(List.of(resource("cmdstan_chain_1.csv"), resource("cmdstan_chain_2.csv")));
        Draws d = read.draws();
        assertEquals(2, d.chains());
        assertEquals(4, d.iterations());
        assertEquals(4.39218, d.value(0, 0, 0));
        assertEquals(-2.58011, d.value(0, 3, 0));
        assertEquals(5.5, d.value(1, 0, 0));
        assertEquals(0.412211, d.sampler(1, 0, SamplerColumn.STEPSIZE));
        assertEquals(2, read.chains().get(1).chainId());
        assertEquals(5, read.chains().get(0).draws(), "the chain record tells how many draws the file had");
        String all = String.join("\n", read.warnings());
        assertTrue(all.contains("cmdstan_chain_2.csv: 4 post-warmup draws, but num_samples = 5"), all);
        assertTrue(all.contains("different numbers of draws (cmdstan_chain_1.csv: 5, cmdstan_chain_2.csv: 4)"), all);
        assertTrue(all.contains("cut to the shortest, 4"), all);
    }

    @Test
    void samplerColumnsAreOptional() throws IOException {
        Path f = dir.resolve("minimal.csv");
        Files.writeString(f, "# thin = 1\nlp__,a,b.1\n-1,2,3\n-4,5,6\n");
        StanCsvRead read = StanCsvReader.read(f);
        Draws d = read.draws();
        assertArrayEquals(new String[] {"a", "b[1]"}, d.names());
        assertEquals(-4, d.sampler(0, 1, SamplerColumn.LP));
        assertTrue(Double.isNaN(d.sampler(0, 1, SamplerColumn.ENERGY)));
        assertEquals(6, d.value(0, 1, 1));
    }

    @Test
    void cutMidRowKeepsTheCompleteRows() throws IOException {
        byte[] whole = Files.readAllBytes(resource("cmdstan_chain_1.csv"));
        String text = new String(whole, StandardCharsets.US_ASCII);
        int lastRowStart = text.indexOf("-8.01233");
        int lastRowEnd = text.indexOf('\n', lastRowStart);
        // Every cut inside the fifth row, from its first character to just before its newline.
        for (int k = lastRowStart + 1; k <= lastRowEnd; k++) {
            int cut = k;
            Path f = dir.resolve("cut_" + cut + ".csv");
            Files.write(f, Arrays.copyOf(whole, cut));
            StanCsvRead read = StanCsvReader.read(f);
            Draws d = read.draws();
            assertEquals(4, d.iterations(), "cut at byte " + cut);
            assertEquals(-2.58011, d.value(0, 3, 0));
            assertEquals(1, read.warnings().stream().filter(w -> w.contains("interrupted write")).count(),
                    () -> "cut at byte " + cut + ": " + read.warnings());
        }
        // Cut right after the newline: five complete rows, no interrupted-write warning.
        Path f = dir.resolve("cut_clean.csv");
        Files.write(f, Arrays.copyOf(whole, lastRowEnd + 1));
        StanCsvRead clean = StanCsvReader.read(f);
        assertEquals(5, clean.draws().iterations());
        assertTrue(clean.warnings().stream().noneMatch(w -> w.contains("interrupted write")));
    }

    @Test
    void shortRowWithLineEndAtTheEndIsSkippedElsewhereAnError() throws IOException {
        Path last = dir.resolve("short_last.csv");
        Files.writeString(last, "lp__,a,b\n1,2,3\n4,5\n");
        StanCsvRead read = StanCsvReader.read(last);
        assertEquals(1, read.draws().iterations());
        assertTrue(read.warnings().get(0).contains(":3: expected 3 values, found 2"), read.warnings()::toString);

        Path middle = dir.resolve("short_middle.csv");
        Files.writeString(middle, "lp__,a,b\n1,2,3\n4,5\n6,7,8\n");
        StanCsvFormatException e = assertThrows(StanCsvFormatException.class, () -> StanCsvReader.read(middle));
        assertEquals(3, e.line());
        assertEquals(middle, e.file());
        assertTrue(e.getMessage().startsWith(middle + ":3: expected 3 values, found 2"), e.getMessage());

        Path extra = dir.resolve("long_middle.csv");
        Files.writeString(extra, "lp__,a,b\n1,2,3,9\n6,7,8\n");
        StanCsvFormatException e2 = assertThrows(StanCsvFormatException.class, () -> StanCsvReader.read(extra));
        assertEquals(2, e2.line());
        assertTrue(e2.problem().contains("found more"), e2.problem());
    }

    @Test
    void errorsNameFileLineAndProblem() throws IOException {
        Path bad = dir.resolve("bad_number.csv");
        Files.writeString(bad, "# comment\nlp__,a\n1,2\n3,x7\n5,6\n");
        StanCsvFormatException e = assertThrows(StanCsvFormatException.class, () -> StanCsvReader.read(bad));
        assertEquals(bad + ":4: cannot read 'x7' as a number (column 'a')", e.getMessage());

        Path noHeader = dir.resolve("no_header.csv");
        Files.writeString(noHeader, "# only\n# comments\n\n");
        StanCsvFormatException e2 = assertThrows(StanCsvFormatException.class, () -> StanCsvReader.read(noHeader));
        assertTrue(e2.getMessage().contains("no header line"), e2.getMessage());

        Path dupColumn = dir.resolve("dup.csv");
        Files.writeString(dupColumn, "lp__,a,a\n1,2,3\n");
        StanCsvFormatException e3 = assertThrows(StanCsvFormatException.class, () -> StanCsvReader.read(dupColumn));
        assertEquals(1, e3.line());
        assertTrue(e3.problem().contains("'a' appears twice"), e3.problem());

        Path warmupNoCount = dir.resolve("warmup_no_count.csv");
        Files.writeString(warmupNoCount, "# save_warmup = 1\nlp__,a\n1,2\n");
        StanCsvFormatException e4 = assertThrows(StanCsvFormatException.class,
                () -> StanCsvReader.read(warmupNoCount));
        assertTrue(e4.problem().contains("no num_warmup"), e4.problem());

        Path other = dir.resolve("other_columns.csv");
        Files.writeString(other, "lp__,a,c\n1,2,3\n");
        Path first = dir.resolve("first_columns.csv");
        Files.writeString(first, "lp__,a,b\n1,2,3\n");
        StanCsvFormatException e5 = assertThrows(StanCsvFormatException.class,
                () -> StanCsvReader.read(List.of(first, other)));
        assertEquals(other, e5.file());
        assertTrue(e5.problem().contains("parameter 2 is 'c', expected 'b'"), e5.problem());
    }

    @Test
    void valuesAsJavaCppAndRWriteThem() {
        assertEquals(Double.POSITIVE_INFINITY, StanCsvReader.parseValue("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, StanCsvReader.parseValue("-Infinity"));
        assertEquals(Double.POSITIVE_INFINITY, StanCsvReader.parseValue("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, StanCsvReader.parseValue("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, StanCsvReader.parseValue("Inf"));
        assertTrue(Double.isNaN(StanCsvReader.parseValue("nan")));
        assertTrue(Double.isNaN(StanCsvReader.parseValue("-nan")));
        assertTrue(Double.isNaN(StanCsvReader.parseValue("NA")));
        assertEquals(1e-5, StanCsvReader.parseValue("1.0E-5"));
        assertEquals(1e-5, StanCsvReader.parseValue("1e-05"));
        assertThrows(NumberFormatException.class, () -> StanCsvReader.parseValue("-NA"));
        assertThrows(NumberFormatException.class, () -> StanCsvReader.parseValue(""));
    }
}
