package dev.meads.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) stops a run cleanly: draws so far kept, report marked incomplete, exit code 130. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptTest {

    @Test
    void tooManyDrawsAreRejectedBeforeAnyWork() {
        Path never = Path.of(System.getProperty("java.io.tmpdir"), "meads-never-written-" + ProcessHandle.current().pid());
        CliHarness.Outcome r = CliHarness.run("run", "smoke", "--set", "draws=100000000", "--out", never.toString());
        assertTrue(!Files.exists(never), "nothing written");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("do not fit"), r.err());
        assertTrue(!r.err().contains("NUTS warmup: started"), "no work was done: " + r.err());
    }

    /**
     * Whether this process ignores SIGINT, as a job started in the background by a shell without
     * job control does. A child inherits that, and the JVM then leaves SIGINT ignored rather than
     * handling it: there is no Ctrl-C to test.
     */
    private static boolean sigintIgnoredHere() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (ignored & (1L << (2 - 1))) != 0;   // bit n-1 for signal n; SIGINT = 2
            }
        }
        return false;
    }

    /** A command line run in a child JVM, its stderr collected as it comes. */
    private record Child(Process process, StringBuilder err, Thread reader) {
        static Child start(String... args) throws java.io.IOException {
            String javaBin = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules=jdk.incubator.vector", "-cp",
                    System.getProperty("java.class.path"), "dev.meads.cli.Main"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            StringBuilder err = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (err) {
                            err.append(line).append('\n');
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            });
            reader.start();
            Thread drain = new Thread(() -> {
                try {
                    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            });
            drain.start();
            return new Child(p, err, reader);
        }

        String errText() {
            synchronized (err) {
                return err.toString();
            }
        }

        /** Sends SIGINT, then waits for the exit; returns the exit code. */
        int interrupt() throws Exception {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run stopped after SIGINT");
            reader.join(5000);
            return process.exitValue();
        }
    }

    /** Skips the test where a child cannot receive SIGINT. */
    private static void assumeSigintReachesAChild() throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(sigintIgnoredHere(),
                "SIGINT is ignored in this environment (a background job without job control)");
    }

    /** Waits up to {@code seconds} for {@code done}; returns whether it came true. */
    private static boolean await(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && !done.getAsBoolean()) {
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    @Test
    void sigintDuringSamplingKeepsTheDraws(@TempDir Path tmp) throws Exception {
        assumeSigintReachesAChild();
        Path out = tmp.resolve("interrupted");
        // rows while sampling, so that the first file shows that sampling has begun (rows
        // written afterwards are checked on interruption in MeadsSamplerTest)
        Child child = Child.start("run", "smoke", "--set", "chains=8", "--set", "draws=20000", "--set",
                "output.plots=false", "--set", "output.csv-while-sampling=true", "--out", out.toString());
        assertTrue(await(() -> Files.exists(out.resolve("chain_1.csv")), 60), "sampling started:\n" + child.errText());
        Thread.sleep(300);
        assertEquals(130, child.interrupt(), child.errText());
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"completed\": false") && report.contains("\"stopped_in\": \"sampling\""), report);
        assertTrue(child.errText().contains("interrupted"), child.errText());
        var read = dev.meads.engine.io.StanCsvReader.read(out.resolve("chain_1.csv"));
        assertTrue(read.draws().iterations() > 0, "complete draws were kept");
        assertTrue(Files.exists(out.resolve("summary.csv")));
    }

    /**
     * Ctrl-C once the last draw is made: every draw is written, the exit code is still 130. (The
     * signal reaches the summary, which then stops: MeadsSamplerMisuseTest checks that part
     * without timing; here a summary quick enough to finish first would also pass.)
     */
    @Test
    void sigintAfterSamplingKeepsEveryDrawAndExits130(@TempDir Path tmp) throws Exception {
        assumeSigintReachesAChild();
        Path out = tmp.resolve("stopped");
        Child child = Child.start("run", "smoke", "--set", "chains=16", "--set", "draws=20000", "--set",
                "output.plots=none", "--out", out.toString());
        assertTrue(await(() -> child.errText().contains("sampling: 20000/20000 done"), 120),
                "sampling ended:\n" + child.errText());
        assertEquals(130, child.interrupt(), child.errText());
        assertTrue(child.errText().contains("interrupted after sampling had ended: all 20000 draws per chain"),
                child.errText());
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"completed\": true"));
        List<Path> files = new ArrayList<>();
        for (int c = 1; c <= 16; c++) {
            files.add(out.resolve("chain_" + c + ".csv"));
        }
        var read = dev.meads.engine.io.StanCsvReader.read(files);
        assertEquals(20000, read.draws().iterations());
        assertEquals(List.of(), read.warnings());
    }
}
