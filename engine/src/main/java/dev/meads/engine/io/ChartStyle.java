package dev.meads.engine.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The common look of our charts and the headless switch; package-private plumbing for the plot classes. */
final class ChartStyle {
    /** Distinguishable line colours (Okabe-Ito, colour-blind safe), used in order for chains and folds. */
    static final Color[] PALETTE = java.util.Arrays.stream(SvgFigure.PALETTE).map(Color::decode).toArray(Color[]::new);
    static final Color THRESHOLD = Color.decode(SvgFigure.THRESHOLD);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);

    private ChartStyle() {
    }

    /**
     * Makes AWT run without a display, unless the application chose otherwise; must run before
     * the first AWT use, so every public render method calls it first.
     */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // Text layout: the JDK reaches its HarfBuzz library either through the foreign-function
        // API (the default since JDK 22) or through JNI; the shapes are the same. In a fresh JVM
        // the foreign-function binding generates some 200 classes first: 0.2-0.3 s of a radon
        // run's 1 s of plots. Read once, at the first text layout.
        if (System.getProperty("sun.font.layout.ffm") == null) {
            System.setProperty("sun.font.layout.ffm", "false");
        }
    }

    /** An XY chart with white background, light grid, dot decimal separators and our fonts. */
    static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
        ensureHeadless();
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        var s = chart.getStyler();
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setSeriesColors(PALETTE);
        s.setMarkerSize(6);
        s.setChartPadding(8);
        return chart;
    }

    /** Adds a line series without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        // XChart refuses infinite values; NaN is a gap, as in the SVG plots
        double[] drawn = y;
        for (int i = 0; i < y.length; i++) {
            if (Double.isInfinite(y[i])) {
                if (drawn == y) {
                    drawn = y.clone();
                }
                drawn[i] = Double.NaN;
            }
        }
        XYSeries s = chart.addSeries(name, x, drawn);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(width);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return s;
    }

    /** Adds a dashed vertical line from {@code yLow} to {@code yHigh} at {@code x}, shown in the legend. */
    static XYSeries verticalLine(XYChart chart, String name, double x, double yLow, double yHigh, Color color) {
        XYSeries s = line(chart, name, new double[] {x, x}, new double[] {yLow, yHigh}, color, 2f);
        s.setLineStyle(DASHED);
        return s;
    }

    /**
     * An x axis over iterations 1..n with round tick values. XChart puts ticks only at data
     * positions when all x values (with the axis ends) are equally spaced, which gives ticks
     * like 1, 15, 29; ending the axis half a step after n breaks that spacing.
     */
    static void iterationAxis(XYChart chart, int n) {
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(Math.max(1, n) + 0.5);
        chart.getStyler().setXAxisTickMarkSpacingHint(70);
        chart.getStyler().setXAxisDecimalPattern("#0");
    }

    static Color color(int k) {
        return PALETTE[k % PALETTE.length];
    }

    /** Compact tick text: up to 4 significant digits, exponent form only for very small or large values. */
    static String tick(double v) {
        return tick(v, 4);
    }

    /**
     * Tick text for an axis whose values span [lo, hi]: enough significant digits that ticks
     * about a fifth of the range apart get different labels (a nearly constant trace at
     * 1.5157808 ± 4e-9, or 1.00008e7 ± 150), at least 4.
     */
    static java.util.function.Function<Double, String> ticks(double lo, double hi) {
        double big = Math.max(Math.abs(lo), Math.abs(hi));
        double step = (hi - lo) / 5;
        // one digit for the step itself, one more as the exponent form spends one before the point
        int digits = step > 0 && big > 0 ? (int) Math.ceil(Math.log10(big / step)) + 2 : 4;
        int significant = Math.max(4, Math.min(15, digits));
        return v -> tick(v, significant);
    }

    private static String tick(double v, int significant) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%." + significant + "g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return String.format(Locale.ROOT, "%." + (significant - 2) + "e", v);
    }

    /** Count-axis tick text: whole numbers only, so that 0.5 steps do not read "0.5, 1.5". */
    static String countTick(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : "";
    }
}
