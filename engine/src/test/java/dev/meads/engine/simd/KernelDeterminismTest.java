package dev.meads.engine.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reductions give the same bits interpreted and compiled. Otherwise a run's bits would depend on
 * when the JIT compiled a kernel, and the same seed would not give the same draws for 1 or 2
 * threads (this happened with {@code reduceLanes(ADD)}, whose order is left to the implementation).
 */
class KernelDeterminismTest {

    @Test
    void interpretedAndCompiledReductionsAgreeBitForBit() throws Exception {
        long[] compiled = null;
        for (int rep = 0; rep < 200_000; rep++) {
            compiled = KernelSums.results();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xint", "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), KernelSums.class.getName()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        List<String> lines = out.lines().toList();
        long[] interpreted = lines.stream().mapToLong(Long::parseLong).toArray();
        assertArrayEquals(interpreted, compiled, "interpreted vs compiled bits");
    }
}
