package dev.meads.models.irthier;

import dev.meads.engine.model.LogDensity;
import dev.meads.models.irt.IrtData;
import dev.meads.models.transform.ConstrainingTransform;
import java.util.Objects;

/**
 * The posterior of {@link HierarchicalIrt2pl} in the non-centred parameterisation: the person
 * abilities, log discriminations and difficulties are sampled as standard-normal deviations and
 * scaled by their hyperparameters,
 * <pre>
 *   theta[j] = sigma_theta * theta_raw[j],   log a[i] = sigma_a * a_raw[i],   b[i] = mu_b + sigma_b * b_raw[i],
 *   theta_raw[j], a_raw[i], b_raw[i] ~ normal(0, 1),
 * </pre>
 * with the same priors on {@code sigma_theta, sigma_a, mu_b, sigma_b} and the same likelihood.
 * It is the same distribution of {@code (sigma_theta, theta, sigma_a, a, mu_b, sigma_b, b)},
 * without the funnels between each scale and the parameters it scales, so a sampler with one
 * step size for the whole space moves through it more freely.
 *
 * <p>Coordinates: {@code log_sigma_theta, theta_raw[1..J], log_sigma_a, a_raw[1..I], mu_b,
 * log_sigma_b, b_raw[1..I]}. {@link #constrain} reports the centred quantities under the same
 * names and in the same order as {@link HierarchicalIrt2pl#constrainedNames()}. Constants that
 * depend on no parameter are left out.
 *
 * <p>Stateless, so one instance serves every thread.
 */
public final class NonCentredHierarchicalIrt2pl implements LogDensity {
    private static final ConstrainingTransform POSITIVE = ConstrainingTransform.positive();
    private static final double CAUCHY_SCALE = 2.0;
    private static final double MU_B_SCALE = 5.0;

    private final IrtData data;
    private final int persons;
    private final int items;
    private final int sigmaThetaAt;
    private final int thetaAt;
    private final int sigmaAAt;
    private final int aAt;
    private final int muBAt;
    private final int sigmaBAt;
    private final int bAt;
    private final int dimension;
    private final String[] constrainedNames;

