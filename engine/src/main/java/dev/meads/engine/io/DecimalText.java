package dev.meads.engine.io;

/**
 * Fast decimal text for draws: a double rounded to a given number of significant digits, as
 * CmdStan writes them ({@code sig_figs}, 6 by default), in plain notation for moderate
 * magnitudes and {@code e} notation otherwise ({@code 0.00123457}, {@code -1785.66},
 * {@code 1.23457e-07}). About 3.5 times faster than {@link Double#toString(double)}, which the
 * writer uses for full, round-trip precision.
 *
 * <p>The scaling is done in double arithmetic. Up to 15 digits the last digit is the correctly
 * rounded one except, rarely, when the value lies within a rounding error of a half-way point,
 * and the text always reads back within one unit of its last digit. At 16 and 17 digits the
 * scaling's own rounding reaches the last digits (several units; 17 digits round-trip only
 * through {@link Double#toString(double)}, which the writer uses for full precision).
 */
final class DecimalText {
    /** Powers of ten kept at hand: 10^e for |e| <= NEAR, which covers the draws' usual magnitudes. */
    private static final int NEAR = 44;
    private static final double[] NEAR_POWERS = new double[2 * NEAR + 1];
    private static final long[] LONG_POWERS = new long[19];
    private static final double LOG10_2 = 0.30102999566398120;
    /** Digits handled by the fast path (CmdStan writes 6); beyond, the general path takes over. */
    static final int MAX_FAST_DIGITS = 8;
    /** Room the fast path reserves: it stores whole longs, reaching at most byte 19 (sign, point, 17). */
    private static final int MAX_FAST_LENGTH = 20;
    /** {@code "0.000000"} as the little-endian bytes of a long: the start of {@code 0.000ddd}. */
    private static final long ZERO_POINT_ZEROS = 0x3030_3030_3030_2E30L;
    /** "00", "01", ..., "99" as ASCII bytes. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        // 10^0 .. 10^22 are exact doubles. A product or quotient of two exact doubles is the
        // correctly rounded exact result, so 10^23 .. 10^44 (10^22 * 10^k) and 10^-1 .. 10^-22
        // (1 / 10^k) come out as Double.parseDouble gives them (tested). Only 10^-23 .. 10^-44
        // are parsed: 661 parses here made the JDK's parser hot enough for C2 to compile it
        // (23 ms of compile time) just as sampling began.
        double[] exact = new double[23];
        exact[0] = 1;
        for (int k = 1; k < exact.length; k++) {
            exact[k] = exact[k - 1] * 10;
        }
        for (int e = 0; e <= NEAR; e++) {
            NEAR_POWERS[NEAR + e] = e <= 22 ? exact[e] : exact[22] * exact[e - 22];
            NEAR_POWERS[NEAR - e] = e <= 22 ? 1 / exact[e] : Double.parseDouble("1e-" + e);
        }
        for (int d = 0; d < 100; d++) {
            DIGIT_PAIRS[2 * d] = (byte) ('0' + d / 10);
            DIGIT_PAIRS[2 * d + 1] = (byte) ('0' + d % 10);
        }
        long p = 1;
        for (int i = 0; i < LONG_POWERS.length; i++) {
            LONG_POWERS[i] = p;
            p *= 10;
        }
    }

    private DecimalText() {
    }

    /** 10^e as a double (the nearest one), for e in [-330, 330]. */
    static double pow10(int e) {
        return e >= -NEAR && e <= NEAR ? NEAR_POWERS[e + NEAR] : FarPowers.POWERS[e + 330];
    }

    /** The rest of the powers, parsed when first needed (values beyond about 1e±35 are rare in draws). */
    private static final class FarPowers {
        static final double[] POWERS = new double[2 * 330 + 1];

        static {
            for (int e = -330; e <= 330; e++) {
                POWERS[e + 330] = Double.parseDouble("1e" + e);
            }
        }

        private FarPowers() {
        }
    }

