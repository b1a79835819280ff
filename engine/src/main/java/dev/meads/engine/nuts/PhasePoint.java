package dev.meads.engine.nuts;

/**
 * One point of a Hamiltonian trajectory with everything cached that NUTS reads more than
 * once: position, momentum, gradient, velocity {@code Minv p}, log density and Hamiltonian.
 */
final class PhasePoint {
    final double[] x;
    final double[] p;
    final double[] g;
    final double[] v;
    double lp;
    /** {@code H = −lp + ½ pᵀ Minv p}. */
    double h;

    PhasePoint(int d) {
        x = new double[d];
        p = new double[d];
        g = new double[d];
        v = new double[d];
    }

    /** Copies every field of {@code o}. */
    void copyFrom(PhasePoint o) {
        int d = x.length;
        System.arraycopy(o.x, 0, x, 0, d);
        System.arraycopy(o.p, 0, p, 0, d);
        System.arraycopy(o.g, 0, g, 0, d);
        System.arraycopy(o.v, 0, v, 0, d);
        lp = o.lp;
        h = o.h;
    }

    /** Copies what a selected sample needs: position, gradient, log density and energy. */
    void copySampleFrom(PhasePoint o) {
        int d = x.length;
        System.arraycopy(o.x, 0, x, 0, d);
        System.arraycopy(o.g, 0, g, 0, d);
        lp = o.lp;
        h = o.h;
    }
}
