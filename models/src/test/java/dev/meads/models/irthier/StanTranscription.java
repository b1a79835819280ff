package dev.meads.models.irthier;

import dev.meads.models.irt.IrtData;

/**
 * posteriordb's {@code irt_2pl.stan} transcribed line by line, with every density fully
 * normalised the way Stan's {@code *_lpdf} functions define them and the log-Jacobians of the
 * {@code <lower=0>} parameters added, written plainly (no care for overflow, so only for moderate points) so that it shares
 * no code or algebra with {@link HierarchicalIrt2pl}. Only its log density is used: it must
 * differ from the model's by a constant.
 */
final class StanTranscription {
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private StanTranscription() {
    }

    /** The log density at unconstrained {@code x} (layout of {@link HierarchicalIrt2pl}). */
    static double logDensity(IrtData data, double[] x) {
        int nI = data.items();
        int nJ = data.students();
        int k = 0;
        // parameters { real<lower=0> sigma_theta; vector[J] theta; real<lower=0> sigma_a;
        //              vector<lower=0>[I] a; real mu_b; real<lower=0> sigma_b; vector[I] b; }
        double jacobian = 0;
        double sigmaTheta = Math.exp(x[k]);
        jacobian += x[k++];
        double[] theta = new double[nJ];
        for (int j = 0; j < nJ; j++) {
            theta[j] = x[k++];
        }
        double sigmaA = Math.exp(x[k]);
        jacobian += x[k++];
        double[] a = new double[nI];
        for (int i = 0; i < nI; i++) {
            a[i] = Math.exp(x[k]);
            jacobian += x[k++];
        }
        double muB = x[k++];
        double sigmaB = Math.exp(x[k]);
        jacobian += x[k++];
        double[] b = new double[nI];
        for (int i = 0; i < nI; i++) {
            b[i] = x[k++];
        }

        double target = jacobian;
        target += cauchyLpdf(sigmaTheta, 0, 2);               // sigma_theta ~ cauchy(0, 2);
        for (int j = 0; j < nJ; j++) {
            target += normalLpdf(theta[j], 0, sigmaTheta);   // theta ~ normal(0, sigma_theta);
        }
        target += cauchyLpdf(sigmaA, 0, 2);                   // sigma_a ~ cauchy(0, 2);
        for (int i = 0; i < nI; i++) {
            target += lognormalLpdf(a[i], 0, sigmaA);        // a ~ lognormal(0, sigma_a);
        }
        target += normalLpdf(muB, 0, 5);                      // mu_b ~ normal(0, 5);
        target += cauchyLpdf(sigmaB, 0, 2);                   // sigma_b ~ cauchy(0, 2);
        for (int i = 0; i < nI; i++) {
            target += normalLpdf(b[i], muB, sigmaB);         // b ~ normal(mu_b, sigma_b);
        }
        for (int i = 0; i < nI; i++) {                        // for (i in 1:I)
            for (int j = 0; j < nJ; j++) {                    //   y[i] ~ bernoulli_logit(a[i] * (theta - b[i]));
                target += bernoulliLogitLpmf(data.response(j, i), a[i] * (theta[j] - b[i]));
            }
        }
        return target;
    }

    static double normalLpdf(double y, double mu, double sigma) {
        double z = (y - mu) / sigma;
        return -LOG_SQRT_TWO_PI - Math.log(sigma) - 0.5 * z * z;
    }

    static double lognormalLpdf(double y, double mu, double sigma) {
        return normalLpdf(Math.log(y), mu, sigma) - Math.log(y);
    }

    static double cauchyLpdf(double y, double mu, double sigma) {
        double z = (y - mu) / sigma;
        return -Math.log(Math.PI) - Math.log(sigma) - Math.log(1 + z * z);
    }

    /** {@code y log(inv_logit(alpha)) + (1 - y) log(1 - inv_logit(alpha)) = y alpha - log(1 + e^alpha)}. */
    static double bernoulliLogitLpmf(int y, double alpha) {
        return y * alpha - Math.log1p(Math.exp(alpha));
    }
}
