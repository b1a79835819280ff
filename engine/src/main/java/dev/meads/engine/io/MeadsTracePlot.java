package dev.meads.engine.io;

import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * How MEADS tuned itself: the step size (log scale) and the momentum refresh fraction alpha of
 * each fold against the adaptation iteration, one line per fold. In adaptive sampling, where
 * MEADS goes on after its warmup and those iterations are the draws, a dashed line marks the
 * first kept iteration.
 */
public final class MeadsTracePlot {
    private MeadsTracePlot() {
    }

    /**
     * @param stepSize {@code stepSize[fold][iteration]}, all > 0
     * @param alpha    {@code alpha[fold][iteration]}
     */
    public static BufferedImage render(double[][] stepSize, double[][] alpha) {
        return render(stepSize, alpha, 0);
    }

    /**
     * As {@link #render(double[][], double[][])}, with a dashed line at iteration
     * {@code firstKept} (1-based) when it lies within the trace: the first iteration of adaptive
     * sampling kept as a draw (0: none).
     */
    public static BufferedImage render(double[][] stepSize, double[][] alpha, int firstKept) {
        ChartStyle.ensureHeadless();
        check(stepSize, alpha);
        XYChart eps = panel("Step size per fold", "step size (log scale)", stepSize);
        eps.getStyler().setYAxisLogarithmic(true);
        eps.getStyler().setYAxisLogarithmicDecadeOnly(false);
        XYChart alp = panel("Momentum refresh fraction alpha per fold", "alpha", alpha);
        boolean marked = marks(firstKept, stepSize);
        if (marked) {
            double[] r = range(stepSize);
            ChartStyle.verticalLine(eps, "first draw", firstKept, r[0], r[1], ChartStyle.THRESHOLD);
            double[] a = range(alpha);
            ChartStyle.verticalLine(alp, "first draw", firstKept, a[0], a[1], ChartStyle.THRESHOLD);
        }
        return PngImages.grid(List.of(eps, alp), 2, title(marked, firstKept));
    }

    /** The same plot as {@link #render(double[][], double[][])}, as an SVG image. */
    public static SvgDocument renderSvg(double[][] stepSize, double[][] alpha) {
        return renderSvg(stepSize, alpha, 0);
    }

    /** The same plot as {@link #render(double[][], double[][], int)}, as an SVG image. */
    public static SvgDocument renderSvg(double[][] stepSize, double[][] alpha, int firstKept) {
        check(stepSize, alpha);
        boolean marked = marks(firstKept, stepSize);
        SvgFigure figure = new SvgFigure(title(marked, firstKept), 2, 2, 620, 380);
        double[] eps = range(stepSize); // all finite and > 0 (checked)
        double lo = eps[0];
        double hi = eps[1];
        // a log axis a little wider than the data, by a factor that stays visible on short ranges
        double margin = Math.pow(hi / lo, 0.05) * 1.05;
        svgPanel(figure.panel(0).titles("Step size per fold", "MEADS iteration", "step size (log scale)")
                .yLogAxis(lo / margin, hi * margin), stepSize, marked ? firstKept : 0, lo / margin, hi * margin);
        double[] a = range(alpha);
        double aLo = a[0];
        double aHi = a[1];
        double pad = aHi > aLo ? 0.05 * (aHi - aLo) : 0.05;
        svgPanel(figure.panel(1).titles("Momentum refresh fraction alpha per fold", "MEADS iteration", "alpha")
                .yAxis(aLo - pad, aHi + pad, AxisTicks.linear(aLo - pad, aHi + pad, 6, -1)), alpha,
                marked ? firstKept : 0, aLo - pad, aHi + pad);
        return figure.document();
    }

    /** Most points drawn per fold: a long trace (e.g. adaptive sampling thinned) is drawn at a stride. */
    static final int MAX_POINTS = 4000;

    /** {iterations (1-based), values} of one fold, every point up to {@link #MAX_POINTS}, else at a stride. */
    private static double[][] thinned(double[] y) {
        int stride = (y.length + MAX_POINTS - 1) / MAX_POINTS;
        int m = (y.length + stride - 1) / stride;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int k = 0; k < m; k++) {
            xs[k] = k * stride + 1;
            ys[k] = y[k * stride];
        }
        return new double[][] {xs, ys};
    }

    private static String title(boolean marked, int firstKept) {
        return marked ? "MEADS adaptation (dashed: the first kept draw, iteration " + firstKept + ")"
                : "MEADS adaptation";
    }

    /** Whether a line at {@code firstKept} falls inside the trace. */
    private static boolean marks(int firstKept, double[][] byFold) {
        int longest = 0;
        for (double[] y : byFold) {
            longest = Math.max(longest, y.length);
        }
        return firstKept >= 1 && firstKept <= longest;
    }

    /** {min, max} of the finite values; {0, 1} when there are none. */
    private static double[] range(double[][] byFold) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] y : byFold) {
            for (double v : y) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    private static void svgPanel(SvgPanel panel, double[][] byFold, int line, double yLo, double yHi) {
        int longest = 0;
        for (double[] y : byFold) {
            longest = Math.max(longest, y.length);
        }
        panel.xAxis(0, longest + 0.5, AxisTicks.integers(0, longest + 0.5, 6)).legend(SvgPanel.LegendPlace.BOTTOM);
        for (int f = 0; f < byFold.length; f++) {
            panel.entry("fold " + (f + 1), SvgFigure.colour(f), SvgPanel.Mark.LINE);
        }
        panel.begin();
        for (int f = 0; f < byFold.length; f++) {
            double[][] xy = thinned(byFold[f]);
            panel.series(xy[0], xy[1], SvgFigure.colour(f), 1.5);
        }
        if (line > 0) {
            panel.dashed(line, yLo, line, yHi, SvgFigure.THRESHOLD, 1.5);
        }
        panel.end();
    }

    private static void check(double[][] stepSize, double[][] alpha) {
        if (stepSize.length == 0 || stepSize.length != alpha.length) {
            throw new IllegalArgumentException("need the same number (>= 1) of folds for step size and alpha, got "
                    + stepSize.length + " and " + alpha.length);
        }
        for (int f = 0; f < stepSize.length; f++) {
            for (int i = 0; i < stepSize[f].length; i++) {
                if (!(stepSize[f][i] > 0) || Double.isInfinite(stepSize[f][i])) {
                    throw new IllegalArgumentException("step size of fold " + (f + 1) + " at iteration " + (i + 1)
                            + " is " + stepSize[f][i] + "; a log axis needs finite values > 0");
                }
            }
        }
        for (int f = 0; f < alpha.length; f++) {
            if (stepSize[f].length == 0 || alpha[f].length == 0) {
                throw new IllegalArgumentException("fold " + (f + 1) + " has no iterations");
            }
        }
    }

    private static XYChart panel(String title, String yTitle, double[][] byFold) {
        XYChart chart = ChartStyle.xyChart(620, 380, title, "MEADS iteration", yTitle);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.setCustomYAxisTickLabelsFormatter(ChartStyle::tick);
        int longest = 0;
        for (double[] y : byFold) {
            longest = Math.max(longest, y.length);
        }
        ChartStyle.iterationAxis(chart, longest);
        for (int f = 0; f < byFold.length; f++) {
            double[] y = byFold[f];
            if (y.length == 0) {
                throw new IllegalArgumentException(title + ": fold " + (f + 1) + " has no iterations");
            }
            double[][] xy = thinned(y);
            ChartStyle.line(chart, "fold " + (f + 1), xy[0], xy[1], ChartStyle.color(f), 1.5f);
        }
        return chart;
    }
}
