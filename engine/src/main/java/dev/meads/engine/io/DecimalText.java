package dev.meads.engine.io;

/**
 * Fast decimal text for draws: a double rounded to a given number of significant digits, as
 * CmdStan writes them ({@code sig_figs}, 6 by default), in plain notation for moderate
 * magnitudes and {@code e} notation otherwise ({@code 0.00123457}, {@code -1785.66},
 * {@code 1.23457e-07}). About four times faster than {@link Double#toString(double)}, which the
 * writer uses for full, round-trip precision.
 *
 * <p>The scaling is done in double arithmetic. Up to 15 digits the last digit is the correctly
 * rounded one except, rarely, when the value lies within a rounding error of a half-way point,
 * and the text always reads back within one unit of its last digit. At 16 and 17 digits the
 * scaling's own rounding reaches the last digits (several units; 17 digits round-trip only
 * through {@link Double#toString(double)}, which the writer uses for full precision).
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
    static void append(ByteText out, double v, int digits) {
        if (!Double.isFinite(v)) {
            out.append(Double.toString(v));
            return;
        }
        if (v == 0) {
            out.append(Double.doubleToRawLongBits(v) == 0L ? "0" : "-0");
            return;
        }
        double a = Math.abs(v);
        if (v < 0) {
            out.append('-');
        }
        if (a == Math.rint(a) && a < LONG_POWERS[digits]) {
            long m = (long) a;
            int at = out.reserve(digitCount(m));
            writeDigits(out.array(), out.length(), m, out.length() - at);
            return;
        }
        // decimal exponent from the binary one (off by at most one, corrected below)
        int e = a >= Double.MIN_NORMAL ? (int) Math.floor(Math.getExponent(a) * LOG10_2)
                : (int) Math.floor(Math.log10(a));
        if (a >= Double.MIN_NORMAL && e < 308 && a >= pow10(e + 1)) {
            e++; // the estimate is one low for about a third of values: one comparison instead of a second scaling
        }
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
        if (e >= -5 && e < digits) {
            plain(out, m, kept, e);
        } else {
            scientific(out, m, kept, e);
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

    /**
     * The {@code kept} digits of {@code m} (which has exactly that many) with the decimal point
     * after digit {@code e + 1}: {@code 0.000ddd}, {@code ddd00} or {@code dd.ddd}.
     */
    private static void plain(ByteText out, long m, int kept, int e) {
        if (e < 0) {
            int zeros = -e - 1;
            int at = out.reserve(2 + zeros + kept);
            byte[] b = out.array();
            b[at] = '0';
            b[at + 1] = '.';
            java.util.Arrays.fill(b, at + 2, at + 2 + zeros, (byte) '0');
            writeDigits(b, out.length(), m, kept);
            return;
        }
        int before = e + 1;
        if (kept <= before) {
            int at = out.reserve(before);
            byte[] b = out.array();
            writeDigits(b, at + kept, m, kept);
            java.util.Arrays.fill(b, at + kept, at + before, (byte) '0');
            return;
        }
        int at = out.reserve(kept + 1);
        writeDigitsWithPoint(out.array(), at + kept + 1, m, kept, kept - before);
    }

    /** {@code d.ddde+XX}: the {@code kept} digits of {@code m}, then the exponent with at least two digits. */
    private static void scientific(ByteText out, long m, int kept, int e) {
        int ae = Math.abs(e);
        int exponentDigits = ae < 100 ? 2 : 3;
        int mantissa = kept == 1 ? 1 : kept + 1;
        int at = out.reserve(mantissa + 2 + exponentDigits);
        byte[] b = out.array();
        if (kept == 1) {
            b[at] = (byte) ('0' + m);
        } else {
            writeDigitsWithPoint(b, at + kept + 1, m, kept, kept - 1);
        }
        b[at + mantissa] = 'e';
        b[at + mantissa + 1] = (byte) (e < 0 ? '-' : '+');
        writeDigits(b, at + mantissa + 2 + exponentDigits, ae, exponentDigits);
    }

    /**
     * Writes the {@code count} digits of {@code m}, ending before {@code end}, with a decimal
     * point before the last {@code after} of them ({@code 0 < after < count}): one pass from the
     * last digit, the point written when it is reached.
     */
    private static void writeDigitsWithPoint(byte[] b, int end, long m, int count, int after) {
        int i = end;
        int point = end - after - 1;
        if (m <= Integer.MAX_VALUE) {
            int n = (int) m;
            for (int k = 0; k < count; k++) {
                if (i - 1 == point) {
                    b[--i] = '.';
                }
                int q = n / 10;
                b[--i] = (byte) ('0' + (n - q * 10));
                n = q;
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            if (i - 1 == point) {
                b[--i] = '.';
            }
            long q = m / 10;
            b[--i] = (byte) ('0' + (m - q * 10));
            m = q;
        }
    }

    /** Number of decimal digits of {@code m >= 0} (1 for 0). */
    private static int digitCount(long m) {
        int n = 1;
        while (n < LONG_POWERS.length && m >= LONG_POWERS[n]) {
            n++;
        }
        return n;
    }

    /** Writes the last {@code count} decimal digits of {@code m >= 0}, leading zeros included, ending before {@code end}. */
    private static void writeDigits(byte[] b, int end, long m, int count) {
        int i = end;
        int stop = end - count;
        while (m > Integer.MAX_VALUE && i > stop) {
            long q = m / 10;
            b[--i] = (byte) ('0' + (m - q * 10));
            m = q;
        }
        int n = (int) m;
        while (i > stop) {
            int q = n / 10;
            b[--i] = (byte) ('0' + (n - q * 10));
            n = q;
        }
    }
}
