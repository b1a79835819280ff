package dev.meads.engine.model;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link GradientCheck}: pass or fail, the worst coordinates over every point
 * checked, and problems that are not about a single coordinate (a non-finite log density at a
 * point, a result that depends on the array offsets or on the gradient array's old contents).
 * {@link #toString()} gives a readable report.
 *
 * @param model              the model's {@link LogDensity#name()}
 * @param tolerance          the pass rule's tolerance on {@link CoordinateCheck#error()}
 * @param points             number of points checked
 * @param coordinatesChecked number of (point, coordinate) pairs compared
 * @param failures           how many of them fail the tolerance
 * @param worst              the worst pairs: failing ones first, then by {@link CoordinateCheck#error()}
 *                           (at most the number asked for)
 * @param problems           messages about whole points or about how the model uses its arrays
 */
public record GradientCheckResult(String model, double tolerance, int points, int coordinatesChecked, int failures,
                                  List<CoordinateCheck> worst, List<String> problems) {

    public GradientCheckResult {
        worst = List.copyOf(worst);
        problems = List.copyOf(problems);
    }

    /** True when every compared coordinate is within the tolerance and there is no problem. */
    public boolean passed() {
        return failures == 0 && problems.isEmpty();
    }

    /** The largest {@link CoordinateCheck#error()} among the reported coordinates (0 when none). */
    public double maxError() {
        double max = 0.0;
        for (CoordinateCheck c : worst) {
            max = Math.max(max, c.error());
        }
        return max;
    }

    /**
     * Returns this result when it passed.
     *
     * @throws AssertionError with the report as its message otherwise (for use in tests)
     */
    public GradientCheckResult assertPassed() {
        if (!passed()) {
            throw new AssertionError(toString());
        }
        return this;
    }

    /** The report: verdict, problems, then a table of the worst coordinates. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("Gradient check of ").append(model).append(": ").append(passed() ? "PASSED" : "FAILED")
                .append(String.format(Locale.ROOT, " (|analytic - numeric| <= %.1e max(1, |analytic|, |numeric|)"
                        + " + numeric error; %d point%s, %d coordinates compared, %d failing)", tolerance, points,
                        points == 1 ? "" : "s", coordinatesChecked, failures))
                .append('\n');
        for (String p : problems) {
            out.append("  problem: ").append(p).append('\n');
        }
        if (worst.isEmpty()) {
            return out.toString();
        }
        int nameWidth = "coordinate".length();
        for (CoordinateCheck c : worst) {
            nameWidth = Math.max(nameWidth, c.name().length());
        }
        String header = "%-5s  %-" + nameWidth + "s  %12s  %16s  %16s  %9s  %9s  %9s%n";
        String row = "%-5d  %-" + nameWidth + "s  %12.5g  %16.9g  %16.9g  %9.2e  %9.2e  %9.2e  %s%n";
        out.append("  worst coordinates:\n  ");
        out.append(String.format(Locale.ROOT, header, "point", "coordinate", "x", "analytic", "numeric", "abs.err",
                "rel.err", "num.err"));
        for (CoordinateCheck c : worst) {
            String verdict = c.passes(tolerance) ? "ok" : "FAIL";
            if (!c.note().isEmpty()) {
                verdict += ": " + c.note();
            } else if (c.numericUncertain(tolerance)) {
                verdict += " (finite difference less accurate than the tolerance)";
            }
            out.append("  ").append(String.format(Locale.ROOT, row, c.point() + 1, c.name(), c.x(), c.analytic(),
                    c.numeric(), c.absoluteError(), c.relativeError(), c.numericError(), verdict));
        }
        return out.toString();
    }
}
