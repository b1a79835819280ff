package dev.meads.engine.nuts;

/**
 * Accumulates the positions of one warmup window and turns them into a regularised inverse
 * metric (Stan's {@code var_adaptation} / {@code covar_adaptation}):
 * {@code Minv = (n/(n+5))·S + 1e-3·(5/(n+5))·I}, with {@code S} the sample covariance
 * (denominator {@code n − 1}) of the {@code n} positions added since the last reset.
 */
public sealed interface MetricEstimator permits WelfordVariance, WelfordCovariance {

    /** Weight of the shrinkage target: {@code Minv = n/(n+W)·S + 1e-3·W/(n+W)·I}. */
    double SHRINK_WEIGHT = 5.0;
    /** Scale of the identity the estimate is shrunk towards. */
    double SHRINK_TARGET = 1e-3;

    /** Adds one position (length d; not retained). */
    void add(double[] x);

    /** Forgets every position added so far. */
    void reset();

    /** Number of positions added since the last reset. */
    int count();

    /**
     * The regularised inverse metric of the positions added since the last reset.
     *
     * @throws IllegalStateException with fewer than two positions, or if the estimate is not
     *                               finite ("numerical overflow in metric adaptation")
     */
    InverseMetric regularisedEstimate();
}
