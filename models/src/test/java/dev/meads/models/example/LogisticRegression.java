package dev.meads.models.example;

import dev.meads.engine.model.LogDensity;
import dev.meads.models.transform.ConstrainingTransform;

/**
 * Logistic regression with a shrinkage prior, sampled on (log sigma, alpha, beta):
 * sigma ~ exponential(1), alpha ~ normal(0, 5), beta[j] ~ normal(0, sigma),
 * y[n] ~ bernoulli_logit(alpha + x[n] . beta).
 */
public final class LogisticRegression implements LogDensity {
    private static final ConstrainingTransform POSITIVE = ConstrainingTransform.positive();
    private final double[][] x; // x[n][j]: predictor j of observation n
    private final int[] y;      // 0 or 1
    private final int k;        // number of predictors

    /** The model for predictors {@code x} ({@code n x k}) and outcomes {@code y} (0 or 1). */
    public LogisticRegression(double[][] x, int[] y) {
        this.x = x;
        this.y = y;
        this.k = x[0].length;
    }

    @Override
    public int dimension() {
        return 2 + k;
    }

    @Override
    public String[] parameterNames() {
        return names("log_sigma");
    }

    @Override
    public String[] constrainedNames() {
        return names("sigma");
    }

    private String[] names(String scale) {
        String[] names = new String[2 + k];
        names[0] = scale;
        names[1] = "alpha";
        for (int j = 0; j < k; j++) {
            names[2 + j] = "beta[" + (j + 1) + "]";
        }
        return names;
    }

    @Override
    public void constrain(double[] u, int uOff, double[] out, int outOff) {
        System.arraycopy(u, uOff, out, outOff, 2 + k);
        out[outOff] = POSITIVE.constrain(u[uOff]);
    }

    @Override
    public double logDensityAndGradient(double[] u, int uOff, double[] grad, int gOff) {
        double logSigma = u[uOff];
        double sigma = POSITIVE.constrain(logSigma);
        double alpha = u[uOff + 1];
        double lp = -sigma + POSITIVE.logJacobian(logSigma) - alpha * alpha / 50; // priors on sigma, alpha
        double dSigma = -1;                                                         // d lp / d sigma
        grad[gOff + 1] = -alpha / 25;
        for (int j = 0; j < k; j++) {                                               // beta[j] ~ normal(0, sigma)
            double beta = u[uOff + 2 + j];
            lp += -0.5 * beta * beta / (sigma * sigma) - Math.log(sigma);
            dSigma += beta * beta / (sigma * sigma * sigma) - 1 / sigma;
            grad[gOff + 2 + j] = -beta / (sigma * sigma);
        }
        for (int n = 0; n < y.length; n++) {                                        // the likelihood
            double eta = alpha;
            for (int j = 0; j < k; j++) {
                eta += x[n][j] * u[uOff + 2 + j];
            }
            lp += y[n] * eta - Math.log1p(Math.exp(eta));   // log p(y | eta); fine while eta < 700
            double residual = y[n] - 1 / (1 + Math.exp(-eta)); // d lp / d eta
            grad[gOff + 1] += residual;
            for (int j = 0; j < k; j++) {
                grad[gOff + 2 + j] += residual * x[n][j];
            }
        }
        grad[gOff] = dSigma * POSITIVE.derivative(logSigma) + POSITIVE.logJacobianDerivative(logSigma);
        return lp;
    }
}
