package dev.meads.engine.diag;

import java.util.Locale;

/**
 * Short, readable number formatting for terminal tables: a fixed number of significant digits
 * in plain notation (never dropping integer digits), scientific notation for very small or very
 * large magnitudes, and {@code NaN}, {@code Inf}, {@code -Inf} spelled out. Locale-independent
 * (always a '.' decimal point).
 */
public final class SignificantFormat {
    private static final double SMALL = 1e-4;
    private static final double LARGE = 1e15;

    private SignificantFormat() {
    }

    /** {@code value} with {@code digits} significant digits, e.g. 0.0123456 → "0.0123", 12345.6 → "12346". */
    public static String format(double value, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("need at least one significant digit, got " + digits);
        }
        String special = special(value);
        if (special != null) {
            return special;
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude < SMALL || magnitude >= LARGE) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
        }
        int exponent = (int) Math.floor(Math.log10(magnitude));
        int decimals = Math.max(0, digits - 1 - exponent);
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        // Rounding may carry into a new leading digit (9.996 → "10.00"): drop the extra decimal.
        double rounded = Math.abs(Double.parseDouble(text));
        if (decimals > 0 && rounded >= Math.pow(10, exponent + 1)) {
            text = String.format(Locale.ROOT, "%." + (decimals - 1) + "f", value);
        }
        return text;
    }

    /** {@code value} with exactly {@code decimals} decimals (e.g. R̂ as "1.003"). */
    public static String fixed(double value, int decimals) {
        String special = special(value);
        return special != null ? special : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** {@code value} rounded to an integer (e.g. an ESS as "3840"). */
    public static String integer(double value) {
        String special = special(value);
        return special != null ? special : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "Inf";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return null;
    }
}
