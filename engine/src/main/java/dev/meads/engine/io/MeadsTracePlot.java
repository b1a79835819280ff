package dev.meads.engine.io;

import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * How MEADS tuned itself: the step size (log scale) and the momentum refresh fraction alpha of
 * each fold against the adaptation iteration, one line per fold.
 */
public final class MeadsTracePlot {
    private MeadsTracePlot() {
    }

    /**
     * @param stepSize {@code stepSize[fold][iteration]}, all > 0
     * @param alpha    {@code alpha[fold][iteration]}
     */
    public static BufferedImage render(double[][] stepSize, double[][] alpha) {
        ChartStyle.ensureHeadless();
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
        XYChart eps = panel("Step size per fold", "step size (log scale)", stepSize);
        eps.getStyler().setYAxisLogarithmic(true);
        eps.getStyler().setYAxisLogarithmicDecadeOnly(false);
        XYChart alp = panel("Momentum refresh fraction alpha per fold", "alpha", alpha);
        return PngImages.grid(List.of(eps, alp), 2, "MEADS adaptation");
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
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            ChartStyle.line(chart, "fold " + (f + 1), x, y, ChartStyle.color(f), 1.5f);
        }
        return chart;
    }
}
