package dev.meads.engine.testing;

import dev.meads.engine.model.LogDensity;

/** N(mean, diag(sd²)) in any dimension: a target with known answers for sampler tests. */
public final class DiagonalGaussian implements LogDensity {
    private final double[] mean;
    private final double[] sd;
    private final String[] names;

    public DiagonalGaussian(double[] mean, double[] sd) {
        this.mean = mean.clone();
        this.sd = sd.clone();
        this.names = new String[sd.length];
        for (int j = 0; j < sd.length; j++) {
            names[j] = "x[" + (j + 1) + "]";
        }
    }

    /** Standard normal in d dimensions. */
    public static DiagonalGaussian standard(int d) {
        double[] sd = new double[d];
        java.util.Arrays.fill(sd, 1.0);
        return new DiagonalGaussian(new double[d], sd);
    }

    /** Zero mean, standard deviations {@code sd}. */
    public static DiagonalGaussian centred(double... sd) {
        return new DiagonalGaussian(new double[sd.length], sd);
    }

    public double mean(int j) {
        return mean[j];
    }

    public double sd(int j) {
        return sd[j];
    }

    @Override
    public int dimension() {
        return sd.length;
    }

    @Override
    public String[] parameterNames() {
        return names.clone();
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        double lp = 0.0;
        for (int j = 0; j < sd.length; j++) {
            double z = (x[xOff + j] - mean[j]) / sd[j];
            lp -= 0.5 * z * z;
            grad[gOff + j] = -z / sd[j];
        }
        return lp;
    }
}
