package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import dev.meads.engine.ghmc.GhmcParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored draws written as the files the sampler would have streamed. */
class StanCsvStreamTest {
    private static final StanCsvRunInfo INFO = StanCsvRunInfo.of("test", 1, 1, 3, 10);

    private static Draws draws(int chains, int parameters) {
        String[] names = new String[parameters];
        for (int p = 0; p < parameters; p++) {
            names[p] = "x[" + (p + 1) + "]";
        }
        Draws d = new Draws(names, chains, 3);
        for (int c = 0; c < chains; c++) {
            for (int it = 0; it < 3; it++) {
                for (int p = 0; p < parameters; p++) {
                    d.setValue(c, it, p, 100 * c + 10 * it + p + 0.25);
                }
                d.setSampler(c, it, SamplerColumn.LP, -c - it);
                d.setSampler(c, it, SamplerColumn.N_LEAPFROG, 1);
            }
        }
        return d;
    }

    @Test
    void storedDrawsGiveTheStreamedFiles(@TempDir Path tmp) throws Exception {
        Draws d = draws(2, 3);
        GhmcParameters params = new GhmcParameters(0.5, new double[] {1, 2, 0.5}, 0.3, 0.15);
        Path after = Files.createDirectory(tmp.resolve("after"));
        Path during = Files.createDirectory(tmp.resolve("during"));
        try (StanCsvStream s = new StanCsvStream(after, INFO, d.names(), 2, 6)) {
            s.writeDraws(d, params);
            s.finish(1, 2);
        }
        try (StanCsvStream s = new StanCsvStream(during, INFO, d.names(), 2, 6)) {
            s.samplingStarted(params);
            double[] values = new double[3];
            double[] sampler = new double[SamplerColumn.COUNT];
            for (int it = 0; it < 3; it++) { // iteration by iteration, as the sampler does
                for (int c = 0; c < 2; c++) {
                    d.draw(c, it, values, 0);
                    for (SamplerColumn col : SamplerColumn.values()) {
                        sampler[col.ordinal()] = d.sampler(c, it, col);
                    }
                    s.draw(c, it, values, sampler);
                }
            }
            s.finish(1, 2);
        }
        for (String f : List.of("chain_1.csv", "chain_2.csv")) {
            assertEquals(Files.readString(during.resolve(f)), Files.readString(after.resolve(f)), f);
        }
        assertTrue(Files.readString(after.resolve("chain_2.csv")).contains("\n-3,0,0,0,1,0,0,120.25,121.25,122.25\n"));
    }

    @Test
    void drawsOfAnotherShapeAreRefusedBeforeAnyFile(@TempDir Path tmp) throws Exception {
        GhmcParameters params = new GhmcParameters(0.5, new double[] {1, 2, 0.5}, 0.3, 0.15);
        try (StanCsvStream s = new StanCsvStream(tmp, INFO, draws(2, 3).names(), 2, 6)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.writeDraws(draws(3, 3), params));
            assertTrue(e.getMessage().contains("3 chains"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.writeDraws(draws(2, 4), params));
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }
}
