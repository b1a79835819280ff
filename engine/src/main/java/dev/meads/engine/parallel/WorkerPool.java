package dev.meads.engine.parallel;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads that split a range of chains among themselves, with the
 * calling thread acting as worker 0. A parallel section is short (tens to hundreds of
 * microseconds for an ensemble step), so workers spin briefly, then yield, then park.
 *
 * <p>A section is cut into pieces whose inner boundaries are multiples of a granularity (the
 * model's lane count), so the grouping of chains into vector lanes, and hence every bit of the
 * result, does not depend on the number of threads. Each thread owns a contiguous share of the
 * pieces (the same share every section, so a chain's data tends to stay in one core's cache)
 * and claims them one at a time; when its share is done it claims the unclaimed pieces of the
 * others' shares. The section ends when every piece is done. A worker that is slow to wake (its
 * core busy with another process) therefore never holds the caller up unless it has already
 * claimed a piece: the caller simply does that worker's share itself.
 *
 * <p>The {@code worker} argument of a task is the index of the thread running the piece (0 for
 * the caller), so per-worker scratch space indexed by it is never shared. One thread may run
 * several pieces of a section.
 *
 * <p>A pool made by {@link #yieldingToCompiler} runs a section on the caller alone, as a pool
 * of one thread does, while the JIT compiler is busy and the pool's threads fill the cores
 * ({@link JitActivity}). Results do not change, for the reason above.
 */
public final class WorkerPool implements AutoCloseable {
    /** Work on the chains {@code [from, to)} of a section, done by worker {@code worker}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int worker, int from, int to);
    }

    // Spin, then yield (so that an oversubscribed core can run the thread we wait for), then
    // park. The spin covers the usual gap between two sections (the caller's last piece plus
    // MEADS' serial work, up to a few hundred microseconds): a worker that yields there loses
    // its core to whatever else runs on the machine for a whole time slice, and a section
    // then finds it absent (measured: with a 20 µs spin the worker took 4% of the pieces of
    // back-to-back 8 × 40 µs sections on a machine with other load, with 500 µs about half).
    private static final long SPIN_NANOS = 500_000L;
    private static final long YIELD_NANOS = 2_000_000L;

    private final int threads;
    private final Thread[] workers;
    /** Null unless this pool leaves the cores to a busy JIT compiler. */
    private final JitActivity compiler;
    private long soloSections;
    /** 1 while worker w is about to park or parked; the caller unparks only those. */
    private final AtomicIntegerArray parked;
    private volatile boolean closed;

    /** The current section's number, published after its fields. */
    private volatile long section;
    /**
     * Per thread w, at index {@code w·PAD}: {@code (section << 32) | next unclaimed piece of
     * w's share}. Padded so that two threads' words do not share a cache line.
     */
    private static final int PAD = 16;
    private final AtomicLongArray claims;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Thread caller;
    private volatile boolean callerParked;
    // The section's fields: written by the caller before it publishes the section, stable
    // until every piece is done (see runPieces).
    private RangeTask task;
    private int size;
    private int granularity;
    private int pieces;
    private boolean chunked;
    private long sections;
    /**
     * Pieces of the sections run so far ({@code [RUN]}), and those the caller ran itself
     * ({@code [BY_CALLER]}); read and written by the caller only. In an array of their own, a
     * cache line clear of either end, so that the caller's writes never touch the line of
     * {@link #section}, which the workers spin on (a precaution: the empty hand-off measured the
     * same with and without the counts, within its run-to-run spread of 1.6-2.4 µs).
     */
    private final long[] pieceCounts = new long[24];
    private static final int RUN = 8;
    private static final int BY_CALLER = 9;

    /** A pool of {@code threads} workers (the caller included); 1 runs everything inline. */
    public WorkerPool(int threads) {
        this(threads, null);
    }

    /**
     * A pool of {@code threads} workers that, when they are at least as many as the available
     * processors, runs each section on the caller alone while the JIT compiler is busy (a
     * fresh JVM compiling the hot kernels); see {@link JitActivity}.
     */
    public static WorkerPool yieldingToCompiler(int threads) {
        return new WorkerPool(threads, threads > 1 && threads >= defaultThreads() ? JitActivity.ofThisJvm() : null);
    }

    /** A pool that asks {@code compiler} (null: never) whether to run sections on the caller alone. */
    WorkerPool(int threads, JitActivity compiler) {
        this.compiler = compiler;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        this.parked = new AtomicIntegerArray(threads);
        this.claims = new AtomicLongArray(threads * PAD);
        for (int w = 1; w < threads; w++) {
            final int id = w;
            Thread t = new Thread(() -> workerLoop(id), "meads-worker-" + w);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    /** All available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /** Sections run on the caller alone because the JIT compiler was busy. */
    public long soloSections() {
        return soloSections;
    }

    /**
     * The share of all pieces run so far that threads other than the caller ran: about
     * {@code 1 - 1/threads} when every worker did its part, 0 when the caller did everything (one
     * thread, a busy compiler, or workers that never got a core). A benchmark of more than one
     * thread reports it, since the caller takes over the pieces of a worker that is slow to come
     * and the section then takes the time of one thread.
     */
    public double helperShare() {
        long run = pieceCounts[RUN];
        return run == 0 ? 0.0 : (double) piecesRunByOthers() / run;
    }

    /** Pieces of all sections run so far (a section the caller ran alone counts all its pieces). */
    public long piecesRun() {
        return pieceCounts[RUN];
    }

    /** Of {@link #piecesRun()}, those that threads other than the caller ran. */
    public long piecesRunByOthers() {
        return pieceCounts[RUN] - pieceCounts[BY_CALLER];
    }

    /**
     * Runs {@code task} over a partition of {@code [0, n)} into at most {@link #threads()}
     * contiguous ranges whose inner boundaries are multiples of {@code granularity}; returns
     * when every range is done. An exception in any worker is rethrown here.
     */
    public void forEachRange(int n, int granularity, RangeTask task) {
        run(n, Math.max(1, granularity), task, false);
    }

    /**
     * Runs {@code task} over {@code [0, n)} cut into pieces of {@code chunk} (the last one
     * shorter), which the threads claim one at a time; returns when every piece is done. Small
     * pieces balance the load and let a busy core's worker drop out; a piece should still
     * carry several microseconds of work. With one thread the whole range is one call.
     */
    public void forEachChunk(int n, int chunk, RangeTask task) {
        run(n, Math.max(1, chunk), task, true);
    }

    private void run(int n, int g, RangeTask task, boolean chunked) {
        if (n <= 0) {
            return;
        }
        int groups = (n + g - 1) / g;
        int all = chunked ? groups : Math.min(threads, groups);
        if (threads == 1 || n <= g) {
            countByCaller(all);
            task.run(0, 0, n);
            return;
        }
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (compiler != null && compiler.busy()) {
            soloSections++;
            countByCaller(all);
            task.run(0, 0, n);
            return;
        }
        long s = ++sections;
        // Retag the claim words first. A worker still in runPieces of the previous section may
        // have read a claim word of it and be about to read the section's fields: once the words
        // carry the new tag its compare-and-set fails, so it can neither run a piece with a mix
        // of old and new fields nor count a piece of the new section. (Writing the fields first
        // let such a worker run a piece twice and end a section early, measured in
        // WorkerPoolTest; MEADS runs then differed in their draws from run to run under load.)
        for (int w = 0; w < threads; w++) {
            claims.set(w * PAD, (s << 32) | shareStart(w, all));
        }
        // The plain stores below must not become visible before the retagging: a volatile store
        // orders what precedes it, not what follows (free on x86, a barrier on weaker machines).
        VarHandle.storeStoreFence();
        this.task = task;
        this.size = n;
        this.granularity = g;
        this.chunked = chunked;
        this.pieces = all;
        this.caller = Thread.currentThread();
        failure.set(null);
        completed.set(0);
        section = s;
        for (int w = 1; w < threads; w++) {
            if (parked.get(w) != 0) {
                LockSupport.unpark(workers[w - 1]);
            }
        }
        pieceCounts[BY_CALLER] += runPieces(0, s);
        pieceCounts[RUN] += all;
        long start = System.nanoTime();
        while (completed.get() < all) {
            long waited = System.nanoTime() - start;
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (waited < YIELD_NANOS) {
                Thread.yield();
            } else {
                callerParked = true;
                if (completed.get() < all) {
                    LockSupport.parkNanos(this, 50_000L);
                }
                callerParked = false;
            }
        }
        this.task = null;
        Throwable t = failure.get();
        if (t != null) {
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    /**
     * A claim word holds the low 32 bits of its section's number above the next piece's index;
     * comparing with the whole number would stop every claim from the 2^32nd section on (about
     * six hours of a pool reused at 5 µs per section) and hang the caller.
     */
    private static final long TAG_MASK = 0xFFFF_FFFFL;

    /** A section of {@code all} pieces run by the caller alone. */
    private void countByCaller(int all) {
        pieceCounts[RUN] += all;
        pieceCounts[BY_CALLER] += all;
    }

    /** First piece of thread w's share when a section has {@code all} pieces. */
    private int shareStart(int w, int all) {
        return (int) ((long) all * w / threads);
    }

    /**
     * Claims and runs pieces of section {@code s} until none is left: this thread's own share
     * first, then the others' in turn. A claim is a compare-and-set on a word tagged with the
     * section, so a thread that wakes late, or reads the fields of a newer section, never runs
     * a piece of the wrong one: while any piece of section s is unclaimed or running, the
     * caller has not moved on and the fields are s's.
     *
     * @return the number of pieces this thread ran
     */
    private int runPieces(int worker, long s) {
        int ran = 0;
        for (int k = 0; k < threads; k++) {
            int owner = (worker + k) % threads;
            int slot = owner * PAD;
            while (true) {
                long v = claims.get(slot);
                if ((v >>> 32) != (s & TAG_MASK)) { // the tag is the section's low 32 bits
                    return ran;
                }
                int i = (int) v;
                int all = pieces;
                if (i >= shareStart(owner + 1, all)) {
                    break;
                }
                if (!claims.compareAndSet(slot, v, v + 1)) {
                    continue;
                }
                runPiece(worker, i, all);
                ran++;
            }
        }
        return ran;
    }

    private void runPiece(int worker, int i, int all) {
        int from;
        int to;
        if (chunked) {
            from = i * granularity;
            to = Math.min(size, from + granularity);
        } else {
            int groups = (size + granularity - 1) / granularity;
            from = Math.min(size, (int) ((long) groups * i / all) * granularity);
            to = Math.min(size, (int) ((long) groups * (i + 1) / all) * granularity);
        }
        try {
            if (from < to) {
                task.run(worker, from, to);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            if (completed.incrementAndGet() == all && worker != 0 && callerParked) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void workerLoop(int id) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (section == seen && !closed) {
                long waited = System.nanoTime() - start;
                if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (waited < YIELD_NANOS) {
                    Thread.yield();
                } else {
                    // announce, then re-check: the caller publishes, then looks (no lost wake-up)
                    parked.set(id, 1);
                    if (section == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked.set(id, 0);
                }
            }
            if (closed) {
                return;
            }
            seen = section;
            runPieces(id, seen);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
