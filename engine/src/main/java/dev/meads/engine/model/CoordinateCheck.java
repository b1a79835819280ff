package dev.meads.engine.model;

/**
 * One coordinate of one point in a {@link GradientCheck}: the model's (analytic) partial
 * derivative next to the finite-difference (numeric) one.
 *
 * <p>{@code absoluteError = |analytic - numeric|} and
 * {@code relativeError = absoluteError / max(|analytic|, |numeric|)} (0 when both are 0).
 * {@link #error()} is the smaller of the two,
 * {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}: absolute for small derivatives,
 * relative for large ones. The coordinate {@linkplain #passes passes} when
 * {@code |analytic - numeric| <= tolerance * max(1, |analytic|, |numeric|) + numericError}:
 * a finite difference cannot vouch for more than its own accuracy, which is what limits the
 * check where the log density is huge compared with one coordinate's derivative.
 *
 * @param point          index of the point in the check (0-based)
 * @param index          index of the coordinate (0-based)
 * @param name           the coordinate's name from {@link LogDensity#parameterNames()}
 * @param x              the coordinate's value at the point
 * @param analytic       the model's partial derivative
 * @param numeric        the 5-point central difference at the chosen step (NaN when none could be formed)
 * @param numericError   an estimate of the numeric value's own error (difference between the
 *                       estimates at the chosen step and the next larger one; infinite when unknown)
 * @param step           the step of the chosen estimate (NaN when none)
 * @param absoluteError  {@code |analytic - numeric|}
 * @param relativeError  {@code |analytic - numeric| / max(|analytic|, |numeric|)}
 * @param note           why the coordinate cannot pass when a value is not finite, else empty
 */
public record CoordinateCheck(int point, int index, String name, double x, double analytic, double numeric,
                              double numericError, double step, double absoluteError, double relativeError,
                              String note) {

    /** Compares {@code analytic} with {@code numeric} and explains non-finite values. */
    static CoordinateCheck of(int point, int index, String name, double x, double analytic, double numeric,
                              double numericError, double step) {
        double absolute = Math.abs(analytic - numeric);
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        double relative = absolute == 0 ? 0.0 : absolute / scale;
        String note = "";
        if (!Double.isFinite(analytic)) {
            note = "the model's gradient is " + analytic;
        } else if (Double.isNaN(numeric)) {
            note = "no finite difference: the log density is not finite near the point along this coordinate";
        } else if (!Double.isFinite(numeric)) {
            note = "the finite difference is " + numeric;
        }
        return new CoordinateCheck(point, index, name, x, analytic, numeric, numericError, step, absolute, relative,
                note);
    }

    /**
     * The error the pass rule uses, {@code min(absoluteError, relativeError)}
     * {@code = |analytic - numeric| / max(1, |analytic|, |numeric|)}; infinite when either
     * derivative is not finite, so such coordinates sort first and never pass.
     */
    public double error() {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.min(absoluteError, relativeError);
    }

    /**
     * Whether {@code |analytic - numeric| <= tolerance * max(1, |analytic|, |numeric|) +
     * numericError}; never for a non-finite derivative.
     */
    public boolean passes(double tolerance) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return false;
        }
        return absoluteError <= tolerance * scale() + numericError;
    }

    /**
     * Whether the finite difference is too uncertain to judge at {@code tolerance}: its own error
     * estimate exceeds the tolerance on the pass rule's scale, so agreement only holds to that
     * estimate.
     */
    public boolean numericUncertain(double tolerance) {
        return !(numericError <= tolerance * scale());
    }

    private double scale() {
        return Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
    }
}
