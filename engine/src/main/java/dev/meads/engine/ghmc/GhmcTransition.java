package dev.meads.engine.ghmc;

import dev.meads.engine.simd.Kernels;

/**
 * The arithmetic of one GHMC transition for one chain (ALGORITHMS.md §1.2), split around the
 * single model evaluation so that an ensemble can evaluate all proposals in one block call.
 * Momentum is stored whitened ({@code z = s ⊙ p ~ N(0, I)}), so the augmented target does
 * not depend on the tuning parameters.
 *
 * <p>Stateless; every array is passed with its offset.
 */
public final class GhmcTransition {
    /** Energy errors below {@code -DIVERGENCE} (energy rose by more than 1000) are divergent. */
    public static final double DIVERGENCE = 1000.0;

    private GhmcTransition() {
    }

    /** Slice drift on the circle [-1, 1): {@code ((u + 1 + δ) floorMod 2) - 1}. */
    public static double drift(double u, double delta) {
        double a = u + 1.0 + delta;
        double wrapped = a - 2.0 * Math.floor(a / 2.0);
        if (wrapped >= 2.0) { // rounding at the seam
            wrapped = 0.0;
        }
        return wrapped - 1.0;
    }

    /**
     * Partial momentum refresh in place, {@code z ← sqrt(1-α) z + sqrt(α) ξ}, then the first
     * half of the leapfrog step: writes the half-step momentum {@code zh = z + (ε/2) s⊙g} and the
     * proposed position {@code x' = x + ε s⊙zh}. Returns {@code H0 = -lp + |z|²/2} of the
     * refreshed state.
     */
    public static double propose(Kernels k, int d, double eps, double[] s, double alpha,
                                 double[] x, int xOff, double[] z, int zOff, double[] g, int gOff, double lp,
                                 double[] noise, int noiseOff,
                                 double[] xProposal, int xpOff, double[] zHalf, int zhOff) {
        double squares = k.refreshKickDrift(Math.sqrt(1.0 - alpha), Math.sqrt(alpha), noise, noiseOff, z, zOff,
                0.5 * eps, eps, s, 0, g, gOff, x, xOff, zHalf, zhOff, xProposal, xpOff, d);
        return -lp + 0.5 * squares;
    }

    /**
     * Completes the leapfrog step in place ({@code zh ← zh + (ε/2) s⊙g'}) and returns the energy
     * error {@code Δ = H0 - H1}; {@code -Infinity} when the proposal's log density, gradient or
     * energy is not finite.
     */
    public static double energyError(Kernels k, int d, double eps, double[] s, double h0,
                                     double[] zHalf, int zhOff, double[] gProposal, int gpOff, double lpProposal) {
        double squares = k.kickSumOfSquares(0.5 * eps, s, 0, gProposal, gpOff, zHalf, zhOff, d);
        if (!Double.isFinite(lpProposal)) {
            return Double.NEGATIVE_INFINITY;
        }
        double h1 = -lpProposal + 0.5 * squares;
        double delta = h0 - h1;
        return Double.isFinite(delta) ? delta : Double.NEGATIVE_INFINITY;
    }

    /** The slice test: accept iff the energy error is finite and {@code log|u| ≤ Δ}. */
    public static boolean accepts(double u, double energyError) {
        return energyError > Double.NEGATIVE_INFINITY && Math.log(Math.abs(u)) <= energyError;
    }

    /** The slice variable after an accepted move: {@code u·e^{-Δ}}, so that |u| is uniform again. */
    public static double sliceAfterAcceptance(double u, double energyError) {
        return u * Math.exp(-energyError);
    }

    /** Metropolis probability {@code min(1, e^Δ)} of a move with energy error Δ. */
    public static double acceptProbability(double energyError) {
        return energyError >= 0 ? 1.0 : Math.exp(energyError);
    }
}
