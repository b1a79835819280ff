package dev.meads.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void everyIndexIsCoveredOnceWithAlignedCuts() {
        try (WorkerPool pool = new WorkerPool(2)) {
            for (int n : new int[] {1, 7, 8, 9, 48, 63, 64, 1000}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(n);
                int[] cuts = new int[4];
                pool.forEachRange(n, 8, (w, from, to) -> {
                    assertTrue(from % 8 == 0, "range start " + from + " not aligned");
                    cuts[w] = from;
                    for (int i = from; i < to; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(1, hits.get(i), "index " + i + " of " + n);
                }
            }
        }
    }

    @Test
    void manySectionsInARow() {
        try (WorkerPool pool = new WorkerPool(2)) {
            long[] sums = new long[2];
            for (int rep = 0; rep < 20_000; rep++) {
                pool.forEachRange(16, 8, (w, from, to) -> sums[w] += to - from);
            }
            assertEquals(20_000L * 16, sums[0] + sums[1]);
            assertTrue(sums[1] > 0, "the second worker took part");
        }
    }

    @Test
    void workerExceptionReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                    pool.forEachRange(16, 8, (w, from, to) -> {
                        if (w == 1) {
                            throw new IllegalStateException("boom in worker 1");
                        }
                    }));
            assertEquals("boom in worker 1", e.getMessage());
            // the pool still works afterwards
            int[] count = new int[1];
            pool.forEachRange(4, 8, (w, from, to) -> count[0] += to - from);
            assertEquals(4, count[0]);
        }
    }

    @Test
    void rejectsZeroThreads() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
    }
}
