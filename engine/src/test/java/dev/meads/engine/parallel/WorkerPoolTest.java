package dev.meads.engine.parallel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
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
        }
    }

    @Test
    void theSecondWorkerTakesPart() throws Exception {
        // both pieces wait for each other, so they must run on two threads at once
        try (WorkerPool pool = new WorkerPool(2)) {
            for (int rep = 0; rep < 100; rep++) {
                assertBothThreadsRunAPiece(pool);
            }
        }
    }

    @Test
    void helperShareCountsThePiecesOtherThreadsRan() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertEquals(0.0, pool.helperShare(), "nothing run yet");
            for (int rep = 0; rep < 10; rep++) {
                assertBothThreadsRunAPiece(pool); // one piece each
            }
            assertEquals(0.5, pool.helperShare(), 0.0);
            pool.forEachRange(8, 8, (w, from, to) -> { }); // one piece: the caller's alone
            assertEquals(10.0 / 21, pool.helperShare(), 1e-15);
        }
        try (WorkerPool one = new WorkerPool(1)) {
            one.forEachChunk(64, 8, (w, from, to) -> { });
            assertEquals(0.0, one.helperShare());
        }
        // a busy compiler: every section on the caller, counted with all its pieces
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        JitActivity alwaysCompiling = new JitActivity(() -> clock.get() / 1_000_000, // compiling all the time
                () -> clock.addAndGet(JitActivity.WINDOW_NANOS));
        try (WorkerPool yielding = new WorkerPool(2, alwaysCompiling)) {
            yielding.forEachChunk(64, 8, (w, from, to) -> { });
            assertEquals(0.0, yielding.helperShare());
            assertEquals(1, yielding.soloSections());
        }
    }

    /** Two pieces that wait for each other: they must run on the caller and the worker at once. */
    private static void assertBothThreadsRunAPiece(WorkerPool pool) {
        CyclicBarrier both = new CyclicBarrier(2);
        boolean[] ran = new boolean[2];
        pool.forEachRange(16, 8, (w, from, to) -> {
            await(both);
            ran[w] = true;
        });
        assertTrue(ran[0] && ran[1], "caller and worker each ran a piece");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread never arrived", e);
        }
    }

    @Test
    void workerExceptionReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            Thread caller = Thread.currentThread();
            CyclicBarrier both = new CyclicBarrier(2);
            IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                    pool.forEachRange(16, 8, (w, from, to) -> {
                        await(both);
                        if (Thread.currentThread() != caller) {
                            throw new IllegalStateException("boom in worker " + w);
                        }
                    }));
            assertEquals("boom in worker 1", e.getMessage());
            // the pool still works afterwards
            int[] count = new int[1];
            pool.forEachRange(4, 8, (w, from, to) -> count[0] += to - from);
            assertEquals(4, count[0]);
        }
    }

    /**
     * Claim words carry the low 32 bits of the section's number: sections around 2^32 (six hours
     * of a pool reused at 5 µs per section) run like any other. Before, the first section
     * numbered 2^32 hung its caller.
     */
    @Test
    void sectionsPastTwoToThe32RunLikeAnyOther() throws Exception {
        java.lang.reflect.Field sections = WorkerPool.class.getDeclaredField("sections");
        sections.setAccessible(true);
        for (int threads : new int[] {2, 3}) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                sections.setLong(pool, (1L << 32) - 3);
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
                    for (int k = 0; k < 6; k++) {
                        int[] hits = new int[64];
                        pool.forEachChunk(64, 8, (w, from, to) -> {
                            for (int i = from; i < to; i++) {
                                hits[i]++;
                            }
                        });
                        for (int i = 0; i < 64; i++) {
                            assertEquals(1, hits[i], "section " + k + ", index " + i);
                        }
                    }
                });
            }
        }
    }

    @Test
    void rejectsZeroThreads() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
    }

    @Test
    void chunksCoverEveryIndexOnceAndStartAligned() {
        try (WorkerPool pool = new WorkerPool(2)) {
            for (int n : new int[] {1, 7, 8, 9, 48, 63, 64, 1000}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(n);
                pool.forEachChunk(n, 8, (w, from, to) -> {
                    assertTrue(from % 8 == 0, "chunk start " + from + " not aligned");
                    assertTrue(to - from <= 8 || (from == 0 && to == n), "chunk " + from + ".." + to);
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
    void workerIndexIsTheRunningThreadsOwn() {
        // per-worker scratch indexed by w must never be used by two threads at once
        try (WorkerPool pool = new WorkerPool(3)) {
            java.util.concurrent.atomic.AtomicReferenceArray<Thread> owner =
                    new java.util.concurrent.atomic.AtomicReferenceArray<>(3);
            for (int rep = 0; rep < 2_000; rep++) {
                pool.forEachChunk(64, 8, (w, from, to) -> {
                    Thread me = Thread.currentThread();
                    Thread before = owner.compareAndExchange(w, null, me);
                    assertTrue(before == null || before == me, "worker index " + w + " used by two threads");
                });
            }
        }
    }

    @Test
    void manyTinyChunkedSections() throws Exception {
        // a worker that is not scheduled in time must not hold the caller up; many tiny
        // sections make late workers common, and every index must still be done exactly once
        try (WorkerPool pool = new WorkerPool(2)) {
            long[] total = new long[1];
            for (int rep = 0; rep < 50_000; rep++) {
                pool.forEachChunk(64, 8, (w, from, to) -> {
                    synchronized (total) {
                        total[0] += to - from;
                    }
                });
            }
            assertEquals(50_000L * 64, total[0]);
        }
    }

    @Test
    void sectionsOfDifferentShapesNeverOverlap() throws Exception {
        // MEADS alternates sections of different shapes (4 folds one at a time, then the
        // ensemble step in pieces of 16). A worker that wakes late from one section must not
        // run a piece of the next one with a mix of the two sections' fields, nor count one:
        // when a section returns, every index has been done exactly once and nothing of it, or
        // of an earlier section, still runs. A third thread competing for the two cores makes
        // late workers common.
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() & 1;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        load.setDaemon(true);
        load.start();
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger wrongSection = new AtomicInteger();
            int[] current = new int[1];
            for (int section = 1; section <= 200_000; section++) {
                boolean folds = section % 2 == 0;
                int n = folds ? 4 : 48;
                int[] done = new int[n];
                int id = section;
                synchronized (current) {
                    current[0] = id;
                }
                WorkerPool.RangeTask task = (w, from, to) -> {
                    running.incrementAndGet();
                    synchronized (current) {
                        if (current[0] != id) {
                            wrongSection.incrementAndGet();
                        }
                    }
                    for (int i = from; i < to; i++) {
                        synchronized (done) {
                            done[i]++;
                        }
                    }
                    running.decrementAndGet();
                };
                pool.forEachChunk(n, folds ? 1 : 16, task);
                assertEquals(0, running.get(), "a piece still runs after section " + id + " returned");
                synchronized (done) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, done[i], "index " + i + " of section " + id + " done " + done[i] + " times");
                    }
                }
                assertEquals(0, wrongSection.get(), "a piece of an earlier section ran during section " + id);
            }
        } finally {
            stop.set(true);
            load.join();
        }
    }

    @Test
    void chunkExceptionReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                    pool.forEachChunk(64, 8, (w, from, to) -> {
                        if (from == 40) {
                            throw new IllegalArgumentException("boom at 40");
                        }
                    }));
            assertEquals("boom at 40", e.getMessage());
            int[] count = new int[1];
            pool.forEachChunk(16, 8, (w, from, to) -> {
                synchronized (count) {
                    count[0] += to - from;
                }
            });
            assertEquals(16, count[0]);
        }
    }

    @Test
    void whileTheCompilerIsBusyTheCallerRunsSectionsAlone() {
        long[] clock = {0};
        long[] compiled = {0};
        JitActivity activity = new JitActivity(() -> compiled[0], () -> clock[0]);
        try (WorkerPool pool = new WorkerPool(2, activity)) {
            Thread caller = Thread.currentThread();
            // a busy window: every section is one call on the caller, over the whole range
            clock[0] += JitActivity.WINDOW_NANOS;
            compiled[0] += JitActivity.WINDOW_NANOS / 1_000_000L;
            for (int rep = 0; rep < 50; rep++) {
                java.util.List<int[]> calls = new java.util.ArrayList<>();
                pool.forEachChunk(64, 8, (w, from, to) -> {
                    assertTrue(Thread.currentThread() == caller, "a worker ran a piece while the compiler was busy");
                    synchronized (calls) {
                        calls.add(new int[] {w, from, to});
                    }
                });
                assertEquals(1, calls.size());
                assertEquals(java.util.List.of(0, 0, 64), java.util.List.of(calls.get(0)[0], calls.get(0)[1],
                        calls.get(0)[2]));
            }
            assertEquals(50, pool.soloSections());
            // a quiet window: the worker takes part again
            clock[0] += JitActivity.WINDOW_NANOS;
            assertBothThreadsRunAPiece(pool);
            assertEquals(50, pool.soloSections());
        }
    }
}