    /** Appends {@code v} rounded to {@code digits} (1..17) significant digits. */
    static void append(ByteText out, double v, int digits) {
        int at = out.reserve(MAX_FAST_LENGTH);
        int end = digits <= MAX_FAST_DIGITS ? writeFast(out.array(), at, v, digits) : -1;
        out.setLength(end >= 0 ? end : at);
        if (end < 0) {
            appendGeneral(out, v, digits);
        }
    }

    /**
     * {@link #append}, then the byte {@code after} (a draw row's comma or newline): one
     * reservation for both, as every value of a row is followed by exactly one such byte.
     */
    static void append(ByteText out, double v, int digits, byte after) {
        int at = out.reserve(MAX_FAST_LENGTH);
        byte[] b = out.array();
        int end = digits <= MAX_FAST_DIGITS ? writeFast(b, at, v, digits) : -1;
        if (end >= 0) {
            b[end] = after; // the fast text ends at most 15 bytes in
            out.setLength(end + 1);
            return;
        }
        out.setLength(at);
        appendGeneral(out, v, digits);
        out.append((char) after);
    }

    /**
     * The common case of {@link #append}: a whole number below 10^digits (zero included: the
     * sampler columns {@code treedepth__} and {@code divergent__} are 0 in every GHMC row), or a
     * normal double, with at most {@link #MAX_FAST_DIGITS} digits, written at {@code b[at ..]}
     * (room for {@link #MAX_FAST_LENGTH} bytes); returns the end, or -1 for the cases left to
     * {@link #appendGeneral} (subnormal, infinite, NaN, scalings beyond 10^±300). Same decimal
     * exponent and digits as {@link #appendGeneral}, the exponent found with an integer
     * logarithm; the text comes from {@link #writeEightDigits}.
     */
    private static int writeFast(byte[] b, int at, double v, int digits) {
        double a = Math.abs(v);
        if (!(a <= Double.MAX_VALUE)) {
            return -1;
        }
        b[at] = '-';
        int i = at + (int) (Double.doubleToRawLongBits(v) >>> 63); // kept only for negative values
        if (a < LONG_POWERS[digits] && a == Math.rint(a)) {
            int m = (int) a;
            int count = digitCount(m);
            writeDigitPairs(b, i + count, m, count);
            return i + count;
        }
        if (a < Double.MIN_NORMAL) {
            return -1;
        }
        int e = decimalExponentEstimate(Math.getExponent(a));
        if (a >= pow10(e + 1)) {
            e++;
        }
        int k = digits - 1 - e;
        if (k > 300 || k < -300) {
            return -1;
        }
        long m = Math.round(a * pow10(k));
        if (m < LONG_POWERS[digits - 1]) { // not expected after the exponent check; kept for safety
            e--;
            m = scaled(a, digits - 1 - e);
        }
        // m = 10^digits: a value just below 10^(e+1) rounded up (9.9999996 to 10.00000), about
        // once per million draws. Its text is 10^(digits-1) at exponent e + 1. A branch-free
        // form (no deoptimisation at the first such value in a fresh JVM) cost 3.5 ns per value
        // warm, 13 % of a row's text (StanCsvBenchmark), so the branch stays.
        if (m >= LONG_POWERS[digits]) {
            m = LONG_POWERS[digits - 1];
            e++;
        }
        return writeEightDigits(b, i, (int) m * (int) LONG_POWERS[8 - digits], e, digits);
    }

