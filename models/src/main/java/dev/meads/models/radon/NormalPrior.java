package dev.meads.models.radon;

/**
 * A normal prior {@code N(location, scale)} (scale is the standard deviation) on an unbounded
 * parameter. The log density omits the constant {@code -log(scale) - log(2 pi)/2}.
 *
 * @param location the mean
 * @param scale the standard deviation, finite and positive
 */
public record NormalPrior(double location, double scale) {

    public NormalPrior {
        if (!Double.isFinite(location)) {
            throw new IllegalArgumentException("normal prior location must be finite, got " + location);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("normal prior scale must be finite and positive, got " + scale);
        }
    }

    /** {@code N(0, scale)}. */
    public static NormalPrior centredAtZero(double scale) {
        return new NormalPrior(0.0, scale);
    }

    /** {@code log p(v)} up to the constant above. */
    public double logDensity(double v) {
        double z = (v - location) / scale;
        return -0.5 * z * z;
    }

    /** {@code d/dv log p(v)}. */
    public double derivative(double v) {
        return -(v - location) / (scale * scale);
    }

    @Override
    public String toString() {
        return "normal(" + location + ", " + scale + ")";
    }
}
