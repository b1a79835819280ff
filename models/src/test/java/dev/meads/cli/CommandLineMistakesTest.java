package dev.meads.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says about a user's slips: each a clear line and exit code 2, no stack trace. */
class CommandLineMistakesTest {
    /** Settings that make a run finish in about a second. */
    private static final String[] TINY = {"--chains", "8", "--draws", "30", "--warmup", "40", "--set",
            "nuts.warmup=40", "--set", "nuts.draws=12", "--set", "spread.seeds=6", "--threads", "2", "-q"};

    @TempDir
    Path tmp;

    private static String[] with(String[] tail, String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private Path twoCounties() throws IOException {
        Path data = tmp.resolve("r2.csv");
        Files.writeString(data, "county,floor,log_radon\n1,0,1.2\n2,1,0.5\n1,1,0.3\n2,0,1.1\n");
        return data;
    }

    private static CliHarness.Outcome userError(String... args) {
        CliHarness.Outcome r = CliHarness.run(args);
        assertEquals(2, r.code(), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        return r;
    }

    @Test
    void theDefaultSummaryIsCutToTheCountiesThereAre() throws Exception {
        Path data = twoCounties();
        Path out = tmp.resolve("two");
        CliHarness.Outcome r = CliHarness.run(with(TINY, "sample", "--model", "radon", "--data", data.toString(),
                "--out", out.toString()));
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(out.resolve("summary.csv")), r.toString());
        // the built-in profile's summary line is not the user's either
        CliHarness.Outcome named = CliHarness.run("run", "radon", "--set", "data=" + data, "--set", "chains=8",
                "--set", "draws=30", "--set", "meads.warmup=40", "--set", "nuts.warmup=40", "--set", "nuts.draws=12",
                "--set", "spread.seeds=6", "--out", tmp.resolve("named").toString());
        assertEquals(0, named.code(), named.toString());
        assertTrue(named.out().contains("posterior summary (constrained, mu_alpha,sigma_alpha,beta,sigma_y,"
                + "alpha[1:2]):"), named.out());
        assertTrue(named.out().contains("alpha[2]"), named.out());
        // the user's own selection that reaches too far is still an error, naming their setting
        CliHarness.Outcome mine = userError(with(TINY, "sample", "--model", "radon", "--data", data.toString(),
                "--set", "summary=alpha[1:5]"));
        assertTrue(mine.err().contains("meads: --set summary=alpha[1:5]: summary = 'alpha[1:5]': 'alpha[1:5]' "
                + "selects elements that do not exist"), mine.err());
    }

    @Test
    void defaultSelectionsAreFittedToTheModel() {
        String[] names = {"mu", "sigma", "alpha[1]", "alpha[2]", "b[1]"};
        assertEquals("mu,sigma,alpha[1:2]", Runner.fitted("mu,sigma,alpha[1:5]", names));
        assertEquals("alpha[2],b[1]", Runner.fitted("alpha[2:7],b[1:3],theta[1:5]", names));
        assertEquals("mu,alpha[1:2]", Runner.fitted("mu,alpha[1:2]", names), "what fits is kept as it is");
        assertNull(Runner.fitted("theta[1:5]", names), "nothing left: every parameter");
    }

    @Test
    void outOfMemoryIsOneLineWithWhatToDo() throws Exception {
        String message = Main.outOfMemoryMessage(new OutOfMemoryError("Java heap space"), 2_000_000_000L);
        assertEquals("out of memory: Java heap space (the heap may grow to 2.0 GB); use fewer chains, draws or "
                + "parameters, or give Java more memory, e.g. MEADS_JVM_OPTS=-Xmx8g ./meads ...", message);
        assertTrue(Main.outOfMemoryMessage(new OutOfMemoryError(), 33_554_432L).startsWith(
                "out of memory: Java heap space (the heap may grow to 34 MB);"));
        // a real one, in a JVM with a small heap: a data file whose cells do not fit
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            row.append(i == 0 ? "" : ",").append(i % 2);
        }
        row.append('\n');
        Path big = tmp.resolve("big.csv");
        Files.writeString(big, row.toString().repeat(3000));
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaBin, "-Xmx32m", "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "dev.meads.cli.Main", "sample", "--model", "irt", "--data",
                big.toString(), "-q", "--out", tmp.resolve("never").toString()).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        List<String> lines = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator")).toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("meads: out of memory: "), err); // Java heap space, or GC overhead
        assertTrue(lines.get(0).contains(" MB); use fewer chains"), err);
        assertTrue(lines.get(0).contains("MEADS_JVM_OPTS=-Xmx"), err);
        assertEquals(0, out.length);
    }

    @Test
    void anOptionIsNotTheValueOfTheOptionBeforeIt() {
        CliHarness.Outcome r = userError("run", "smoke", "--out", "--quiet");
        assertTrue(r.err().startsWith("meads: option --out needs a value (DIR)\n"), r.err());
        assertTrue(userError("run", "smoke", "--seed", "-q").err().contains("option --seed needs a value"));
    }

    @Test
    void anEmptyDataFileNameIsAnError() {
        CliHarness.Outcome r = userError("sample", "--model", "radon", "--data", "");
        assertTrue(r.err().startsWith("meads: option --data needs a value (FILE), got an empty one\n"), r.err());
    }

    @Test
    void anOutputFolderThatCannotBeMadeSaysWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Path out = file.resolve("run");
        CliHarness.Outcome r = userError("run", "smoke", "-q", "--out", out.toString());
        assertEquals("meads: cannot create the output folder " + out + ": not a directory\n", r.err());
    }

    @Test
    void fileErrorsNameThePathOnceAndTheReason() {
        Path x = Path.of("/proc/x");
        // the engine's message, which names the folder, then the reason and the path again
        assertEquals("cannot create the output folder /proc/x: no such file or directory",
                Main.userMessage(new UncheckedIOException("cannot create the output folder /proc/x: no such file or "
                        + "directory: /proc/x", new NoSuchFileException(x.toString()))));
        assertEquals("cannot create the output folder /proc/x: read-only file system",
                Main.userMessage(new UncheckedIOException("cannot create the output folder /proc/x: /proc/x: "
                        + "Read-only file system", new FileSystemException("/proc/x", null, "Read-only file system"))));
        // an exception whose message is only the path gets its reason from its type
        assertEquals("/proc/x: no such file or directory",
                Main.userMessage(new UncheckedIOException("/proc/x", new NoSuchFileException("/proc/x"))));
        assertEquals("/data/out: permission denied", Main.userMessage(new AccessDeniedException("/data/out")));
        assertEquals("cannot create the output folder out: permission denied",
                Main.ioMessage("cannot create the output folder out", new AccessDeniedException(
                        Path.of("out").toAbsolutePath().toString())));
    }

    @Test
    void aScalePriorOfTheWrongFamilyIsNamedAsSuch() throws Exception {
        Path data = twoCounties();
        CliHarness.Outcome r = userError("sample", "--model", "radon", "--data", data.toString(), "--prior",
                "sigma_y=normal(0,1)");
        assertTrue(r.err().contains("unknown scale prior 'normal' for sigma_y: use half-normal(s), half-cauchy(s) or "
                + "exponential(rate)"), r.err());
        CliHarness.Outcome n = userError("sample", "--model", "radon", "--data", data.toString(), "--prior",
                "mu_alpha=half-normal(1)");
        assertTrue(n.err().contains("unknown prior 'half-normal' for mu_alpha: use normal(location, scale)"), n.err());
    }

    @Test
    void priorExamplesAreQuotedForTheShell() throws Exception {
        List<String> texts = List.of(CliHarness.run("--help").out(), CliHarness.run("sample", "--help").out(),
                Files.readString(Path.of("..", "README.md")));
        for (String text : texts) {
            assertTrue(text.contains("'sigma_y=half-normal(1)'"), text);
            // the shell reads an unquoted ( as its own syntax
            assertFalse(java.util.regex.Pattern.compile("(?<!')\\b(sigma_y|mu_alpha|sigma_alpha|beta)=[a-z-]+\\(")
                    .matcher(text).find(), "an unquoted prior example:\n" + text);
        }
    }

    @Test
    void aRepeatedKeyOnTheCommandLineIsAnError() {
        CliHarness.Outcome r = userError("run", "smoke", "--set", "chains=8", "--set", "chains=16");
        assertTrue(r.err().contains("meads: --set chains=16: chains is already given by --set chains=8; give it once"),
                r.err());
        Path profile = tmp.resolve("dup.properties");
        CliHarness.Outcome p;
        try {
            Files.writeString(profile, "chains = 8\ndraws = 10\nchains = 16\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p = userError("run", profile.toString());
        assertTrue(p.err().contains("meads: dup.properties:3: chains is set twice (also on line 1); keep one"),
                p.err());
    }

    @Test
    void aBuiltInDefaultIsNotBlamedOnALineTheUserNeverSaw() throws Exception {
        CliHarness.Outcome r = userError("sample", "--model", "radon", "--data", twoCounties().toString(), "--folds",
                "3");
        assertTrue(r.err().contains("meads: chains = 64 (the default): must be divisible by --folds 3"), r.err());
    }

    @Test
    void smallerMistakes() throws Exception {
        CliHarness.Outcome help = CliHarness.run("help", "help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().startsWith("Usage: meads [OPTIONS] [COMMAND]"), help.out());
        Path chain = Files.writeString(tmp.resolve("chain_1.csv"), "lp__,x\n1,2\n");
        Path folder = Files.createDirectory(tmp.resolve("folder"));
        CliHarness.Outcome csv = userError("diagnose", chain.toString(), "--csv", folder.toString());
        assertEquals("meads: --csv " + folder + ": is a folder; give a file name, e.g. --csv "
                + folder.resolve("summary.csv") + "\n", csv.err());
        for (String command : new String[] {"diagnose", "bench"}) {
            List<String> a = new ArrayList<>(List.of(command, "--threads", "-5"));
            if (command.equals("diagnose")) {
                a.add(chain.toString());
            }
            CliHarness.Outcome t = userError(a.toArray(String[]::new));
            assertTrue(t.err().startsWith("meads: option --threads: '-5' must be at least 1 (or 0 for all cores)"),
                    t.err());
        }
    }
}
