package dev.meads.cli;

import java.util.List;

/** Options every sampling command takes; each maps onto a profile key. */
final class CommonOptions {
    private CommonOptions() {
    }

    /** Declares the options on {@code spec}. */
    static CommandSpec addTo(CommandSpec spec) {
        return spec.option("--threads", "N", "worker threads (default: all cores)")
                .option("--seed", "SEED", "random seed (default: the profile's, else 1)")
                .option("--out", "DIR", "output folder (default: runs/<profile>-<date>-<time>)")
                .flag("--overwrite", "replace an existing output folder written by meads")
                .repeatable("--set", "KEY=VALUE", "override any key; ./meads keys lists them")
                .flag(List.of("-q", "--quiet"), "print nothing but errors and the output folder")
                .flag("--debug", "show stack traces of errors");
    }

    static boolean quiet(ParsedArgs a) {
        return a.has("--quiet");
    }

    /** Writes the given options into {@code s} (after the profile, so they win). */
    static void applyTo(ParsedArgs a, Settings s) {
        for (String assignment : a.values("--set")) {
            s.setAssignment(assignment, "--set " + assignment);
        }
        Integer threads = a.integer("--threads");
        if (threads != null) {
            s.set(Setting.THREADS, threads.toString(), "--threads");
        }
        Long seed = a.longValue("--seed");
        if (seed != null) {
            s.set(Setting.SEED, seed.toString(), "--seed");
        }
        if (a.value("--out") != null) {
            s.set(Setting.OUT, a.value("--out"), "--out");
        }
        if (a.has("--overwrite")) {
            s.set(Setting.OVERWRITE, "true", "--overwrite");
        }
    }
}
