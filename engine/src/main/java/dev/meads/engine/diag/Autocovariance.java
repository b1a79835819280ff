package dev.meads.engine.diag;

import dev.meads.engine.simd.Kernels;
import java.util.Arrays;

/**
 * The autocovariance at lag t averaged over the columns of a centred matrix,
 * {@code a[t] = (1/k) Σ_c (1/L) Σ_{i<L-t} x[c,i] x[c,i+t]} (Geyer's "biased" 1/L estimator),
 * computed lazily: Geyer's truncation usually stops after a few lags, so early lags are direct
 * dot products (O(kL) each); once a lag beyond {@code directLagLimit} is asked for, every lag is
 * computed at once by zero-padded FFT (two real columns per complex transform).
 *
 * <p>Holds its scratch arrays and reuses them across calls; not thread-safe.
 */
final class Autocovariance implements LagSource {
    private final Kernels kernels;
    private final int configuredLimit;
    private int directLagLimit;

    private double[] data;
    private int columns;
    private int length;

    private Fft fft;
    private double[] re = new double[0];
    private double[] im = new double[0];
    private double[] power = new double[0];
    private double[] allLags = new double[0];
    private boolean haveAllLags;

    /**
     * @param directLagLimit lags below this are computed by direct sums; asking for a larger lag
     *                       switches to the FFT for all lags (0 forces the FFT, Integer.MAX_VALUE
     *                       forbids it, a negative value picks {@link #defaultDirectLagLimit})
     */
    Autocovariance(Kernels kernels, int directLagLimit) {
        this.kernels = kernels;
        this.configuredLimit = directLagLimit;
    }

    /** A limit balancing one FFT pass against direct lags for columns of {@code length}. */
    static int defaultDirectLagLimit(int length) {
        int n2 = Fft.nextPowerOfTwo(Math.max(2, 2 * length));
        return Math.max(32, 8 * Integer.numberOfTrailingZeros(n2));
    }

    /** Starts on a new matrix: {@code columns} centred columns of {@code length}, column c at {@code [c*length, ...)}. */
    void reset(double[] centred, int columns, int length) {
        this.data = centred;
        this.columns = columns;
        this.length = length;
        this.haveAllLags = false;
        this.directLagLimit = configuredLimit < 0 ? defaultDirectLagLimit(length) : configuredLimit;
    }

    @Override
    public double lag(int t) {
        if (haveAllLags) {
            return allLags[t];
        }
        if (t < directLagLimit) {
            return direct(t);
        }
        computeAllByFft();
        return allLags[t];
    }

    private double direct(int t) {
        double sum = 0;
        int n = length - t;
        for (int c = 0, off = 0; c < columns; c++, off += length) {
            sum += kernels.dot(data, off, data, off + t, n);
        }
        return sum / ((double) length * columns);
    }

    private void computeAllByFft() {
        int n2 = Fft.nextPowerOfTwo(2 * length);
        if (fft == null || fft.size() != n2) {
            fft = new Fft(n2);
            re = new double[n2];
            im = new double[n2];
            power = new double[n2];
        }
        if (allLags.length < length) {
            allLags = new double[length];
        }
        Arrays.fill(power, 0, n2, 0.0);
        for (int c = 0; c < columns; c += 2) {
            // Pack two real columns as one complex signal; for real inputs
            // |X_k|² + |Y_k|² = (|Z_k|² + |Z_{N-k}|²) / 2 where Z = FFT(x + iy).
            System.arraycopy(data, c * length, re, 0, length);
            Arrays.fill(re, length, n2, 0.0);
            if (c + 1 < columns) {
                System.arraycopy(data, (c + 1) * length, im, 0, length);
            } else {
                Arrays.fill(im, 0, length, 0.0);
            }
            Arrays.fill(im, length, n2, 0.0);
            fft.forward(re, im);
            for (int k = 0; k < n2; k++) {
                int mk = (n2 - k) & (n2 - 1);
                power[k] += 0.5 * (re[k] * re[k] + im[k] * im[k] + re[mk] * re[mk] + im[mk] * im[mk]);
            }
        }
        System.arraycopy(power, 0, re, 0, n2);
        Arrays.fill(im, 0, n2, 0.0);
        fft.inverseUnscaled(re, im);
        double scale = 1.0 / ((double) n2 * length * columns);
        for (int t = 0; t < length; t++) {
            allLags[t] = re[t] * scale;
        }
        haveAllLags = true;
    }
}
