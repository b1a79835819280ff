package dev.meads.engine.nuts;

/** The shape of the inverse metric adapted during warmup. */
public enum MetricKind {
    /** {@code Minv = diag(s²)}: one scale per coordinate (Stan's {@code diag_e}, the default). */
    DIAGONAL,
    /** A full symmetric positive-definite {@code Minv} (Stan's {@code dense_e}). */
    DENSE;

    /** The identity inverse metric of this kind in {@code d} dimensions. */
    public InverseMetric unit(int d) {
        return switch (this) {
            case DIAGONAL -> DiagonalInverseMetric.unit(d);
            case DENSE -> DenseInverseMetric.unit(d);
        };
    }

    /** A fresh, empty estimator of this kind for warmup windows in {@code d} dimensions. */
    public MetricEstimator estimator(int d) {
        return switch (this) {
            case DIAGONAL -> new WelfordVariance(d);
            case DENSE -> new WelfordCovariance(d);
        };
    }
}
