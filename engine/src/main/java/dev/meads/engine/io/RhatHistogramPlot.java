package dev.meads.engine.io;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private static final Color BAR_FILL = new Color(86, 140, 200);

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

    private static XYChart panel(String group, double[] values, double threshold) {
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
            title.append(", max ").append(String.format(Locale.ROOT, "%.4f", v[v.length - 1]));
        }
        if (above > 0) {
            title.append(", ").append(above).append(" > ").append(threshold);
        }
        if (nonFinite > 0) {
            title.append(", ").append(nonFinite).append(" not finite");
        }
        XYChart chart = ChartStyle.xyChart(PANEL_WIDTH, PANEL_HEIGHT, title.toString(), "R-hat", "count");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0.000");
        double lo;
        double hi;
        if (v.length == 0) {
            lo = Math.min(1.0, threshold) - 0.005;
            hi = Math.max(1.0, threshold) + 0.005;
            chart.getStyler().setYAxisMax(1.0);
        } else {
            lo = v[0];
            hi = v[v.length - 1];
            int bins = Math.max(5, Math.min(40, (int) Math.ceil(Math.sqrt(v.length) * 1.5)));
            double width = hi > lo ? (hi - lo) / bins : 1e-4;
            if (hi == lo) {
                bins = 1;
                lo -= width / 2;
            }
            int[] counts = new int[bins];
            for (double x : v) {
                counts[Math.min(bins - 1, (int) ((x - lo) / width))]++;
            }
            addBars(chart, lo, width, counts);
            hi = lo + bins * width;
        }
        double axisLo = Math.min(lo, threshold);
        double axisHi = Math.max(hi, threshold);
        double pad = 0.05 * (axisHi - axisLo);
        chart.getStyler().setXAxisMin(axisLo - pad);
        chart.getStyler().setXAxisMax(axisHi + pad);
        chart.getStyler().setYAxisMin(0.0);
        double top = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            top = Math.max(top, s.getYMax());
        }
        ChartStyle.verticalLine(chart, "R-hat = " + threshold, threshold, 0, Math.max(1, top) * 1.05,
                ChartStyle.THRESHOLD);
        return chart;
    }

    /** The histogram as one filled outline: up the left edge of each bar, across, down to the next. */
    private static void addBars(XYChart chart, double lo, double width, int[] counts) {
        int bins = counts.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
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
        XYSeries s = chart.addSeries("R-hat values", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(BAR_FILL);
        s.setLineColor(BAR_FILL.darker());
        s.setLineWidth(1f);
    }
}
