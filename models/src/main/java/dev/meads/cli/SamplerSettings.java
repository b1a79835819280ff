package dev.meads.cli;

import dev.meads.engine.meads.EigenEstimator;
import dev.meads.engine.meads.MeadsMode;
import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.nuts.MetricKind;
import dev.meads.engine.nuts.NutsOptions;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.run.Initialisation;
import dev.meads.engine.run.PipelineOptions;

/** Turns the sampler keys of a run's settings into pipeline options, each value checked. */
final class SamplerSettings {
    private SamplerSettings() {
    }

    static PipelineOptions from(Settings s) {
        int chains = s.integer(Setting.CHAINS, 2);
        int folds = s.integer(Setting.MEADS_FOLDS, 1);
        if (chains % folds != 0) {
            throw s.invalid(Setting.CHAINS, "must be divisible by " + s.reference(Setting.MEADS_FOLDS));
        }
        if (chains / folds < 2) {
            throw s.invalid(Setting.CHAINS, "each of the " + folds + " folds needs at least 2 chains");
        }
        EigenEstimator estimator = s.choice(Setting.MEADS_ESTIMATOR, "ustat", "plugin").equals("ustat")
                ? EigenEstimator.USTAT : EigenEstimator.PLUGIN;
        MeadsMode mode = MeadsMode.ofKey(s.choice(Setting.MEADS_MODE, "freeze", "adaptive"));
        if (mode == MeadsMode.ADAPTIVE && folds < 2) {
            throw s.invalid(Setting.MEADS_MODE, "adaptive keeps MEADS iterations as draws, which is exact only with "
                    + "at least 2 folds; " + s.reference(Setting.MEADS_FOLDS));
        }
        MeadsOptions meads = new MeadsOptions(folds, s.integer(Setting.MEADS_WARMUP, 0),
                s.number(Setting.MEADS_STEP_SIZE_MULTIPLIER, 1e-6, 1e3),
                s.number(Setting.MEADS_DAMPING_SLOWDOWN, 0, 1e6),
                s.number(Setting.MEADS_SAMPLING_DAMPING, 1e-3, 1e3), estimator, s.bool(Setting.MEADS_GUARD),
                s.number(Setting.MEADS_ESCAPE_DISTANCE, 1, 1e300), s.number(Setting.MEADS_ESCAPE_LOG_DENSITY, 1, 1e300),
                s.integer(Setting.MEADS_ESCAPE_DIVERGENCES, 1), mode);
        if (meads.escapeDivergences() > dev.meads.engine.meads.EscapeGuard.WINDOW) {
            throw s.invalid(Setting.MEADS_ESCAPE_DIVERGENCES, "must be at most " + dev.meads.engine.meads.EscapeGuard.WINDOW);
        }
        Initialisation init = s.choice(Setting.INIT, "spread", "naive").equals("spread") ? Initialisation.SPREAD
                : Initialisation.NAIVE;
        MetricKind metric = s.choice(Setting.NUTS_METRIC, "diag", "dense").equals("diag") ? MetricKind.DIAGONAL
                : MetricKind.DENSE;
        int depth = s.integer(Setting.NUTS_MAX_DEPTH, 1);
        if (depth > NutsOptions.MAX_DEPTH_LIMIT) {
            throw s.invalid(Setting.NUTS_MAX_DEPTH, "must be at most " + NutsOptions.MAX_DEPTH_LIMIT);
        }
        NutsOptions nuts = NutsOptions.defaults().withMaxDepth(depth).withMetricKind(metric)
                .withTargetAcceptance(s.number(Setting.NUTS_TARGET_ACCEPT, 0.05, 0.995));
        int nutsWarmup = s.integer(Setting.NUTS_WARMUP, 0);
        int nutsDraws = s.integer(Setting.NUTS_DRAWS, 1);
        int seeds = s.integer(Setting.SPREAD_SEEDS, 1);
        if (init == Initialisation.SPREAD && seeds > nutsDraws) {
            throw s.invalid(Setting.SPREAD_SEEDS, "must not exceed " + s.reference(Setting.NUTS_DRAWS));
        }
        int threads = s.integer(Setting.THREADS, 0);
        if (threads == 0) {
            threads = WorkerPool.defaultThreads();
        }
        int draws = s.integer(Setting.DRAWS, 1);
        int thin = s.integer(Setting.THIN, 1);
        if ((long) draws * thin > Integer.MAX_VALUE) {
            throw s.invalid(Setting.THIN, "with " + s.reference(Setting.DRAWS) + " that is " + (long) draws * thin
                    + " iterations, more than " + Integer.MAX_VALUE);
        }
        return new PipelineOptions(chains, draws, thin, meads, init, nuts, nutsWarmup, nutsDraws,
                seeds, s.number(Setting.SPREAD_FLOOR, 0, 1e6), s.number(Setting.NAIVE_JITTER, 0, 1e6),
                s.bool(Setting.COMPARE_INIT), threads, s.longValue(Setting.SEED));
    }

    /**
     * The NUTS start's kernels ({@code nuts.kernels}): true for plain loops, false for the
     * Vector API ones, null to follow {@code kernels}.
     */
    static Boolean scalarNutsKernels(Settings s) {
        return switch (s.choice(Setting.NUTS_KERNELS, "same", "vector", "scalar")) {
            case "vector" -> Boolean.FALSE;
            case "scalar" -> Boolean.TRUE;
            default -> null;
        };
    }

    /** Whether the run asks for the plain-loop kernels ({@code kernels = scalar}). */
    static boolean scalarKernels(Settings s) {
        return s.choice(Setting.KERNELS, "vector", "scalar").equals("scalar");
    }
}
