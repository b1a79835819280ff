package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.draws.Draws;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG plots: well-formed XML of the PNG plots' sizes, with one line per chain or fold, the
 * reference lines, every shape inside the image, and the same input checks as the PNG plots.
 */
class SvgPlotsTest {
    @TempDir
    Path dir;

    /** Writes the document, parses the file back, checks its size; returns the parsed document. */
    private Document roundTrip(SvgDocument svg, String name, int width, int height) throws Exception {
        Path f = dir.resolve(name);
        svg.write(f);
        byte[] bytes = Files.readAllBytes(f);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(bytes));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals(Integer.toString(width), root.getAttribute("width"), name + " width");
        assertEquals(Integer.toString(height), root.getAttribute("height"), name + " height");
        assertEquals(svg.toString(), new String(bytes, StandardCharsets.UTF_8));
        assertInside(doc, width, height);
        return doc;
    }

    /** Every coordinate of every shape lies within the image (polylines may leave it only when clipped). */
    private static void assertInside(Document doc, int width, int height) {
        for (String tag : List.of("line", "rect", "circle", "text")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                for (String a : List.of("x", "x1", "x2", "cx")) {
                    if (e.hasAttribute(a)) {
                        double v = Double.parseDouble(e.getAttribute(a));
                        assertTrue(v >= 0 && v <= width, tag + " " + a + " = " + v);
                    }
                }
                for (String a : List.of("y", "y1", "y2", "cy")) {
                    if (e.hasAttribute(a)) {
                        double v = Double.parseDouble(e.getAttribute(a));
                        assertTrue(v >= 0 && v <= height, tag + " " + a + " = " + v);
                    }
                }
            }
        }
    }

    /** Shapes of {@code tag} drawn in {@code colour}, as stroke or fill. */
    private static int count(Document doc, String tag, String colour) {
        NodeList nodes = doc.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (colour.equals(e.getAttribute("stroke")) || colour.equals(e.getAttribute("fill"))) {
                n++;
            }
        }
        return n;
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /** The number of points of each polyline in {@code colour}. */
    private static List<Integer> polylinePoints(Document doc, String colour) {
        NodeList nodes = doc.getElementsByTagName("polyline");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (colour.equals(e.getAttribute("stroke"))) {
                out.add(e.getAttribute("points").strip().split(" ").length);
            }
        }
        return out;
    }

    @Test
    void tracePlotsOverlayTheFirstChains() throws Exception {
        Draws d = PlotFixtures.gaussianDraws("mu", "tau", "theta<1>&");
        Document doc = roundTrip(TracePlot.renderSvg(d, List.of("mu", "tau", "theta<1>&"), 4), "trace.svg", 2 * 620,
                34 + 2 * 300);
        for (int c = 0; c < 4; c++) {
            assertEquals(List.of(300, 300, 300), polylinePoints(doc, SvgFigure.colour(c)), "chain " + (c + 1));
        }
        assertEquals(List.of(), polylinePoints(doc, SvgFigure.colour(4)), "only the first four chains are drawn");
        List<String> t = texts(doc);
        assertTrue(t.contains("Trace plots (4 of 6 chains, 300 draws each)"), t.toString());
        assertTrue(t.contains("theta<1>&"), "names are escaped and read back: " + t);
        assertEquals(3 * 4, t.stream().filter(s -> s.startsWith("chain ")).count(), "a legend per panel");
        assertThrows(IllegalArgumentException.class, () -> TracePlot.renderSvg(d, List.of("nope"), 4));
        assertThrows(IllegalArgumentException.class, () -> TracePlot.renderSvg(d, List.of("mu"), 0));
    }

    @Test
    void traceLinesBreakAtValuesThatAreNotFinite() throws Exception {
        double[][][] traces = {{{1, 2, Double.NaN, 3, 4, 5}, {2, Double.POSITIVE_INFINITY, 1}}};
        Document doc = roundTrip(TracePlot.renderSvg("t", new String[] {"x"}, traces), "gaps.svg", 620, 34 + 300);
        assertEquals(List.of(2, 3), polylinePoints(doc, SvgFigure.colour(0)));
        assertEquals(List.of(1, 1), polylinePoints(doc, SvgFigure.colour(1)));
        assertThrows(IllegalArgumentException.class,
                () -> TracePlot.renderSvg("t", new String[] {"x"}, new double[][][] {{{Double.NaN}}}));
        assertThrows(IllegalArgumentException.class,
                () -> TracePlot.renderSvg("t", new String[] {"x", "y"}, traces));
    }

    @Test
    void meadsTracesUseOneLinePerFoldAndALogAxis() throws Exception {
        int folds = 4;
        int iters = 250;
        double[][] eps = PlotFixtures.stepSizes(folds, iters, 0.004, 0.001);
        double[][] alpha = PlotFixtures.alphas(folds, iters);
        Document doc = roundTrip(MeadsTracePlot.renderSvg(eps, alpha), "meads.svg", 2 * 620, 34 + 380);
        for (int f = 0; f < folds; f++) {
            assertEquals(List.of(iters, iters), polylinePoints(doc, SvgFigure.colour(f)), "fold " + (f + 1));
        }
        List<String> t = texts(doc);
        assertTrue(t.contains("0.01") && t.contains("0.1"), "decades on the log axis: " + t);
        eps[2][10] = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeadsTracePlot.renderSvg(eps, alpha));
        assertTrue(e.getMessage().contains("fold 3 at iteration 11"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MeadsTracePlot.renderSvg(new double[2][5], new double[3][5]));
        assertThrows(IllegalArgumentException.class,
                () -> MeadsTracePlot.renderSvg(new double[][] {{}}, new double[][] {{}}));
        eps[2][10] = 0.004;
        assertEquals(0, count(doc, "line", SvgFigure.THRESHOLD), "no line without adaptive sampling");
        Document marked = roundTrip(MeadsTracePlot.renderSvg(eps, alpha, 126), "meads-adaptive.svg", 2 * 620,
                34 + 380);
        assertEquals(2, count(marked, "line", SvgFigure.THRESHOLD), "the first kept draw marked in both panels");
        assertTrue(texts(marked).stream().anyMatch(s -> s.contains("first kept draw, iteration 126")), texts(marked)
                .toString());
        // a long trace is drawn at a stride, not point by point
        double[][] longEps = PlotFixtures.stepSizes(2, 10_001, 0.004, 0.001);
        double[][] longAlpha = PlotFixtures.alphas(2, 10_001);
        Document big = roundTrip(MeadsTracePlot.renderSvg(longEps, longAlpha, 5001), "meads-long.svg", 2 * 620, 34 + 380);
        assertEquals(List.of(3334, 3334), polylinePoints(big, SvgFigure.colour(0)), "every 3rd of 10,001 iterations");
    }

    @Test
    void rhatHistogramsOnePanelPerGroupWithThresholdLine() throws Exception {
        String[] names = PlotFixtures.irtNames();
        double[] rhat = PlotFixtures.rhatValues();
        rhat[120] = 1.02;
        Map<String, double[]> groups = RhatHistogramPlot.groupByBaseName(names, rhat);
        Document doc = roundTrip(RhatHistogramPlot.renderSvg(groups, 1.01), "rhat.svg", 3 * 460, 34 + 340);
        assertEquals(3, count(doc, "line", SvgFigure.THRESHOLD), "threshold line in all three panels");
        assertEquals(3, doc.getElementsByTagName("polygon").getLength(), "bars in all three panels");
        List<String> t = texts(doc);
        assertTrue(t.contains("theta: 100 parameters, max " + AxisTicks.fixed(max(groups.get("theta")), 4)
                + ", 1 not finite"), t.toString());
        assertTrue(t.contains("a: 30 parameters, max 1.0200, 1 > 1.01"), t.toString());

        // a single value and an all-NaN group still give a panel each, the latter without bars
        Map<String, double[]> five = new LinkedHashMap<>(groups);
        five.put("sigma", new double[] {1.0004});
        five.put("lp", new double[] {Double.NaN, Double.NaN});
        Document more = roundTrip(RhatHistogramPlot.renderSvg(five, 1.01), "rhat5.svg", 3 * 460, 34 + 2 * 340);
        assertEquals(4, more.getElementsByTagName("polygon").getLength());
        assertEquals(5, count(more, "line", SvgFigure.THRESHOLD));
        assertThrows(IllegalArgumentException.class, () -> RhatHistogramPlot.renderSvg(Map.of(), 1.01));
    }

    /** A title too long for its panel (one listing non-finite values) shrinks to fit instead of running past it. */
    @Test
    void aLongPanelTitleShrinksToFit() throws Exception {
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("a_rather_long_group_name", new double[] {1.2, Double.POSITIVE_INFINITY, 1.0, Double.NaN});
        groups.put("b", new double[] {1.001, 1.002});
        Document doc = roundTrip(RhatHistogramPlot.renderSvg(groups, 1.01), "rhat-long.svg", 2 * 460, 34 + 340);
        NodeList nodes = doc.getElementsByTagName("text");
        double longSize = 0;
        double shortSize = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) nodes.item(i);
            String text = e.getTextContent();
            double size = Double.parseDouble(e.getAttribute("font-size"));
            if (text.startsWith("a_rather_long_group_name: 4 parameters")) {
                longSize = size;
                assertTrue(SvgDocument.textWidth(text, size) <= 460 - 8, text + " at " + size);
            } else if (text.startsWith("b: 2 parameters")) {
                shortSize = size;
            }
        }
        assertEquals(SvgPanel.TITLE_SIZE, shortSize);
        assertTrue(longSize > 0 && longSize < SvgPanel.TITLE_SIZE, "long title at " + longSize);
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return m;
    }

    @Test
    void forestPlotSortsLabelsAndScalesWithRows() throws Exception {
        int counties = 85;
        List<ForestPlot.Interval> rows = new ArrayList<>();
        for (int j = 0; j < counties; j++) {
            double mean = 1.4 + 0.01 * ((j * 37) % counties);
            rows.add(new ForestPlot.Interval("alpha[" + (j + 1) + "]", mean, mean - 0.3, mean + 0.3));
        }
        Document doc = roundTrip(ForestPlot.renderSvg("Radon county intercepts", "alpha[j]", rows, "90% interval",
                1.37, "mu_alpha"), "forest.svg", 900, 140 + 11 * counties);
        assertEquals(counties + 1, doc.getElementsByTagName("circle").getLength(), "a mean per row, one in the legend");
        assertEquals(2, count(doc, "line", SvgFigure.THRESHOLD), "reference line and its legend entry");
        List<String> t = texts(doc);
        assertTrue(t.contains("mu_alpha = 1.370"), t.toString());
        // 85 rows: the lowest, every fifth and the highest are labelled with rank and name
        long labelled = t.stream().filter(s -> s.matches("\\d+ +alpha\\[\\d+\\]")).count();
        assertEquals(1 + 17, labelled, t.toString());
        String lowest = rows.stream().min(java.util.Comparator.comparingDouble(ForestPlot.Interval::mean))
                .orElseThrow().name();
        assertTrue(t.contains("1  " + lowest) || t.contains("1 " + lowest), lowest + " ranks first: " + t);

        Document few = roundTrip(ForestPlot.renderSvg("few", "x", rows.subList(0, 3), "90% interval", Double.NaN, ""),
                "forest3.svg", 900, 420);
        assertEquals(0, count(few, "line", SvgFigure.THRESHOLD), "no reference, no line");
        assertTrue(texts(few).containsAll(List.of("alpha[1]", "alpha[2]", "alpha[3]")), texts(few).toString());
        Document one = roundTrip(ForestPlot.renderSvg("one", "x", rows.subList(0, 1), "90% interval", 1.0, "ref"),
                "forest1.svg", 900, 420);
        assertFalse(texts(one).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> ForestPlot.renderSvg("none", "x", List.of(), "90% interval", 1.0, "ref"));
    }
}
