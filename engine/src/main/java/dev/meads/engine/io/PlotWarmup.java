package dev.meads.engine.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Loads and initialises the plotting stack (Java2D, fonts, XChart, the PNG encoder) on a
 * background thread, so that a run which will draw plots pays that one-off cost (about 0.7 s
 * here) while its single-chain NUTS initialisation leaves a core idle, not after sampling.
 */
public final class PlotWarmup {
    private PlotWarmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(PlotWarmup::warm, "meads-plot-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void warm() {
        try {
            BufferedImage a = RhatHistogramPlot.render(Map.of("warmup", new double[] {1.0, 1.001, 1.002}),
                    RhatHistogramPlot.DEFAULT_THRESHOLD);
            double[][] series = {{0.1, 0.2, 0.3}, {0.2, 0.3, 0.4}};
            MeadsTracePlot.render(series, series);
            ImageIO.write(a, "png", new ByteArrayOutputStream());
        } catch (IOException | RuntimeException | LinkageError e) {
            // only a warm-up: the real plots report their own errors
        }
    }
}
