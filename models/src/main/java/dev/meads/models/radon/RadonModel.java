package dev.meads.models.radon;

import dev.meads.engine.model.LogDensity;

import java.util.Objects;

/**
 * The hierarchical (varying-intercept) radon model on unconstrained space:
 * <pre>
 *   mu_alpha ~ normal prior,  sigma_alpha ~ scale prior,  beta ~ normal prior,  sigma_y ~ scale prior
 *   alpha[j] ~ N(mu_alpha, sigma_alpha)                                  j = 1..J
 *   log_radon[n] ~ N(alpha[county[n]] + beta * floor[n], sigma_y)         n = 1..N
 * </pre>
 * sampled in {@code (mu_alpha, log sigma_alpha, alpha or alpha_raw, beta, log sigma_y)} with
 * the log-Jacobian {@code log sigma_alpha + log sigma_y} added (coordinate order: see
 * {@link #parameterNames()}). In the {@linkplain RadonParameterization#NON_CENTRED non-centred}
 * form the coordinates are {@code alpha_raw[j] ~ N(0, 1)} and
 * {@code alpha = mu_alpha + sigma_alpha * alpha_raw}.
 *
 * <p>The log density omits constants that depend on no parameter (as Stan's {@code ~} does).
 * The data enter only through per-county sufficient statistics ({@link CountyStatistics}), so
 * one evaluation costs O(J), not O(N); {@link RadonReferenceDensity} is the same density
 * written per observation. The county loop runs either as plain scalar code or as a Vector
 * API loop ({@link Evaluator}); both agree to rounding. With the vector evaluator the block
 * form evaluates one chain per vector lane.
 *
 * <p>Each instance owns small scratch arrays: give each thread its own {@link #copy()}.
 */
public final class RadonModel implements LogDensity {

    /** How the O(J) county loop is evaluated. */
    public enum Evaluator {
        /** Plain scalar loops; works on any JVM. */
        SCALAR,
        /** Vector API loop over counties; needs {@code --add-modules jdk.incubator.vector}. */
        VECTOR;

        /**
         * {@link #VECTOR} when the {@code jdk.incubator.vector} module is loaded and not disabled
         * with {@code -Dmeads.vector=false}, else {@link #SCALAR}.
         */
        public static Evaluator best() {
            return vectorAvailable() ? VECTOR : SCALAR;
        }

        static boolean vectorAvailable() {
            if ("false".equalsIgnoreCase(System.getProperty("meads.vector"))) {
                return false;
            }
            return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        }
    }

    private final RadonData data;
    private final RadonPriors priors;
    private final RadonParameterization parameterization;
    private final Evaluator evaluator;
    private final CountyStatistics stats;
    private final RadonLayout layout;
    private final CountyPass pass;
    /** Lane = chain block evaluation; only with the vector evaluator. */
    private final ChainLaneKernel laneKernel;
    private final double[] sums = new double[CountyPass.SUMS_LENGTH];

    /**
     * The model on {@code data} with the given priors, parameterisation and evaluator.
     *
     * @throws IllegalStateException if {@code evaluator} is {@link Evaluator#VECTOR} and the
     *         Vector API module is not available
     */
    public RadonModel(RadonData data, RadonPriors priors, RadonParameterization parameterization, Evaluator evaluator) {
        this(data, priors, parameterization, evaluator, new CountyStatistics(Objects.requireNonNull(data, "data")));
    }

    private RadonModel(RadonData data, RadonPriors priors, RadonParameterization parameterization,
                       Evaluator evaluator, CountyStatistics stats) {
        this.data = data;
        this.priors = Objects.requireNonNull(priors, "priors");
        this.parameterization = Objects.requireNonNull(parameterization, "parameterization");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.stats = stats;
        this.layout = new RadonLayout(data.counties(), parameterization);
        this.pass = choosePass(evaluator);
        this.laneKernel = evaluator == Evaluator.VECTOR ? new ChainLaneKernel(stats, priors, parameterization) : null;
    }

    private static CountyPass choosePass(Evaluator evaluator) {
        if (evaluator == Evaluator.SCALAR) {
            return ScalarCountyPass.INSTANCE;
        }
        if (!Evaluator.vectorAvailable()) {
            throw new IllegalStateException("the vector evaluator needs the jdk.incubator.vector module "
                    + "(--add-modules jdk.incubator.vector) and meads.vector not set to false");
        }
        return VectorCountyPass.INSTANCE;
    }

    /** The centred model with the given priors and the best evaluator for this JVM. */
    public static RadonModel centred(RadonData data, RadonPriors priors) {
        return new RadonModel(data, priors, RadonParameterization.CENTRED, Evaluator.best());
    }

    /** The non-centred model with the given priors and the best evaluator for this JVM. */
    public static RadonModel nonCentred(RadonData data, RadonPriors priors) {
        return new RadonModel(data, priors, RadonParameterization.NON_CENTRED, Evaluator.best());
    }

    /** The notebook's model: centred, {@link RadonPriors#notebook()}. */
    public static RadonModel notebook(RadonData data) {
        return centred(data, RadonPriors.notebook());
    }

    /** The data the model conditions on. */
    public RadonData data() {
        return data;
    }

    /** The prior settings. */
    public RadonPriors priors() {
        return priors;
    }

