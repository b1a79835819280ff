package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    private static String text(double v, int digits) {
        ByteText out = new ByteText(4);
        DecimalText.append(out, v, digits);
        return out.toString();
    }

    @Test
    void examples() {
        assertEquals("0", text(0.0, 6));
        assertEquals("-0", text(-0.0, 6));
        assertEquals("3", text(3.0, 6));
        assertEquals("-17", text(-17.0, 6));
        assertEquals("1.23457e+06", text(1234567.0, 6));
        assertEquals("-1785.66", text(-1785.6640512172016, 6));
        assertEquals("0.00123457", text(0.00123456789, 6));
        assertEquals("1.23457e-07", text(1.23456789e-7, 6));
        assertEquals("0.5", text(0.5, 6));
        assertEquals("10", text(9.9999996, 6));
        assertEquals("1e+20", text(1e20, 6));
        assertEquals("2.5e-310", text(2.5e-310, 6));
        assertEquals("1.79769e+308", text(Double.MAX_VALUE, 6));
        assertEquals("NaN", text(Double.NaN, 6));
        assertEquals("-Infinity", text(Double.NEGATIVE_INFINITY, 6));
        assertEquals("0.292641763", text(0.2926417633722258, 9));
        // the double nearest 1e-7 is 9.99999999999999954748e-08: 16 digits round it to 1e-07
        assertEquals("1e-07", text(1e-7, 16));
    }

    @Test
    void agreesWithBigDecimalRounding() {
        SplittableRandom r = new SplittableRandom(7);
        int offByOne = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double v = (r.nextBoolean() ? 1 : -1) * Math.exp(r.nextDouble(-700, 700)) * r.nextDouble();
            if (i % 3 == 0) {
                v = Math.round(v * 1e4) / 1e4 + 0.5e-4; // near ties
            }
            for (int digits : new int[] {6, 9}) {
                String s = text(v, digits);
                double back = Double.parseDouble(s);
                BigDecimal exact = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
                if (back != exact.doubleValue()) {
                    offByOne++;
                    double unit = Math.abs(exact.doubleValue()) * Math.pow(10, 1 - digits);
                    assertTrue(Math.abs(back - exact.doubleValue()) <= 1.0001 * unit, v + " -> " + s + " vs " + exact);
                }
                if (v != 0) {
                    assertTrue(Math.abs(back - v) <= Math.abs(v) * Math.pow(10, 1 - digits), v + " -> " + s);
                }
            }
        }
        assertTrue(offByOne < n / 1000, "last digit not the correctly rounded one in " + offByOne + " cases");
    }
}
