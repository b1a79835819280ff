package dev.meads.models.irt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernels must work for any lane count, but a JVM's preferred species is fixed at start-up:
 * this runs {@link LaneCountAgreement} in child JVMs whose vectors are capped at 1, 2 and 4
 * doubles ({@code -XX:MaxVectorSize}); the default width is covered by the other tests.
 */
class Irt2plLaneCountTest {

    @ParameterizedTest(name = "MaxVectorSize={0} gives {1} lanes")
    @CsvSource({"8, 1", "16, 2", "32, 4"})
    void vectorisedFormsAgreeWithTheReference(int maxVectorBytes, int lanes) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = List.of(java, "--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=" + maxVectorBytes,
                "-cp", System.getProperty("java.class.path"), LaneCountAgreement.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "child JVM did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("lanes=" + lanes + " ok"), output);
    }
}