    /** Centred or non-centred. */
    public RadonParameterization parameterization() {
        return parameterization;
    }

    /** How the county loop runs. */
    public Evaluator evaluator() {
        return evaluator;
    }

    @Override
    public int dimension() {
        return layout.dimension();
    }

    /**
     * {@code mu_alpha, log_sigma_alpha, alpha[1..J], beta, log_sigma_y} (non-centred:
     * {@code alpha_raw[1..J]} in place of {@code alpha}).
     */
    @Override
    public String[] parameterNames() {
        return layout.parameterNames();
    }

    /**
     * {@code mu_alpha, sigma_alpha, alpha[1..J], beta, sigma_y}; the non-centred form appends
     * {@code alpha_raw[1..J]}.
     */
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

    /** The same density with its own scratch space; the statistics are shared (immutable). */
    @Override
    public RadonModel copy() {
        return new RadonModel(data, priors, parameterization, evaluator, stats);
    }

    @Override
    public String name() {
        return parameterization == RadonParameterization.CENTRED ? "radon-centred" : "radon-noncentred";
    }

    /**
     * With the vector evaluator, chains are taken in groups of {@link #chainsPerVector()}, one
     * chain per vector lane ({@link ChainLaneKernel}); chains left over, and every chain with the
     * scalar evaluator, are evaluated one at a time. Results agree with single-chain calls to rounding.
     */
    @Override
    public void logDensityAndGradient(double[] positions, double[] gradients, double[] logDensities,
                                      int fromChain, int toChain) {
        int d = layout.dimension();
        int c = fromChain;
        if (laneKernel != null) {
            for (; c + ChainLaneKernel.LANES <= toChain; c += ChainLaneKernel.LANES) {
                laneKernel.evaluate(positions, gradients, logDensities, c);
            }
        }
        for (; c < toChain; c++) {
            logDensities[c] = logDensityAndGradient(positions, c * d, gradients, c * d);
        }
    }

    /** Chains evaluated together by the block form: the vector length in doubles, or 1 for the scalar evaluator. */
    public int chainsPerVector() {
        return laneKernel != null ? ChainLaneKernel.LANES : 1;
    }

    @Override
    public int blockGranularity() {
        return chainsPerVector();
    }

    @Override
    public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
        int j = stats.counties;
        int iBeta = layout.beta();
        int iLogSigmaY = layout.logSigmaY();
        double mu = x[xOff + RadonLayout.MU_ALPHA];
        double logSigmaAlpha = x[xOff + RadonLayout.LOG_SIGMA_ALPHA];
        double beta = x[xOff + iBeta];
        double logSigmaY = x[xOff + iLogSigmaY];
        double sigmaAlpha = Math.exp(logSigmaAlpha);
        double sigmaY = Math.exp(logSigmaY);
        double lambda = 1.0 / (sigmaY * sigmaY);

        double[] s = sums;
        int xa = xOff + RadonLayout.ALPHA;
        int ga = gOff + RadonLayout.ALPHA;
        double lp;
        double gMu;
        double gLogSigmaAlpha;
        if (parameterization == RadonParameterization.CENTRED) {
            double tau = 1.0 / (sigmaAlpha * sigmaAlpha);
            pass.centred(stats, x, xa, grad, ga, mu, tau, beta, lambda, s);
            // alpha ~ N(mu, sigma_alpha): -J log sigma_alpha - sum d^2 / (2 sigma_alpha^2)
            lp = -j * logSigmaAlpha - 0.5 * tau * s[CountyPass.FOURTH];
            gMu = tau * s[CountyPass.THIRD];
            gLogSigmaAlpha = -j + tau * s[CountyPass.FOURTH];
        } else {
            pass.nonCentred(stats, x, xa, grad, ga, mu, sigmaAlpha, beta, lambda, s);
            lp = -0.5 * s[CountyPass.RAW_SQUARES];
            gMu = lambda * s[CountyPass.THIRD];
            gLogSigmaAlpha = sigmaAlpha * lambda * s[CountyPass.FOURTH];
        }
        double squares = stats.withinSquares(beta) + s[CountyPass.SQUARES];
        // likelihood: -N log sigma_y - squares / (2 sigma_y^2)
        lp += -stats.observations * logSigmaY - 0.5 * lambda * squares;
        // priors, plus the log-Jacobians log sigma_alpha + log sigma_y of the log transforms
        lp += priors.muAlpha().logDensity(mu) + priors.beta().logDensity(beta)
                + priors.sigmaAlpha().logDensity(sigmaAlpha) + priors.sigmaY().logDensity(sigmaY)
                + logSigmaAlpha + logSigmaY;

        grad[gOff + RadonLayout.MU_ALPHA] = gMu + priors.muAlpha().derivative(mu);
        grad[gOff + RadonLayout.LOG_SIGMA_ALPHA] = gLogSigmaAlpha
                + priors.sigmaAlpha().logScaleDerivative(sigmaAlpha) + 1.0;
        grad[gOff + iBeta] = lambda * (s[CountyPass.FLOOR_WEIGHTED]
                - stats.floorSumOfSquares * (beta - stats.withinSlope)) + priors.beta().derivative(beta);
        grad[gOff + iLogSigmaY] = -stats.observations + lambda * squares
                + priors.sigmaY().logScaleDerivative(sigmaY) + 1.0;
        return lp;
    }
}
