package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The radix-2 FFT agrees with a direct DFT and inverts itself. */
class FftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 64, 512})
    void forwardMatchesDirectDft(int n) {
        SplittableRandom r = new SplittableRandom(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = r.nextDouble(-1, 1);
            im[i] = r.nextDouble(-1, 1);
        }
        double[] dr = new double[n];
        double[] di = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * ((long) j * k % n) / n;
                dr[k] += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                di[k] += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
            }
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        Fft fft = new Fft(n);
        fft.forward(fr, fi);
        double tol = 1e-13 * n;
        for (int k = 0; k < n; k++) {
            assertEquals(dr[k], fr[k], tol, "re[" + k + "]");
            assertEquals(di[k], fi[k], tol, "im[" + k + "]");
        }
        fft.inverseUnscaled(fr, fi);
        for (int j = 0; j < n; j++) {
            assertEquals(re[j], fr[j] / n, 1e-14 * n, "round trip re[" + j + "]");
            assertEquals(im[j], fi[j] / n, 1e-14 * n, "round trip im[" + j + "]");
        }
    }

    @Test
    void sizesAndErrors() {
        assertEquals(1, Fft.nextPowerOfTwo(1));
        assertEquals(2, Fft.nextPowerOfTwo(2));
        assertEquals(1024, Fft.nextPowerOfTwo(1000));
        assertEquals(1024, Fft.nextPowerOfTwo(1024));
        assertThrows(IllegalArgumentException.class, () -> new Fft(12));
        assertThrows(IllegalArgumentException.class, () -> new Fft(0));
    }
}
