package dev.meads.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every key a profile or {@code --set} may use, with its default and meaning: the one place
 * where keys are documented ({@code ./meads keys} prints this table).
 */
public enum Setting {
    MODEL("model", "irt", "irt | radon | irt-hier: the 2PL model of the notebook, the hierarchical radon "
            + "model, or posteriordb's hierarchical 2PL"),
    DATA("data", "", "data file (CSV), or builtin:NAME for a shipped dataset (notebook-irt, notebook-radon, "
            + "minnesota-radon, posteriordb-irt2pl); empty = the model's notebook dataset"),
    DATA_INDEX_BASE("data.index-base", "auto", "auto | 0 | 1: whether indices in the file (county, person, item) "
            + "start at 0 or 1; auto = 0-based if the smallest index is 0, else 1-based"),
    RADON_PARAMETERISATION("radon.parameterisation", "centred", "centred | noncentred (alpha = mu_alpha + "
            + "sigma_alpha * alpha_raw)"),
    IRT_ENSEMBLE_KERNEL("irt.ensemble-kernel", "block", "block | chain: how the 2PL model computes the "
            + "ensemble's gradients: eight chains per vector, one per lane (fastest once compiled), or one chain at "
            + "a time vectorised over students, the kernel the NUTS start has already compiled (a fresh JVM runs "
            + "MEADS at full speed sooner; the irt profile's choice); the draws differ in their last bits"),
    IRT_HIER_PARAMETERISATION("irt-hier.parameterisation", "centred", "centred | noncentred: how the "
            + "hierarchical 2PL is sampled (noncentred: theta = sigma_theta * theta_raw, log a = sigma_a * a_raw, "
            + "b = mu_b + sigma_b * b_raw); the same posterior"),
    PRIOR_MU_ALPHA("prior.mu_alpha", "normal(0, 1)", "radon prior of mu_alpha: normal(0, s)"),
    PRIOR_SIGMA_ALPHA("prior.sigma_alpha", "half-cauchy(1)", "radon prior of sigma_alpha: half-cauchy(s) | "
            + "half-normal(s) | exponential(rate)"),
    PRIOR_BETA("prior.beta", "normal(0, 1)", "radon prior of beta: normal(0, s)"),
    PRIOR_SIGMA_Y("prior.sigma_y", "half-cauchy(1)", "radon prior of sigma_y: half-cauchy(s) | half-normal(s) | "
            + "exponential(rate)"),
    CHAINS("chains", "64", "ensemble size; must be divisible by meads.folds"),
    DRAWS("draws", "1000", "retained draws per chain (GHMC with the parameters MEADS settled on, or MEADS "
            + "iterations in adaptive mode)"),
    THIN("thin", "1", "iterations per kept draw: the sampling phase runs draws x thin iterations and keeps the "
            + "first of each thin, as Stan's thin"),
    MEADS_WARMUP("meads.warmup", "1000", "MEADS warmup iterations (the burn-in in adaptive mode)"),
    MEADS_MODE("meads.mode", "freeze", "freeze | adaptive: GHMC with parameters frozen after the warmup (the "
            + "notebook), or MEADS kept adapting and its iterations after the warmup kept as draws (the paper; "
            + "needs meads.folds >= 2)"),
    MEADS_FOLDS("meads.folds", "4", "K, the number of folds (1 = no frozen fold, not exact while adapting)"),
    MEADS_STEP_SIZE_MULTIPLIER("meads.step-size-multiplier", "0.5", "step size = min(1, multiplier / "
            + "sqrt(largest eigenvalue of the scaled gradients))"),
    MEADS_DAMPING_SLOWDOWN("meads.damping-slowdown", "1", "floor on step size x damping of slowdown / t"),
    MEADS_SAMPLING_DAMPING("meads.sampling-damping", "0.5", "factor on the damping rate of the sampling phase "
            + "with frozen parameters (warmup, and adaptive mode throughout, use the paper's rate 1/sqrt(eigenvalue)); "
            + "1 = the paper's rate"),
    MEADS_ESTIMATOR("meads.estimator", "ustat", "ustat | plugin: largest-eigenvalue estimator (plugin = the "
            + "TFP notebook's, biased upward)"),
    MEADS_GUARD("meads.guard", "true", "detect escaped chains during MEADS warmup and restart them from a chain "
            + "of another fold"),
    MEADS_ESCAPE_DISTANCE("meads.escape-distance", "100", "a chain with a coordinate this many robust sd from "
            + "the ensemble median has escaped"),
    MEADS_ESCAPE_LOG_DENSITY("meads.escape-log-density", "25", "a chain whose log density is this many robust "
            + "sd below the ensemble median has escaped"),
    MEADS_ESCAPE_DIVERGENCES("meads.escape-divergences", "8", "a chain with this many divergences among its "
            + "last 16 transitions has escaped"),
    INIT("init", "spread", "spread | naive: NUTS trajectory spread, or initial point + naive.jitter * N(0,1)"),
    NUTS_WARMUP("nuts.warmup", "500", "window-adaptation iterations of the NUTS initialisation chain"),
    NUTS_DRAWS("nuts.draws", "300", "NUTS draws after its warmup (the trajectory the ensemble is spread from)"),
    NUTS_MAX_DEPTH("nuts.max-depth", "10", "maximum NUTS tree depth (at least 1)"),
    NUTS_METRIC("nuts.metric", "diag", "diag | dense: NUTS metric adaptation"),
    NUTS_KERNELS("nuts.kernels", "same", "same | vector | scalar: the engine's kernels for the NUTS start: as "
            + "kernels, the Vector API ones, or plain loops"),
    NUTS_TARGET_ACCEPT("nuts.target-accept", "0.8", "dual-averaging target acceptance of the NUTS warmup"),
    SPREAD_SEEDS("spread.seeds", "20", "how many of the trajectory's last draws seed the ensemble"),
    SPREAD_FLOOR("spread.floor", "0.05", "minimum jitter half-width of the spread, in unconstrained units"),
    NAIVE_JITTER("naive.jitter", "0.5", "sd of the naive start around the model's initial point"),
    COMPARE_INIT("compare-init", "true", "also report the eigenvalue and step size of the naive start"),
    SEED("seed", "1", "random seed; the same seed gives the same draws with any number of threads"),
    THREADS("threads", "0", "worker threads for the ensemble; 0 = all cores"),
    KERNELS("kernels", "vector", "vector | scalar: the engine's kernels and the radon model's gradient as Vector "
            + "API code (fastest once compiled) or as plain loops, which a fresh JVM compiles much sooner (wins for "
            + "a one-shot run of a model with a cheap gradient, such as radon); the draws differ in their last bits"),
    WARM_RUNS("warm-runs", "0", "run the pipeline this many times first, in the same JVM and without output (same "
            + "settings and seed), so that the reported run's stages are those of compiled code: the figure to set "
            + "beside a JAX pipeline after compilation; report.json's java.pipelines_before says how many ran"),
    OUT("out", "", "output folder; empty = runs/<profile>-<date>-<time>"),
    OVERWRITE("overwrite", "false", "replace an existing output folder written by meads"),
    OUTPUT_STAN_CSV("output.stan-csv", "true", "write one Stan CSV file per chain"),
    OUTPUT_CSV_DIGITS("output.csv-digits", "6", "significant digits of the draws in the Stan CSV files (CmdStan "
            + "writes 6), or full for round-trip precision"),
    OUTPUT_CSV_WHILE_SAMPLING("output.csv-while-sampling", "false", "write the Stan CSV rows while sampling, so "
            + "that the files can be read during the run, instead of afterwards beside the summary (the default: "
            + "the sampler then only stores the draws, and a run ends sooner)"),
    OUTPUT_PLOTS("output.plots", "svg", "svg | png | none: the plots' format (true means svg, false none); SVG "
            + "files open in any browser and take under 0.1 s of a fresh JVM, PNG ones about 0.8 s"),
    SUMMARY("summary", "", "parameters shown in the terminal summary, e.g. theta[1:5],a or "
            + "mu_alpha,alpha[1:5]; empty = the model's default; all = every parameter");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The setting with this key, or null. */
    public static Setting of(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** The known key closest to {@code key} in edit distance (for "did you mean"). */
    public static String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String k = key.toLowerCase(Locale.ROOT);
        for (Setting s : values()) {
            int dist = editDistance(k, s.key);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = s.key;
            }
        }
        return best;
    }

    /** The table of keys, defaults and meanings, for help output. */
    public static List<String> table() {
        int width = 0;
        for (Setting s : values()) {
            width = Math.max(width, s.key.length() + s.defaultValue.length() + 3);
        }
        List<String> lines = new ArrayList<>();
        for (Setting s : values()) {
            String left = s.key + " = " + s.defaultValue;
            lines.add(String.format("  %-" + width + "s  %s", left, s.description));
        }
        return lines;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
