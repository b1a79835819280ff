package dev.meads.engine.run;

/**
 * Told how far a long stage has got. Called from the sampling thread between iterations, so an
 * implementation must be cheap (rate-limit its own output).
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage short name of the stage, e.g. "MEADS warmup"
     * @param done  iterations finished in this stage
     * @param total iterations the stage will run
     */
    void update(String stage, long done, long total);
}
