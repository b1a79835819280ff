package dev.meads.models.radon;

import dev.meads.engine.model.LogDensity;

import java.util.Objects;

/**
 * The radon log density written as its definition: one likelihood term per observation,
 * with no sufficient statistics. It is the reference that {@link RadonModel} is tested and
 * benchmarked against; it has the same coordinates, names, constants and priors.
 *
 * <p>Owns a scratch array of county gradients: give each thread its own {@link #copy()}.
 */
public final class RadonReferenceDensity implements LogDensity {
    private final RadonData data;
    private final RadonPriors priors;
    private final RadonParameterization parameterization;
    private final RadonLayout layout;
    /** d log-likelihood / d alpha[c], per county. */
    private final double[] alphaGradient;

    /** The radon density on {@code data} with the given priors and parameterisation. */
    public RadonReferenceDensity(RadonData data, RadonPriors priors, RadonParameterization parameterization) {
        this.data = Objects.requireNonNull(data, "data");
        this.priors = Objects.requireNonNull(priors, "priors");
        this.parameterization = Objects.requireNonNull(parameterization, "parameterization");
        this.layout = new RadonLayout(data.counties(), parameterization);
        this.alphaGradient = new double[data.counties()];
    }

    @Override
    public int dimension() {
        return layout.dimension();
    }

    @Override
    public String[] parameterNames() {
        return layout.parameterNames();
    }

    @Override
    public String[] constrainedNames() {
        return layout.constrainedNames();
    }

    @Override
    public void constrain(double[] x, int xOff, double[] out, int outOff) {
        layout.constrain(x, xOff, out, outOff);
    }

    /**
     * A data-based start: {@code mu_alpha} and every intercept at the mean log radon
     * (non-centred: {@code alpha_raw = 0}), {@code sigma_alpha = 1}, {@code beta = 0},
     * {@code sigma_y} the sample standard deviation of log radon.
     */
    @Override
    public void initialPoint(double[] out, int off) {
        layout.initialPoint(data, out, off);
    }

    @Override
    public RadonReferenceDensity copy() {
        return new RadonReferenceDensity(data, priors, parameterization);
    }

    @Override
    public String name() {
        return (parameterization == RadonParameterization.CENTRED ? "radon-centred" : "radon-noncentred")
                + "-reference";
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        int j = data.counties();
        int n = data.observations();
        int[] county = data.county();
        double[] floor = data.floor();
        double[] y = data.logRadon();
        boolean centred = parameterization == RadonParameterization.CENTRED;

        double mu = x[xOff + RadonLayout.MU_ALPHA];
        double logSigmaAlpha = x[xOff + RadonLayout.LOG_SIGMA_ALPHA];
        double beta = x[xOff + layout.beta()];
        double logSigmaY = x[xOff + layout.logSigmaY()];
        double sigmaAlpha = Math.exp(logSigmaAlpha);
        double sigmaY = Math.exp(logSigmaY);
        int xa = xOff + RadonLayout.ALPHA;

        // likelihood, one observation at a time
        java.util.Arrays.fill(alphaGradient, 0.0);
        double squares = 0;
        double gBeta = 0;
        for (int i = 0; i < n; i++) {
            int c = county[i];
            double alpha = centred ? x[xa + c] : mu + sigmaAlpha * x[xa + c];
            double e = y[i] - alpha - beta * floor[i];
            squares += e * e;
            alphaGradient[c] += e / (sigmaY * sigmaY);
            gBeta += e * floor[i] / (sigmaY * sigmaY);
        }
        double lp = -n * logSigmaY - squares / (2 * sigmaY * sigmaY);
        double gLogSigmaY = -n + squares / (sigmaY * sigmaY);

        // county intercepts
        double gMu = 0;
        double gLogSigmaAlpha = 0;
        for (int c = 0; c < j; c++) {
            double v = x[xa + c];
            if (centred) {
                double d = v - mu;
                lp += -logSigmaAlpha - d * d / (2 * sigmaAlpha * sigmaAlpha);
                grad[gOff + RadonLayout.ALPHA + c] = alphaGradient[c] - d / (sigmaAlpha * sigmaAlpha);
                gMu += d / (sigmaAlpha * sigmaAlpha);
                gLogSigmaAlpha += -1 + d * d / (sigmaAlpha * sigmaAlpha);
            } else {
                // alpha = mu + sigma_alpha * v: chain rule through the linear map
                lp += -v * v / 2;
                grad[gOff + RadonLayout.ALPHA + c] = sigmaAlpha * alphaGradient[c] - v;
                gMu += alphaGradient[c];
                gLogSigmaAlpha += sigmaAlpha * v * alphaGradient[c];
            }
        }

        // priors and log-Jacobians of the two log transforms
        lp += priors.muAlpha().logDensity(mu) + priors.beta().logDensity(beta)
                + priors.sigmaAlpha().logDensity(sigmaAlpha) + priors.sigmaY().logDensity(sigmaY)
                + logSigmaAlpha + logSigmaY;
        grad[gOff + RadonLayout.MU_ALPHA] = gMu + priors.muAlpha().derivative(mu);
        grad[gOff + RadonLayout.LOG_SIGMA_ALPHA] = gLogSigmaAlpha + priors.sigmaAlpha().logScaleDerivative(sigmaAlpha) + 1;
        grad[gOff + layout.beta()] = gBeta + priors.beta().derivative(beta);
        grad[gOff + layout.logSigmaY()] = gLogSigmaY + priors.sigmaY().logScaleDerivative(sigmaY) + 1;
        return lp;
    }
}
