package dev.meads.engine.io;

import java.util.Arrays;

/**
 * Round tick values for a plot axis and their labels: steps of 1, 2 or 5 times a power of ten on
 * a linear axis; powers of ten (with 2 and 5 times them when the axis spans few decades) on a
 * logarithmic one.
 *
 * @param values the tick values, ascending, all within the axis range
 * @param labels one label per value
 */
record AxisTicks(double[] values, String[] labels) {

    /**
     * Ticks of a linear axis over [lo, hi], about {@code count} of them (the step is rounded up
     * to 1, 2 or 5 times a power of ten).
     *
     * @param decimals digits after the point in the labels, or −1 for as many as the step needs
     */
    static AxisTicks linear(double lo, double hi, int count, int decimals) {
        check(lo, hi);
        double step = niceStep((hi - lo) / Math.max(1, count));
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, last - first + 1);
        double[] v = new double[n];
        String[] l = new String[n];
        int stepExponent = (int) Math.floor(Math.log10(step) + 1e-9);
        int d = decimals >= 0 ? decimals : Math.max(0, -stepExponent);
        double big = Math.max(Math.abs(lo), Math.abs(hi));
        int bigExponent = (int) Math.floor(Math.log10(big) + 1e-9);
        // Exponent form for large values, and for small ones that need many decimals; a narrow
        // range of ordinary values (a nearly constant quantity, 1.5157808 ± 4e-9) keeps fixed
        // notation with the decimals its step needs, so that neighbouring labels differ.
        boolean scientific = big >= 1e6 || (d > 6 && big < 1e-3);
        // Digits beyond a double's 17 significant ones would overflow the fixed form's long.
        d = Math.min(d, Math.max(0, 16 - Math.max(0, bigExponent + 1)));
        int mantissaDecimals = Math.min(15, Math.max(0, bigExponent - stepExponent));
        for (int i = 0; i < n; i++) {
            v[i] = (first + i) * step;
            l[i] = scientific ? scientific(v[i], mantissaDecimals) : fixed(v[i], d);
        }
        return new AxisTicks(v, l);
    }

    /** Ticks of an integer-valued axis over [lo, hi] (iterations): as {@link #linear} with steps of at least 1. */
    static AxisTicks integers(double lo, double hi, int count) {
        check(lo, hi);
        double step = niceStep(Math.max(1, (hi - lo) / Math.max(1, count)));
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, last - first + 1);
        double[] v = new double[n];
        String[] l = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = (first + i) * step;
            l[i] = v[i] >= 1e6 ? scientific(v[i]) : fixed(v[i], 0);
        }
        return new AxisTicks(v, l);
    }

    /** Ticks of a count axis over [0, hi]: whole numbers only. */
    static AxisTicks counts(double hi, int count) {
        return integers(0, hi, count);
    }

    /**
     * Ticks of a logarithmic axis over [lo, hi], both > 0: powers of ten, with 2 and 5 times
     * them over up to two decades, and every digit times them when that gives fewer than three.
     */
    static AxisTicks logarithmic(double lo, double hi) {
        check(lo, hi);
        if (!(lo > 0)) {
            throw new IllegalArgumentException("a logarithmic axis needs values > 0, got " + lo);
        }
        int from = (int) Math.floor(Math.log10(lo) + 1e-9);
        int to = (int) Math.ceil(Math.log10(hi) - 1e-9);
        AxisTicks t = logarithmic(lo, hi, from, to, to - from <= 2 ? new double[] {1, 2, 5} : new double[] {1});
        if (t.values.length < 3) {
            t = logarithmic(lo, hi, from, to, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            if (t.values.length > 6) {
                // every digit over more than a decade: label 1, 2 and 5 only, or the labels of
                // 0.005 ... 0.01 run into each other; the rest stay as unlabelled ticks
                for (int i = 0; i < t.values.length; i++) {
                    double m = t.values[i] / Math.pow(10, Math.floor(Math.log10(t.values[i]) + 1e-9));
                    long digit = Math.round(m);
                    if (digit != 1 && digit != 2 && digit != 5) {
                        t.labels[i] = "";
                    }
                }
            }
        }
        return t;
    }

    private static AxisTicks logarithmic(double lo, double hi, int from, int to, double[] mantissas) {
        double[] v = new double[(to - from + 1) * mantissas.length];
        String[] l = new String[v.length];
        int n = 0;
        for (int e = from; e <= to; e++) {
            for (double m : mantissas) {
                double x = m * Math.pow(10, e);
                if (x >= lo * (1 - 1e-9) && x <= hi * (1 + 1e-9)) {
                    v[n] = x;
                    l[n] = e < -4 || e > 5 ? scientific(x) : fixed(x, Math.max(0, -e));
                    n++;
                }
            }
        }
        return new AxisTicks(Arrays.copyOf(v, n), Arrays.copyOf(l, n));
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            throw new IllegalArgumentException("a tick step must be finite and > 0, got " + raw);
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** {@code v} with exactly {@code decimals} digits after the point (none: no point); "0" for zero. */
    static String fixed(double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long units = Math.round(Math.abs(v) * scale);
        if (units == 0) {
            return "0";
        }
        StringBuilder s = new StringBuilder(24);
        if (v < 0) {
            s.append('-');
        }
        s.append(units / scale);
        if (decimals > 0) {
            String frac = Long.toString(units % scale);
            s.append('.');
            for (int i = frac.length(); i < decimals; i++) {
                s.append('0');
            }
            s.append(frac);
        }
        return s.toString();
    }

    /** {@code v} as mantissa and power of ten, e.g. {@code 2e-05} or {@code 1.5e+07}. */
    static String scientific(double v) {
        String s = scientific(v, 1);
        int e = s.indexOf('e');
        return e >= 2 && s.startsWith(".0", e - 2) ? s.substring(0, e - 2) + s.substring(e) : s;
    }

    /** {@code v} as mantissa with {@code decimals} digits after the point and power of ten. */
    static String scientific(double v, int decimals) {
        if (v == 0) {
            return "0";
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
        double m = v / Math.pow(10, e);
        String mantissa = fixed(m, decimals);
        if (mantissa.startsWith("10") || mantissa.startsWith("-10")) { // 9.99.. rounded up
            e++;
            mantissa = fixed(v / Math.pow(10, e), decimals);
        }
        String exponent = Integer.toString(Math.abs(e));
        return mantissa + "e" + (e < 0 ? "-" : "+") + (exponent.length() < 2 ? "0" : "") + exponent;
    }

    private static void check(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("an axis needs finite ends with lo < hi, got " + lo + " and " + hi);
        }
    }
}
