package dev.meads.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written number syntax of {@link CsvTable} against the regular expressions it replaced. */
class CsvNumberSyntaxTest {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** Characters that matter to either syntax, and some that must not (a non-ASCII digit, space, x). */
    private static final char[] ALPHABET = {'0', '1', '9', '.', 'e', 'E', '+', '-', 'n', 'a', 'N', 'i', 'I', 'f',
            'F', 't', 'y', ' ', 'x', '\u0663'};

    private static void agrees(String s) {
        assertEquals(DECIMAL.matcher(s).matches(), CsvTable.isDecimal(s), "decimal: '" + s + "'");
        assertEquals(NON_FINITE.matcher(s).matches(), CsvTable.isNonFinite(s), "non-finite: '" + s + "'");
    }

    @Test
    void examples() {
        for (String s : new String[] {"0", "-1", "+2.5", "3.", ".5", "1e5", "1E-5", "-.5e+10", "0012", "1.2.3", ".",
                "-", "+", "", "e5", "1e", "1e+", ".e1", "1 ", " 1", "1_000", "0x10", "1d", "1f", "nan", "-NaN", "+inf",
                "Infinity", "-INFINITY", "infinit", "nana", "inf1", "++1", "1e5.5"}) {
            agrees(s);
        }
        assertTrue(CsvTable.isDecimal("-.5e+10"));
        assertFalse(CsvTable.isDecimal("1e"));
        assertTrue(CsvTable.isNonFinite("-INFINITY"));
        assertTrue(CsvTable.looksNumeric("NaN") && CsvTable.looksNumeric("4.0") && !CsvTable.looksNumeric("county"));
    }

    @Test
    void everyShortStringAgrees() {
        // all strings of up to 4 characters over the alphabet: 20^4 + ... = 168,421
        StringBuilder sb = new StringBuilder();
        for (int length = 0; length <= 4; length++) {
            int count = (int) Math.pow(ALPHABET.length, length);
            for (int code = 0; code < count; code++) {
                sb.setLength(0);
                for (int k = 0, c = code; k < length; k++, c /= ALPHABET.length) {
                    sb.append(ALPHABET[c % ALPHABET.length]);
                }
                agrees(sb.toString());
            }
        }
    }

    @Test
    void randomLongerStringsAgree() {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.setLength(0);
            int length = 5 + random.nextInt(8);
            for (int k = 0; k < length; k++) {
                // mostly digits, so that numbers are common
                sb.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) ('0' + random.nextInt(10)));
            }
            agrees(sb.toString());
        }
    }
}