    /** The model for {@code data} (persons = {@code data.students()}, items = {@code data.items()}). */
    public NonCentredHierarchicalIrt2pl(IrtData data) {
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
        constrainedNames = new HierarchicalIrt2pl(data).constrainedNames();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String name() {
        return "irt_2pl_hier_noncentred(" + persons + " persons x " + items + " items)";
    }

    @Override
    public String[] parameterNames() {
        String[] names = new String[dimension];
        names[sigmaThetaAt] = "log_sigma_theta";
        for (int j = 0; j < persons; j++) {
            names[thetaAt + j] = "theta_raw[" + (j + 1) + "]";
        }
        names[sigmaAAt] = "log_sigma_a";
        for (int i = 0; i < items; i++) {
            names[aAt + i] = "a_raw[" + (i + 1) + "]";
        }
        names[muBAt] = "mu_b";
        names[sigmaBAt] = "log_sigma_b";
        for (int i = 0; i < items; i++) {
            names[bAt + i] = "b_raw[" + (i + 1) + "]";
        }
        return names;
    }

    @Override
    public String[] constrainedNames() {
        return constrainedNames.clone();
    }

    @Override
    public void constrain(double[] x, int xOff, double[] out, int outOff) {
        double sigmaTheta = POSITIVE.constrain(x[xOff + sigmaThetaAt]);
        double sigmaA = POSITIVE.constrain(x[xOff + sigmaAAt]);
        double muB = x[xOff + muBAt];
        double sigmaB = POSITIVE.constrain(x[xOff + sigmaBAt]);
        out[outOff + sigmaThetaAt] = sigmaTheta;
        for (int j = 0; j < persons; j++) {
            out[outOff + thetaAt + j] = sigmaTheta * x[xOff + thetaAt + j];
        }
        out[outOff + sigmaAAt] = sigmaA;
        for (int i = 0; i < items; i++) {
            out[outOff + aAt + i] = Math.exp(sigmaA * x[xOff + aAt + i]);
        }
        out[outOff + muBAt] = muB;
        out[outOff + sigmaBAt] = sigmaB;
        for (int i = 0; i < items; i++) {
            out[outOff + bAt + i] = muB + sigmaB * x[xOff + bAt + i];
        }
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        double lp = 0.0;

        double uSigmaTheta = x[xOff + sigmaThetaAt];
        double sigmaTheta = POSITIVE.constrain(uSigmaTheta);
        lp += halfCauchy(sigmaTheta) + POSITIVE.logJacobian(uSigmaTheta);
        double dSigmaTheta = halfCauchyDerivative(sigmaTheta);

        double uSigmaA = x[xOff + sigmaAAt];
        double sigmaA = POSITIVE.constrain(uSigmaA);
        lp += halfCauchy(sigmaA) + POSITIVE.logJacobian(uSigmaA);
        double dSigmaA = halfCauchyDerivative(sigmaA);

        double muB = x[xOff + muBAt];
        lp += -0.5 * (muB / MU_B_SCALE) * (muB / MU_B_SCALE);
        double dMuB = -muB / (MU_B_SCALE * MU_B_SCALE);

        double uSigmaB = x[xOff + sigmaBAt];
        double sigmaB = POSITIVE.constrain(uSigmaB);
        lp += halfCauchy(sigmaB) + POSITIVE.logJacobian(uSigmaB);
        double dSigmaB = halfCauchyDerivative(sigmaB);

        // theta_raw ~ normal(0, 1); the likelihood's gradient with respect to theta[j] is
        // collected in grad[theta_raw[j]] and scaled by sigma_theta at the end
        for (int j = 0; j < persons; j++) {
            double raw = x[xOff + thetaAt + j];
            lp -= 0.5 * raw * raw;
            grad[gOff + thetaAt + j] = 0.0;
        }

        for (int i = 0; i < items; i++) {
            double aRaw = x[xOff + aAt + i];
            double bRaw = x[xOff + bAt + i];
            lp -= 0.5 * aRaw * aRaw + 0.5 * bRaw * bRaw;
            double a = Math.exp(sigmaA * aRaw);
            double b = muB + sigmaB * bRaw;
            double dA = 0.0; // d loglik / d a[i]
            double dB = 0.0; // d loglik / d b[i]
            for (int j = 0; j < persons; j++) {
                double theta = sigmaTheta * x[xOff + thetaAt + j];
                double eta = a * (theta - b);
                int y = data.response(j, i);
                double e = Math.exp(-Math.abs(eta));
                double softplus = Math.max(eta, 0.0) + Math.log1p(e);
                double probability = eta >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                lp += y == 1 ? eta - softplus : -softplus;
                double residual = y - probability;
                grad[gOff + thetaAt + j] += a * residual;
                dB -= a * residual;
                dA += (theta - b) * residual;
            }
            // log a = sigma_a * a_raw: d/d a_raw = dA * a * sigma_a, d/d sigma_a += dA * a * a_raw
            grad[gOff + aAt + i] = dA * a * sigmaA - aRaw;
            dSigmaA += dA * a * aRaw;
            // b = mu_b + sigma_b * b_raw
            grad[gOff + bAt + i] = dB * sigmaB - bRaw;
            dMuB += dB;
            dSigmaB += dB * bRaw;
        }
        for (int j = 0; j < persons; j++) {
            double raw = x[xOff + thetaAt + j];
            double dTheta = grad[gOff + thetaAt + j];
            dSigmaTheta += dTheta * raw;
            grad[gOff + thetaAt + j] = dTheta * sigmaTheta - raw;
        }

        grad[gOff + sigmaThetaAt] = dSigmaTheta * POSITIVE.derivative(uSigmaTheta)
                + POSITIVE.logJacobianDerivative(uSigmaTheta);
        grad[gOff + sigmaAAt] = dSigmaA * POSITIVE.derivative(uSigmaA) + POSITIVE.logJacobianDerivative(uSigmaA);
        grad[gOff + muBAt] = dMuB;
        grad[gOff + sigmaBAt] = dSigmaB * POSITIVE.derivative(uSigmaB) + POSITIVE.logJacobianDerivative(uSigmaB);
        return lp;
    }

    /** log of the half-Cauchy(0, 2) density up to a constant. */
    private static double halfCauchy(double s) {
        double u = s / CAUCHY_SCALE;
        return -Math.log1p(u * u);
    }

    /** Derivative of {@link #halfCauchy} with respect to {@code s}. */
    private static double halfCauchyDerivative(double s) {
        return -2.0 * s / (CAUCHY_SCALE * CAUCHY_SCALE + s * s);
    }
}
