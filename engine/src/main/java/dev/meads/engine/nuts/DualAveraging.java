package dev.meads.engine.nuts;

/**
 * Nesterov dual averaging of {@code log ε} towards a target acceptance statistic (Stan's
 * {@code stepsize_adaptation}, ALGORITHMS §5.2). {@link #update} returns the step size for the
 * next transition; {@link #averagedStepSize()} is the value kept after warmup.
 */
public final class DualAveraging {
    private final double target;
    private final double gamma;
    private final double t0;
    private final double kappa;
    private double mu;
    private int n;
    private double sBar;
    private double xBar;

    /**
     * @param target acceptance target {@code δ}
     * @param gamma  {@code γ}
     * @param t0     {@code t0}
     * @param kappa  {@code κ}
     * @param mu     initial shrinkage point, {@code log(10·ε₀)}
     */
    public DualAveraging(double target, double gamma, double t0, double kappa, double mu) {
        this.target = target;
        this.gamma = gamma;
        this.t0 = t0;
        this.kappa = kappa;
        restart(mu);
    }

    /** The settings of {@code options} with shrinkage point {@code mu}. */
    public static DualAveraging of(NutsOptions options, double mu) {
        return new DualAveraging(options.targetAcceptance(), options.gamma(), options.t0(), options.kappa(), mu);
    }

    /** Starts a new segment around {@code mu}: {@code (n, s̄, x̄) = (0, 0, 0)}. */
    public void restart(double mu) {
        this.mu = mu;
        n = 0;
        sBar = 0.0;
        xBar = 0.0;
    }

    /**
     * Learns from one transition's acceptance statistic (capped at 1) and returns the step
     * size {@code exp(x_n)} for the next transition.
     */
    public double update(double acceptStat) {
        double a = Math.min(acceptStat, 1.0);
        n++;
        double eta = 1.0 / (n + t0);
        sBar = (1.0 - eta) * sBar + eta * (target - a);
        double x = mu - sBar * Math.sqrt(n) / gamma;
        double w = Math.pow(n, -kappa);
        xBar = (1.0 - w) * xBar + w * x;
        return Math.exp(x);
    }

    /** {@code exp(x̄)}: the step size used after warmup. */
    public double averagedStepSize() {
        return Math.exp(xBar);
    }

    /** Updates since the last restart. */
    public int iterations() {
        return n;
    }

    /** The current shrinkage point {@code μ}. */
    public double mu() {
        return mu;
    }
}
