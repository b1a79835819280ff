package dev.meads.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The "before it" line reads the launcher's clock reading, in either decimal notation bash may use. */
class RunnerTest {
    @Test
    void secondsSinceTheLaunchersClockReading() {
        long now = 1_764_270_000_500L;
        assertEquals(0.377, Runner.secondsSince("1764270000.123", now), 1e-6);
        assertEquals(0.377, Runner.secondsSince("1764270000,123", now), 1e-6, "a locale's decimal comma");
        assertEquals(0.377, Runner.secondsSince(" 1764270000.123\n", now), 1e-6);
        for (String unusable : new String[] {null, "", "soon", "1764270001.0", "1764260000.0"}) {
            assertTrue(Double.isNaN(Runner.secondsSince(unusable, now)), "NaN for " + unusable);
        }
    }
}
