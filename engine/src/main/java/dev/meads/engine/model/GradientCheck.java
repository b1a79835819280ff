package dev.meads.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Checks a {@link LogDensity}'s gradient against finite differences of its own log density.
 *
 * <pre>{@code
 * GradientCheckResult r = GradientCheck.of(model).atRandomPoints(5, 1.0, 42);
 * System.out.println(r);          // verdict and the worst coordinates
 * r.assertPassed();               // in a test
 * }</pre>
 *
 * <p><b>Numeric derivative.</b> Per coordinate, the 5-point central difference
 * {@code (-f(x+2h) + 8f(x+h) - 8f(x-h) + f(x-2h)) / 12h} (error of order h⁴) is formed at steps
 * {@code h = 0.1 max(1, |x_k|)}, then a quarter of that, and so on ({@value #MAX_STEPS} steps,
 * down to about 4e-7 of the scale). Truncation error
 * shows in the difference between an estimate and the one at the larger step, rounding error in
 * the difference to the one at the smaller step; the larger of the two (and at least what
 * rounding the four values alone can cause) is the estimate's error, and the estimate with the
 * smallest error is kept. So each coordinate gets a step suited to its
 * own scale without the caller choosing one, and an honest error bar. Steps are rounded so that
 * {@code x + h} is exact.
 *
 * <p><b>Pass rule.</b> A coordinate passes when {@code |analytic - numeric| <= tolerance *
 * max(1, |analytic|, |numeric|) + numericError}: absolute error for small derivatives, relative
 * error for large ones (default tolerance {@value #DEFAULT_TOLERANCE}), widened by the finite
 * difference's own error estimate, which is negligible at ordinary points (about 1e-9 or less)
 * but not where the log density is huge compared with one coordinate's derivative. A
 * non-finite gradient component, a non-finite log density at the point, or a point along whose
 * coordinate the log density is not finite nearby, fails with a message saying so.
 *
 * <p><b>Array use.</b> At each point the model is also evaluated at non-zero offsets into
 * larger arrays whose other entries, and whose gradient range, hold NaN: the result must
 * equal the plain evaluation and the entries outside the model's range must stay untouched.
 * This catches the usual bugs of hand-written models (ignoring {@code xOff}/{@code gOff},
 * adding into {@code grad} without clearing it first).
 *
 * <p>Cost: {@code 4 * MAX_STEPS} = 40 log-density evaluations per coordinate and point (a
 * 144-parameter model with 2,000 observations: about 0.1 s per point). The model instance is
 * used from the calling thread only.
 */
public final class GradientCheck {
    /** Default tolerance of the pass rule. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default number of worst coordinates kept in the result. */
    public static final int DEFAULT_REPORTED = 10;
    /** The largest step, relative to {@code max(1, |x_k|)}. */
    static final double FIRST_STEP = 0.1;
    /** Each step is this many times smaller than the previous one. */
    static final double STEP_RATIO = 4.0;
    /** Steps tried per coordinate: from 0.1 down to 0.1/4⁹ ≈ 3.8e-7 of {@code max(1, |x_k|)}. */
    static final int MAX_STEPS = 10;
    /** Offsets used for the array-use check. */
    private static final int X_OFFSET = 3;
    private static final int G_OFFSET = 5;
    /** How many offending coordinates an array-use message names. */
    private static final int NAMED_IN_MESSAGE = 3;

    private final LogDensity model;
    private double tolerance = DEFAULT_TOLERANCE;
    private int reported = DEFAULT_REPORTED;

    private GradientCheck(LogDensity model) {
        this.model = Objects.requireNonNull(model, "model");
        if (model.dimension() < 1) {
            throw new IllegalArgumentException("model " + model.name() + " has dimension " + model.dimension()
                    + "; there is no gradient to check");
        }
    }

    /** A check of {@code model} with the default tolerance and report length. */
    public static GradientCheck of(LogDensity model) {
        return new GradientCheck(model);
    }

    /** The pass rule's tolerance (default {@value #DEFAULT_TOLERANCE}). */
    public GradientCheck tolerance(double t) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("tolerance must be a positive finite number, got " + t);
        }
        tolerance = t;
        return this;
    }

    /** How many of the worst coordinates the result keeps (default {@value #DEFAULT_REPORTED}). */
    public GradientCheck report(int worstCoordinates) {
        if (worstCoordinates < 0) {
            throw new IllegalArgumentException("number of reported coordinates must be >= 0, got " + worstCoordinates);
        }
        reported = worstCoordinates;
        return this;
    }

    /** Checks at the model's {@link LogDensity#initialPoint initial point}. */
    public GradientCheckResult atInitialPoint() {
        double[] x = new double[model.dimension()];
        model.initialPoint(x, 0);
        return at(x);
    }

    /**
     * Checks at {@code count} points {@code initialPoint + scale * z}, z standard normal per
     * coordinate, drawn from {@code seed}.
     */
    public GradientCheckResult atRandomPoints(int count, double scale, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one random point, got " + count);
        }
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 0, got " + scale);
        }
        int d = model.dimension();
        double[] centre = new double[d];
        model.initialPoint(centre, 0);
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> points = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            double[] x = new double[d];
            for (int k = 0; k < d; k++) {
                x[k] = centre[k] + scale * random.nextGaussian();
            }
            points.add(x);
        }
        return at(points);
    }

    /** Checks at one point of unconstrained space. */
    public GradientCheckResult at(double[] point) {
        return at(List.of(point));
    }

    /**
     * Checks at every point of {@code points} (unconstrained space).
     *
     * @throws IllegalArgumentException when a point has the wrong length or a non-finite coordinate
     */
    public GradientCheckResult at(List<double[]> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to check");
        }
        int d = model.dimension();
        String[] names = names();
        for (int p = 0; p < points.size(); p++) {
            double[] x = Objects.requireNonNull(points.get(p), "point " + (p + 1));
            if (x.length != d) {
                throw new IllegalArgumentException("point " + (p + 1) + " has " + x.length
                        + " coordinates but model " + model.name() + " has dimension " + d);
            }
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(x[k])) {
                    throw new IllegalArgumentException("point " + (p + 1) + ", coordinate '" + names[k] + "' (index "
                            + k + ") is " + x[k] + "; points must be finite");
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (model.parameterNames() == null || model.parameterNames().length != d) {
            problems.add("parameterNames() has " + (model.parameterNames() == null ? "null"
                    : model.parameterNames().length + " entries") + " but the dimension is " + d);
        }
        List<CoordinateCheck> all = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            checkPoint(p, points.get(p), names, all, problems);
        }
        int failures = 0;
        for (CoordinateCheck c : all) {
            if (!c.passes(tolerance)) {
                failures++;
            }
        }
        // failing coordinates first, then by error
        all.sort(Comparator.comparing((CoordinateCheck c) -> c.passes(tolerance))
                .thenComparing(Comparator.comparingDouble(CoordinateCheck::error).reversed())
                .thenComparingInt(CoordinateCheck::point).thenComparingInt(CoordinateCheck::index));
        List<CoordinateCheck> worst = all.subList(0, Math.min(reported, all.size()));
        String label = model.name() == null || model.name().isBlank() ? model.getClass().getName() : model.name();
        return new GradientCheckResult(label, tolerance, points.size(), all.size(), failures, worst, problems);
    }

    private String[] names() {
        int d = model.dimension();
        String[] given = model.parameterNames();
        if (given != null && given.length == d) {
            return given;
        }
        String[] names = new String[d];
        for (int k = 0; k < d; k++) {
            names[k] = "x[" + (k + 1) + "]";
        }
        return names;
    }

    private void checkPoint(int p, double[] point, String[] names, List<CoordinateCheck> out, List<String> problems) {
        int d = model.dimension();
        double[] x = point.clone();
        double[] grad = new double[d];
        double logDensity = model.logDensityAndGradient(x, 0, grad, 0);
        String where = "point " + (p + 1);
        if (!Arrays.equals(x, point)) {
            problems.add(where + ": the model changed its input array x");
            x = point.clone();
        }
        if (!Double.isFinite(logDensity)) {
            problems.add(where + ": the log density is " + logDensity
                    + " there, so its gradient cannot be checked; choose a point where the density is positive");
            return;
        }
        checkArrayUse(where, x, logDensity, grad, names, problems);
        double[] work = x.clone();
        double[] scratch = new double[d];
        for (int k = 0; k < d; k++) {
            out.add(compare(p, k, names[k], work, grad[k], scratch));
        }
    }

    /** Evaluates at offsets into NaN-filled arrays and compares with the plain evaluation. */
    private void checkArrayUse(String where, double[] x, double logDensity, double[] grad, String[] names,
                               List<String> problems) {
        int d = model.dimension();
        double[] xPadded = new double[X_OFFSET + d + X_OFFSET];
        Arrays.fill(xPadded, Double.NaN);
        System.arraycopy(x, 0, xPadded, X_OFFSET, d);
        double[] gPadded = new double[G_OFFSET + d + G_OFFSET];
        Arrays.fill(gPadded, Double.NaN);
        double shifted = model.logDensityAndGradient(xPadded, X_OFFSET, gPadded, G_OFFSET);
        String hint = " (does the model ignore xOff/gOff, or add into grad without setting it first?)";
        if (!agree(shifted, logDensity)) {
            problems.add(where + ": the log density is " + logDensity + " at offset 0 but " + shifted
                    + " at xOff=" + X_OFFSET + " with NaN around x" + hint);
        }
        List<String> differing = new ArrayList<>();
        int count = 0;
        for (int k = 0; k < d; k++) {
            if (!agree(gPadded[G_OFFSET + k], grad[k])) {
                if (count++ < NAMED_IN_MESSAGE) {
                    differing.add("'" + names[k] + "' " + grad[k] + " vs " + gPadded[G_OFFSET + k]);
                }
            }
        }
        if (count > 0) {
            problems.add(where + ": " + count + " gradient component" + (count == 1 ? "" : "s")
                    + " differ between offset 0 and xOff=" + X_OFFSET + ", gOff=" + G_OFFSET
                    + " with NaN in the gradient array beforehand: " + String.join(", ", differing)
                    + (count > NAMED_IN_MESSAGE ? ", ..." : "") + hint);
        }
        for (int i = 0; i < gPadded.length; i++) {
            if ((i < G_OFFSET || i >= G_OFFSET + d) && !Double.isNaN(gPadded[i])) {
                problems.add(where + ": the model wrote outside grad[gOff, gOff + dimension) (at gOff "
                        + (i < G_OFFSET ? "- " + (G_OFFSET - i) : "+ " + (i - G_OFFSET)) + ")");
                break;
            }
        }
    }

    /** Equal within the tolerance on the pass rule's scale; two NaNs agree. */
    private boolean agree(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= tolerance * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * The finite-difference derivative along coordinate {@code k} and its comparison with
     * {@code analytic}. Estimates are formed at every step; each
     * is given the larger of its differences to the estimates at the neighbouring steps as its
     * error (truncation shows in the difference to the larger step, rounding in the difference
     * to the smaller one), and the estimate with the smallest error is kept.
     */
    private CoordinateCheck compare(int p, int k, String name, double[] work, double analytic, double[] scratch) {
        double xk = work[k];
        double[] estimates = new double[MAX_STEPS];
        double[] steps = new double[MAX_STEPS];
        double h = FIRST_STEP * Math.max(1.0, Math.abs(xk));
        // Every step is tried: where the log density bends sharply (a logistic with a large
        // slope, say) the larger steps disagree erratically, and only steps below the bend's
        // width settle down; stopping at the first rise of the differences would miss them.
        double[] roundingFloor = new double[MAX_STEPS];
        for (int s = 0; s < MAX_STEPS; s++, h /= STEP_RATIO) {
            steps[s] = (xk + h) - xk;
            estimates[s] = fivePoint(work, k, xk, steps[s], scratch, roundingFloor, s);
        }
        double best = Double.NaN;
        double bestError = Double.POSITIVE_INFINITY;
        double bestStep = Double.NaN;
        for (int s = 0; s < MAX_STEPS; s++) {
            if (Double.isNaN(estimates[s])) {
                continue;
            }
            double error = Double.NaN;
            if (s > 0 && !Double.isNaN(estimates[s - 1])) {
                error = Math.abs(estimates[s] - estimates[s - 1]);
            }
            if (s + 1 < MAX_STEPS && !Double.isNaN(estimates[s + 1])) {
                double right = Math.abs(estimates[s] - estimates[s + 1]);
                error = Double.isNaN(error) ? right : Math.max(error, right);
            }
            if (Double.isNaN(error)) {
                error = Double.POSITIVE_INFINITY; // a lone estimate: no way to tell its error
            }
            // At tiny steps the log density's values are whole multiples of its ulp, so
            // neighbouring estimates can agree exactly by chance: never claim better than that.
            error = Math.max(error, roundingFloor[s]);
            if (Double.isNaN(best) || error < bestError) {
                best = estimates[s];
                bestError = error;
                bestStep = steps[s];
            }
        }
        return CoordinateCheck.of(p, k, name, xk, analytic, best, bestError, bestStep);
    }

    /**
     * The 5-point central difference along coordinate {@code k}; NaN if the density is not
     * finite on the stencil. Also stores in {@code roundingFloor[s]} the error that rounding the
     * four values to doubles alone can cause: (1 + 8 + 8 + 1) half-ulps over 12h, doubled.
     */
    private double fivePoint(double[] work, int k, double xk, double h, double[] scratch, double[] roundingFloor,
                             int s) {
        double plus2 = evaluate(work, k, xk + 2 * h, scratch);
        double plus1 = evaluate(work, k, xk + h, scratch);
        double minus1 = evaluate(work, k, xk - h, scratch);
        double minus2 = evaluate(work, k, xk - 2 * h, scratch);
        work[k] = xk;
        if (!Double.isFinite(plus2) || !Double.isFinite(plus1) || !Double.isFinite(minus1)
                || !Double.isFinite(minus2)) {
            roundingFloor[s] = Double.POSITIVE_INFINITY;
            return Double.NaN;
        }
        double largest = Math.max(Math.max(Math.abs(plus2), Math.abs(plus1)),
                Math.max(Math.abs(minus1), Math.abs(minus2)));
        roundingFloor[s] = 1.5 * Math.ulp(largest) / h;
        return (-plus2 + 8 * plus1 - 8 * minus1 + minus2) / (12 * h);
    }

    private double evaluate(double[] work, int k, double value, double[] scratch) {
        work[k] = value;
        return model.logDensityAndGradient(work, 0, scratch, 0);
    }
}
