package dev.meads.engine.io;

/**
 * Where a run's time went after its pipeline, as {@code report.json} records it under
 * {@code after_pipeline}: in a fresh JVM the summary is a large part of a whole process.
 *
 * @param summarySeconds    computing the summary of every quantity (0 when it was already known)
 * @param chainFilesSeconds completing and closing the Stan CSV files
 * @param summaryCsvSeconds writing {@code summary.csv}
 * @param plotsSeconds      rendering and writing the plots
 */
public record OutputTimes(double summarySeconds, double chainFilesSeconds, double summaryCsvSeconds,
        double plotsSeconds) {
}
