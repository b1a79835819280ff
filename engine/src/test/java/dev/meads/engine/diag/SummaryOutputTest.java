package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Summary from Draws, number formatting, the text table, the sampler block and summary.csv. */
class SummaryOutputTest {

    /** 4 chains x 200 draws of: a[1], a[2], a[3] ~ N(k, 1), sigma ~ lognormal, flat = 2, and sampler columns. */
    private static Draws draws() {
        String[] names = {"a[1]", "a[2]", "a[3]", "sigma", "flat"};
        Draws d = new Draws(names, 4, 200);
        SplittableRandom r = new SplittableRandom(42);
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 200; i++) {
                for (int k = 0; k < 3; k++) {
                    d.setValue(c, i, k, k + 1 + r.nextGaussian());
                }
                d.setValue(c, i, 3, Math.exp(0.2 * r.nextGaussian()));
                d.setValue(c, i, 4, 2.0);
                d.setSampler(c, i, SamplerColumn.ACCEPT_STAT, 0.8);
                d.setSampler(c, i, SamplerColumn.STEPSIZE, 0.5 + 0.1 * c);
                d.setSampler(c, i, SamplerColumn.TREEDEPTH, 3);
                d.setSampler(c, i, SamplerColumn.N_LEAPFROG, 7);
                d.setSampler(c, i, SamplerColumn.DIVERGENT, (c == 1 && i < 4) ? 1 : 0);
            }
        }
        return d;
    }

    @Test
    void summaryRowsMatchDiagnosticsOnEachColumn() {
        Draws d = draws();
        Summary s = Summary.of(d);
        assertEquals(5, s.parameters().size());
        Diagnostics diag = new Diagnostics();
        for (int p = 0; p < 5; p++) {
            double[] y = d.parameter(p, null);
            ParameterSummary row = s.parameters().get(p);
            assertEquals(d.name(p), row.name());
            assertEquals(diag.summarise(d.name(p), y, 4, 200), row);
            if (p < 4) {
                assertEquals(diag.rhat(y, 4, 200), row.rhat(), 1e-12);
                assertEquals(diag.essBulk(y, 4, 200), row.essBulk(), 1e-9);
                assertEquals(diag.essTail(y, 4, 200), row.essTail(), 1e-9);
                assertEquals(diag.mcseMean(y, 4, 200), row.mcseMean(), 1e-12);
                assertEquals(diag.quantile(y, 4, 200, 0.05), row.q5());
                assertEquals(diag.quantile(y, 4, 200, 0.5), row.median());
                assertEquals(diag.quantile(y, 4, 200, 0.95), row.q95());
            }
        }
        assertTrue(s.get("flat").constant());
        assertNull(s.get("nope"));
        Summary subset = Summary.of(d, "a[2:3],sigma");
        assertEquals(List.of("a[2]", "a[3]", "sigma"), subset.parameters().stream().map(ParameterSummary::name).toList());
        assertEquals(s.get("a[3]"), subset.get("a[3]"));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(d, "sigmaa"));
    }

    @Test
    void manyQuantitiesAreExtractedInBlocksWithoutMixingThemUp() {
        int count = 37; // more than two extraction blocks, not a multiple of the block size
        String[] names = new String[count];
        for (int p = 0; p < count; p++) {
            names[p] = "x[" + (p + 1) + "]";
        }
        Draws d = new Draws(names, 3, 40);
        SplittableRandom r = new SplittableRandom(5);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 40; i++) {
                for (int p = 0; p < count; p++) {
                    d.setValue(c, i, p, 10 * p + r.nextGaussian());
                }
            }
        }
        Summary s = Summary.of(d, "x[30:37],x[2],x");
        assertEquals(count, s.parameters().size());
        Diagnostics diag = new Diagnostics();
        for (ParameterSummary row : s.parameters()) {
            int p = d.indexOf(row.name());
            assertEquals(diag.summarise(row.name(), d.parameter(p, null), 3, 40), row);
            assertEquals(10 * p, row.mean(), 1.0);
        }
        assertEquals("x[30]", s.parameters().get(0).name());
        assertEquals("x[2]", s.parameters().get(8).name());
        assertEquals("x[1]", s.parameters().get(9).name());
    }

    @Test
    void drawsWithoutIterationsGiveNaNRows() {
        Summary s = Summary.of(new Draws(new String[] {"a", "b"}, 4, 0));
        assertEquals(2, s.parameters().size());
        assertTrue(Double.isNaN(s.get("a").mean()) && Double.isNaN(s.get("a").rhat()));
        assertTrue(s.table().contains("4 chains x 0 iterations"), s.table());
    }

    @Test
    void samplerStatisticsFromDrawsAndCaller() {
        SamplerStatistics st = SamplerStatistics.of(draws());
        assertEquals(0.8, st.meanAcceptStat(), 1e-12);
        assertEquals(4, st.divergences());
        assertEquals(0.65, st.meanStepSize(), 1e-12);
        assertEquals(0.5, st.minChainStepSize(), 1e-12);
        assertEquals(0.8, st.maxChainStepSize(), 1e-12);
        assertEquals(3, st.meanTreeDepth(), 1e-12);
        assertEquals(7, st.meanLeapfrogSteps(), 1e-12);
        assertEquals(7 * 800, st.totalLeapfrogSteps());
        String block = SummaryTable.samplerBlock(st.with("gradient evaluations", 123456L).with("MEADS alpha", 0.012345678));
        String expected = """
                sampler
                  draws                 4 chains x 200 iterations
                  mean accept_stat      0.800
                  divergences           4 (0.50%)
                  step size             0.650 (chains 0.500 .. 0.800)
                  mean tree depth       3.00
                  mean leapfrog steps   7.00 (total 5600)
                  gradient evaluations  123456
                  MEADS alpha           0.01235
                """;
        assertEquals(expected, block);
    }

    @Test
    void samplerBlockLeavesOutColumnsNobodyFilled() {
        Draws d = new Draws(new String[] {"x"}, 2, 10);
        String block = SummaryTable.samplerBlock(SamplerStatistics.of(d));
        assertEquals("sampler\n  draws  2 chains x 10 iterations\n", block);
    }

    @Test
    void significantDigits() {
        assertEquals("0.0123", SignificantFormat.format(0.0123456, 3));
        assertEquals("12346", SignificantFormat.format(12345.6, 3));
        assertEquals("1.20", SignificantFormat.format(1.2, 3));
        assertEquals("-0.500", SignificantFormat.format(-0.5, 3));
        assertEquals("10.0", SignificantFormat.format(9.996, 3));
        assertEquals("1.00", SignificantFormat.format(0.99996, 3));
        assertEquals("1.23e-05", SignificantFormat.format(1.23456e-5, 3));
        assertEquals("2.5e+20", SignificantFormat.format(2.5e20, 2));
        assertEquals("0", SignificantFormat.format(0.0, 3));
        assertEquals("NaN", SignificantFormat.format(Double.NaN, 3));
        assertEquals("Inf", SignificantFormat.format(Double.POSITIVE_INFINITY, 3));
        assertEquals("-Inf", SignificantFormat.integer(Double.NEGATIVE_INFINITY));
        assertEquals("1.003", SignificantFormat.fixed(1.00349, 3));
        assertEquals("3841", SignificantFormat.integer(3840.6));
    }

    private static ParameterSummary row(String name, double mean, double sd, double rhat) {
        return new ParameterSummary(name, mean, sd, mean, mean - 2 * sd, mean + 2 * sd, sd / 30, 1234.4, 987.6,
                rhat, false);
    }

    @Test
    void tableIsAlignedWithNaNWrittenOut() {
        List<ParameterSummary> rows = List.of(
                row("alpha[1]", 1.2345, 0.5, 1.0012),
                row("alpha[10]", -12.25, 3.0, 1.0301),
                row("sigma_y", 0.0123, 0.0011, 0.9996),
                new ParameterSummary("flat", 2, 0, 2, 2, 2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true));
        String table = SummaryTable.table(rows);
        String expected = """
                name           mean       sd    median        q5      q95  mcse_mean  ess_bulk  ess_tail   rhat
                alpha[1]     1.23    0.500      1.23      0.234    2.23      0.017        1234       988  1.001
                alpha[10]  -12.3     3.00     -12.3     -18.3     -6.25      0.10         1234       988  1.030
                sigma_y      0.0123  0.00110    0.0123    0.0101   0.0145    3.7e-05      1234       988  1.000
                flat         2.00    0          2.00      2.00     2.00          NaN       NaN       NaN    NaN
                """;
        assertEquals(expected, table);
        String notes = SummaryTable.notes(rows);
        assertTrue(notes.contains("constant draws, R-hat and ESS undefined: flat"), notes);
        assertTrue(notes.contains("R-hat > 1.01 for 1 of 4 (max 1.030): alpha[10]"), notes);
    }

    @Test
    void fullRenderingHasTableNotesAndSamplerBlock() {
        Summary s = Summary.of(draws());
        String text = s.table();
        String[] lines = text.split("\n");
        assertTrue(lines[0].startsWith("name") && lines[0].endsWith("rhat"), lines[0]);
        assertTrue(lines[1].startsWith("a[1] "), lines[1]);
        assertTrue(text.contains("NaN: constant draws, R-hat and ESS undefined: flat\n"), text);
        assertTrue(text.contains("\n\nsampler\n  draws "), text);
        // Every table line has the same length: the columns line up.
        int width = lines[0].length();
        for (int i = 1; i <= 5; i++) {
            assertEquals(width, lines[i].length(), "line " + i + ": " + lines[i]);
        }
        assertFalse(text.contains(" \n"), "no trailing spaces");
    }

    @Test
    void csvContent(@TempDir Path dir) throws IOException {
        List<ParameterSummary> rows = List.of(
                new ParameterSummary("alpha[1]", 0.5, 0.25, 0.49, 0.1, 0.9, 0.004, 2501.5, 1999.25, 1.0025, false),
                new ParameterSummary("Omega[1,2]", -1e-7, 2.5e-8, 0, -1, 1, 1e-9, 100, 90, 1.5, false),
                new ParameterSummary("flat", 2, 0, 2, 2, 2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true),
                new ParameterSummary("wild", Double.POSITIVE_INFINITY, Double.NaN, 1, Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false));
        Path file = dir.resolve("summary.csv");
        SummaryCsv.write(file, rows);
        String expected = """
                name,mean,sd,mcse_mean,q5,q50,q95,ess_bulk,ess_tail,rhat
                alpha[1],0.5,0.25,0.004,0.1,0.49,0.9,2501.5,1999.25,1.0025
                "Omega[1,2]",-1.0E-7,2.5E-8,1.0E-9,-1.0,0.0,1.0,100.0,90.0,1.5
                flat,2.0,0.0,NaN,2.0,2.0,2.0,NaN,NaN,NaN
                wild,Inf,NaN,NaN,-Inf,1.0,Inf,NaN,NaN,NaN
                """;
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
        // Numbers read back exactly.
        String[] fields = Files.readAllLines(file).get(1).split(",");
        assertEquals(1.0025, Double.parseDouble(fields[9]));
        // Rewriting replaces the file and leaves no temporary behind.
        SummaryCsv.write(file, rows.subList(0, 1));
        assertEquals(2, Files.readAllLines(file).size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        // Ordinary permissions (umask), not the owner-only ones of a JDK temporary file.
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        }
    }

    @Test
    void csvFromSummaryCreatesFolders(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run/out/summary.csv");
        Summary s = Summary.of(draws(), "a");
        s.writeCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(SummaryCsv.HEADER, lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("a[1],"));
        assertNotNull(s.get("a[3]"));
        assertEquals(s.get("a[2]").essBulk(), Double.parseDouble(lines.get(2).split(",")[7]));
    }
}
