package dev.meads.engine.diag;

/** Autocovariances of a matrix of chains at increasing lags, averaged over its columns (1/L scaling). */
interface LagSource {
    /** The column-averaged autocovariance at lag {@code t}, 0 ≤ t &lt; column length. */
    double lag(int t);
}
