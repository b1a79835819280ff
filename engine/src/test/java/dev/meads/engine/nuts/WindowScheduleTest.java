package dev.meads.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.nuts.WindowSchedule.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of ALGORITHMS §5.1 (Stan's windowed adaptation, defaults 75 / 50 / 25). */
class WindowScheduleTest {

    private static List<Window> windows(int w) {
        return new WindowSchedule(w, 75, 50, 25).slowWindows();
    }

    @Test
    void defaultBuffersFit() {
        assertEquals(List.of(new Window(75, 99), new Window(100, 149), new Window(150, 249), new Window(250, 449),
                new Window(450, 949)), windows(1000));
        assertEquals(List.of(new Window(75, 99), new Window(100, 149), new Window(150, 249), new Window(250, 449)),
                windows(500));
        assertEquals(List.of(new Window(75, 99), new Window(100, 149)), windows(200));
        assertEquals(List.of(new Window(75, 99)), windows(150));
    }

    @Test
    void buffersShrinkWhenTheyDoNotFit() {
        WindowSchedule s100 = new WindowSchedule(100, 75, 50, 25);
        assertEquals(15, s100.initBuffer());
        assertEquals(10, s100.termBuffer());
        assertEquals(75, s100.baseWindow());
        assertEquals(List.of(new Window(15, 89)), s100.slowWindows());

        WindowSchedule s20 = new WindowSchedule(20, 75, 50, 25);
        assertEquals(3, s20.initBuffer());
        assertEquals(2, s20.termBuffer());
        assertEquals(15, s20.baseWindow());
        assertEquals(List.of(new Window(3, 17)), s20.slowWindows());
    }

    @Test
    void shortWarmupAdaptsNoMetric() {
        WindowSchedule s = new WindowSchedule(19, 75, 50, 25);
        assertFalse(s.adaptsMetric());
        assertEquals(List.of(), s.slowWindows());
        for (int c = 0; c < 19; c++) {
            assertFalse(s.collects(c));
            assertFalse(s.endsWindow(c));
        }
        assertTrue(new WindowSchedule(20, 75, 50, 25).adaptsMetric());
    }

    @Test
    void collectedIterationsAreExactlyTheSlowWindows() {
        for (int w : new int[] {20, 100, 150, 151, 200, 500, 1000, 2000}) {
            WindowSchedule s = new WindowSchedule(w, 75, 50, 25);
            List<Window> ws = s.slowWindows();
            int collected = 0;
            for (int c = 0; c < w; c++) {
                collected += s.collects(c) ? 1 : 0;
            }
            assertEquals(w - s.initBuffer() - s.termBuffer(), collected, "W = " + w);
            assertEquals(s.initBuffer(), ws.getFirst().first(), "W = " + w);
            assertEquals(w - s.termBuffer() - 1, ws.getLast().last(), "W = " + w);
            for (int i = 1; i < ws.size(); i++) {
                assertEquals(ws.get(i - 1).last() + 1, ws.get(i).first(), "windows are contiguous, W = " + w);
            }
        }
    }
}
