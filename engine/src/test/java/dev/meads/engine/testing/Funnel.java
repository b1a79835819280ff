package dev.meads.engine.testing;

import dev.meads.engine.model.LogDensity;

/**
 * Neal's funnel in d dimensions: v ~ N(0, 3²), x_i | v ~ N(0, e^{v}). Its neck makes fixed
 * step sizes diverge, so samplers must count divergences here.
 */
public final class Funnel implements LogDensity {
    private final int d;

    public Funnel(int d) {
        this.d = d;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public String[] parameterNames() {
        String[] names = new String[d];
        names[0] = "v";
        for (int j = 1; j < d; j++) {
            names[j] = "x[" + j + "]";
        }
        return names;
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        double v = x[xOff];
        double lp = -v * v / 18.0;
        double gv = -v / 9.0;
        double precision = Math.exp(-v);
        for (int j = 1; j < d; j++) {
            double xi = x[xOff + j];
            lp += -0.5 * xi * xi * precision - 0.5 * v;
            gv += 0.5 * xi * xi * precision - 0.5;
            grad[gOff + j] = -xi * precision;
        }
        grad[gOff] = gv;
        return lp;
    }
}
