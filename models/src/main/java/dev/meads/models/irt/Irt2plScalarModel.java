package dev.meads.models.irt;

import dev.meads.engine.model.LogDensity;

/**
 * Scalar reference for the IRT 2PL log density and its gradient: plain loops,
 * {@link Math#exp} and {@link Math#log1p}. It defines what {@link Irt2plModel} must compute;
 * the tests hold the vectorised kernels to it, and the benchmarks measure against it.
 *
 * <p>The density (see {@link Irt2plModel} for the model and the constants dropped) is
 * evaluated per response in a form that stays finite and accurate for any finite logit: with
 * {@code s = +eta} for a 1 and {@code -eta} for a 0, the log likelihood of the response is
 * {@code log(logistic(s)) = min(s, 0) - log1p(exp(-|s|))}, and its derivative with respect to
 * {@code s} is {@code logistic(-s)}, which is {@code e/(1+e)} for {@code s > 0} and
 * {@code 1/(1+e)} otherwise, with {@code e = exp(-|s|)} never overflowing.
 *
 * <p>Stateless, so {@link #copy()} returns this instance.
 */
public final class Irt2plScalarModel implements LogDensity {
    private final IrtData data;
    private final Irt2plLayout layout;

    public Irt2plScalarModel(IrtData data) {
        this.data = java.util.Objects.requireNonNull(data, "data");
        this.layout = new Irt2plLayout(data.students(), data.items());
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

    /** The origin: every logit is 0 there, see {@link Irt2plModel#initialPoint}. */
    @Override
    public void initialPoint(double[] out, int off) {
        java.util.Arrays.fill(out, off, off + dimension(), 0.0);
    }

    @Override
    public String name() {
        return "irt_2pl(scalar reference, " + data.students() + " students x " + data.items() + " items)";
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        int students = data.students();
        int items = data.items();
        byte[] y = data.responses();
        int bOff = layout.difficultyOffset();
        int logAOff = layout.logDiscriminationOffset();

        double logDensity = 0.0;
        for (int i = 0; i < students; i++) {
            double theta = x[xOff + i];
            logDensity -= 0.5 * theta * theta;
            grad[gOff + i] = -theta;
        }
        for (int j = 0; j < items; j++) {
            double b = x[xOff + bOff + j];
            double logA = x[xOff + logAOff + j];
            double a = Math.exp(logA);
            double gradB = -b;
            double gradLogA = 1.0 - a * a;
            logDensity += -0.5 * b * b - 0.5 * a * a + logA;
            for (int i = 0; i < students; i++) {
                double eta = a * (x[xOff + i] - b);
                boolean one = y[i * items + j] == 1;
                double s = one ? eta : -eta;
                double e = Math.exp(-Math.abs(s));
                logDensity += Math.min(s, 0.0) - Math.log1p(e);
                double inverse = 1.0 / (1.0 + e);
                double logisticOfMinusS = s > 0 ? e * inverse : inverse;
                double dEta = one ? logisticOfMinusS : -logisticOfMinusS; // d loglik / d eta = y - logistic(eta)
                grad[gOff + i] += a * dEta;
                gradB -= a * dEta;
                gradLogA += eta * dEta; // d eta / d log_a = eta
            }
            grad[gOff + bOff + j] = gradB;
            grad[gOff + logAOff + j] = gradLogA;
        }
        return logDensity;
    }
}
