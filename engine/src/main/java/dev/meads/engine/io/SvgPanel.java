package dev.meads.engine.io;

import dev.meads.engine.io.SvgDocument.Anchor;
import java.util.ArrayList;
import java.util.List;

/**
 * One x-y chart inside an {@link SvgDocument}: title, axes with ticks and grid, axis titles and a
 * legend, in a box of the document. Use in three steps: set the axes and legend entries,
 * {@link #begin()} (background, grid and labels), draw the data through {@link #x} and
 * {@link #y} (clipped to the plot area), then {@link #end()} (frame and legend on top).
 */
final class SvgPanel {
    static final String GRID = "#e1e1e1";
    static final String FRAME = "#808080";
    static final String TEXT = "#000000";
    static final double TITLE_SIZE = 14;
    static final double AXIS_TITLE_SIZE = 12;
    static final double TICK_SIZE = 11;
    static final double LEGEND_SIZE = 11;

    /** Where the legend goes. */
    enum LegendPlace { NONE, RIGHT, BOTTOM }

    /** How a legend entry is drawn. */
    enum Mark { LINE, DASHED, DOT, AREA }

    private record Entry(String label, String colour, Mark mark) {
    }

    private final SvgDocument doc;
    private final String id;
    private final double boxLeft;
    private final double boxTop;
    private final double boxWidth;
    private final double boxHeight;
    private String title = "";
    private String xTitle = "";
    private String yTitle = "";
    private double xLo = 0;
    private double xHi = 1;
    private double yLo = 0;
    private double yHi = 1;
    private boolean yLog;
    private AxisTicks xTicks;
    private AxisTicks yTicks;
    private boolean horizontalGrid = true;
    private String[] yLabelsAt;
    private LegendPlace legendPlace = LegendPlace.NONE;
    private final List<Entry> entries = new ArrayList<>();
    private double left;
    private double top;
    private double width;
    private double height;
    private boolean begun;

    /**
     * @param id a name unique within the document (it names the clip region)
     */
    SvgPanel(SvgDocument doc, String id, double boxLeft, double boxTop, double boxWidth, double boxHeight) {
        this.doc = doc;
        this.id = id;
        this.boxLeft = boxLeft;
        this.boxTop = boxTop;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
    }

    SvgPanel titles(String panel, String x, String y) {
        this.title = panel;
        this.xTitle = x;
        this.yTitle = y;
        return this;
    }

    SvgPanel xAxis(double lo, double hi, AxisTicks ticks) {
        checkRange(lo, hi);
        xLo = lo;
        xHi = hi;
        xTicks = ticks;
        return this;
    }

    SvgPanel yAxis(double lo, double hi, AxisTicks ticks) {
        checkRange(lo, hi);
        yLo = lo;
        yHi = hi;
        yTicks = ticks;
        yLog = false;
        return this;
    }

    /** A logarithmic y axis over [lo, hi], both > 0. */
    SvgPanel yLogAxis(double lo, double hi) {
        checkRange(lo, hi);
        if (!(lo > 0)) {
            throw new IllegalArgumentException("a logarithmic axis needs values > 0, got " + lo);
        }
        yLo = lo;
        yHi = hi;
        yTicks = AxisTicks.logarithmic(lo, hi);
        yLog = true;
        return this;
    }

    /**
     * Labels the y axis with text at whole values 1..n instead of numbers: {@code labels[i]} at
     * y = i + 1, none where it is null. No horizontal grid lines.
     */
    SvgPanel yRowLabels(String[] labels) {
        yLabelsAt = labels.clone();
        horizontalGrid = false;
        return this;
    }

    SvgPanel legend(LegendPlace place) {
        legendPlace = place;
        return this;
    }

    SvgPanel entry(String label, String colour, Mark mark) {
        entries.add(new Entry(label, colour, mark));
        return this;
    }

