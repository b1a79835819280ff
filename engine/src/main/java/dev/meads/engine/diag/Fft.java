package dev.meads.engine.diag;

/**
 * In-place iterative radix-2 complex FFT of one fixed power-of-two size, real and imaginary parts
 * in separate arrays. Twiddle factors and the bit-reversal permutation are computed once per
 * instance (each twiddle directly by cos/sin, not by recurrence, to keep the error near 1 ulp).
 */
public final class Fft {
    private final int size;
    private final int log2;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    /** An FFT of {@code size} points; {@code size} must be a power of two ≥ 1. */
    public Fft(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 1, got " + size);
        }
        this.size = size;
        this.log2 = Integer.numberOfTrailingZeros(size);
        this.cos = new double[Math.max(1, size / 2)];
        this.sin = new double[Math.max(1, size / 2)];
        for (int k = 0; k < size / 2; k++) {
            double angle = -2 * Math.PI * k / size;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        this.reversed = new int[size];
        for (int i = 0; i < size; i++) {
            reversed[i] = log2 == 0 ? 0 : Integer.reverse(i) >>> (32 - log2);
        }
    }

    public int size() {
        return size;
    }

    /** The smallest power of two ≥ {@code n} (n ≥ 1). */
    public static int nextPowerOfTwo(int n) {
        if (n <= 1) {
            return 1;
        }
        int p = Integer.highestOneBit(n - 1) << 1;
        if (p <= 0) {
            throw new IllegalArgumentException("no power of two >= " + n + " fits an int");
        }
        return p;
    }

    /** Forward transform X_k = Σ_j x_j exp(-2πi jk/N), in place. */
    public void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    /** Unscaled inverse transform x_j = Σ_k X_k exp(+2πi jk/N) (no 1/N factor), in place. */
    public void inverseUnscaled(double[] re, double[] im) {
        transform(re, im, true);
    }

    private void transform(double[] re, double[] im, boolean inverse) {
        if (re.length < size || im.length < size) {
            throw new IllegalArgumentException("arrays shorter than the FFT size " + size);
        }
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? -1 : 1;
        for (int half = 1, stride = size / 2; half < size; half <<= 1, stride >>= 1) {
            // A stage has size/2 butterflies: `half` twiddles, each used by size/(2·half) blocks.
            // The inner loop runs over whichever is longer, so that neither the first stages
            // (one twiddle, many blocks) nor the last (one block, many twiddles) pay a loop's
            // overhead per butterfly.
            if (half < stride) {
                stageByTwiddle(re, im, half, stride, sign);
            } else {
                stageByBlock(re, im, half, stride, sign);
            }
        }
    }

    /** One stage, twiddle by twiddle: for each, every block's butterfly at that offset. */
    private void stageByTwiddle(double[] re, double[] im, int half, int stride, double sign) {
        for (int k = 0; k < half; k++) {
            double wr = cos[k * stride];
            double wi = sign * sin[k * stride];
            for (int a = k; a < size; a += 2 * half) {
                butterfly(re, im, a, a + half, wr, wi);
            }
        }
    }

    /** One stage, block by block: for each, its butterflies with every twiddle. */
    private void stageByBlock(double[] re, double[] im, int half, int stride, double sign) {
        for (int start = 0; start < size; start += 2 * half) {
            for (int k = 0, tw = 0; k < half; k++, tw += stride) {
                butterfly(re, im, start + k, start + k + half, cos[tw], sign * sin[tw]);
            }
        }
    }

    /** (x_a, x_b) ← (x_a + w·x_b, x_a − w·x_b). */
    private static void butterfly(double[] re, double[] im, int a, int b, double wr, double wi) {
        double xr = re[b] * wr - im[b] * wi;
        double xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
    }
}
