package dev.meads.engine.nuts;

import java.util.random.RandomGenerator;

/**
 * The inverse metric (inverse mass matrix) {@code Minv} of Euclidean HMC: momenta are drawn
 * from {@code N(0, Minv⁻¹)}, the kinetic energy is {@code ½ pᵀ Minv p} and positions move
 * with the velocity {@code v = Minv p}.
 *
 * <p>Instances are immutable and may be shared between chains; every method writes only into
 * the arrays it is given and allocates nothing. All vectors have length {@link #dimension()}
 * and start at index 0.
 */
public sealed interface InverseMetric permits DiagonalInverseMetric, DenseInverseMetric {

    /** Number of coordinates. */
    int dimension();

    /** Draws a momentum {@code p ~ N(0, Minv⁻¹)} into {@code p}, using {@code rng} for the normals. */
    void sampleMomentum(RandomGenerator rng, double[] p);

    /** {@code v = Minv p}. {@code v} and {@code p} must be different arrays. */
    void velocity(double[] p, double[] v);

    /**
     * {@code x ← x + h·Minv p}, the position half of a leapfrog step. {@code scratch} (length
     * d, different from {@code p} and {@code x}) may be overwritten.
     */
    void drift(double h, double[] p, double[] x, double[] scratch);

    /** {@code ½ pᵀ Minv p}, given {@code v = Minv p} computed by {@link #velocity}. */
    double kineticEnergy(double[] p, double[] v);

    /** Which family this metric belongs to. */
    MetricKind kind();

    /** The diagonal of {@code Minv} (a new array). */
    double[] diagonal();

    /** {@code Minv} as a row-major {@code d × d} array (a new array). */
    double[] matrix();
}
