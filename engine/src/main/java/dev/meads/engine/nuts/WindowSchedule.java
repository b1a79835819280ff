package dev.meads.engine.nuts;

import java.util.ArrayList;
import java.util.List;

/**
 * Stan's warmup schedule for metric adaptation ({@code windowed_adaptation}, ALGORITHMS §5.1):
 * a fast initial buffer, slow windows that double in size (the last one stretched to the
 * terminal buffer), and a fast terminal buffer. With fewer than 20 warmup iterations there is
 * no metric adaptation; when the three default stages do not fit, they shrink to 15% / 75% /
 * 10% of the warmup.
 *
 * <p>Stateful like Stan's: ask {@link #collects(int)} and {@link #endsWindow(int)} for
 * iterations {@code 0, 1, …, W−1} in order and call {@link #advance(int)} at each window end.
 */
public final class WindowSchedule {
    /** Warmups shorter than this adapt only the step size. */
    public static final int MIN_WARMUP_FOR_METRIC = 20;

    private final int warmup;
    private final int initBuffer;
    private final int termBuffer;
    private final int baseWindow;
    private final boolean adaptsMetric;
    private int windowSize;
    private int nextWindowEnd;

    /** One slow window: iterations {@code first .. last}, both inclusive. */
    public record Window(int first, int last) {
        public int size() {
            return last - first + 1;
        }
    }

    /**
     * @param warmup     number of warmup iterations {@code W >= 0}
     * @param initBuffer requested initial buffer (75 in Stan)
     * @param termBuffer requested terminal buffer (50)
     * @param baseWindow requested first slow window (25)
     */
    public WindowSchedule(int warmup, int initBuffer, int termBuffer, int baseWindow) {
        if (warmup < 0 || initBuffer < 0 || termBuffer < 0 || baseWindow < 1) {
            throw new IllegalArgumentException("window schedule needs warmup >= 0, buffers >= 0 and baseWindow >= 1, got "
                    + warmup + ", " + initBuffer + ", " + termBuffer + ", " + baseWindow);
        }
        this.warmup = warmup;
        this.adaptsMetric = warmup >= MIN_WARMUP_FOR_METRIC;
        if (adaptsMetric && initBuffer + baseWindow + termBuffer > warmup) {
            // Same floating-point truncation as Stan's unsigned assignment.
            initBuffer = (int) (0.15 * warmup);
            termBuffer = (int) (0.1 * warmup);
            baseWindow = warmup - (initBuffer + termBuffer);
        }
        this.initBuffer = initBuffer;
        this.termBuffer = termBuffer;
        this.baseWindow = baseWindow;
        this.windowSize = baseWindow;
        this.nextWindowEnd = initBuffer + baseWindow - 1;
    }

    /** The schedule of {@code options} for {@code warmup} iterations. */
    public static WindowSchedule of(int warmup, NutsOptions options) {
        return new WindowSchedule(warmup, options.initBuffer(), options.termBuffer(), options.baseWindow());
    }

    /** Whether the metric is adapted at all ({@code W >= 20}). */
    public boolean adaptsMetric() {
        return adaptsMetric;
    }

    /** Whether the position after iteration {@code c} is added to the metric estimator. */
    public boolean collects(int c) {
        return adaptsMetric && c >= initBuffer && c < warmup - termBuffer;
    }

    /** Whether iteration {@code c} closes a slow window (update the metric, then {@link #advance(int)}). */
    public boolean endsWindow(int c) {
        return adaptsMetric && c == nextWindowEnd && c < warmup;
    }

    /** Moves to the next window after the window ending at iteration {@code c}. */
    public void advance(int c) {
        int lastEnd = warmup - termBuffer - 1;
        if (nextWindowEnd == lastEnd) {
            return;
        }
        windowSize *= 2;
        nextWindowEnd = c + windowSize;
        if (nextWindowEnd != lastEnd && nextWindowEnd + 2 * windowSize >= warmup - termBuffer) {
            nextWindowEnd = lastEnd; // the next window would not fit: stretch this one to the terminal buffer
        }
    }

    /** Number of warmup iterations {@code W}. */
    public int warmup() {
        return warmup;
    }

    /** The initial buffer in effect (after shrinking). */
    public int initBuffer() {
        return initBuffer;
    }

    /** The terminal buffer in effect (after shrinking). */
    public int termBuffer() {
        return termBuffer;
    }

    /** The first slow window in effect (after shrinking). */
    public int baseWindow() {
        return baseWindow;
    }

    /** All slow windows of a fresh schedule with these settings, in order (empty when {@code W < 20}). */
    public List<Window> slowWindows() {
        WindowSchedule s = new WindowSchedule(warmup, initBuffer, termBuffer, baseWindow);
        List<Window> out = new ArrayList<>();
        int first = -1;
        for (int c = 0; c < warmup; c++) {
            if (s.collects(c) && first < 0) {
                first = c;
            }
            if (s.endsWindow(c)) {
                out.add(new Window(first, c));
                first = -1;
                s.advance(c);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "WindowSchedule[W=" + warmup + ", init=" + initBuffer + ", term=" + termBuffer + ", base=" + baseWindow
                + ", windows=" + slowWindows() + "]";
    }
}
