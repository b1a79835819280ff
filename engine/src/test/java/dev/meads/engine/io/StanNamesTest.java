package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StanNamesTest {

    @Test
    void bracketNamesBecomeDotted() {
        assertEquals("theta.1", StanNames.toDotted("theta[1]"));
        assertEquals("y.1.2", StanNames.toDotted("y[1,2]"));
        assertEquals("y.10.20", StanNames.toDotted("y[10, 20]"));
        assertEquals("sigma_y", StanNames.toDotted("sigma_y"));
        assertEquals("log_a.3", StanNames.toDotted("log_a[3]"));
    }

    @Test
    void dottedNamesBecomeBrackets() {
        assertEquals("theta[1]", StanNames.toBracket("theta.1"));
        assertEquals("y[1,2]", StanNames.toBracket("y.1.2"));
        assertEquals("sigma_y", StanNames.toBracket("sigma_y"));
        assertEquals("theta[1]", StanNames.toBracket("theta[1]"));
        // Only trailing all-digit parts are indices.
        assertEquals("a.b", StanNames.toBracket("a.b"));
        assertEquals("a.b.3", StanNames.toBracket("a.b.3"), "a base with a dot is not a Stan identifier");
        assertEquals("x.", StanNames.toBracket("x."));
        assertEquals(".1", StanNames.toBracket(".1"));
        assertEquals("lp__", StanNames.toBracket("lp__"));
    }

    @Test
    void roundTrip() {
        for (String n : new String[] {"theta[1]", "y[1,2]", "z[3,4,5]", "mu_alpha", "b[30]"}) {
            assertEquals(n, StanNames.toBracket(StanNames.toDotted(n)));
        }
    }

    @Test
    void malformedNamesAreRejected() {
        for (String bad : new String[] {"", "a[1", "a]1", "a[]", "a[1,]", "[1]", "a[1][2]", "a,b", "a\nb", "a[1.5]",
            "x#1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanNames.toDotted(bad),
                    bad);
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
    }
}
