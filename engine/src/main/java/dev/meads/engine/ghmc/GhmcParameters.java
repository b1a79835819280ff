package dev.meads.engine.ghmc;

import java.util.Arrays;

/**
 * The tuning parameters of one GHMC transition: step size {@code ε} (in whitened units),
 * per-coordinate scale {@code s} (the inverse metric is {@code diag(s²)}), momentum noise
 * fraction {@code α ∈ (0, 1]} (the refresh keeps {@code sqrt(1-α)} of the old momentum) and
 * slice drift {@code δ ∈ [0, 1]}. Mutable so that adaptation can update them in place.
 */
public final class GhmcParameters {
    private double stepSize;
    private final double[] scale;
    private double alpha;
    private double delta;

    /** Unit scale, step size 1, full refresh (α = 1), drift 1/2. */
    public GhmcParameters(int dimension) {
        this.scale = new double[dimension];
        Arrays.fill(scale, 1.0);
        this.stepSize = 1.0;
        this.alpha = 1.0;
        this.delta = 0.5;
    }

    public GhmcParameters(double stepSize, double[] scale, double alpha, double delta) {
        this.scale = scale.clone();
        set(stepSize, scale, alpha, delta);
    }

    /** Replaces every parameter; {@code scale} is copied. */
    public void set(double stepSize, double[] scale, double alpha, double delta) {
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("step size must be positive and finite, got " + stepSize);
        }
        if (!(alpha > 0) || alpha > 1) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        if (!(delta >= 0) || delta > 1) {
            throw new IllegalArgumentException("delta must be in [0, 1], got " + delta);
        }
        if (scale.length != this.scale.length) {
            throw new IllegalArgumentException("scale has " + scale.length + " entries, expected " + this.scale.length);
        }
        for (double v : scale) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("scale entries must be positive and finite, got " + v);
            }
        }
        this.stepSize = stepSize;
        System.arraycopy(scale, 0, this.scale, 0, scale.length);
        this.alpha = alpha;
        this.delta = delta;
    }

    public void copyFrom(GhmcParameters other) {
        set(other.stepSize, other.scale, other.alpha, other.delta);
    }

    public double stepSize() {
        return stepSize;
    }

    /** The scale array itself (not a copy): read it, do not modify it. */
    public double[] scale() {
        return scale;
    }

    public double alpha() {
        return alpha;
    }

    public double delta() {
        return delta;
    }

    public int dimension() {
        return scale.length;
    }

    @Override
    public String toString() {
        return String.format("GhmcParameters[eps=%.4g, alpha=%.4g, delta=%.4g, d=%d]", stepSize, alpha, delta,
                scale.length);
    }
}
