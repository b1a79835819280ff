package dev.meads.engine.nuts;

import java.util.List;

/**
 * What a NUTS warmup produced: the adapted step size and inverse metric, the final state of
 * the chain, and counts for reports.
 *
 * @param stepSize             adapted step size ({@code exp(x̄)} of the last dual-averaging segment)
 * @param inverseMetric        adapted inverse metric (the starting one if no window closed)
 * @param position             final unconstrained position (a copy)
 * @param logDensity           log density at {@link #position()}
 * @param iterationsRequested  warmup iterations asked for
 * @param iterationsCompleted  warmup iterations run ({@code < requested} when cancelled)
 * @param cancelled            whether the cancellation check stopped the warmup early
 * @param metricWindows        slow windows of the schedule (empty when {@code W < 20})
 * @param metricUpdates        slow windows actually closed
 * @param divergences          divergent warmup transitions
 * @param meanAcceptStat       mean acceptance statistic over the warmup iterations run (NaN if none)
 * @param gradientEvaluations  model evaluations during warmup, step-size searches included
 */
public record WarmupResult(double stepSize, InverseMetric inverseMetric, double[] position, double logDensity,
                           int iterationsRequested, int iterationsCompleted, boolean cancelled,
                           List<WindowSchedule.Window> metricWindows, int metricUpdates, int divergences,
                           double meanAcceptStat, long gradientEvaluations) {

    /** Copies the position and the window list. */
    public WarmupResult {
        position = position.clone();
        metricWindows = List.copyOf(metricWindows);
    }

    /** The final position (a copy). */
    @Override
    public double[] position() {
        return position.clone();
    }
}
