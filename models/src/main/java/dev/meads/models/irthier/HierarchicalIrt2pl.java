package dev.meads.models.irthier;

import dev.meads.engine.model.LogDensity;
import dev.meads.models.irt.IrtData;
import dev.meads.models.transform.ConstrainingTransform;
import java.util.Objects;

/**
 * posteriordb's hierarchical 2PL item-response model ({@code irt_2pl}, the same as
 * stat_comp_benchmarks {@code irt_2pl}), written the way a user writes a model: plain scalar
 * Java, the public {@link ConstrainingTransform}s for positive parameters, and only the
 * single-chain {@link LogDensity} methods.
 *
 * <pre>
 *   sigma_theta ~ cauchy(0, 2)  (half-Cauchy)     theta[j] ~ normal(0, sigma_theta)     j = 1..J persons
 *   sigma_a     ~ cauchy(0, 2)  (half-Cauchy)     a[i]     ~ lognormal(0, sigma_a)      i = 1..I items
 *   mu_b ~ normal(0, 5),  sigma_b ~ cauchy(0, 2)  b[i]     ~ normal(mu_b, sigma_b)
 *   y[i, j] ~ bernoulli_logit(a[i] * (theta[j] - b[i]))
 * </pre>
 *
 * <p>Coordinates, in this order (1 + J + 1 + I + 1 + 1 + I of them; 144 for 100 persons x 20
 * items): {@code log_sigma_theta, theta[1..J], log_sigma_a, log_a[1..I], mu_b, log_sigma_b,
 * b[1..I]}. The constrained quantities are named as in Stan and posteriordb's reference
 * ({@code sigma_theta, theta[1..J], sigma_a, a[1..I], mu_b, sigma_b, b[1..I]}), in the same
 * order. Each positive parameter is sampled through {@link ConstrainingTransform#positive()},
 * whose log-Jacobian is added, as Stan does. Like Stan's {@code ~} statements, the log density
 * leaves out constants that depend on no parameter ({@code log π}, {@code ½ log 2π},
 * {@code log 5}, ...).
 *
 * <p>Data: {@link IrtData} with {@code students} = persons (J) and {@code items} = items (I);
 * Stan's {@code y[i, j]} is {@code data.response(j - 1, i - 1)}.
 *
 * <p>Stateless (no scratch arrays), so one instance serves every thread.
 */
public final class HierarchicalIrt2pl implements LogDensity {
    private static final ConstrainingTransform POSITIVE = ConstrainingTransform.positive();
    /** Scale of the half-Cauchy priors on the three standard deviations. */
    private static final double CAUCHY_SCALE = 2.0;
    /** Standard deviation of the normal prior on mu_b. */
    private static final double MU_B_SCALE = 5.0;

    private final IrtData data;
    private final int persons;
    private final int items;
    // Where each block of coordinates starts.
    private final int sigmaThetaAt;
    private final int thetaAt;
    private final int sigmaAAt;
    private final int aAt;
    private final int muBAt;
    private final int sigmaBAt;
    private final int bAt;
    private final int dimension;

    /** The model for {@code data} (persons = {@code data.students()}, items = {@code data.items()}). */
    public HierarchicalIrt2pl(IrtData data) {
        this.data = Objects.requireNonNull(data, "data");
        persons = data.students();
        items = data.items();
        sigmaThetaAt = 0;
        thetaAt = 1;
        sigmaAAt = thetaAt + persons;
        aAt = sigmaAAt + 1;
        muBAt = aAt + items;
        sigmaBAt = muBAt + 1;
        bAt = sigmaBAt + 1;
        dimension = bAt + items;
    }

    /** The responses this model conditions on. */
    public IrtData data() {
        return data;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return "irt_2pl_hier(" + persons + " persons x " + items + " items)";
    }

    @Override
    public String[] parameterNames() {
        return names("log_sigma_theta", "log_sigma_a", "log_a", "log_sigma_b");
    }

    @Override
    public String[] constrainedNames() {
        return names("sigma_theta", "sigma_a", "a", "sigma_b");
    }

    private String[] names(String sigmaTheta, String sigmaA, String a, String sigmaB) {
        String[] names = new String[dimension];
        names[sigmaThetaAt] = sigmaTheta;
        for (int j = 0; j < persons; j++) {
            names[thetaAt + j] = "theta[" + (j + 1) + "]";
        }
        names[sigmaAAt] = sigmaA;
        for (int i = 0; i < items; i++) {
            names[aAt + i] = a + "[" + (i + 1) + "]";
        }
        names[muBAt] = "mu_b";
        names[sigmaBAt] = sigmaB;
        for (int i = 0; i < items; i++) {
            names[bAt + i] = "b[" + (i + 1) + "]";
        }
        return names;
    }

