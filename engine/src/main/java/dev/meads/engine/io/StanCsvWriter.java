package dev.meads.engine.io;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one chain's draws as a Stan CSV file in CmdStan's layout, row by row while sampling:
 * configuration comments and the header when created, then the adaptation block, the draw
 * rows, and the elapsed-time block from {@link #finish}.
 *
 * <p>Rows are buffered and handed to the operating system whole, at the latest every
 * {@code flushMillis} milliseconds or {@code flushBytes} bytes, so a process that is killed
 * leaves a file whose last line is a complete draw (a kill in the middle of a system call can
 * still cut a row; {@link StanCsvReader} drops such a line with a warning). {@link #close()}
 * before {@link #finish} marks the file as interrupted with a last comment line; rstan's
 * {@code read_stan_csv} discards the last comment line when the adaptation block is missing,
 * and that line keeps the {@code thin} setting from being the one lost.
 *
 * <p>Numbers are written at full precision: integral values below 1e15 as integers,
 * others as {@link Double#toString(double)} (shortest text that reads back to the same
 * double, with {@code Infinity}, {@code -Infinity} and {@code NaN} as Java prints them).
 * Elapsed times are plain decimals, never exponent notation (rstan's parser keeps only
 * digits and dots).
 *
 * <p>Methods are synchronized so that a shutdown hook may {@link #close()} the file while
 * the sampling thread writes; hold one writer per chain.
 */
public final class StanCsvWriter implements Closeable {
    /** Default longest time rows wait in memory before reaching the file. */
    public static final long DEFAULT_FLUSH_MILLIS = 1000;
    /** Default largest number of buffered bytes before they are written. */
    public static final int DEFAULT_FLUSH_BYTES = 1 << 16;
    /** Buffered bytes before the first write of draw rows (see {@link #flushAt}). */
    private static final int FIRST_FLUSH_BYTES = 1 << 12;
    /** Room for a row beyond a batch in the preallocated buffer (a row of 160 draws takes about 1.5 KB). */
    private static final int ROW_ROOM = 1 << 13;
    /** Largest buffer allocated up front; longer rows or larger batches grow it. */
    private static final int MAX_PREALLOCATED_BYTES = 1 << 20;

    /** Step size and diagonal inverse metric a chain sampled with, for the adaptation block. */
    public record Adaptation(double stepSize, double[] inverseMetricDiagonal) {
        public Adaptation {
            inverseMetricDiagonal = inverseMetricDiagonal.clone();
        }

        @Override
        public double[] inverseMetricDiagonal() {
            return inverseMetricDiagonal.clone();
        }
    }

    private enum State { SAMPLING, FINISHED, CLOSED }

    private final Path path;
    private final FileChannel channel;
    private final StanCsvRunInfo info;
    private final int parameters;
    private final long flushNanos;
    private final int flushBytes;
    /**
     * Buffered bytes that trigger the next write: 4 KiB at first, doubling up to
     * {@code flushBytes}. A file's first rows then reach the disk soon, and a fresh JVM sees the
     * write branch taken before it compiles the row code, instead of compiling it without the
     * branch and recompiling at the first write (JFR showed that deoptimisation on every run).
     */
    private int flushAt;
    private final ByteText pending;
    private int significantDigits;
    private long lastFlush;
    private long rows;
    private boolean adaptationWritten;
    private State state = State.SAMPLING;
    private double[] scratchParams;
    private double[] scratchSampler;

    private StanCsvWriter(Path path, FileChannel channel, StanCsvRunInfo info, int parameters,
                          long flushMillis, int flushBytes) {
        this.path = path;
        this.channel = channel;
        this.info = info;
        this.parameters = parameters;
        this.flushNanos = flushMillis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : flushMillis * 1_000_000L;
        this.flushBytes = flushBytes;
        this.flushAt = Math.min(flushBytes, FIRST_FLUSH_BYTES);
        // Room for a full batch and a row from the start: the buffer does not grow while the
        // batches do, so a fresh JVM does not recompile the append code at a late growth.
        this.pending = new ByteText((int) Math.min(MAX_PREALLOCATED_BYTES, flushBytes + (long) ROW_ROOM));
    }

    /**
     * Creates {@code file} (which must not exist yet) and writes the configuration comments and
     * the header, with default flush settings.
     */
    public static StanCsvWriter create(Path file, StanCsvRunInfo info, String[] parameterNames) throws IOException {
        return create(file, info, parameterNames, DEFAULT_FLUSH_MILLIS, DEFAULT_FLUSH_BYTES);
    }

    /**
     * Creates {@code file} like {@link #create(Path, StanCsvRunInfo, String[])}, with draws
     * rounded to {@code significantDigits} significant digits (CmdStan's {@code sig_figs}; 6 is
     * what CmdStan writes by default), or at full round-trip precision when it is 0.
     */
    public static StanCsvWriter create(Path file, StanCsvRunInfo info, String[] parameterNames,
                                       int significantDigits) throws IOException {
        if (significantDigits < 0 || significantDigits > 17) {
            throw new IllegalArgumentException("significant digits must be in [1, 17], or 0 for full precision, got "
                    + significantDigits);
        }
        StanCsvWriter w = create(file, info, parameterNames, DEFAULT_FLUSH_MILLIS, DEFAULT_FLUSH_BYTES);
        w.significantDigits = significantDigits;
        return w;
    }

    /**
     * Creates {@code file} (which must not exist yet) and writes the configuration comments and
     * the header; rows are written at the latest every {@code flushMillis} ms or
     * {@code flushBytes} buffered bytes (0 writes every row at once).
     *
     * @param parameterNames bracket names ({@code theta[1]}), written dotted ({@code theta.1})
     */
    public static StanCsvWriter create(Path file, StanCsvRunInfo info, String[] parameterNames,
                                       long flushMillis, int flushBytes) throws IOException {
        if (flushMillis < 0 || flushBytes < 0) {
            throw new IllegalArgumentException("flush settings must be >= 0, got " + flushMillis + " ms, "
                    + flushBytes + " bytes");
        }
        String header = header(parameterNames);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        StanCsvWriter w = new StanCsvWriter(file, ch, info, parameterNames.length, flushMillis, flushBytes);
        try {
            w.appendConfig();
            w.pending.append(header).append('\n');
            w.flush();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return w;
    }

    /** The file name CmdStan-style tools expect for chain {@code id}: {@code prefix_id.csv}. */
    public static String chainFileName(String prefix, int id) {
        return prefix + "_" + id + ".csv";
    }

    /**
     * Writes every chain of finished {@code draws} to {@code folder/prefix_k.csv}, {@code k} = 1..chains.
     *
     * @param info            run information; each file gets its chain id
     * @param adaptation      per chain, or null when no adaptation block is to be written
     * @param warmupSeconds   elapsed warmup time written into every file
     * @param samplingSeconds elapsed sampling time written into every file
     * @return the files written, in chain order
     */
    public static List<Path> writeAll(Path folder, String prefix, Draws draws, StanCsvRunInfo info,
                                      Adaptation[] adaptation, double warmupSeconds, double samplingSeconds)
            throws IOException {
        if (adaptation != null && adaptation.length != draws.chains()) {
            throw new IllegalArgumentException("need one adaptation per chain: " + adaptation.length + " for "
                    + draws.chains() + " chains");
        }
        List<Path> files = new ArrayList<>(draws.chains());
        for (int c = 0; c < draws.chains(); c++) {
            Path file = folder.resolve(chainFileName(prefix, c + 1));
            try (StanCsvWriter w = create(file, info.withChainId(c + 1), draws.names())) {
                if (adaptation != null) {
                    w.writeAdaptation(adaptation[c].stepSize(), adaptation[c].inverseMetricDiagonal);
                }
                for (int i = 0; i < draws.iterations(); i++) {
                    w.writeDraw(draws, c, i);
                }
                w.finish(warmupSeconds, samplingSeconds);
            }
            files.add(file);
        }
        return files;
    }

    public Path path() {
        return path;
    }

    /** Draw rows written so far (buffered or on disk). */
    public synchronized long rowsWritten() {
        return rows;
    }

    /**
     * Writes the adaptation block (step size and diagonal inverse metric); at most once, before
     * the first draw.
     */
    public synchronized void writeAdaptation(double stepSize, double[] inverseMetricDiagonal) throws IOException {
        requireOpen();
        if (adaptationWritten || rows > 0) {
            throw new IllegalStateException(path + ": the adaptation block comes once, before the first draw");
        }
        // One element per sampled (unconstrained) coordinate, as CmdStan writes it: as many as
        // the columns only when nothing is transformed or derived.
        if (inverseMetricDiagonal.length < 1) {
            throw new IllegalArgumentException(path + ": empty inverse metric");
        }
        pending.append("# Adaptation terminated\n# Step size = ");
        appendNumber(pending, stepSize);
        pending.append("\n# Diagonal elements of inverse mass matrix:\n# ");
        for (int p = 0; p < inverseMetricDiagonal.length; p++) {
            if (p > 0) {
                pending.append(", ");
            }
            appendNumber(pending, inverseMetricDiagonal[p]);
        }
        pending.append('\n');
        adaptationWritten = true;
        flush();
    }

    /**
     * Writes one draw: the {@link SamplerColumn#COUNT} sampler values in {@link SamplerColumn}
     * order from {@code sampler[samplerOff ..]}, then the parameters from {@code params[paramOff ..]}.
     */
    public synchronized void writeDraw(double[] sampler, int samplerOff, double[] params, int paramOff)
            throws IOException {
        requireOpen();
        if (rows >= info.expectedRows()) {
            throw new IllegalStateException(path + ": already " + rows + " rows, the header announced num_samples = "
                    + info.numSamples() + " with thin = " + info.thin());
        }
        Objects.checkFromIndexSize(samplerOff, SamplerColumn.COUNT, sampler.length);
        Objects.checkFromIndexSize(paramOff, parameters, params.length);
        appendValues(sampler, samplerOff, SamplerColumn.COUNT, parameters == 0 ? (byte) '\n' : (byte) ',');
        appendValues(params, paramOff, parameters, (byte) '\n');
        rows++;
        if (pending.length() >= flushAt || System.nanoTime() - lastFlush >= flushNanos) {
            flush();
            flushAt = (int) Math.min(flushBytes, 2L * flushAt);
        }
    }

    /**
     * Appends {@code v[off .. off+n)}, each followed by a comma, the last by {@code last}. The
     * row's loops live here so that a fresh JVM compiles them once, on stack replacement, and
     * then {@link #writeDraw} as a small method.
     */
    private void appendValues(double[] v, int off, int n, byte last) {
        for (int j = 0; j < n; j++) {
            appendDraw(v[off + j], j == n - 1 ? last : (byte) ',');
        }
    }

    /** Writes iteration {@code iteration} of chain {@code chain} of {@code draws}. */
    public synchronized void writeDraw(Draws draws, int chain, int iteration) throws IOException {
        if (draws.parameters() != parameters) {
            throw new IllegalArgumentException(path + ": draws have " + draws.parameters() + " parameters, header has "
                    + parameters);
        }
        if (scratchParams == null) {
            scratchParams = new double[parameters];
            scratchSampler = new double[SamplerColumn.COUNT];
        }
        draws.draw(chain, iteration, scratchParams, 0);
        for (SamplerColumn col : SamplerColumn.values()) {
            scratchSampler[col.ordinal()] = draws.sampler(chain, iteration, col);
        }
        writeDraw(scratchSampler, 0, scratchParams, 0);
    }

    /**
     * Completes the file: writes the elapsed-time block and closes it. Requires all
     * {@code ceil(num_samples / thin)} rows; a run stopped early is ended with {@link #close()}.
     */
    public synchronized void finish(double warmupSeconds, double samplingSeconds) throws IOException {
        requireOpen();
        if (rows != info.expectedRows()) {
            throw new IllegalStateException(path + ": " + rows + " rows written, header announced "
                    + info.expectedRows() + "; close() ends an interrupted file");
        }
        pending.append("#\n#  Elapsed Time: ").append(seconds(warmupSeconds)).append(" seconds (Warm-up)\n")
                .append("#                ").append(seconds(samplingSeconds)).append(" seconds (Sampling)\n")
                .append("#                ").append(seconds(warmupSeconds + samplingSeconds))
                .append(" seconds (Total)\n#\n");
        state = State.FINISHED;
        try {
            flush();
        } finally {
            channel.close();
        }
    }

    /**
     * Closes the file. If {@link #finish} was not called, the rows so far are kept and a last
     * comment line records the interruption. Calling it again does nothing.
     */
    @Override
    public synchronized void close() throws IOException {
        if (state != State.SAMPLING) {
            return;
        }
        state = State.CLOSED;
        try {
            pending.append("# Interrupted: ").append(rows).append(" of ").append(info.expectedRows())
                    .append(" draws written\n");
            flush();
        } finally {
            channel.close();
        }
    }

    private void requireOpen() {
        if (state != State.SAMPLING) {
            throw new IllegalStateException(path + " is already " + (state == State.FINISHED ? "finished" : "closed"));
        }
    }

    private void flush() throws IOException {
        if (!pending.isEmpty()) {
            ByteBuffer buf = ByteBuffer.wrap(pending.array(), 0, pending.length());
            try {
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            } finally {
                pending.clear();
            }
        }
        lastFlush = System.nanoTime();
    }

    private void appendConfig() {
        ByteText s = pending;
        s.append("# model = ").append(info.model()).append('\n');
        s.append("# method = sample\n");
        s.append("#   sample\n");
        s.append("#     num_samples = ").append(info.numSamples()).append('\n');
        s.append("#     num_warmup = ").append(info.numWarmup()).append('\n');
        s.append("#     save_warmup = 0\n");
        s.append("#     thin = ").append(info.thin()).append('\n');
        s.append("#     algorithm = ").append(info.algorithm()).append('\n');
        s.append("#       ").append(info.algorithm()).append('\n');
        s.append("#         engine = ").append(info.engine()).append('\n');
        s.append("#         metric = ").append(info.metric()).append('\n');
        s.append("# id = ").append(info.chainId()).append('\n');
        s.append("# random\n");
        s.append("#   seed = ").append(info.seed()).append('\n');
        for (Map.Entry<String, String> e : info.extra().entrySet()) {
            s.append("# ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
    }

    private static String header(String[] names) {
        StringBuilder h = new StringBuilder();
        for (SamplerColumn c : SamplerColumn.values()) {
            h.append(c.stanName()).append(',');
        }
        HashSet<String> seen = new HashSet<>();
        for (int p = 0; p < names.length; p++) {
            String dotted = StanNames.toDotted(names[p]);
            if (dotted.endsWith("__")) {
                throw new IllegalArgumentException("parameter name '" + names[p]
                        + "' ends in '__', which Stan reserves for sampler columns");
            }
            if (!seen.add(dotted)) {
                throw new IllegalArgumentException("parameter name '" + names[p] + "' appears twice (as '" + dotted
                        + "')");
            }
            if (p > 0) {
                h.append(',');
            }
            h.append(dotted);
        }
        if (names.length == 0) {
            h.setLength(h.length() - 1);
        }
        return h.toString();
    }

    /** A value of a draw row, at the writer's precision, and the byte after it. */
    private void appendDraw(double v, byte after) {
        if (significantDigits == 0) {
            appendNumber(pending, v);
            pending.append((char) after);
        } else {
            DecimalText.append(pending, v, significantDigits, after);
        }
    }

    /**
     * Appends {@code v} so that {@link Double#parseDouble} gives back the same double: integral
     * values below 1e15 as integers (CmdStan writes {@code treedepth__} that way), everything
     * else, including -0.0, infinities and NaN, as {@link Double#toString(double)}.
     */
    static void appendNumber(ByteText out, double v) {
        if (v == (long) v && Math.abs(v) < 1e15 && (v != 0 || Double.doubleToRawLongBits(v) == 0L)) {
            out.append((long) v);
        } else {
            out.append(Double.toString(v));
        }
    }

    /** Seconds as a plain decimal rounded to microseconds, e.g. {@code 0.00015}, never {@code 1.5E-4}. */
    static String seconds(double s) {
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("elapsed time must be finite and >= 0, got " + s);
        }
        BigDecimal d = BigDecimal.valueOf(s).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
