package dev.meads.models.radon;

/**
 * Where each parameter of the radon model sits in the unconstrained vector, and the map to the
 * constrained quantities users read. Shared by every evaluator of the model, so they cannot
 * disagree on names or order.
 *
 * <p>Unconstrained order (dimension {@code J + 4}), the notebook's order with scales on the
 * log scale:
 * <pre>
 *   0          mu_alpha
 *   1          log_sigma_alpha
 *   2 .. J+1   alpha[1..J]       (non-centred: alpha_raw[1..J])
 *   J+2        beta
 *   J+3        log_sigma_y
 * </pre>
 * Constrained order: {@code mu_alpha, sigma_alpha, alpha[1..J], beta, sigma_y}; the
 * non-centred form appends {@code alpha_raw[1..J]}, so the leading {@code J + 4} quantities
 * mean the same in both forms.
 */
final class RadonLayout {
    static final int MU_ALPHA = 0;
    static final int LOG_SIGMA_ALPHA = 1;
    static final int ALPHA = 2;

    final int counties;
    final RadonParameterization parameterization;

    RadonLayout(int counties, RadonParameterization parameterization) {
        this.counties = counties;
        this.parameterization = parameterization;
    }

    int dimension() {
        return counties + 4;
    }

    int beta() {
        return ALPHA + counties;
    }

    int logSigmaY() {
        return ALPHA + counties + 1;
    }

    String[] parameterNames() {
        String[] names = new String[dimension()];
        names[MU_ALPHA] = "mu_alpha";
        names[LOG_SIGMA_ALPHA] = "log_sigma_alpha";
        String alpha = parameterization == RadonParameterization.CENTRED ? "alpha[" : "alpha_raw[";
        for (int c = 0; c < counties; c++) {
            names[ALPHA + c] = alpha + (c + 1) + "]";
        }
        names[beta()] = "beta";
        names[logSigmaY()] = "log_sigma_y";
        return names;
    }

    int constrainedLength() {
        return parameterization == RadonParameterization.CENTRED ? dimension() : dimension() + counties;
    }

    String[] constrainedNames() {
        String[] names = new String[constrainedLength()];
        names[MU_ALPHA] = "mu_alpha";
        names[LOG_SIGMA_ALPHA] = "sigma_alpha";
        for (int c = 0; c < counties; c++) {
            names[ALPHA + c] = "alpha[" + (c + 1) + "]";
        }
        names[beta()] = "beta";
        names[logSigmaY()] = "sigma_y";
        if (parameterization == RadonParameterization.NON_CENTRED) {
            for (int c = 0; c < counties; c++) {
                names[dimension() + c] = "alpha_raw[" + (c + 1) + "]";
            }
        }
        return names;
    }

    void constrain(double[] x, int xOff, double[] out, int outOff) {
        double mu = x[xOff + MU_ALPHA];
        double sigmaAlpha = Math.exp(x[xOff + LOG_SIGMA_ALPHA]);
        out[outOff + MU_ALPHA] = mu;
        out[outOff + LOG_SIGMA_ALPHA] = sigmaAlpha;
        if (parameterization == RadonParameterization.CENTRED) {
            System.arraycopy(x, xOff + ALPHA, out, outOff + ALPHA, counties);
        } else {
            for (int c = 0; c < counties; c++) {
                double raw = x[xOff + ALPHA + c];
                out[outOff + ALPHA + c] = mu + sigmaAlpha * raw;
                out[outOff + dimension() + c] = raw;
            }
        }
        out[outOff + beta()] = x[xOff + beta()];
        out[outOff + logSigmaY()] = Math.exp(x[xOff + logSigmaY()]);
    }

    /**
     * A data-based start: {@code mu_alpha} and every intercept at the mean log radon,
     * {@code sigma_alpha = 1}, {@code beta = 0}, {@code sigma_y} the sample standard deviation
     * of log radon (1 if that is zero).
     */
    void initialPoint(RadonData data, double[] out, int off) {
        double[] y = data.logRadon();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double sd = y.length > 1 ? Math.sqrt(ss / (y.length - 1)) : 0.0;
        out[off + MU_ALPHA] = mean;
        out[off + LOG_SIGMA_ALPHA] = 0.0;
        double alphaStart = parameterization == RadonParameterization.CENTRED ? mean : 0.0;
        java.util.Arrays.fill(out, off + ALPHA, off + ALPHA + counties, alphaStart);
        out[off + beta()] = 0.0;
        out[off + logSigmaY()] = sd > 0 ? Math.log(sd) : 0.0;
    }
}
