package dev.meads.engine.simd;

/**
 * Standard normal deviates from a counter-based stream, {@value #BLOCK} at a time: the
 * generator behind {@link dev.meads.engine.rng.NormalStream}. Two twins exist, a scalar one
 * ({@link ScalarNormalKernel}) and a Vector API one ({@link PanamaNormalKernel}); they give
 * bit-identical results (every step is an IEEE operation or a fused multiply-add, done in the
 * same order), so the choice made by {@link #get()} never changes a draw.
 *
 * <p>The stream (see {@link BoxMuller} for the arithmetic): the 64-bit word with index
 * {@code w} of the stream keyed {@code key} is SplitMix64's output
 * {@code mix64(key + (w + 1)·γ)}, γ the golden gamma, i.e. the {@code (w+1)}-th
 * {@code nextLong()} of {@code new java.util.SplittableRandom(key)}. Block {@code b} uses
 * words {@code 16b .. 16b+15}: for {@code l < 8}, word {@code 16b+l} gives the radius and
 * word {@code 16b+8+l} the angle of one Box–Muller pair, whose cosine part is normal
 * {@code 16b+l} and sine part normal {@code 16b+8+l}. The layout is fixed (it does not depend
 * on the vector width), so a stream is the same sequence on every machine.
 */
public interface NormalKernel {
    /** Normals per block. */
    int BLOCK = 16;

    /**
     * Writes blocks {@code firstBlock .. firstBlock+blocks-1} of the stream keyed {@code key}
     * to {@code out[off .. off + 16·blocks)}.
     */
    void fill(long key, long firstBlock, int blocks, double[] out, int off);

    /**
     * The implementation for the current thread: the one chosen for this JVM (the Vector API one
     * when it is available), or the scalar twin inside {@link Kernels#callWithScalarKernels}.
     */
    static NormalKernel get() {
        return KernelProvider.currentNormal();
    }
}
