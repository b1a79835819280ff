package dev.meads.engine.diag;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sampler-statistics block under a summary table: what the per-draw sampler columns of a
 * {@link Draws} say (mean acceptance statistic, divergences, step size across chains, mean tree
 * depth and leapfrog steps) plus labelled values the caller adds (gradient evaluations, MEADS
 * damping, wall time, ...), in the order added. Immutable; {@link #with} returns a copy.
 *
 * <p>A column counts as recorded when any of its values is non-zero (a sampler always has a
 * positive step size; tree depth is zero for samplers without trees), so samplers that do not
 * fill a column do not get a misleading line for it.
 */
public final class SamplerStatistics {
    private final int chains;
    private final int iterations;
    private final boolean hasSampler;
    private final double meanAcceptStat;
    private final long divergences;
    private final double meanStepSize;
    private final double minChainStepSize;
    private final double maxChainStepSize;
    private final double meanTreeDepth;
    private final double meanLeapfrogSteps;
    private final long totalLeapfrogSteps;
    /** Draws made by a transition: all but those with n_leapfrog__ 0 (adaptive MEADS' frozen fold). */
    private final long transitions;
    private final List<Map.Entry<String, String>> extras;

    private SamplerStatistics(int chains, int iterations, boolean hasSampler, double meanAcceptStat,
                              long divergences, double meanStepSize, double minChainStepSize,
                              double maxChainStepSize, double meanTreeDepth, double meanLeapfrogSteps,
                              long totalLeapfrogSteps, long transitions, List<Map.Entry<String, String>> extras) {
        this.chains = chains;
        this.iterations = iterations;
        this.hasSampler = hasSampler;
        this.meanAcceptStat = meanAcceptStat;
        this.divergences = divergences;
        this.meanStepSize = meanStepSize;
        this.minChainStepSize = minChainStepSize;
        this.maxChainStepSize = maxChainStepSize;
        this.meanTreeDepth = meanTreeDepth;
        this.meanLeapfrogSteps = meanLeapfrogSteps;
        this.totalLeapfrogSteps = totalLeapfrogSteps;
        this.transitions = transitions;
        this.extras = List.copyOf(extras);
    }

    /** Statistics of the sampler columns of {@code draws}. */
    public static SamplerStatistics of(Draws draws) {
        int chains = draws.chains();
        int iterations = draws.iterations();
        double acceptSum = 0;
        long acceptCount = 0;
        long divergent = 0;
        double stepSum = 0;
        double depthSum = 0;
        long leapfrog = 0;
        long stills = 0;
        boolean anyStep = false;
        boolean anyDepth = false;
        double minChainStep = Double.POSITIVE_INFINITY;
        double maxChainStep = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < chains; c++) {
            double chainStep = 0;
            for (int i = 0; i < iterations; i++) {
                double accept = draws.sampler(c, i, SamplerColumn.ACCEPT_STAT);
                if (accept == accept) { // NaN: no transition made (a frozen fold's chain in adaptive MEADS)
                    acceptSum += accept;
                    acceptCount++;
                }
                if (draws.sampler(c, i, SamplerColumn.DIVERGENT) != 0) {
                    divergent++;
                }
                double step = draws.sampler(c, i, SamplerColumn.STEPSIZE);
                anyStep |= step != 0;
                chainStep += step;
                double depth = draws.sampler(c, i, SamplerColumn.TREEDEPTH);
                anyDepth |= depth != 0;
                depthSum += depth;
                double steps = draws.sampler(c, i, SamplerColumn.N_LEAPFROG);
                leapfrog += (long) steps;
                stills += steps == 0 ? 1 : 0;
            }
            stepSum += chainStep;
            if (iterations > 0) {
                minChainStep = Math.min(minChainStep, chainStep / iterations);
                maxChainStep = Math.max(maxChainStep, chainStep / iterations);
            }
        }
        long count = (long) chains * iterations;
        double n = count;
        return new SamplerStatistics(chains, iterations, anyStep && count > 0,
                acceptCount > 0 ? acceptSum / acceptCount : Double.NaN, divergent,
                count > 0 ? stepSum / n : Double.NaN, minChainStep, maxChainStep,
                anyDepth ? depthSum / n : Double.NaN, leapfrog > 0 ? leapfrog / n : Double.NaN, leapfrog,
                count - stills, List.of());
    }

    /** A copy with one more caller-supplied line, e.g. {@code with("gradient evaluations", "1234567")}. */
    public SamplerStatistics with(String label, String value) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("sampler statistic needs a label");
        }
        List<Map.Entry<String, String>> more = new ArrayList<>(extras);
        more.add(Map.entry(label, String.valueOf(value)));
        return new SamplerStatistics(chains, iterations, hasSampler, meanAcceptStat, divergences, meanStepSize,
                minChainStepSize, maxChainStepSize, meanTreeDepth, meanLeapfrogSteps, totalLeapfrogSteps, transitions,
                more);
    }

    /** A copy with one more line holding a number shown with 4 significant digits. */
    public SamplerStatistics with(String label, double value) {
        return with(label, SignificantFormat.format(value, 4));
    }

    /** A copy with one more line holding a count. */
    public SamplerStatistics with(String label, long value) {
        return with(label, Long.toString(value));
    }

    public int chains() {
        return chains;
    }

    public int iterations() {
        return iterations;
    }

    /** Mean of accept_stat__ over the draws that hold one (NaN marks a draw made without a transition). */
    public double meanAcceptStat() {
        return meanAcceptStat;
    }

    /** Number of draws flagged divergent__. */
    public long divergences() {
        return divergences;
    }

    /** Mean stepsize__ over all draws. */
    public double meanStepSize() {
        return meanStepSize;
    }

    /** Smallest per-chain mean step size. */
    public double minChainStepSize() {
        return minChainStepSize;
    }

    /** Largest per-chain mean step size. */
    public double maxChainStepSize() {
        return maxChainStepSize;
    }

    /** Mean treedepth__, NaN when no draw has a tree. */
    public double meanTreeDepth() {
        return meanTreeDepth;
    }

    /** Mean n_leapfrog__, NaN when none were recorded. */
    public double meanLeapfrogSteps() {
        return meanLeapfrogSteps;
    }

    /** Sum of n_leapfrog__ over all draws. */
    public long totalLeapfrogSteps() {
        return totalLeapfrogSteps;
    }

    /** The block's lines as (label, value) pairs, in display order. */
    public List<Map.Entry<String, String>> lines() {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        lines.add(Map.entry("draws", chains + " chains x " + iterations + " iterations"));
        if (hasSampler) {
            lines.add(Map.entry("mean accept_stat", SignificantFormat.fixed(meanAcceptStat, 3)));
            // a share of the transitions made: adaptive MEADS' frozen fold repeats draws without one
            long count = transitions > 0 ? transitions : (long) chains * iterations;
            lines.add(Map.entry("divergences", divergences + " ("
                    + SignificantFormat.fixed(100.0 * divergences / count, 2) + "%"
                    + (transitions < (long) chains * iterations ? " of " + transitions + " transitions" : "") + ")"));
            String step = SignificantFormat.format(meanStepSize, 3);
            if (chains > 1) {
                step += " (chains " + SignificantFormat.format(minChainStepSize, 3) + " .. "
                        + SignificantFormat.format(maxChainStepSize, 3) + ")";
            }
            lines.add(Map.entry("step size", step));
        }
        if (!Double.isNaN(meanTreeDepth)) {
            lines.add(Map.entry("mean tree depth", SignificantFormat.format(meanTreeDepth, 3)));
        }
        if (!Double.isNaN(meanLeapfrogSteps)) {
            lines.add(Map.entry("mean leapfrog steps", SignificantFormat.format(meanLeapfrogSteps, 3)
                    + " (total " + totalLeapfrogSteps + ")"));
        }
        lines.addAll(extras);
        return lines;
    }
}
