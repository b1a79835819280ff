package dev.meads.engine.run;

import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.nuts.NutsOptions;

/**
 * Every setting of a run: NUTS initialisation → trajectory spread → MEADS warmup → GHMC
 * sampling with frozen parameters (or further MEADS iterations, in adaptive sampling; see
 * {@link dev.meads.engine.meads.MeadsMode}). Defaults are the notebook's IRT settings.
 *
 * @param chains                  ensemble size N
 * @param draws                   retained draws per chain
 * @param thin                    iterations per retained draw (1: every one); the sampling
 *                                phase runs {@code draws × thin} iterations and keeps the first
 *                                of each {@code thin}, as Stan's {@code thin}
 * @param meads                   MEADS settings (folds, warmup iterations, estimator, guard, mode)
 * @param initialisation          spread (default) or naive
 * @param nuts                    NUTS settings for the initialisation chain
 * @param nutsWarmup              NUTS window-adaptation iterations (500)
 * @param nutsDraws               NUTS draws after warmup, the trajectory (300 for IRT, 200 radon)
 * @param spreadSeeds             the last draws of the trajectory that seed the ensemble (20)
 * @param spreadFloor             minimum jitter half-width (0.05)
 * @param naiveJitter             sd of the naive start around the initial point (0.5)
 * @param compareInitialisations  also compute λ̂ for the naive start (the notebook's comparison)
 * @param threads                 worker threads for the ensemble (≥ 1)
 * @param seed                    the run's seed; same seed, same bits, any thread count
 */
public record PipelineOptions(int chains, int draws, int thin, MeadsOptions meads, Initialisation initialisation,
                              NutsOptions nuts, int nutsWarmup, int nutsDraws, int spreadSeeds, double spreadFloor,
                              double naiveJitter, boolean compareInitialisations, int threads, long seed) {

    /** The notebook's IRT pipeline: 64 chains, K = 4, 1000 MEADS iterations, 1000 draws, NUTS 500 + 300. */
    public static PipelineOptions defaults() {
        return new PipelineOptions(64, 1000, 1, MeadsOptions.defaults(), Initialisation.SPREAD, NutsOptions.defaults(),
                500, 300, 20, 0.05, 0.5, true, Runtime.getRuntime().availableProcessors(), 1L);
    }

    public PipelineOptions {
        if (chains < 1) {
            throw new IllegalArgumentException("chains must be positive, got " + chains);
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be positive, got " + draws);
        }
        if (thin < 1) {
            throw new IllegalArgumentException("thin must be positive, got " + thin);
        }
        if ((long) draws * thin > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("draws x thin = " + draws + " x " + thin + " iterations is more than "
                    + Integer.MAX_VALUE);
        }
        if (nutsWarmup < 0) {
            throw new IllegalArgumentException("NUTS warmup iterations must be non-negative, got " + nutsWarmup);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        if (!(naiveJitter >= 0) || !Double.isFinite(naiveJitter)) {
            throw new IllegalArgumentException("naive jitter must be a non-negative number, got " + naiveJitter);
        }
        if (!(spreadFloor >= 0) || !Double.isFinite(spreadFloor)) {
            throw new IllegalArgumentException("spread floor must be a non-negative number, got " + spreadFloor);
        }
        if (initialisation == Initialisation.SPREAD) {
            if (spreadSeeds < 1) {
                throw new IllegalArgumentException("spread seeds must be positive, got " + spreadSeeds);
            }
            if (nutsDraws < spreadSeeds) {
                throw new IllegalArgumentException("NUTS draws (" + nutsDraws + ") must be at least the number of "
                        + "spread seeds (" + spreadSeeds + ")");
            }
        }
        meads.validateChains(chains);
    }

    public PipelineOptions withChains(int n) {
        return new PipelineOptions(n, draws, thin, meads, initialisation, nuts, nutsWarmup, nutsDraws, spreadSeeds,
                spreadFloor, naiveJitter, compareInitialisations, threads, seed);
    }

    public PipelineOptions withDraws(int n) {
        return new PipelineOptions(chains, n, thin, meads, initialisation, nuts, nutsWarmup, nutsDraws, spreadSeeds,
                spreadFloor, naiveJitter, compareInitialisations, threads, seed);
    }

    public PipelineOptions withThin(int t) {
        return new PipelineOptions(chains, draws, t, meads, initialisation, nuts, nutsWarmup, nutsDraws, spreadSeeds,
                spreadFloor, naiveJitter, compareInitialisations, threads, seed);
    }

    /** Iterations of the sampling phase: {@code draws × thin}. */
    public int samplingIterations() {
        return draws * thin;
    }

    public PipelineOptions withMeads(MeadsOptions m) {
        return new PipelineOptions(chains, draws, thin, m, initialisation, nuts, nutsWarmup, nutsDraws, spreadSeeds,
                spreadFloor, naiveJitter, compareInitialisations, threads, seed);
    }

    public PipelineOptions withInitialisation(Initialisation i) {
        return new PipelineOptions(chains, draws, thin, meads, i, nuts, nutsWarmup, nutsDraws, spreadSeeds, spreadFloor,
                naiveJitter, compareInitialisations, threads, seed);
    }

    public PipelineOptions withNuts(NutsOptions o, int warmup, int trajectory) {
        return new PipelineOptions(chains, draws, thin, meads, initialisation, o, warmup, trajectory, spreadSeeds,
                spreadFloor, naiveJitter, compareInitialisations, threads, seed);
    }

    public PipelineOptions withSpread(int seeds, double floor) {
        return new PipelineOptions(chains, draws, thin, meads, initialisation, nuts, nutsWarmup, nutsDraws, seeds, floor,
                naiveJitter, compareInitialisations, threads, seed);
    }

    public PipelineOptions withComparison(boolean on, double jitter) {
        return new PipelineOptions(chains, draws, thin, meads, initialisation, nuts, nutsWarmup, nutsDraws, spreadSeeds,
                spreadFloor, jitter, on, threads, seed);
    }

    public PipelineOptions withThreads(int n) {
        return new PipelineOptions(chains, draws, thin, meads, initialisation, nuts, nutsWarmup, nutsDraws, spreadSeeds,
                spreadFloor, naiveJitter, compareInitialisations, n, seed);
    }

    public PipelineOptions withSeed(long s) {
        return new PipelineOptions(chains, draws, thin, meads, initialisation, nuts, nutsWarmup, nutsDraws, spreadSeeds,
                spreadFloor, naiveJitter, compareInitialisations, threads, s);
    }
}
