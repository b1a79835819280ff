package dev.meads.engine.io;

/**
 * Where a run's time went after its pipeline, as {@code report.json} records it under
 * {@code after_pipeline}: in a fresh JVM the summary is a large part of a whole process.
 *
 * @param summarySeconds    computing the summary of every quantity (0 when it was already known)
 * @param chainFilesSeconds writing the Stan CSV files' draw rows (unless they were written while
 *                          sampling), completing and closing them
 * @param summaryAndChainFilesSeconds wall time until both the summary and the Stan CSV files were
 *                          done: the two are made side by side, so this is less than their sum
 *                          (their sum when the rows were written while sampling)
 * @param summaryCsvSeconds writing {@code summary.csv}
 * @param plotsSeconds      rendering and writing the plots
 */
public record OutputTimes(double summarySeconds, double chainFilesSeconds, double summaryAndChainFilesSeconds,
        double summaryCsvSeconds, double plotsSeconds) {
}
