package dev.meads.engine.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads that split a range of chains among themselves, with the
 * calling thread acting as worker 0. A parallel section is short (tens of microseconds for an
 * ensemble step), so workers spin briefly before parking and the hand-off costs little.
 *
 * <p>Ranges are cut at multiples of a granularity (the model's lane count), so the grouping
 * of chains into vector lanes, and hence every bit of the result, does not depend on the
 * number of threads.
 */
public final class WorkerPool implements AutoCloseable {
    /** Work on the chains {@code [from, to)} of a section, done by worker {@code worker}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int worker, int from, int to);
    }

    // Spin briefly, then yield (so that an oversubscribed core can run the thread we wait
    // for), then park.
    private static final long SPIN_NANOS = 20_000L;
    private static final long YIELD_NANOS = 1_000_000L;

    private final int threads;
    private final Thread[] workers;
    private volatile long generation;
    private volatile boolean closed;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile RangeTask task;
    private volatile int sectionSize;
    private volatile int sectionGranularity;
    private volatile Thread caller;

    /** A pool of {@code threads} workers (the caller included); 1 runs everything inline. */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
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

    /**
     * Runs {@code task} over a partition of {@code [0, n)} into at most {@link #threads()}
     * contiguous ranges whose inner boundaries are multiples of {@code granularity}; returns
     * when every range is done. An exception in any worker is rethrown here.
     */
    public void forEachRange(int n, int granularity, RangeTask task) {
        if (n <= 0) {
            return;
        }
        int g = Math.max(1, granularity);
        if (threads == 1 || n <= g) {
            task.run(0, 0, n);
            return;
        }
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        this.task = task;
        this.sectionSize = n;
        this.sectionGranularity = g;
        this.caller = Thread.currentThread();
        failure.set(null);
        pending.set(threads - 1);
        generation++;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        runShare(0, task, n, g);
        long start = System.nanoTime();
        while (pending.get() > 0) {
            pause(start, 50_000L);
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

    private void runShare(int worker, RangeTask task, int n, int g) {
        int groups = (n + g - 1) / g;
        int fromGroup = (int) ((long) groups * worker / threads);
        int toGroup = (int) ((long) groups * (worker + 1) / threads);
        int from = Math.min(n, fromGroup * g);
        int to = Math.min(n, toGroup * g);
        if (from < to) {
            task.run(worker, from, to);
        }
    }

    /** One wait step: spin, then yield, then park (for {@code parkNanos}, or until unparked if 0). */
    private void pause(long since, long parkNanos) {
        long waited = System.nanoTime() - since;
        if (waited < SPIN_NANOS) {
            Thread.onSpinWait();
        } else if (waited < YIELD_NANOS) {
            Thread.yield();
        } else if (parkNanos > 0) {
            LockSupport.parkNanos(this, parkNanos);
        } else {
            LockSupport.park(this);
        }
    }

    private void workerLoop(int id) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (generation == seen && !closed) {
                pause(start, 0L);
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                runShare(id, task, sectionSize, sectionGranularity);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
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
