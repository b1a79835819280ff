package dev.meads.cli;

import dev.meads.models.radon.NormalPrior;
import dev.meads.models.radon.ScalePrior;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prior written as text, e.g. {@code normal(0, 10)}, {@code half-normal(1)},
 * {@code half-cauchy(2.5)} or {@code exponential(1)}, parsed into the radon model's prior types.
 */
final class PriorSpec {
    private static final Pattern FORM = Pattern.compile("\\s*([a-z_-]+)\\s*\\(([^)]*)\\)\\s*");
    /** The scale priors, as {@link #scale} accepts them. */
    static final String SCALE_FAMILIES = "half-normal(s), half-cauchy(s) or exponential(rate)";
    private static final List<String> SCALE_NAMES = List.of("half-normal", "halfnormal", "half_normal",
            "half-cauchy", "halfcauchy", "half_cauchy", "exponential");

    private PriorSpec() {
    }

    /** A normal prior {@code normal(location, scale)} for {@code parameter}. */
    static NormalPrior normal(String text, String parameter) {
        String family = family(text);
        if (!family.equals("normal")) { // the family first: its argument count would mislead
            throw new IllegalArgumentException("unknown prior '" + family + "' for " + parameter
                    + ": use normal(location, scale)");
        }
        double[] args = arguments(text, "normal", 2);
        if (!(args[1] > 0)) {
            throw new IllegalArgumentException("the scale of normal(...) must be positive in '" + text + "'");
        }
        return new NormalPrior(args[0], args[1]);
    }

    /** A prior for the positive scale {@code parameter}: half-normal(s), half-cauchy(s) or exponential(rate). */
    static ScalePrior scale(String text, String parameter) {
        String family = family(text);
        if (!SCALE_NAMES.contains(family)) { // the family first: "normal takes 1 argument" would mislead
            throw new IllegalArgumentException("unknown scale prior '" + family + "' for " + parameter + ": use "
                    + SCALE_FAMILIES);
        }
        double[] args = arguments(text, family, 1);
        if (!(args[0] > 0)) {
            throw new IllegalArgumentException("the parameter of " + family + "(...) must be positive in '" + text + "'");
        }
        return switch (family) {
            case "half-normal", "halfnormal", "half_normal" -> ScalePrior.halfNormal(args[0]);
            case "half-cauchy", "halfcauchy", "half_cauchy" -> ScalePrior.halfCauchy(args[0]);
            case "exponential" -> ScalePrior.exponential(args[0]);
            default -> throw new IllegalStateException("family checked above: " + family);
        };
    }

    private static String family(String text) {
        Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a prior like normal(0, 1) or half-cauchy(1), got '" + text + "'");
        }
        return m.group(1);
    }

    private static double[] arguments(String text, String expectedFamily, int count) {
        Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a prior like normal(0, 1) or half-cauchy(1), got '" + text + "'");
        }
        if (!m.group(1).equals(expectedFamily)) {
            throw new IllegalArgumentException("expected " + expectedFamily + "(...), got '" + text + "'");
        }
        String[] parts = m.group(2).split(",");
        if (parts.length != count) {
            throw new IllegalArgumentException(expectedFamily + " takes " + count + " argument" + (count > 1 ? "s" : "")
                    + ", got '" + text + "'");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i].strip() + "' is not a number in '" + text + "'");
            }
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException("'" + parts[i].strip() + "' is not finite in '" + text + "'");
            }
        }
        return out;
    }
}
