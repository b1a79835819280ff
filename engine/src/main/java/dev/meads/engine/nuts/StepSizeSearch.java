package dev.meads.engine.nuts;

import java.util.random.RandomGenerator;

/**
 * Stan's step-size initialisation heuristic ({@code base_hmc::init_stepsize}, ALGORITHMS
 * §5.3). Every trial starts at the chain's position with a fresh momentum and takes one
 * leapfrog step; the first trial fixes the direction (grow while the acceptance probability
 * exceeds 0.8, shrink while it is below), and the loop stops at the first trial that no longer
 * does so. The first trial inside the loop repeats the starting step size with a new momentum.
 */
final class StepSizeSearch {
    private static final double LOG_TARGET = Math.log(0.8);
    private static final double MAX_STEP = 1e7;

    private StepSizeSearch() {
    }

    static double search(double eps, PhasePoint start, PhasePoint trial, Leapfrog leapfrog, RandomGenerator rng) {
        if (eps == 0 || eps > MAX_STEP || Double.isNaN(eps)) {
            return eps;
        }
        double delta = trialEnergyChange(eps, start, trial, leapfrog, rng);
        int direction = delta > LOG_TARGET ? 1 : -1;
        while (true) {
            delta = trialEnergyChange(eps, start, trial, leapfrog, rng);
            if (direction == 1 && !(delta > LOG_TARGET)) {
                break;
            }
            if (direction == -1 && !(delta < LOG_TARGET)) {
                break;
            }
            eps = direction == 1 ? 2.0 * eps : 0.5 * eps;
            if (eps > MAX_STEP) {
                throw new IllegalStateException("step size search for model '" + leapfrog.model().name()
                        + "' grew beyond 1e7: is the posterior improper?");
            }
            if (eps == 0) {
                throw new IllegalStateException("step size search for model '" + leapfrog.model().name()
                        + "' found no acceptably small step size: is the density continuous?");
            }
        }
        return eps;
    }

    /** {@code H0 − H} after one step of size {@code eps} from {@code start} with a fresh momentum. */
    private static double trialEnergyChange(double eps, PhasePoint start, PhasePoint trial, Leapfrog leapfrog,
                                            RandomGenerator rng) {
        trial.copySampleFrom(start);
        leapfrog.metric().sampleMomentum(rng, trial.p);
        leapfrog.updateEnergy(trial);
        double h0 = trial.h;
        leapfrog.step(trial, eps);
        double h = trial.h;
        if (!(h > Double.NEGATIVE_INFINITY)) {
            h = Double.POSITIVE_INFINITY;
        }
        return h0 - h;
    }
}
