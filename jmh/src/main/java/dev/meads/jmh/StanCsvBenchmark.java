package dev.meads.jmh;

import dev.meads.engine.io.StanCsvRunInfo;
import dev.meads.engine.io.StanCsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing draws to a Stan CSV file, as the sampling phase does for every chain: 1000 rows of
 * the 7 sampler columns and 160 parameters (IRT-like values: normal draws of a few scales,
 * positive discriminations) to a new file, at {@code digits} significant digits (6, CmdStan's
 * default; 0 is full round-trip precision). Time per value, file creation and writes to the
 * page cache included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class StanCsvBenchmark {
    private static final int ROWS = 1000;
    private static final int PARAMETERS = 160;
    private static final int SAMPLER = 7;

    @Param({"6", "0"})
    public int digits;

    private Path folder;
    private String[] names;
    private double[][] params;
    private double[][] sampler;
    private StanCsvRunInfo info;
    private int file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("meads-csv-bench");
        names = new String[PARAMETERS];
        for (int p = 0; p < PARAMETERS; p++) {
            names[p] = "theta." + (p + 1);
        }
        SplittableRandom random = new SplittableRandom(42);
        params = new double[ROWS][PARAMETERS];
        sampler = new double[ROWS][SAMPLER];
        for (int r = 0; r < ROWS; r++) {
            for (int p = 0; p < PARAMETERS; p++) {
                double scale = p < 100 ? 1.0 : p < 130 ? 0.7 : 0.3;
                double z = random.nextGaussian() * scale;
                params[r][p] = p < 130 ? z : Math.exp(z);
            }
            sampler[r] = new double[] {-250 - 10 * random.nextDouble(), random.nextDouble(), 0.3285, 0, 1, 0,
                    250 + 10 * random.nextDouble()};
        }
        info = StanCsvRunInfo.of("bench", 1, 1, ROWS, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * (PARAMETERS + SAMPLER))
    public long writeFile() throws IOException {
        Path path = folder.resolve("chain_" + (file++ % 4) + ".csv");
        Files.deleteIfExists(path);
        try (StanCsvWriter w = StanCsvWriter.create(path, info, names, digits)) {
            for (int r = 0; r < ROWS; r++) {
                w.writeDraw(sampler[r], 0, params[r], 0);
            }
            return w.rowsWritten();
        }
    }
}