    /** Lays out the panel and draws its background, grid, ticks and titles. */
    SvgPanel begin() {
        if (xTicks == null || (yTicks == null && yLabelsAt == null)) {
            throw new IllegalStateException("set both axes before drawing the panel");
        }
        double yLabelWidth = 0;
        for (String l : yLabelsAt != null ? yLabelsAt : yTicks.labels()) {
            if (l != null) {
                yLabelWidth = Math.max(yLabelWidth, SvgDocument.textWidth(l, TICK_SIZE));
            }
        }
        double legendWidth = legendWidth();
        left = boxLeft + 8 + (yTitle.isEmpty() ? 0 : AXIS_TITLE_SIZE + 10) + yLabelWidth + 8;
        top = boxTop + (title.isEmpty() ? 10 : TITLE_SIZE + 18);
        double right = boxLeft + boxWidth - 20 - (legendPlace == LegendPlace.RIGHT ? legendWidth + 12 : 0);
        double bottom = boxTop + boxHeight - 8 - (xTitle.isEmpty() ? 0 : AXIS_TITLE_SIZE + 10) - TICK_SIZE - 10
                - (legendPlace == LegendPlace.BOTTOM ? LEGEND_SIZE + 18 : 0);
        width = Math.max(10, right - left);
        height = Math.max(10, bottom - top);

        if (!title.isEmpty()) {
            // a long title (an R-hat panel listing non-finite values) shrinks to fit its box
            // rather than run past it, down to two thirds of its size
            double centre = left + width / 2;
            double room = 2 * Math.min(centre - boxLeft, boxLeft + boxWidth - centre) - 8;
            double size = Math.max(TITLE_SIZE * 2.0 / 3, Math.min(TITLE_SIZE,
                    TITLE_SIZE * room / SvgDocument.textWidth(title, TITLE_SIZE)));
            doc.text(centre, boxTop + TITLE_SIZE + 6, title, size, true, Anchor.MIDDLE, 0);
        }
        for (int i = 0; i < xTicks.values().length; i++) {
            double px = x(xTicks.values()[i]);
            doc.line(px, top, px, top + height, GRID, 1, "3 3");
            doc.line(px, top + height, px, top + height + 4, FRAME, 1, null);
            doc.text(px, top + height + 6 + TICK_SIZE, xTicks.labels()[i], TICK_SIZE, false, Anchor.MIDDLE, 0);
        }
        if (yLabelsAt != null) {
            for (int i = 0; i < yLabelsAt.length; i++) {
                double py = y(i + 1);
                doc.line(left - 4, py, left, py, FRAME, 1, null);
                if (yLabelsAt[i] != null) {
                    doc.text(left - 7, py + TICK_SIZE * 0.35, yLabelsAt[i], TICK_SIZE, false, Anchor.END, 0);
                }
            }
        } else {
            for (int i = 0; i < yTicks.values().length; i++) {
                double py = y(yTicks.values()[i]);
                if (horizontalGrid) {
                    doc.line(left, py, left + width, py, GRID, 1, "3 3");
                }
                doc.line(left - 4, py, left, py, FRAME, 1, null);
                doc.text(left - 7, py + TICK_SIZE * 0.35, yTicks.labels()[i], TICK_SIZE, false, Anchor.END, 0);
            }
        }
        if (!xTitle.isEmpty()) {
            doc.text(left + width / 2, top + height + 6 + TICK_SIZE + 10 + AXIS_TITLE_SIZE, xTitle, AXIS_TITLE_SIZE,
                    false, Anchor.MIDDLE, 0);
        }
        if (!yTitle.isEmpty()) {
            double tx = boxLeft + 8 + AXIS_TITLE_SIZE;
            doc.text(tx, top + height / 2, yTitle, AXIS_TITLE_SIZE, false, Anchor.MIDDLE, -90);
        }
        doc.beginClip(id, left, top, width, height);
        begun = true;
        return this;
    }

    /** The horizontal pixel position of data value {@code v}. */
    double x(double v) {
        return left + (v - xLo) / (xHi - xLo) * width;
    }

