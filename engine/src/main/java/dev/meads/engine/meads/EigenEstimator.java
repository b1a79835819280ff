package dev.meads.engine.meads;

/**
 * How {@link MaxEigenvalue} estimates the largest eigenvalue of a covariance from rows
 * (ALGORITHMS.md §2). Both return {@code tr(C²)/tr(C)}-type ratios.
 */
public enum EigenEstimator {
    /** Unbiased U-statistic for tr(C²) over distinct row pairs (BlackJAX); the default. */
    USTAT,
    /** Plug-in {@code tr(Ĉ²)/tr(Ĉ)} (TFP notebook); biased upward by about tr(C)²/(n·tr C²). */
    PLUGIN
}
