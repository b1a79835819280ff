package dev.meads.engine.parallel;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Whether the JIT compiler is busy: the share of the last window of wall time that the JVM
 * spent compiling, from the accumulated compilation time of {@link CompilationMXBean}.
 *
 * <p>Why a pool asks: a fresh JVM spends its first second or two compiling the hot kernels,
 * on compiler threads that compete with the workers for the cores. Until a kernel is compiled
 * the workers run it interpreted, at a small fraction of its compiled speed, so on a machine
 * whose cores the workers fill, a worker gives more to the run by leaving its core to the
 * compiler (jmh/RESULTS.md: on 2 cores a fresh JVM's IRT MEADS stage took 1.14 s against
 * 1.31 s, radon's 0.28 against 0.33 s, medians of 7 alternating runs). Once the JIT has
 * settled it reads as quiet and every worker takes part.
 *
 * <p>The answer for a window holds until the next window ends. Not thread-safe: the pool's
 * calling thread is the only one that asks.
 */
final class JitActivity {
    /** Length of the window over which the compilation share is measured. */
    static final long WINDOW_NANOS = 20_000_000L;
    /** The JIT counts as busy when it compiled for at least this share of the window. */
    static final double BUSY_SHARE = 0.5;
    /** System property that turns the check off ({@code -Dmeads.jit-yield=false}), e.g. to compare. */
    static final String PROPERTY = "meads.jit-yield";

    private final LongSupplier compileMillis;
    private final LongSupplier nanoClock;
    private long windowStart;
    private long compileAtWindowStart;
    private boolean busy;

    /**
     * @param compileMillis accumulated compilation time in milliseconds, non-decreasing
     * @param nanoClock     wall clock in nanoseconds ({@link System#nanoTime()})
     */
    JitActivity(LongSupplier compileMillis, LongSupplier nanoClock) {
        this.compileMillis = compileMillis;
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
        this.compileAtWindowStart = compileMillis.getAsLong();
    }

    /**
     * This JVM's compiler activity, or null when the JVM has no JIT, does not measure its
     * compilation time, lacks the {@code java.management} module, or the property
     * {@value #PROPERTY} is {@code false}.
     */
    static JitActivity ofThisJvm() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip())) {
            return null;
        }
        try {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
                return null;
            }
            return new JitActivity(jit::getTotalCompilationTime, System::nanoTime);
        } catch (LinkageError e) {
            return null; // a runtime image without the java.management module: never busy
        }
    }

    /** Whether the JIT compiled for at least {@link #BUSY_SHARE} of the last complete window. */
    boolean busy() {
        long now = nanoClock.getAsLong();
        long wall = now - windowStart;
        if (wall >= WINDOW_NANOS) {
            long compiled = compileMillis.getAsLong();
            busy = (compiled - compileAtWindowStart) * 1_000_000.0 >= BUSY_SHARE * wall;
            windowStart = now;
            compileAtWindowStart = compiled;
        }
        return busy;
    }
}
