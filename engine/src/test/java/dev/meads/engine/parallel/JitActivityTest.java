package dev.meads.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitActivityTest {
    private static final long MS = 1_000_000L;

    /** A clock and a compilation counter the test moves by hand. */
    private static final class Fake {
        long nanos;
        long compileMillis;
        final JitActivity activity = new JitActivity(() -> compileMillis, () -> nanos);

        boolean after(long wallMillis, long compiledMillis) {
            nanos += wallMillis * MS;
            compileMillis += compiledMillis;
            return activity.busy();
        }
    }

    @Test
    void busyWhenTheWindowWasAtLeastHalfCompilation() {
        Fake f = new Fake();
        assertTrue(f.after(20, 10), "10 ms of compilation in a 20 ms window is half");
        assertFalse(f.after(20, 9), "9 of 20 ms is below half");
        assertTrue(f.after(40, 35), "two compiler threads can add more than the wall time");
        assertFalse(f.after(20, 0), "a quiet window");
    }

    @Test
    void theAnswerHoldsUntilTheWindowEnds() {
        Fake f = new Fake();
        assertFalse(f.after(5, 5), "no complete window yet: quiet");
        assertFalse(f.after(5, 5), "10 ms: still within the first window");
        assertTrue(f.after(10, 0), "the window closes at 20 ms with 10 ms compiled");
        assertTrue(f.after(19, 0), "within the next window the answer stays");
        assertFalse(f.after(1, 0), "that window closes with nothing compiled");
    }

    @Test
    void thisJvmHasAnActivityUnlessTurnedOff() {
        String before = System.getProperty(JitActivity.PROPERTY);
        try {
            System.setProperty(JitActivity.PROPERTY, "false");
            assertTrue(JitActivity.ofThisJvm() == null, "the property turns it off");
            System.clearProperty(JitActivity.PROPERTY);
            JitActivity here = JitActivity.ofThisJvm();
            assertTrue(here != null, "HotSpot measures its compilation time");
            here.busy(); // reads the counter without failing
        } finally {
            if (before == null) {
                System.clearProperty(JitActivity.PROPERTY);
            } else {
                System.setProperty(JitActivity.PROPERTY, before);
            }
        }
    }
}
