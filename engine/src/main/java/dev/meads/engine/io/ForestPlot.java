package dev.meads.engine.io;

import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.diag.Summary;
import dev.meads.engine.draws.Draws;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A forest plot: one horizontal interval per quantity (e.g. county intercepts), sorted by
 * posterior mean from bottom to top, with the mean marked and a dashed vertical line at a
 * reference value (e.g. the population mean).
 */
public final class ForestPlot {
    private static final String INTERVAL_SVG = "#7896be";
    private static final String MEAN_SVG = "#00468c";
    private static final Color INTERVAL = Color.decode(INTERVAL_SVG);
    private static final Color MEAN = Color.decode(MEAN_SVG);

    private ForestPlot() {
    }

    /**
     * One row: a name, a point estimate and an interval.
     *
     * @param name  label of the row
     * @param mean  point estimate (posterior mean)
     * @param lower lower end of the interval
     * @param upper upper end of the interval
     */
    public record Interval(String name, double mean, double lower, double upper) {
        public Interval {
            if (!(lower <= mean && mean <= upper)) {
                throw new IllegalArgumentException("interval of " + name + " needs lower <= mean <= upper, got "
                        + lower + ", " + mean + ", " + upper);
            }
        }
    }

    /**
     * Posterior mean and central interval of each named parameter over all chains and draws:
     * quantiles {@code (1 - probability)/2} and {@code (1 + probability)/2}, interpolated as
     * R's type 7.
     */
    public static List<Interval> intervals(Draws draws, List<String> names, double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + probability);
        }
        if (draws.chains() * draws.iterations() == 0) {
            throw new IllegalArgumentException("no draws to summarise");
        }
        List<Interval> out = new ArrayList<>(names.size());
        double[] buf = null;
        for (String name : names) {
            int p = draws.indexOf(name);
            if (p < 0) {
                throw new IllegalArgumentException("no parameter '" + name + "' in " + draws);
            }
            buf = draws.parameter(p, buf);
            int n = draws.chains() * draws.iterations();
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += buf[k];
            }
            double[] sorted = Arrays.copyOf(buf, n);
            Arrays.sort(sorted);
            double lower = quantile7(sorted, (1 - probability) / 2);
            double upper = quantile7(sorted, (1 + probability) / 2);
            double mean = Math.min(upper, Math.max(lower, sum / n));
            out.add(new Interval(name, mean, lower, upper));
        }
        return out;
    }

    /**
     * The 90 % intervals of the named parameters from a summary's rows (mean, 5 % and 95 %
     * quantiles): the same intervals as {@link #intervals(Draws, List, double)} with
     * probability 0.9, up to rounding, without sorting the draws again.
     *
     * @throws IllegalArgumentException for a name the summary has no row for
     */
    public static List<Interval> intervals90(Summary summary, List<String> names) {
        List<Interval> out = new ArrayList<>(names.size());
        for (String name : names) {
            ParameterSummary row = summary.get(name);
            if (row == null) {
                throw new IllegalArgumentException("no summary row for '" + name + "'");
            }
            double mean = Math.min(row.q95(), Math.max(row.q5(), row.mean()));
            out.add(new Interval(name, mean, row.q5(), row.q95()));
        }
        return out;
    }

    /** Type-7 quantile of sorted values: {@code h = (n-1)q}, linear between neighbours. */
    static double quantile7(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Renders the rows sorted by mean, lowest at the bottom.
     *
     * @param title          chart title
     * @param valueLabel     x-axis title, e.g. {@code county intercept alpha[j]}
     * @param rows           the intervals
     * @param intervalLabel  legend text of the intervals, e.g. {@code 90% interval}
     * @param reference      x of the dashed vertical line (NaN for none)
     * @param referenceLabel legend text of that line, e.g. {@code population mean mu_alpha}
     */
    public static BufferedImage render(String title, String valueLabel, List<Interval> rows, String intervalLabel,
                                       double reference, String referenceLabel) {
        ChartStyle.ensureHeadless();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to plot");
        }
        List<Interval> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(Interval::mean));
        int n = sorted.size();
        XYChart chart = ChartStyle.xyChart(900, height(n), title, valueLabel,
                n == 1 ? sorted.get(0).name() : n <= 60 ? "" : "rank by posterior mean (every 5th labelled)");
        var s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideSE);
        s.setPlotGridHorizontalLinesVisible(false);
        if (n == 1) {
            s.setYAxisTicksVisible(false);
            s.setYAxisMin(0.5);
            s.setYAxisMax(1.5);
        } else {
            // The axis runs from row 1 to row n so that XChart, which sizes its ticks by the
            // labels at both ends of the axis, finds visible text there.
            s.setYAxisTitleVisible(n > 60);
            s.setYAxisMin(1.0);
            s.setYAxisMax((double) n);
            s.setYAxisTickMarkSpacingHint(n <= 60 ? 10 : 40);
            String[] labels = sorted.stream().map(Interval::name).toArray(String[]::new);
            chart.setCustomYAxisTickLabelsFormatter(y -> label(labels, y));
        }

        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] means = new double[n];
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            Interval r = sorted.get(i);
            XYSeries seg = ChartStyle.line(chart, "interval " + (i + 1), new double[] {r.lower(), r.upper()},
                    new double[] {i + 1, i + 1}, INTERVAL, 2f);
            seg.setShowInLegend(i == 0);
            if (i == 0) {
                seg.setLabel(intervalLabel);
            }
            means[i] = r.mean();
            ranks[i] = i + 1;
            lo = Math.min(lo, r.lower());
            hi = Math.max(hi, r.upper());
        }
        XYSeries m = chart.addSeries("posterior mean", means, ranks);
        m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        m.setMarker(SeriesMarkers.CIRCLE);
        m.setMarkerColor(MEAN);
        if (Double.isFinite(reference)) {
            ChartStyle.verticalLine(chart, referenceLabel + " = " + String.format(Locale.ROOT, "%.3f", reference),
                    reference, n == 1 ? 0.5 : 1, n == 1 ? 1.5 : n, ChartStyle.THRESHOLD);
            lo = Math.min(lo, reference);
            hi = Math.max(hi, reference);
        }
        double pad = 0.04 * Math.max(hi - lo, 1e-12);
        s.setXAxisMin(lo - pad);
        s.setXAxisMax(hi + pad);
        return PngImages.grid(List.of(chart), 1, null);
    }

    /** The same plot as {@link #render}, as an SVG image. */
    public static SvgDocument renderSvg(String title, String valueLabel, List<Interval> rows, String intervalLabel,
                                        double reference, String referenceLabel) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to plot");
        }
        List<Interval> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(Interval::mean));
        int n = sorted.size();
        String[] names = sorted.stream().map(Interval::name).toArray(String[]::new);
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            String l = label(names, i + 1);
            labels[i] = n == 1 || l.isBlank() ? null : l.strip();
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Interval r : sorted) {
            lo = Math.min(lo, r.lower());
            hi = Math.max(hi, r.upper());
        }
        boolean line = Double.isFinite(reference);
        if (line) {
            lo = Math.min(lo, reference);
            hi = Math.max(hi, reference);
        }
        double pad = 0.04 * Math.max(hi - lo, 1e-12);
        SvgFigure figure = new SvgFigure(null, 1, 1, 900, height(n));
        SvgPanel panel = figure.panel(0)
                .titles(title, valueLabel, n == 1 ? sorted.get(0).name()
                        : n <= 60 ? "" : "rank by posterior mean (every 5th labelled)")
                .xAxis(lo - pad, hi + pad, AxisTicks.linear(lo - pad, hi + pad, 10, -1))
                .yAxis(0.3, n + 0.7, null)
                .yRowLabels(labels)
                .legend(SvgPanel.LegendPlace.BOTTOM)
                .entry(intervalLabel, INTERVAL_SVG, SvgPanel.Mark.LINE)
                .entry("posterior mean", MEAN_SVG, SvgPanel.Mark.DOT);
        String lineLabel = line ? referenceLabel + " = " + AxisTicks.fixed(reference, 3) : null;
        if (line) {
            panel.entry(lineLabel, SvgFigure.THRESHOLD, SvgPanel.Mark.DASHED);
        }
        panel.begin();
        for (int i = 0; i < n; i++) {
            Interval r = sorted.get(i);
            panel.segment(r.lower(), i + 1, r.upper(), i + 1, INTERVAL_SVG, 2);
        }
        for (int i = 0; i < n; i++) {
            panel.dot(sorted.get(i).mean(), i + 1, 3.5, MEAN_SVG);
        }
        if (line) {
            panel.dashed(reference, n == 1 ? 0.5 : 1, reference, n == 1 ? 1.5 : n, SvgFigure.THRESHOLD, 2);
        }
        panel.end();
        return figure.document();
    }

    private static int height(int rows) {
        return Math.max(420, Math.min(3000, 140 + 11 * rows));
    }

    /** Row names at whole ranks: all for up to 60 rows, else every fifth and the two ends. */
    private static String label(String[] labels, double y) {
        long r = Math.round(y);
        int n = labels.length;
        if (Math.abs(y - r) > 1e-6 || r < 1 || r > n) {
            return " ";
        }
        if (n <= 60) {
            return labels[(int) r - 1];
        }
        return r % 5 == 0 || r == 1 || r == n ? r + "  " + labels[(int) r - 1] : " ";
    }
}
