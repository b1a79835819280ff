package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SVG text and axis ticks: number formats, escaping, tick steps and labels. */
class SvgDocumentTest {
    @Test
    void coordinatesHaveOneDecimalAndTextIsEscaped() {
        SvgDocument d = new SvgDocument(100, 50);
        d.line(0.04, -0.04, 12.35, 7, "#000000", 1.5, "8 5");
        d.text(3, 4, "a<b & \"c\">", 11, true, SvgDocument.Anchor.END, -90);
        String s = d.toString();
        assertTrue(s.contains("<line x1=\"0\" y1=\"0\" x2=\"12.4\" y2=\"7\" stroke=\"#000000\" stroke-width=\"1.5\" "
                + "stroke-dasharray=\"8 5\"/>"), s);
        assertTrue(s.contains("font-weight=\"bold\" text-anchor=\"end\" transform=\"rotate(-90 3 4)\">"
                + "a&lt;b &amp; &quot;c&quot;&gt;</text>"), s);
        assertTrue(s.startsWith("<?xml") && s.endsWith("</svg>\n"), s);
        d.polyline(new double[] {-1.26, 2}, new double[] {3, 4}, 2, "#111111", 1);
        assertTrue(d.toString().contains("points=\"-1.3,3 2,4\""), d.toString());
        assertThrows(IllegalArgumentException.class, () -> d.circle(Double.NaN, 1, 1, "#000000"));
        assertThrows(IllegalArgumentException.class, () -> new SvgDocument(0, 10));
    }

    @Test
    void linearTicksStepByOneTwoOrFive() {
        assertEquals(1, AxisTicks.niceStep(0.7));
        assertEquals(2, AxisTicks.niceStep(1.5));
        assertEquals(5, AxisTicks.niceStep(2.01));
        assertEquals(10, AxisTicks.niceStep(6));
        assertEquals(0.002, AxisTicks.niceStep(0.0017), 1e-18);
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.niceStep(0));

        AxisTicks t = AxisTicks.linear(0, 1000.5, 6, 0);
        assertArrayEquals(new double[] {0, 200, 400, 600, 800, 1000}, t.values());
        assertEquals(Arrays.asList("0", "200", "400", "600", "800", "1000"), Arrays.asList(t.labels()));

        AxisTicks r = AxisTicks.linear(1.17, 1.58, 5, -1);
        assertEquals(Arrays.asList("1.2", "1.3", "1.4", "1.5"), Arrays.asList(r.labels()));
        AxisTicks neg = AxisTicks.linear(-0.013, 0.021, 4, -1);
        assertEquals(Arrays.asList("-0.01", "0", "0.01", "0.02"), Arrays.asList(neg.labels()));
        AxisTicks three = AxisTicks.linear(1.0, 1.012, 5, 3);
        assertEquals("1.000", three.labels()[0]);
        AxisTicks big = AxisTicks.linear(0, 3e7, 3, -1);
        assertEquals(Arrays.asList("0", "1e+07", "2e+07", "3e+07"), Arrays.asList(big.labels()));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.linear(1, 1, 5, -1));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.linear(0, Double.NaN, 5, -1));
    }

    @Test
    void countsStepByWholeNumbers() {
        assertEquals(Arrays.asList("0", "1"), Arrays.asList(AxisTicks.counts(1.09, 6).labels()));
        assertEquals(Arrays.asList("0", "5", "10", "15"), Arrays.asList(AxisTicks.counts(16.4, 6).labels()));
        // two draws: iterations 0, 1, 2, not 0 0.5 1 ... labelled "0 1 1 2 2"
        assertEquals(Arrays.asList("0", "1", "2"), Arrays.asList(AxisTicks.integers(0, 2.5, 6).labels()));
    }

    /** Labels of a narrow range tell their ticks apart, at any magnitude. */
    @Test
    void narrowRangesGetTheDigitsTheyNeed() {
        AxisTicks flat = AxisTicks.linear(1.51578079, 1.51578081, 5, -1); // a nearly constant trace
        assertEquals(Arrays.asList("1.515780790", "1.515780795", "1.515780800", "1.515780805", "1.515780810"),
                Arrays.asList(flat.labels()));
        AxisTicks big = AxisTicks.linear(1.00005e7, 1.00011e7, 5, -1); // 1e7 with a spread of 150
        assertEquals(Arrays.asList("1.00006e+07", "1.00008e+07", "1.00010e+07"), Arrays.asList(big.labels()));
        for (AxisTicks t : new AxisTicks[] {flat, big, AxisTicks.linear(-3e-9, 3e-9, 5, -1),
            AxisTicks.linear(123456.7, 123456.7001, 4, -1)}) {
            assertEquals(t.labels().length, new java.util.HashSet<>(Arrays.asList(t.labels())).size(),
                    Arrays.toString(t.labels()));
        }
    }

    @Test
    void logarithmicTicksAreDecadesOrFinerOnShortRanges() {
        AxisTicks wide = AxisTicks.logarithmic(2e-4, 0.6);
        assertEquals(Arrays.asList("0.001", "0.01", "0.1"), Arrays.asList(wide.labels()));
        AxisTicks narrow = AxisTicks.logarithmic(0.09, 0.6);
        assertEquals(Arrays.asList("0.1", "0.2", "0.5"), Arrays.asList(narrow.labels()));
        AxisTicks digits = AxisTicks.logarithmic(0.25, 0.62);
        assertEquals(Arrays.asList("0.3", "0.4", "0.5", "0.6"), Arrays.asList(digits.labels()));
        // every digit over more than a decade (0.004 .. 0.12): only 1, 2 and 5 labelled
        AxisTicks crowded = AxisTicks.logarithmic(0.004, 0.12);
        assertEquals(Arrays.asList("0.005", "0.01", "0.02", "0.05", "0.1"),
                Arrays.stream(crowded.labels()).filter(l -> !l.isEmpty()).toList());
        assertEquals(16, crowded.values().length); // 0.004 .. 0.009, 0.01 .. 0.09, 0.1
        AxisTicks tiny = AxisTicks.logarithmic(1e-9, 1e-6);
        assertEquals(Arrays.asList("1e-09", "1e-08", "1e-07", "1e-06"), Arrays.asList(tiny.labels()));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.logarithmic(0, 1));
    }

    @Test
    void fixedAndScientificText() {
        assertEquals("0", AxisTicks.fixed(-0.0004, 3));
        assertEquals("-1.250", AxisTicks.fixed(-1.25, 3));
        assertEquals("1.0069", AxisTicks.fixed(1.00686, 4));
        assertEquals("12", AxisTicks.fixed(12.4, 0));
        assertEquals("2.5e-05", AxisTicks.scientific(2.5e-5));
        assertEquals("-1e+07", AxisTicks.scientific(-1e7));
    }
}
