package dev.meads.engine.nuts;

import dev.meads.engine.model.LogDensity;
import dev.meads.engine.simd.Kernels;

/**
 * Velocity Verlet for one chain (ALGORITHMS §0.2): half kick, drift, one model evaluation,
 * half kick. It also refreshes the cached velocity and Hamiltonian of the point and counts
 * model evaluations (each one computes the log density and its gradient).
 */
final class Leapfrog {
    private final LogDensity model;
    private final Kernels kernels = Kernels.get();
    private final int d;
    private InverseMetric metric;
    private long evaluations;

    Leapfrog(LogDensity model, InverseMetric metric) {
        this.model = model;
        this.d = model.dimension();
        setMetric(metric);
    }

    void setMetric(InverseMetric metric) {
        if (metric.dimension() != d) {
            throw new IllegalArgumentException("inverse metric has dimension " + metric.dimension()
                    + " but model '" + model.name() + "' has " + d);
        }
        this.metric = metric;
    }

    InverseMetric metric() {
        return metric;
    }

    LogDensity model() {
        return model;
    }

    long evaluations() {
        return evaluations;
    }

    /** Log density and gradient at {@code z.x}. */
    void evaluate(PhasePoint z) {
        z.lp = model.logDensityAndGradient(z.x, 0, z.g, 0);
        evaluations++;
    }

    /** Recomputes {@code z.v = Minv z.p} and {@code z.h} from the cached log density. */
    void updateEnergy(PhasePoint z) {
        metric.velocity(z.p, z.v);
        z.h = -z.lp + metric.kineticEnergy(z.p, z.v);
    }

    /** One step of signed size {@code h} in place; {@code z.g} must hold the gradient at {@code z.x}. */
    void step(PhasePoint z, double h) {
        double half = 0.5 * h;
        kernels.axpy(half, z.g, 0, z.p, 0, z.p, 0, d);
        metric.drift(h, z.p, z.x, z.v);
        evaluate(z);
        kernels.axpy(half, z.g, 0, z.p, 0, z.p, 0, d);
        updateEnergy(z);
    }
}
