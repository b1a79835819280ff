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

    private static String general(double v, int digits) {
        ByteText out = new ByteText(4);
        DecimalText.appendGeneral(out, v, digits);
        return out.toString();
    }

    @Test
    void decimalExponentEstimateIsTheFloorOverEveryBinaryExponent() {
        BigDecimal log10Of2 = new BigDecimal("0.30102999566398119521373889472449302676818988146211");
        for (int e2 = Double.MIN_EXPONENT - 60; e2 <= Double.MAX_EXPONENT; e2++) {
            int expected = BigDecimal.valueOf(e2).multiply(log10Of2).setScale(0, RoundingMode.FLOOR).intValueExact();
            assertEquals(expected, DecimalText.decimalExponentEstimate(e2), "binary exponent " + e2);
        }
    }

    @Test
    void fastPathWritesWhatTheGeneralPathWrites() {
        SplittableRandom r = new SplittableRandom(11);
        ByteText row = new ByteText(8);
        for (int i = 0; i < 400_000; i++) {
            double v = switch (i % 6) {
                case 0 -> r.nextGaussian();
                case 1 -> r.nextGaussian() * Math.exp(r.nextDouble(-40, 40));
                case 2 -> Math.exp(r.nextDouble(-745, 709.7)) * (r.nextBoolean() ? 1 : -1);
                case 3 -> Math.round(r.nextGaussian() * 1e6) / 1e3; // short decimals, trailing zeros
                case 4 -> (double) r.nextInt(-2_000_000, 2_000_000); // integers of every length
                default -> Math.pow(10, r.nextInt(-320, 309)) * (1 + r.nextInt(3) * 1e-15); // near powers of ten
            };
            for (int digits = 1; digits <= 17; digits++) {
                String expected = general(v, digits);
                row.clear();
                row.append('x');
                DecimalText.append(row, v, digits);
                assertEquals("x" + expected, row.toString(), "v=" + v + " digits=" + digits);
            }
        }
        for (double v : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, 9.9999996,
                99999.95, 0.000099999996, 123456789012345.0, 1e15, 999999999999999.9}) {
            for (int digits = 1; digits <= 17; digits++) {
                assertEquals(general(v, digits), text(v, digits), "v=" + v + " digits=" + digits);
            }
        }
    }
    @Test
    void roundingUpToTheNextPowerOfTenWritesWhatTheGeneralPathWrites() {
        // Values just below 10^k whose rounding to `digits` digits carries into a new digit
        // (9.9999996 -> 10 at 6 digits): the fast path's own carry. Checked that they carry, so
        // the test fails if the sample misses the case.
        SplittableRandom r = new SplittableRandom(5);
        int carried = 0;
        for (int i = 0; i < 20_000; i++) {
            int k = r.nextInt(-290, 300);
            for (int digits = 1; digits <= DecimalText.MAX_FAST_DIGITS; digits++) {
                double v = Math.pow(10, k) * (1 - r.nextDouble(0, 0.5) * Math.pow(10, -digits));
                if (r.nextBoolean()) {
                    v = -v;
                }
                String expected = general(v, digits);
                assertEquals(expected, text(v, digits), "v=" + v + " digits=" + digits);
                String unsigned = expected.startsWith("-") ? expected.substring(1) : expected;
                if (unsigned.equals("1") || unsigned.startsWith("1e") || unsigned.matches("10+")) {
                    carried++;
                }
            }
        }
        assertTrue(carried > 40_000, "only " + carried + " values carried");
    }

    @Test
    void theByteAfterAValueFollowsItOnBothPaths() {
        SplittableRandom r = new SplittableRandom(3);
        ByteText row = new ByteText(8);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextGaussian();
                case 1 -> 0.0; // the whole-number branch of the fast path
                case 2 -> Double.NaN;
                default -> r.nextGaussian() * 1e-310; // subnormal: general path
            };
            for (int digits = 1; digits <= 17; digits++) {
                byte after = i % 2 == 0 ? (byte) ',' : (byte) '\n';
                row.clear();
                row.append('x');
                DecimalText.append(row, v, digits, after);
                assertEquals("x" + general(v, digits) + (char) after, row.toString(), "v=" + v + " digits=" + digits);
            }
        }
    }

    @Test
    void powersOfTenAreTheNearestDoubles() {
        for (int e = -330; e <= 330; e++) {
            assertEquals(Double.parseDouble("1e" + e), DecimalText.pow10(e), "10^" + e);
        }
    }
}