    /** The vertical pixel position of data value {@code v} (on the log scale for a log axis). */
    double y(double v) {
        double f = yLog ? (Math.log10(v) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))
                : (v - yLo) / (yHi - yLo);
        return top + height - f * height;
    }

    /**
     * A line through data points {@code (xs[i], ys[i])}, broken where a point is not finite (or,
     * on a log axis, not positive). Points far outside the axes are pulled in to a bound well
     * beyond the plot area, which the clip hides.
     */
    SvgPanel series(double[] xs, double[] ys, String colour, double strokeWidth) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x values for " + ys.length + " y values");
        }
        double[] px = new double[xs.length];
        double[] py = new double[ys.length];
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            double a = x(xs[i]);
            double b = y(ys[i]);
            if (Double.isFinite(a) && Double.isFinite(b)) {
                px[n] = Math.max(left - 1e4, Math.min(left + width + 1e4, a));
                py[n] = Math.max(top - 1e4, Math.min(top + height + 1e4, b));
                n++;
            } else if (n > 0) {
                doc.polyline(px, py, n, colour, strokeWidth);
                n = 0;
            }
        }
        if (n > 0) {
            doc.polyline(px, py, n, colour, strokeWidth);
        }
        return this;
    }

    /** A filled polygon through pixel positions (from {@link #x} and {@link #y}). */
    SvgPanel polygon(double[] px, double[] py, String fill, String stroke) {
        doc.polygon(px, py, px.length, fill, stroke);
        return this;
    }

    /** A dashed line between two data points. */
    SvgPanel dashed(double x1, double y1, double x2, double y2, String colour, double strokeWidth) {
        doc.line(x(x1), y(y1), x(x2), y(y2), colour, strokeWidth, "8 5");
        return this;
    }

    /** A solid line between two data points. */
    SvgPanel segment(double x1, double y1, double x2, double y2, String colour, double strokeWidth) {
        doc.line(x(x1), y(y1), x(x2), y(y2), colour, strokeWidth, null);
        return this;
    }

    /** A dot of radius {@code r} pixels at a data point. */
    SvgPanel dot(double xv, double yv, double r, String colour) {
        doc.circle(x(xv), y(yv), r, colour);
        return this;
    }

    /** Ends the clipped data, then draws the frame and the legend. */
    SvgPanel end() {
        if (!begun) {
            throw new IllegalStateException("begin() the panel before ending it");
        }
        doc.endGroup();
        doc.rect(left, top, width, height, null, FRAME);
        drawLegend();
        return this;
    }

    private double legendWidth() {
        double w = 0;
        for (Entry e : entries) {
            w = Math.max(w, SvgDocument.textWidth(e.label(), LEGEND_SIZE));
        }
        return w + 40;
    }

    private void drawLegend() {
        if (legendPlace == LegendPlace.NONE || entries.isEmpty()) {
            return;
        }
        double row = LEGEND_SIZE + 8;
        if (legendPlace == LegendPlace.BOTTOM) {
            double total = 0;
            for (Entry e : entries) {
                total += SvgDocument.textWidth(e.label(), LEGEND_SIZE) + 44;
            }
            double bx = left + Math.max(0, (width - total) / 2);
            double by = top + height + 6 + TICK_SIZE + (xTitle.isEmpty() ? 0 : 10 + AXIS_TITLE_SIZE) + 12;
            doc.rect(bx, by, total, row + 6, "#ffffff", "#c0c0c0");
            double cx = bx + 8;
            for (Entry e : entries) {
                mark(e, cx, by + 3 + row / 2);
                doc.text(cx + 28, by + 3 + row / 2 + LEGEND_SIZE * 0.35, e.label(), LEGEND_SIZE, false, Anchor.START,
                        0);
                cx += SvgDocument.textWidth(e.label(), LEGEND_SIZE) + 44;
            }
            return;
        }
        double w = legendWidth();
        double h = entries.size() * row + 8;
        double bx = left + width + 12; // RIGHT: beside the plot, centred
        double by = top + Math.max(0, (height - h) / 2);
        doc.rect(bx, by, w, h, "#ffffff", "#c0c0c0");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double cy = by + 4 + row * i + row / 2;
            mark(e, bx + 8, cy);
            doc.text(bx + 34, cy + LEGEND_SIZE * 0.35, e.label(), LEGEND_SIZE, false, Anchor.START, 0);
        }
    }

    private void mark(Entry e, double x, double cy) {
        switch (e.mark()) {
            case LINE -> doc.line(x, cy, x + 20, cy, e.colour(), 2, null);
            case DASHED -> doc.line(x, cy, x + 20, cy, e.colour(), 2, "6 3");
            case DOT -> doc.circle(x + 10, cy, 3.5, e.colour());
            case AREA -> doc.rect(x + 3, cy - 5, 14, 10, e.colour(), null);
        }
    }

    private static void checkRange(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("an axis needs finite ends with lo < hi, got " + lo + " and " + hi);
        }
    }
}
