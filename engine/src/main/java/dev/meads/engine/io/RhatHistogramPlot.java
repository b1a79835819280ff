package dev.meads.engine.io;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histograms of R-hat values, one panel per parameter group (e.g. {@code theta}, {@code a},
 * {@code b}), each with a dashed vertical line at the convergence threshold (1.01 by
 * default), as in the MEADS paper's notebook figure.
 */
public final class RhatHistogramPlot {
    /** The usual convergence threshold for R-hat. */
    public static final double DEFAULT_THRESHOLD = 1.01;
    private static final int PANEL_WIDTH = 460;
    private static final int PANEL_HEIGHT = 340;
    private static final String BAR_FILL_SVG = "#568cc8";
    private static final String BAR_EDGE_SVG = "#3c628c";
    private static final Color BAR_FILL = Color.decode(BAR_FILL_SVG);

    private RhatHistogramPlot() {
    }

    /**
     * Groups values by the base of each parameter name, i.e. the part before {@code [}
     * ({@code theta[3]} belongs to {@code theta}), in order of first appearance.
     */
    public static Map<String, double[]> groupByBaseName(String[] names, double[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
        }
        Map<String, double[]> groups = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String n : names) {
            counts.merge(base(n), 1, Integer::sum);
        }
        Map<String, Integer> filled = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String b = base(names[i]);
            double[] g = groups.computeIfAbsent(b, k -> new double[counts.get(k)]);
            int at = filled.merge(b, 1, Integer::sum) - 1;
            g[at] = values[i];
        }
        return groups;
    }

    private static String base(String name) {
        int open = name.indexOf('[');
        return open > 0 ? name.substring(0, open) : name;
    }

    /**
     * Renders one histogram panel per group, three panels to a row.
     *
     * @param rhatByGroup R-hat values per group name; non-finite values are left out and counted
     *                    in the panel title
     * @param threshold   where the vertical line goes, e.g. {@link #DEFAULT_THRESHOLD}
     */
    public static BufferedImage render(Map<String, double[]> rhatByGroup, double threshold) {
        ChartStyle.ensureHeadless();
        if (rhatByGroup.isEmpty()) {
            throw new IllegalArgumentException("no R-hat groups to plot");
        }
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, double[]> e : rhatByGroup.entrySet()) {
            panels.add(panel(e.getKey(), e.getValue(), threshold));
        }
        return PngImages.grid(panels, 3, "R-hat by parameter group (dashed line at " + threshold + ")");
    }

    /** The same plot as {@link #render}, as an SVG image. */
    public static SvgDocument renderSvg(Map<String, double[]> rhatByGroup, double threshold) {
        if (rhatByGroup.isEmpty()) {
            throw new IllegalArgumentException("no R-hat groups to plot");
        }
        SvgFigure figure = new SvgFigure("R-hat by parameter group (dashed line at " + threshold + ")",
                rhatByGroup.size(), 3, PANEL_WIDTH, PANEL_HEIGHT);
        int k = 0;
        for (Map.Entry<String, double[]> e : rhatByGroup.entrySet()) {
            Histogram h = histogram(e.getKey(), e.getValue(), threshold);
            double top = Math.max(1, h.tallest()) * 1.05;
            SvgPanel panel = figure.panel(k++).titles(h.title(), "R-hat", "count")
                    .xAxis(h.axisLo(), h.axisHi(), AxisTicks.linear(h.axisLo(), h.axisHi(), 5, -1))
                    .yAxis(0, top * 1.04, AxisTicks.counts(top * 1.04, 6))
                    .begin();
            if (h.counts().length > 0) {
                double[] x = new double[2 * h.counts().length + 2];
                double[] y = new double[x.length];
                outline(h.lo(), h.width(), h.counts(), x, y);
                double[] px = new double[x.length];
                double[] py = new double[y.length];
                for (int i = 0; i < x.length; i++) {
                    px[i] = panel.x(x[i]);
                    py[i] = panel.y(y[i]);
                }
                panel.polygon(px, py, BAR_FILL_SVG, BAR_EDGE_SVG);
            }
            panel.dashed(threshold, 0, threshold, top, SvgFigure.THRESHOLD, 2);
            panel.end();
        }
        return figure.document();
    }

    /**
     * One panel's histogram: bins of equal {@code width} from {@code lo} (none when no value is
     * finite), the x range to show, and the panel title.
     */
    private record Histogram(String title, double lo, double width, int[] counts, double axisLo, double axisHi) {
        int tallest() {
            int t = 0;
            for (int c : counts) {
                t = Math.max(t, c);
            }
            return t;
        }
    }

    private static Histogram histogram(String group, double[] values, double threshold) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int nonFinite = values.length - v.length;
        int above = 0;
        for (double x : v) {
            if (x > threshold) {
                above++;
            }
        }
        StringBuilder title = new StringBuilder(group).append(": ").append(values.length)
                .append(values.length == 1 ? " parameter" : " parameters");
        if (v.length > 0) {
            title.append(", max ").append(AxisTicks.fixed(v[v.length - 1], 4));
        }
        if (above > 0) {
            title.append(", ").append(above).append(" > ").append(threshold);
        }
        if (nonFinite > 0) {
            title.append(", ").append(nonFinite).append(" not finite");
        }
        double lo;
        double hi;
        double width = 0;
        int[] counts = new int[0];
        if (v.length == 0) {
            lo = Math.min(1.0, threshold) - 0.005;
            hi = Math.max(1.0, threshold) + 0.005;
        } else {
            lo = v[0];
            hi = v[v.length - 1];
            int bins = Math.max(5, Math.min(40, (int) Math.ceil(Math.sqrt(v.length) * 1.5)));
            width = hi > lo ? (hi - lo) / bins : 1e-4;
            if (hi == lo) {
                bins = 1;
                lo -= width / 2;
            }
            counts = new int[bins];
            for (double x : v) {
                counts[Math.min(bins - 1, (int) ((x - lo) / width))]++;
            }
            hi = lo + bins * width;
        }
        double axisLo = Math.min(lo, threshold);
        double axisHi = Math.max(hi, threshold);
        double pad = 0.05 * (axisHi - axisLo);
        return new Histogram(title.toString(), lo, width, counts, axisLo - pad, axisHi + pad);
    }

    private static XYChart panel(String group, double[] values, double threshold) {
        Histogram h = histogram(group, values, threshold);
        XYChart chart = ChartStyle.xyChart(PANEL_WIDTH, PANEL_HEIGHT, h.title(), "R-hat", "count");
        chart.getStyler().setLegendVisible(false);
        chart.setCustomXAxisTickLabelsFormatter(ChartStyle::tick);
        chart.setCustomYAxisTickLabelsFormatter(ChartStyle::countTick);
        if (h.counts().length == 0) {
            chart.getStyler().setYAxisMax(1.0);
        } else {
            addBars(chart, h.lo(), h.width(), h.counts());
        }
        chart.getStyler().setXAxisMin(h.axisLo());
        chart.getStyler().setXAxisMax(h.axisHi());
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.verticalLine(chart, "R-hat = " + threshold, threshold, 0, Math.max(1, h.tallest()) * 1.05,
                ChartStyle.THRESHOLD);
        return chart;
    }

    /** The histogram as one filled outline: up the left edge of each bar, across, down to the next. */
    private static void addBars(XYChart chart, double lo, double width, int[] counts) {
        double[] x = new double[2 * counts.length + 2];
        double[] y = new double[x.length];
        outline(lo, width, counts, x, y);
        XYSeries s = chart.addSeries("R-hat values", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(BAR_FILL);
        s.setLineColor(BAR_FILL.darker());
        s.setLineWidth(1f);
    }

    /** The outline's points into {@code x} and {@code y}, each of length 2 · bins + 2. */
    private static void outline(double lo, double width, int[] counts, double[] x, double[] y) {
        int bins = counts.length;
        x[0] = lo;
        y[0] = 0;
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = lo + b * width;
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = lo + (b + 1) * width;
            y[2 * b + 2] = counts[b];
        }
        x[2 * bins + 1] = lo + bins * width;
        y[2 * bins + 1] = 0;
    }
}
