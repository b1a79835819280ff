package dev.meads.engine.run;

/**
 * Cost of one pipeline stage.
 *
 * @param name                 stage name
 * @param seconds              wall time
 * @param gradientEvaluations  model evaluations (log density + gradient) made
 * @param iterationsDone       iterations completed
 * @param iterationsRequested  iterations asked for
 */
public record StageReport(String name, double seconds, long gradientEvaluations, long iterationsDone,
                          long iterationsRequested) {

    /** Whether the stage ran to the end. */
    public boolean complete() {
        return iterationsDone == iterationsRequested;
    }
}
