package dev.meads.engine.io;

import dev.meads.engine.draws.Draws;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** Trace plots: one panel per parameter, value against iteration, several chains overlaid. */
public final class TracePlot {
    private static final int PANEL_WIDTH = 620;
    private static final int PANEL_HEIGHT = 300;

    private TracePlot() {
    }

    /**
     * Traces of the named parameters of {@code draws}, for the first {@code maxChains} chains.
     */
    public static BufferedImage render(Draws draws, List<String> parameters, int maxChains) {
        return render(title(draws, maxChains), parameters.toArray(String[]::new), traces(draws, parameters, maxChains));
    }

    /** The same plot as {@link #render(Draws, List, int)}, as an SVG image. */
    public static SvgDocument renderSvg(Draws draws, List<String> parameters, int maxChains) {
        return renderSvg(title(draws, maxChains), parameters.toArray(String[]::new),
                traces(draws, parameters, maxChains));
    }

    private static String title(Draws draws, int maxChains) {
        int chains = Math.min(maxChains, draws.chains());
        return "Trace plots (" + chains + " of " + draws.chains() + (draws.chains() == 1 ? " chain" : " chains")
                + ", " + draws.iterations() + " draws each)";
    }

    /** {@code [parameter][chain][iteration]} for the first {@code maxChains} chains. */
    private static double[][][] traces(Draws draws, List<String> parameters, int maxChains) {
        if (maxChains < 1) {
            throw new IllegalArgumentException("maxChains must be >= 1, got " + maxChains);
        }
        int chains = Math.min(maxChains, draws.chains());
        double[][][] traces = new double[parameters.size()][chains][draws.iterations()];
        for (int k = 0; k < parameters.size(); k++) {
            int p = draws.indexOf(parameters.get(k));
            if (p < 0) {
                throw new IllegalArgumentException("no parameter '" + parameters.get(k) + "' in " + draws);
            }
            for (int c = 0; c < chains; c++) {
                for (int i = 0; i < draws.iterations(); i++) {
                    traces[k][c][i] = draws.value(c, i, p);
                }
            }
        }
        return traces;
    }

    /**
     * Traces from plain arrays as an SVG image, two panels to a row; see
     * {@link #render(String, String[], double[][][])}.
     */
    public static SvgDocument renderSvg(String title, String[] names, double[][][] traces) {
        check(names, traces);
        SvgFigure figure = new SvgFigure(title, names.length, 2, PANEL_WIDTH, PANEL_HEIGHT);
        for (int k = 0; k < names.length; k++) {
            int longest = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] t : traces[k]) {
                longest = Math.max(longest, t.length);
                for (double v : t) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (longest == 0) {
                throw new IllegalArgumentException("no draws to plot for " + names[k]);
            }
            if (!(lo <= hi)) {
                throw new IllegalArgumentException("no finite draws to plot for " + names[k]);
            }
            double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-3, Math.abs(lo) * 0.05);
            SvgPanel panel = figure.panel(k).titles(names[k], "iteration", names[k])
                    .xAxis(0, longest + 0.5, AxisTicks.integers(0, longest + 0.5, 6))
                    .yAxis(lo - pad, hi + pad, AxisTicks.linear(lo - pad, hi + pad, 5, -1))
                    .legend(SvgPanel.LegendPlace.RIGHT);
            for (int c = 0; c < traces[k].length; c++) {
                if (traces[k][c].length > 0) {
                    panel.entry("chain " + (c + 1), SvgFigure.colour(c), SvgPanel.Mark.LINE);
                }
            }
            panel.begin();
            for (int c = 0; c < traces[k].length; c++) {
                double[] y = traces[k][c];
                double[] x = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    x[i] = i + 1;
                }
                if (y.length > 0) {
                    panel.series(x, y, SvgFigure.colour(c), 1);
                }
            }
            panel.end();
        }
        return figure.document();
    }

    private static void check(String[] names, double[][][] traces) {
        if (names.length != traces.length || names.length == 0) {
            throw new IllegalArgumentException("need one trace set per name, got " + names.length + " names and "
                    + traces.length + " trace sets");
        }
    }

    /**
     * Traces from plain arrays, two panels to a row.
     *
     * @param names  one per panel
     * @param traces {@code traces[panel][chain][iteration]}; chains may differ in length
     */
    public static BufferedImage render(String title, String[] names, double[][][] traces) {
        ChartStyle.ensureHeadless();
        check(names, traces);
        List<XYChart> panels = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            XYChart chart = ChartStyle.xyChart(PANEL_WIDTH, PANEL_HEIGHT, names[k], "iteration", names[k]);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            int longest = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] t : traces[k]) {
                longest = Math.max(longest, t.length);
                for (double v : t) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            chart.setCustomYAxisTickLabelsFormatter(lo <= hi ? ChartStyle.ticks(lo, hi) : ChartStyle::tick);
            ChartStyle.iterationAxis(chart, longest);
            for (int c = 0; c < traces[k].length; c++) {
                double[] y = traces[k][c];
                if (y.length == 0) {
                    continue;
                }
                double[] x = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    x[i] = i + 1;
                }
                ChartStyle.line(chart, "chain " + (c + 1), x, y, ChartStyle.color(c), 1f);
            }
            if (chart.getSeriesCollection().isEmpty()) {
                throw new IllegalArgumentException("no draws to plot for " + names[k]);
            }
            panels.add(chart);
        }
        return PngImages.grid(panels, 2, title);
    }
}
