package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.draws.Draws;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plots render headless to PNG files of the expected size, with their reference lines and
 * series colours present. (Readability was checked by eye while developing.)
 */
class PlotsTest {
    @TempDir
    Path dir;

    /** Writes the image, reads the file back, checks size bounds; returns what was read. */
    private BufferedImage roundTrip(BufferedImage img, String name, int width, int height) throws IOException {
        Path f = dir.resolve(name);
        PngImages.write(img, f);
        long bytes = Files.size(f);
        assertTrue(bytes > 5_000 && bytes < 3_000_000, name + " has " + bytes + " bytes");
        BufferedImage back = ImageIO.read(f.toFile());
        assertEquals(width, back.getWidth(), name + " width");
        assertEquals(height, back.getHeight(), name + " height");
        return back;
    }

    private static int count(BufferedImage img, Color c) {
        int rgb = c.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage img) {
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void rendersHeadlessWithJniTextLayout() {
        RhatHistogramPlot.render(Map.of("x", new double[] {1.0, 1.001}), 1.01);
        assertTrue(java.awt.GraphicsEnvironment.isHeadless());
        // unless the JVM was started with a choice of its own (the build passes none)
        assertEquals("false", System.getProperty("sun.font.layout.ffm"));
    }

    @Test
    void rhatHistogramsOnePanelPerGroupWithThresholdLine() throws IOException {
        String[] names = PlotFixtures.irtNames();
        double[] rhat = PlotFixtures.rhatValues();
        Map<String, double[]> groups = RhatHistogramPlot.groupByBaseName(names, rhat);
        assertEquals(List.of("theta", "a", "b"), new ArrayList<>(groups.keySet()));
        assertEquals(100, groups.get("theta").length);
        assertEquals(rhat[100], groups.get("a")[0]);

        BufferedImage img = roundTrip(RhatHistogramPlot.render(groups, 1.01), "rhat.png", 3 * 460, 34 + 340);
        assertTrue(count(img, ChartStyle.THRESHOLD) > 3 * 50, "threshold line drawn in all three panels");
        assertTrue(distinctColours(img) > 20);

        // a single value and an all-NaN group still give a panel each
        Map<String, double[]> four = new LinkedHashMap<>(groups);
        four.put("sigma", new double[] {1.0004});
        four.put("lp", new double[] {Double.NaN, Double.NaN});
        roundTrip(RhatHistogramPlot.render(four, 1.01), "rhat5.png", 3 * 460, 34 + 2 * 340);
    }

    @Test
    void forestPlotSortsAndScalesWithRows() throws IOException {
        int counties = 85;
        String[] names = new String[counties];
        for (int j = 0; j < counties; j++) {
            names[j] = "alpha[" + (j + 1) + "]";
        }
        Draws d = new Draws(names, 2, 200);
        SplittableRandom r = new SplittableRandom(5);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 200; i++) {
                for (int j = 0; j < counties; j++) {
                    d.setValue(c, i, j, 1.4 + 0.01 * j + 0.2 * r.nextGaussian());
                }
            }
        }
        List<ForestPlot.Interval> rows = ForestPlot.intervals(d, List.of(names), 0.9);
        assertEquals(counties, rows.size());
        BufferedImage img = roundTrip(ForestPlot.render("Radon county intercepts", "alpha[j]", rows, "90% interval",
                1.37, "mu_alpha"), "forest.png", 900, 140 + 11 * counties);
        assertTrue(count(img, ChartStyle.THRESHOLD) > 200, "population-mean line drawn");
        roundTrip(ForestPlot.render("few", "x", rows.subList(0, 3), "90% interval", Double.NaN, ""), "forest3.png", 900,
                420);
        roundTrip(ForestPlot.render("one", "x", rows.subList(0, 1), "90% interval", 1.0, "ref"), "forest1.png", 900, 420);
    }

    @Test
    void intervalsFromTheSummaryMatchThoseFromTheDraws() {
        String[] names = {"alpha[1]", "alpha[2]", "alpha[3]", "sigma"};
        Draws d = new Draws(names, 4, 300);
        SplittableRandom r = new SplittableRandom(8);
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 300; i++) {
                for (int j = 0; j < names.length; j++) {
                    d.setValue(c, i, j, j + (j + 1) * 0.3 * r.nextGaussian());
                }
            }
        }
        List<String> alphas = List.of("alpha[1]", "alpha[2]", "alpha[3]");
        List<ForestPlot.Interval> fromDraws = ForestPlot.intervals(d, alphas, 0.9);
        List<ForestPlot.Interval> fromSummary = ForestPlot.intervals90(dev.meads.engine.diag.Summary.of(d), alphas);
        for (int k = 0; k < alphas.size(); k++) {
            ForestPlot.Interval a = fromDraws.get(k);
            ForestPlot.Interval b = fromSummary.get(k);
            assertEquals(a.name(), b.name());
            assertEquals(a.lower(), b.lower(), 1e-12);
            assertEquals(a.upper(), b.upper(), 1e-12);
            assertEquals(a.mean(), b.mean(), 1e-12);
        }
        assertThrows(IllegalArgumentException.class,
                () -> ForestPlot.intervals90(dev.meads.engine.diag.Summary.of(d), List.of("beta")));
    }

    @Test
    void intervalsAreType7Quantiles() {
        Draws d = new Draws(new String[] {"x"}, 1, 101);
        for (int i = 0; i < 101; i++) {
            d.setValue(0, 100 - i, 0, i + 1);
        }
        ForestPlot.Interval iv = ForestPlot.intervals(d, List.of("x"), 0.9).get(0);
        assertEquals(51, iv.mean(), 1e-12);
        assertEquals(6, iv.lower(), 1e-12);
        assertEquals(96, iv.upper(), 1e-12);
        assertEquals(2.5, ForestPlot.quantile7(new double[] {1, 2, 3, 4}, 0.5), 0);
        assertEquals(1.3, ForestPlot.quantile7(new double[] {1, 2, 3, 4}, 0.1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ForestPlot.intervals(d, List.of("y"), 0.9));
        assertThrows(IllegalArgumentException.class, () -> new ForestPlot.Interval("bad", 2, 3, 4));
    }

    @Test
    void tracePlotsOverlayChains() throws IOException {
        Draws d = PlotFixtures.gaussianDraws("mu", "tau", "theta[1]");
        BufferedImage img = roundTrip(TracePlot.render(d, List.of("mu", "tau", "theta[1]"), 4), "trace.png", 2 * 620,
                34 + 2 * 300);
        for (int c = 0; c < 4; c++) {
            assertTrue(count(img, ChartStyle.color(c)) > 100, "chain " + (c + 1) + " drawn");
        }
        assertEquals(0, count(img, ChartStyle.color(4)), "only the first four chains are drawn");
        assertThrows(IllegalArgumentException.class, () -> TracePlot.render(d, List.of("nope"), 4));
    }

    /** An infinite draw is a gap in the PNG trace, as in the SVG one, not a failed plot. */
    @Test
    void anInfiniteDrawIsAGap() {
        double[][][] traces = {{{1, 2, Double.POSITIVE_INFINITY, 3, Double.NEGATIVE_INFINITY, 2}}};
        assertTrue(TracePlot.render("t", new String[] {"x"}, traces).getWidth() > 0);
        assertTrue(Double.isInfinite(traces[0][0][2]), "the caller's array is untouched");
    }

    /** PNG tick text tells ticks a fifth of a narrow range apart; count axes show whole numbers only. */
    @Test
    void tickTextHasTheDigitsItsRangeNeeds() {
        var flat = ChartStyle.ticks(1.51578079, 1.51578081);
        assertTrue(!flat.apply(1.515780790).equals(flat.apply(1.515780794)),
                flat.apply(1.515780790) + " " + flat.apply(1.515780794));
        var big = ChartStyle.ticks(1.00005e7, 1.00011e7);
        assertTrue(!big.apply(1.00006e7).equals(big.apply(1.00008e7)), big.apply(1.00006e7));
        assertEquals("0.25", ChartStyle.ticks(0, 1).apply(0.25));
        assertEquals("3", ChartStyle.countTick(3.0));
        assertEquals("", ChartStyle.countTick(0.5));
    }

    @Test
    void meadsTracesUseOneLinePerFold() throws IOException {
        int folds = 4;
        int iters = 250;
        double[][] eps = PlotFixtures.stepSizes(folds, iters, 0.04, 0.01);
        double[][] alpha = PlotFixtures.alphas(folds, iters);
        BufferedImage img = roundTrip(MeadsTracePlot.render(eps, alpha), "meads.png", 2 * 620, 34 + 380);
        for (int f = 0; f < folds; f++) {
            assertTrue(count(img, ChartStyle.color(f)) > 100, "fold " + (f + 1) + " drawn");
        }
        eps[2][10] = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeadsTracePlot.render(eps, alpha));
        assertTrue(e.getMessage().contains("fold 3 at iteration 11"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MeadsTracePlot.render(new double[2][5], new double[3][5]));
        eps[2][10] = 0.04;
        assertEquals(0, count(img, ChartStyle.THRESHOLD), "no line without adaptive sampling");
        BufferedImage marked = roundTrip(MeadsTracePlot.render(eps, alpha, 126), "meads-adaptive.png", 2 * 620,
                34 + 380);
        assertTrue(count(marked, ChartStyle.THRESHOLD) > 2 * 100, "the first kept draw marked in both panels");
        assertEquals(0, count(MeadsTracePlot.render(eps, alpha, iters + 1), ChartStyle.THRESHOLD),
                "a line beyond the trace is not drawn");
    }

    @Test
    void groupsKeepOrderAndPlainNames() {
        Map<String, double[]> g = RhatHistogramPlot.groupByBaseName(
                new String[] {"mu_alpha", "alpha[1]", "sigma_y", "alpha[2]"}, new double[] {1, 2, 3, 4});
        assertEquals(List.of("mu_alpha", "alpha", "sigma_y"), new ArrayList<>(g.keySet()));
        assertArrayEquals(new double[] {2, 4}, g.get("alpha"));
    }
}
