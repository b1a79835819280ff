package dev.meads.engine.run;

/**
 * Cost of one pipeline stage.
 *
 * @param name                 stage name
 * @param seconds              wall time
 * @param gradientEvaluations  model evaluations (log density + gradient) made
 * @param iterationsDone       iterations completed
 * @param iterationsRequested  iterations asked for
 * @param sectionsAlone        parallel sections that ran on one thread because the JIT compiler
 *                             was busy (a fresh JVM; see {@code WorkerPool.yieldingToCompiler})
 */
public record StageReport(String name, double seconds, long gradientEvaluations, long iterationsDone,
                          long iterationsRequested, long sectionsAlone) {

    /** A stage without parallel sections. */
    public StageReport(String name, double seconds, long gradientEvaluations, long iterationsDone,
                       long iterationsRequested) {
        this(name, seconds, gradientEvaluations, iterationsDone, iterationsRequested, 0);
    }

    /** Whether the stage ran to the end. */
    public boolean complete() {
        return iterationsDone == iterationsRequested;
    }
}
