package dev.meads.engine.nuts;

import dev.meads.engine.model.LogDensity;

/** Small targets with known answers for the NUTS tests. */
final class TestTargets {
    private TestTargets() {
    }

    private static String[] names(int d) {
        String[] n = new String[d];
        for (int j = 0; j < d; j++) {
            n[j] = "x[" + (j + 1) + "]";
        }
        return n;
    }

    /** Independent normals {@code N(0, diag(sd²))}. */
    static final class IndependentNormal implements LogDensity {
        private final double[] invVar;

        IndependentNormal(double... sd) {
            invVar = new double[sd.length];
            for (int j = 0; j < sd.length; j++) {
                invVar[j] = 1.0 / (sd[j] * sd[j]);
            }
        }

        static IndependentNormal standard(int d) {
            double[] sd = new double[d];
            java.util.Arrays.fill(sd, 1.0);
            return new IndependentNormal(sd);
        }

        @Override
        public int dimension() {
            return invVar.length;
        }

        @Override
        public String[] parameterNames() {
            return names(invVar.length);
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            double lp = 0;
            for (int j = 0; j < invVar.length; j++) {
                double xj = x[xOff + j];
                grad[gOff + j] = -invVar[j] * xj;
                lp -= 0.5 * invVar[j] * xj * xj;
            }
            return lp;
        }

        @Override
        public String name() {
            return "IndependentNormal";
        }
    }

    /** A bivariate normal with unit variances and correlation {@code rho}. */
    static final class CorrelatedNormal2 implements LogDensity {
        private final double rho;
        private final double det;

        CorrelatedNormal2(double rho) {
            this.rho = rho;
            this.det = 1 - rho * rho;
        }

        double[] covariance() {
            return new double[] {1, rho, rho, 1};
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public String[] parameterNames() {
            return names(2);
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            double a = x[xOff];
            double b = x[xOff + 1];
            // Σ⁻¹ = [[1, −ρ], [−ρ, 1]] / (1 − ρ²)
            double ga = (a - rho * b) / det;
            double gb = (b - rho * a) / det;
            grad[gOff] = -ga;
            grad[gOff + 1] = -gb;
            return -0.5 * (a * ga + b * gb);
        }
    }

    /** {@code logp = −scale·x⁴} in one dimension: stiff near nothing, explosive for large steps. */
    static final class Quartic implements LogDensity {
        private final double scale;

        Quartic(double scale) {
            this.scale = scale;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public String[] parameterNames() {
            return names(1);
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            double v = x[xOff];
            grad[gOff] = -4 * scale * v * v * v;
            return -scale * v * v * v * v;
        }
    }

    /**
     * A standard normal in {@code d} dimensions whose model is broken where {@code x[0] > bound}:
     * there it returns a NaN gradient, and a NaN log density too when {@code nanDensity}.
     */
    static final class BrokenHalfSpace implements LogDensity {
        private final int d;
        private final double bound;
        private final boolean nanDensity;
        long brokenCalls;

        BrokenHalfSpace(int d, double bound, boolean nanDensity) {
            this.d = d;
            this.bound = bound;
            this.nanDensity = nanDensity;
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public String[] parameterNames() {
            return names(d);
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            double lp = 0;
            for (int j = 0; j < d; j++) {
                double xj = x[xOff + j];
                grad[gOff + j] = -xj;
                lp -= 0.5 * xj * xj;
            }
            if (x[xOff] > bound) {
                brokenCalls++;
                for (int j = 0; j < d; j++) {
                    grad[gOff + j] = Double.NaN;
                }
                return nanDensity ? Double.NaN : lp;
            }
            return lp;
        }

        @Override
        public String name() {
            return "BrokenHalfSpace";
        }
    }

    /**
     * Neal's funnel in {@code 1 + k} dimensions: {@code v ~ N(0, 3²)}, {@code x_i | v ~ N(0, e^v)}.
     * Its neck produces divergences at any usable step size.
     */
    static final class Funnel implements LogDensity {
        private final int k;

        Funnel(int k) {
            this.k = k;
        }

        @Override
        public int dimension() {
            return k + 1;
        }

        @Override
        public String[] parameterNames() {
            return names(k + 1);
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            double v = x[xOff];
            double ev = Math.exp(-v);
            double lp = -v * v / 18.0 - 0.5 * k * v;
            double gv = -v / 9.0 - 0.5 * k;
            for (int i = 1; i <= k; i++) {
                double xi = x[xOff + i];
                lp -= 0.5 * xi * xi * ev;
                gv += 0.5 * xi * xi * ev;
                grad[gOff + i] = -xi * ev;
            }
            grad[gOff] = gv;
            return lp;
        }
    }

    /** A one-dimensional density given by a log density and its derivative. */
    interface Scalar1d {
        double logp(double x);

        double grad(double x);
    }

    /** Wraps a {@link Scalar1d} as a model. */
    static LogDensity oneDimensional(String name, Scalar1d f) {
        return new LogDensity() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public String[] parameterNames() {
                return new String[] {"x"};
            }

            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                grad[gOff] = f.grad(x[xOff]);
                return f.logp(x[xOff]);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