    /**
     * The text of {@link #writeFast} for up to 8 digits, with few branches (the draws' signs and
     * exponents vary at random, so branches on them would be mispredicted): the digits
     * {@code m}, scaled to exactly 8 ({@code 10^7 <= m < 10^8}, trailing zeros included), become
     * 8 ASCII bytes in one {@code long} ({@link #eightDigits}), which is stored whole, shifted
     * for the part after a decimal point. Trailing zeros are dropped by the length alone.
     * Writes at most 18 bytes from {@code i}; returns the end of the text.
     */
    private static int writeEightDigits(byte[] b, int i, int m, int e, int digits) {
        long z = eightDigits(m);
        long ascii = z + 0x3030_3030_3030_3030L;
        int kept = 8 - (Long.numberOfLeadingZeros(z) >>> 3); // digits up to the last nonzero one
        if (e >= 0 && e < digits) { // ddd00 or dd.ddd
            int before = e + 1;
            putLong(b, i, ascii);
            b[i + before] = '.';
            putLong(b, i + before + 1, ascii >>> (8 * before)); // before = 8 needs no fraction
            // i + kept + 1 when digits follow the point, else i + before (a whole number, rare
            // enough that a branch for it would cost a fresh JVM a deoptimisation)
            int fraction = kept - before;
            return i + before + Math.max(fraction, 0) + (-fraction >>> 31);
        }
        if (e < 0 && e >= -5) { // 0.000ddd
            putLong(b, i, ZERO_POINT_ZEROS);
            int first = i + 1 - e;
            putLong(b, first, ascii);
            return first + kept;
        }
        b[i] = (byte) ascii; // d.ddde+XX
        int mantissaEnd = i + 1;
        if (kept > 1) {
            b[i + 1] = '.';
            putLong(b, i + 2, ascii >>> 8);
            mantissaEnd = i + kept + 1;
        }
        int ae = Math.abs(e);
        int exponentDigits = ae < 100 ? 2 : 3;
        b[mantissaEnd] = 'e';
        b[mantissaEnd + 1] = (byte) (e < 0 ? '-' : '+');
        int end = mantissaEnd + 2 + exponentDigits;
        writeDigitPairs(b, end, ae, exponentDigits);
        return end;
    }

    /**
     * The 8 decimal digits of {@code 0 <= m < 10^8} (leading zeros included) as byte values 0-9,
     * the most significant digit in the lowest byte: {@code m} is split into two halves of 4
     * digits, each half into two pairs, each pair into two digits, all lanes of one {@code long}
     * at once, with divisions by 100 and 10 done as multiplications that are exact in range
     * ({@code v/100 = v*5243 >> 19} for {@code v < 10^4}, {@code v/10 = v*103 >> 10} for
     * {@code v < 100}).
     */
    static long eightDigits(int m) {
        long high = m / 10_000;
        long x = high | (m - high * 10_000) << 32; // two 32-bit lanes of 4 digits
        long hundreds = (x * 5243 >>> 19) & 0x0000_007F_0000_007FL;
        long y = hundreds | (x - hundreds * 100) << 16; // four 16-bit lanes of 2 digits
        long tens = (y * 103 >>> 10) & 0x000F_000F_000F_000FL;
        return tens | (y - tens * 10) << 8; // eight bytes of 1 digit
    }

    /** Stores {@code v} at {@code b[at .. at+8)}, lowest byte first (C2 merges the eight stores into one). */
    private static void putLong(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
        b[at + 4] = (byte) (v >>> 32);
        b[at + 5] = (byte) (v >>> 40);
        b[at + 6] = (byte) (v >>> 48);
        b[at + 7] = (byte) (v >>> 56);
    }

    /**
     * {@code floor(binaryExponent * log10(2))} in integer arithmetic ({@code 78913 / 2^18} is
     * log10(2) to 6e-7, exact over the exponents of finite doubles; tested exhaustively).
     */
    static int decimalExponentEstimate(int binaryExponent) {
        return (binaryExponent * 78913) >> 18;
    }

    /**
     * Writes the last {@code count} decimal digits of {@code 0 <= n < 10^9}, leading zeros
     * included, ending before {@code end}, two digits per division; returns what is left of
     * {@code n} ({@code n / 10^count}).
     */
    private static int writeDigitPairs(byte[] b, int end, int n, int count) {
        int i = end;
        int left = count;
        while (left >= 2) {
            int q = n / 100;
            int r = (n - q * 100) * 2;
            b[--i] = DIGIT_PAIRS[r + 1];
            b[--i] = DIGIT_PAIRS[r];
            n = q;
            left -= 2;
        }
        if (left == 1) {
            int q = n / 10;
            b[--i] = (byte) ('0' + (n - q * 10));
            n = q;
        }
        return n;
    }

    /** Appends {@code v} rounded to {@code digits} (1..17) significant digits: every case. */
    static void appendGeneral(ByteText out, double v, int digits) {
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
