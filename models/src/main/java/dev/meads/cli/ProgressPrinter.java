package dev.meads.cli;

import dev.meads.engine.run.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows stage progress on stderr: a redrawn bar with rate and time left on a terminal, a plain
 * line every few seconds otherwise. Updates arrive once per iteration; drawing is rate-limited
 * so that the sampler does not notice (one clock read per update).
 */
final class ProgressPrinter implements ProgressListener {
    private static final long TERMINAL_INTERVAL = 100_000_000L;
    private static final long PLAIN_INTERVAL = 5_000_000_000L;
    private static final int BAR = 28;

    private final PrintStream out;
    private final boolean terminal;
    private String stage;
    private long stageStart;
    private long lastDraw;
    private boolean lineOpen;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether stderr is a terminal: the launcher says so, else ask the JVM. */
    static boolean stderrIsTerminal() {
        String flag = System.getenv("MEADS_STDERR_TTY");
        if (flag != null) {
            return flag.equals("1");
        }
        return System.console() != null;
    }

    @Override
    public void update(String name, long done, long total) {
        long now = System.nanoTime();
        if (!name.equals(stage)) {
            stage = name;
            stageStart = now;
            lastDraw = now;
            if (!terminal) {
                out.println(name + ": started (" + total + " iterations)");
            }
        }
        boolean finished = done >= total;
        long interval = terminal ? TERMINAL_INTERVAL : PLAIN_INTERVAL;
        if (!finished && now - lastDraw < interval) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - stageStart) * 1e-9;
        double rate = elapsed > 0 ? done / elapsed : 0;
        double left = rate > 0 ? (total - done) / rate : Double.NaN;
        if (terminal) {
            int filled = total > 0 ? (int) (BAR * done / total) : BAR;
            String bar = "#".repeat(filled) + "-".repeat(BAR - filled);
            String text = String.format(Locale.ROOT, "\r%-13s [%s] %3d%% %d/%d  %s it/s  %s", name, bar,
                    total > 0 ? 100 * done / total : 100, done, total, rate(rate),
                    finished ? "done in " + duration(elapsed) : "ETA " + duration(left));
            out.print(text + "\u001b[K");
            lineOpen = true;
            if (finished) {
                out.println();
                lineOpen = false;
            }
        } else if (finished) {
            out.println(String.format(Locale.ROOT, "%s: %d/%d done in %s (%s it/s)", name, done, total,
                    duration(elapsed), rate(rate)));
        } else {
            out.println(String.format(Locale.ROOT, "%s: %d/%d (%s it/s, about %s left)", name, done, total, rate(rate),
                    duration(left)));
        }
        out.flush();
    }

    /** Ends an open bar line (e.g. when a stage was interrupted). */
    void close() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.flush();
    }

    private static String rate(double r) {
        if (r >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", r / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", r);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "?";
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }
}
