package dev.meads.engine.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An SVG image built as text: shapes and labels in pixel coordinates (origin top left), written
 * as one UTF-8 file. The viewer lays out and draws the text, so nothing here measures fonts or
 * rasterises: a plot costs a few hundred kilobytes of text and no graphics library.
 *
 * <p>Coordinates are written with one decimal, enough for any screen; colours are CSS strings.
 */
public final class SvgDocument {
    /** The font of every label; the viewer picks the first it has. */
    static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

    private final int width;
    private final int height;
    private final StringBuilder text;

    /** An empty white image of {@code width} × {@code height} pixels. */
    public SvgDocument(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image needs a size of at least 1 x 1, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.text = new StringBuilder(4096);
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"").append(FONT).append("\">\n");
        rect(0, 0, width, height, "#ffffff", null);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A rectangle, filled with {@code fill} (null: none) and outlined with {@code stroke} (null: none). */
    public SvgDocument rect(double x, double y, double w, double h, String fill, String stroke) {
        text.append("<rect x=\"");
        number(x).append("\" y=\"");
        number(y).append("\" width=\"");
        number(w).append("\" height=\"");
        number(h).append("\" fill=\"").append(fill == null ? "none" : fill).append('"');
        if (stroke != null) {
            text.append(" stroke=\"").append(stroke).append('"');
        }
        text.append("/>\n");
        return this;
    }

    /** A straight line; {@code dash} is an SVG dash pattern such as {@code "8 5"}, or null for solid. */
    public SvgDocument line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        text.append("<line x1=\"");
        number(x1).append("\" y1=\"");
        number(y1).append("\" x2=\"");
        number(x2).append("\" y2=\"");
        number(y2).append('"');
        stroke(stroke, width, dash);
        text.append("/>\n");
        return this;
    }

    /** A line through {@code n} points, round joins. */
    public SvgDocument polyline(double[] x, double[] y, int n, String stroke, double width) {
        text.append("<polyline fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        stroke(stroke, width, null);
        points(x, y, n);
        return this;
    }

    /** A closed polygon through {@code n} points, filled and outlined. */
    public SvgDocument polygon(double[] x, double[] y, int n, String fill, String stroke) {
        text.append("<polygon fill=\"").append(fill).append("\" stroke=\"").append(stroke).append('"');
        points(x, y, n);
        return this;
    }

    /** {@code points="x,y x,y ..."/>} and the end of the line. */
    private void points(double[] x, double[] y, int n) {
        text.append(" points=\"");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(' ');
            }
            number(x[i]).append(',');
            number(y[i]);
        }
        text.append("\"/>\n");
    }

    /** A filled circle. */
    public SvgDocument circle(double cx, double cy, double r, String fill) {
        text.append("<circle cx=\"");
        number(cx).append("\" cy=\"");
        number(cy).append("\" r=\"");
        number(r).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** Where a label sits relative to its anchor point. */
    public enum Anchor {
        START("start"), MIDDLE("middle"), END("end");

        private final String svg;

        Anchor(String svg) {
            this.svg = svg;
        }
    }

    /**
     * A label whose baseline passes through (x, y); {@code rotation} in degrees, clockwise (−90 for
     * a vertical axis title reading upwards).
     */
    public SvgDocument text(double x, double y, String label, double size, boolean bold, Anchor anchor,
            double rotation) {
        text.append("<text x=\"");
        number(x).append("\" y=\"");
        number(y).append("\" font-size=\"");
        number(size).append('"');
        if (bold) {
            text.append(" font-weight=\"bold\"");
        }
        if (anchor != Anchor.START) {
            text.append(" text-anchor=\"").append(anchor.svg).append('"');
        }
        if (rotation != 0) {
            text.append(" transform=\"rotate(");
            number(rotation).append(' ');
            number(x).append(' ');
            number(y).append(")\"");
        }
        text.append('>');
        escape(label);
        text.append("</text>\n");
        return this;
    }

    /**
     * Starts a group whose shapes are clipped to a rectangle; end it with {@link #endGroup}.
     * Clip {@code id}s must be unique within the document.
     */
    public SvgDocument beginClip(String id, double x, double y, double w, double h) {
        text.append("<clipPath id=\"").append(id).append("\"><rect x=\"");
        number(x).append("\" y=\"");
        number(y).append("\" width=\"");
        number(w).append("\" height=\"");
        number(h).append("\"/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
        return this;
    }

    /** Ends the group begun last. */
    public SvgDocument endGroup() {
        text.append("</g>\n");
        return this;
    }

    /** The document so far, closed. */
    @Override
    public String toString() {
        return text + "</svg>\n";
    }

    /** Writes the document as a UTF-8 file, atomically (see {@link AtomicFiles}). */
    public void write(Path file) throws IOException {
        byte[] bytes = toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * An estimate of a label's width in pixels, for laying out boxes around text: the viewer's
     * font is unknown, and sans-serif letters average a little over half the font size.
     */
    static double textWidth(String label, double size) {
        return 0.6 * size * label.length();
    }

    private void stroke(String colour, double width, String dash) {
        text.append(" stroke=\"").append(colour).append("\" stroke-width=\"");
        number(width).append('"');
        if (dash != null) {
            text.append(" stroke-dasharray=\"").append(dash).append('"');
        }
    }

    /** Appends {@code v} rounded to one decimal, without a trailing ".0". */
    private StringBuilder number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a coordinate must be finite, got " + v);
        }
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            text.append('-');
            tenths = -tenths;
        }
        text.append(tenths / 10);
        long digit = tenths % 10;
        if (digit != 0) {
            text.append('.').append((char) ('0' + digit));
        }
        return text;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '&' -> text.append("&amp;");
                case '"' -> text.append("&quot;");
                default -> text.append(c);
            }
        }
    }
}
