package dev.meads.engine.nuts;

/** Receives one call per finished NUTS iteration, e.g. to drive a progress bar. */
@FunctionalInterface
public interface NutsProgress {

    /** The phase an iteration belongs to. */
    enum Stage { WARMUP, SAMPLING }

    /** Ignores every call. */
    NutsProgress NONE = (stage, completed, total) -> { };

    /**
     * @param stage     warmup or sampling
     * @param completed iterations of this stage finished so far ({@code 1 .. total})
     * @param total     iterations requested for this stage
     */
    void onIteration(Stage stage, int completed, int total);
}