    @Override
    public void constrain(double[] x, int xOff, double[] out, int outOff) {
        System.arraycopy(x, xOff, out, outOff, dimension);
        out[outOff + sigmaThetaAt] = POSITIVE.constrain(x[xOff + sigmaThetaAt]);
        out[outOff + sigmaAAt] = POSITIVE.constrain(x[xOff + sigmaAAt]);
        out[outOff + sigmaBAt] = POSITIVE.constrain(x[xOff + sigmaBAt]);
        for (int i = 0; i < items; i++) {
            out[outOff + aAt + i] = POSITIVE.constrain(x[xOff + aAt + i]);
        }
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        // Gradients are first taken with respect to the constrained values (dSigmaTheta, ...)
        // and turned into gradients of the unconstrained coordinates by the chain rule at the end.
        double lp = 0.0;

        // sigma_theta ~ cauchy(0, 2), sampled as log sigma_theta
        double uSigmaTheta = x[xOff + sigmaThetaAt];
        double sigmaTheta = POSITIVE.constrain(uSigmaTheta);
        lp += halfCauchy(sigmaTheta) + POSITIVE.logJacobian(uSigmaTheta);
        double dSigmaTheta = halfCauchyDerivative(sigmaTheta);

        // theta ~ normal(0, sigma_theta)
        double logSigmaTheta = Math.log(sigmaTheta);
        for (int j = 0; j < persons; j++) {
            double z = x[xOff + thetaAt + j] / sigmaTheta;
            lp += -0.5 * z * z - logSigmaTheta;
            grad[gOff + thetaAt + j] = -z / sigmaTheta;
            dSigmaTheta += (z * z - 1.0) / sigmaTheta;
        }

        // sigma_a ~ cauchy(0, 2), sampled as log sigma_a
        double uSigmaA = x[xOff + sigmaAAt];
        double sigmaA = POSITIVE.constrain(uSigmaA);
        lp += halfCauchy(sigmaA) + POSITIVE.logJacobian(uSigmaA);
        double dSigmaA = halfCauchyDerivative(sigmaA);
        double logSigmaA = Math.log(sigmaA);

        // mu_b ~ normal(0, 5)
        double muB = x[xOff + muBAt];
        lp += -0.5 * (muB / MU_B_SCALE) * (muB / MU_B_SCALE);
        double dMuB = -muB / (MU_B_SCALE * MU_B_SCALE);

        // sigma_b ~ cauchy(0, 2), sampled as log sigma_b
        double uSigmaB = x[xOff + sigmaBAt];
        double sigmaB = POSITIVE.constrain(uSigmaB);
        lp += halfCauchy(sigmaB) + POSITIVE.logJacobian(uSigmaB);
        double dSigmaB = halfCauchyDerivative(sigmaB);
        double logSigmaB = Math.log(sigmaB);

        for (int i = 0; i < items; i++) {
            // a[i] ~ lognormal(0, sigma_a), sampled as log a[i]; log a[i] is the coordinate itself
            double logA = x[xOff + aAt + i];
            double a = POSITIVE.constrain(logA);
            double za = logA / sigmaA;
            lp += -logA - logSigmaA - 0.5 * za * za + POSITIVE.logJacobian(logA);
            double dA = -(1.0 + za / sigmaA) / a;
            dSigmaA += (za * za - 1.0) / sigmaA;

            // b[i] ~ normal(mu_b, sigma_b)
            double b = x[xOff + bAt + i];
            double zb = (b - muB) / sigmaB;
            lp += -0.5 * zb * zb - logSigmaB;
            double dB = -zb / sigmaB;
            dMuB += zb / sigmaB;
            dSigmaB += (zb * zb - 1.0) / sigmaB;

            // y[i, j] ~ bernoulli_logit(a[i] * (theta[j] - b[i]))
            for (int j = 0; j < persons; j++) {
                double theta = x[xOff + thetaAt + j];
                double eta = a * (theta - b);
                int y = data.response(j, i);
                // log(1 + e^eta) and logistic(eta) from one exponential that never overflows
                double e = Math.exp(-Math.abs(eta));
                double softplus = Math.max(eta, 0.0) + Math.log1p(e);
                double probability = eta >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                lp += y == 1 ? eta - softplus : -softplus;
                double residual = y - probability; // d log p(y | eta) / d eta
                grad[gOff + thetaAt + j] += a * residual;
                dB -= a * residual;
                dA += (theta - b) * residual;
            }
            grad[gOff + aAt + i] = dA * POSITIVE.derivative(logA) + POSITIVE.logJacobianDerivative(logA);
            grad[gOff + bAt + i] = dB;
        }

        grad[gOff + sigmaThetaAt] = dSigmaTheta * POSITIVE.derivative(uSigmaTheta)
                + POSITIVE.logJacobianDerivative(uSigmaTheta);
        grad[gOff + sigmaAAt] = dSigmaA * POSITIVE.derivative(uSigmaA) + POSITIVE.logJacobianDerivative(uSigmaA);
        grad[gOff + muBAt] = dMuB;
        grad[gOff + sigmaBAt] = dSigmaB * POSITIVE.derivative(uSigmaB) + POSITIVE.logJacobianDerivative(uSigmaB);
        return lp;
    }

    /** log of the half-Cauchy(0, 2) density up to a constant: {@code -log(1 + (s/2)²)}. */
    private static double halfCauchy(double s) {
        double u = s / CAUCHY_SCALE;
        return -Math.log1p(u * u);
    }

    /** Derivative of {@link #halfCauchy} with respect to {@code s}: {@code -2s / (4 + s²)}. */
    private static double halfCauchyDerivative(double s) {
        return -2.0 * s / (CAUCHY_SCALE * CAUCHY_SCALE + s * s);
    }
}
