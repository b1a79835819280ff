package dev.meads.engine.rng;

import dev.meads.engine.simd.NormalKernel;
import java.util.random.RandomGenerator;

/**
 * A fast stream of standard normal deviates for one chain: Box–Muller on a SplitMix64 counter
 * stream, computed 16 at a time in vector lanes ({@link NormalKernel} describes the generator
 * and what it is based on). About 1 ns per deviate against 12–17 ns for
 * {@code RandomGenerator.nextGaussian()} on L64X128MixRandom.
 *
 * <p>The sequence depends only on the key: however the deviates are requested (one at a time,
 * a whole momentum vector, or lengths that cut blocks), the n-th deviate is the same, on any
 * thread and with either kernel twin. Streams with independently drawn 64-bit keys are
 * windows into the same SplitMix64 cycle of length 2⁶⁴ starting at unrelated places: N
 * streams that each use W words overlap with probability below {@code N²W/2⁶⁴} (64 chains
 * using 2³⁶ words each: below 2⁻¹⁶).
 *
 * <p>Not thread-safe: one stream per chain, used by one thread at a time.
 */
public final class NormalStream {
    private static final int BLOCK = NormalKernel.BLOCK;

    private final NormalKernel kernel;
    private final long key;
    private final double[] buffer = new double[BLOCK];
    /** Index of the next block the kernel will produce. */
    private long nextBlock;
    /** Deviates of {@link #buffer} already handed out; {@code BLOCK} when it is empty. */
    private int used = BLOCK;

    /** The stream keyed {@code key}, on the kernel chosen for this JVM. */
    public NormalStream(long key) {
        this(key, NormalKernel.get());
    }

    /** The stream keyed {@code key} computed by {@code kernel} (for tests of the twins). */
    public NormalStream(long key, NormalKernel kernel) {
        this.key = key;
        this.kernel = kernel;
    }

    /** A stream keyed by the next 64 bits of {@code source} (e.g. a chain's own stream). */
    public static NormalStream keyedBy(RandomGenerator source) {
        return new NormalStream(source.nextLong());
    }

    public long key() {
        return key;
    }

    /** Deviates handed out so far. */
    public long position() {
        return nextBlock * BLOCK - (BLOCK - used);
    }

    /** The next deviate. */
    public double next() {
        if (used == BLOCK) {
            kernel.fill(key, nextBlock++, 1, buffer, 0);
            used = 0;
        }
        return buffer[used++];
    }

    /** Writes the next {@code n} deviates to {@code out[off .. off+n)}. */
    public void fill(double[] out, int off, int n) {
        if (n < 0 || off < 0 || off + n > out.length) {
            throw new IndexOutOfBoundsException("cannot write " + n + " deviates at " + off + " into an array of "
                    + out.length);
        }
        int take = Math.min(n, BLOCK - used);
        System.arraycopy(buffer, used, out, off, take);
        used += take;
        int done = take;
        int whole = (n - done) / BLOCK;
        if (whole > 0) {
            kernel.fill(key, nextBlock, whole, out, off + done);
            nextBlock += whole;
            done += whole * BLOCK;
        }
        if (done < n) {
            kernel.fill(key, nextBlock++, 1, buffer, 0);
            used = n - done;
            System.arraycopy(buffer, 0, out, off + done, used);
        }
    }
}
