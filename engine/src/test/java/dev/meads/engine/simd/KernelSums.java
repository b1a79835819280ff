package dev.meads.engine.simd;

import java.util.SplittableRandom;

/**
 * Fixed inputs for the reductions of {@link PanamaKernels}, printed as raw bits; run in a child
 * JVM with {@code -Xint} by {@link KernelDeterminismTest} to compare interpreted with compiled code.
 */
public final class KernelSums {
    private KernelSums() {
    }

    static double[] inputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian() * Math.exp(3 * r.nextGaussian());
        }
        return a;
    }

    /** dot, sumOfSquares and kineticEnergy of fixed inputs, as long bits. */
    static long[] results() {
        Kernels k = new PanamaKernels();
        double[] a = inputs(233, 1);
        double[] b = inputs(233, 2);
        double[] m = inputs(233, 3);
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.abs(m[i]);
        }
        return new long[] {Double.doubleToRawLongBits(k.dot(a, 0, b, 0, 233)),
                Double.doubleToRawLongBits(k.sumOfSquares(a, 1, 160)),
                Double.doubleToRawLongBits(k.kineticEnergy(b, 2, m, 2, 201))};
    }

    public static void main(String[] args) {
        for (long v : results()) {
            System.out.println(v);
        }
    }
}
