package dev.meads.engine.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Turning charts into images: a grid of panels under a title, and atomic PNG files. */
public final class PngImages {
    private static final int TITLE_HEIGHT = 34;

    private PngImages() {
    }

    /** Writes {@code image} as a PNG file, atomically (see {@link AtomicFiles}). */
    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for " + file);
            }
        });
    }

    /**
     * Renders charts as panels of a grid, {@code columns} wide, in order, under {@code title}
     * (none when null). Every panel takes the size of the largest chart.
     */
    static BufferedImage grid(List<? extends Chart<?, ?>> charts, int columns, String title) {
        ChartStyle.ensureHeadless();
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("no charts to lay out");
        }
        int cols = Math.max(1, Math.min(columns, charts.size()));
        int rows = (charts.size() + cols - 1) / cols;
        int w = 0;
        int h = 0;
        for (Chart<?, ?> c : charts) {
            w = Math.max(w, c.getWidth());
            h = Math.max(h, c.getHeight());
        }
        int top = title == null ? 0 : TITLE_HEIGHT;
        BufferedImage img = new BufferedImage(cols * w, top + rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (title != null) {
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
                FontMetrics fm = g.getFontMetrics();
                g.drawString(title, Math.max(4, (img.getWidth() - fm.stringWidth(title)) / 2), 24);
            }
            for (int k = 0; k < charts.size(); k++) {
                BufferedImage panel = BitmapEncoder.getBufferedImage(charts.get(k));
                g.drawImage(panel, (k % cols) * w, top + (k / cols) * h, null);
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
