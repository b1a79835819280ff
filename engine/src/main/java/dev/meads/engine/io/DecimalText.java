package dev.meads.engine.io;

/**
 * Fast decimal text for draws: a double rounded to a given number of significant digits, as
 * CmdStan writes them ({@code sig_figs}, 6 by default), in plain notation for moderate
 * magnitudes and {@code e} notation otherwise ({@code 0.00123457}, {@code -1785.66},
 * {@code 1.23457e-07}). About four times faster than {@link Double#toString(double)}, which the
 * writer uses for full, round-trip precision.
 *
 * <p>The scaling is done in double arithmetic, so the last digit is the correctly rounded one
 * except, rarely, when the value lies within a rounding error of a half-way point; the text
 * always reads back within one unit of its last digit.
 */
final class DecimalText {
    private static final double[] POWERS = new double[2 * 330 + 1];
    private static final long[] LONG_POWERS = new long[19];
    private static final double LOG10_2 = 0.30102999566398120;

    static {
        for (int e = -330; e <= 330; e++) {
            POWERS[e + 330] = Double.parseDouble("1e" + e);
        }
        long p = 1;
        for (int i = 0; i < LONG_POWERS.length; i++) {
            LONG_POWERS[i] = p;
            p *= 10;
        }
    }

    private DecimalText() {
    }

    /** 10^e as a double, for e in [-330, 330]. */
    private static double pow10(int e) {
        return POWERS[e + 330];
    }

    /** Appends {@code v} rounded to {@code digits} (1..17) significant digits. */
    static void append(StringBuilder sb, double v, int digits) {
        if (!Double.isFinite(v)) {
            sb.append(v);
            return;
        }
        if (v == 0) {
            sb.append(Double.doubleToRawLongBits(v) == 0L ? "0" : "-0");
            return;
        }
        double a = Math.abs(v);
        if (a == Math.rint(a) && a < LONG_POWERS[digits]) {
            sb.append((long) v);
            return;
        }
        // decimal exponent from the binary one (off by at most one, corrected below)
        int e = a >= Double.MIN_NORMAL ? (int) Math.floor(Math.getExponent(a) * LOG10_2)
                : (int) Math.floor(Math.log10(a));
        long m = scaled(a, digits - 1 - e);
        if (m >= LONG_POWERS[digits]) {
            e++;
            m = scaled(a, digits - 1 - e);
        } else if (m < LONG_POWERS[digits - 1]) {
            e--;
            m = scaled(a, digits - 1 - e);
        }
        if (m >= LONG_POWERS[digits]) { // 9.9999996 rounds up to 10.00000
            m /= 10;
            e++;
        }
        int kept = digits;
        while (kept > 1 && m % 10 == 0) {
            m /= 10;
            kept--;
        }
        if (v < 0) {
            sb.append('-');
        }
        if (e >= -5 && e < digits) {
            plain(sb, m, kept, e);
        } else {
            scientific(sb, m, kept, e);
        }
    }

    /** {@code round(a · 10^k)}, with the scaling split so that neither factor overflows. */
    private static long scaled(double a, int k) {
        if (k > 300) {
            return Math.round(a * pow10(300) * pow10(k - 300));
        }
        if (k < -300) {
            return Math.round(a * pow10(-300) * pow10(k + 300));
        }
        return Math.round(a * pow10(k));
    }

    /** The {@code kept} digits of {@code m} with the decimal point after digit {@code e + 1}. */
    private static void plain(StringBuilder sb, long m, int kept, int e) {
        if (e < 0) {
            sb.append("0.");
            for (int i = -1; i > e; i--) {
                sb.append('0');
            }
            appendDigits(sb, m, kept);
            return;
        }
        int before = e + 1;
        if (kept <= before) {
            appendDigits(sb, m, kept);
            for (int i = kept; i < before; i++) {
                sb.append('0');
            }
            return;
        }
        long high = m / LONG_POWERS[kept - before];
        long low = m % LONG_POWERS[kept - before];
        sb.append(high).append('.');
        appendDigits(sb, low, kept - before);
    }

    private static void scientific(StringBuilder sb, long m, int kept, int e) {
        long first = m / LONG_POWERS[kept - 1];
        sb.append(first);
        if (kept > 1) {
            sb.append('.');
            appendDigits(sb, m % LONG_POWERS[kept - 1], kept - 1);
        }
        sb.append('e').append(e < 0 ? '-' : '+');
        int ae = Math.abs(e);
        if (ae < 10) {
            sb.append('0');
        }
        sb.append(ae);
    }

    /** {@code value} written with exactly {@code width} digits (leading zeros). */
    private static void appendDigits(StringBuilder sb, long value, int width) {
        int n = 1;
        while (n < LONG_POWERS.length && value >= LONG_POWERS[n]) {
            n++;
        }
        for (int i = n; i < width; i++) {
            sb.append('0');
        }
        sb.append(value);
    }
}
