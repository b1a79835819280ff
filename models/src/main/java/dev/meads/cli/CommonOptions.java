package dev.meads.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every sampling command takes; each maps onto a profile key. */
final class CommonOptions {
    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--seed", paramLabel = "SEED", description = "random seed (default: the profile's, else 1)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<profile>-<date>-<time>)")
    String out;

    @Option(names = "--overwrite", description = "replace an existing output folder written by meads")
    boolean overwrite;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override any key (repeatable); ./meads keys "
            + "lists them")
    List<String> assignments = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "print nothing but errors and the output folder")
    boolean quiet;

    @Option(names = "--debug", description = "show stack traces of errors")
    boolean debug;

    /** Writes these options into {@code s} (after the profile, so they win). */
    void applyTo(Settings s) {
        for (String a : assignments) {
            s.setAssignment(a, "--set " + a);
        }
        if (threads != null) {
            s.set(Setting.THREADS, threads.toString(), "--threads");
        }
        if (seed != null) {
            s.set(Setting.SEED, seed.toString(), "--seed");
        }
        if (out != null) {
            s.set(Setting.OUT, out, "--out");
        }
        if (overwrite) {
            s.set(Setting.OVERWRITE, "true", "--overwrite");
        }
    }
}
