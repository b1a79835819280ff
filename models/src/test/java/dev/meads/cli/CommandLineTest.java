package dev.meads.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The meads command, driven as a user would, for each profile and each kind of bad input. */
class CommandLineTest {
    /** Settings that make any profile finish in about a second. */
    private static final String[] TINY = {"--set", "chains=8", "--set", "meads.warmup=40", "--set", "draws=30",
            "--set", "nuts.warmup=40", "--set", "nuts.draws=12", "--set", "spread.seeds=6", "--threads", "2"};

    @TempDir
    Path tmp;

    private static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(TINY));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"irt", "radon", "radon-mn", "smoke"})
    void everyBuiltInProfileRuns(String profile) throws Exception {
        Path out = tmp.resolve(profile);
        CliHarness.Outcome r = CliHarness.run(args("run", profile, "--out", out.toString()));
        assertEquals(0, r.code(), r.toString());
        for (String f : List.of("report.json", "summary.csv", "chain_1.csv", "chain_8.csv", "rhat.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + "\n" + r);
        }
        assertTrue(r.out().contains("lambda_max"), r.out());
        assertTrue(r.out().contains("posterior summary"), r.out());
        assertTrue(r.out().contains("output: " + out), r.out());
        assertTrue(r.out().matches("(?s).*\nafter the pipeline: summary \\d+\\.\\d{3} s and Stan CSV files "
                + "\\d+\\.\\d{3} s \\(side by side: \\d+\\.\\d{3} s\\), plots \\d+\\.\\d{3} s, .*"), r.out());
        if (profile.startsWith("radon")) {
            assertTrue(Files.exists(out.resolve("forest.svg")), "radon runs draw the county forest plot");
            assertTrue(r.out().contains("sigma_alpha"), r.out());
        } else {
            assertTrue(r.out().contains("theta[1]") && r.out().contains("a[1]"), r.out());
        }
    }

    @Test
    void profileFileFromTheRepository() {
        Path repoProfile = Path.of("..", "profiles", "smoke.properties");
        CliHarness.Outcome r = CliHarness.run(args("run", repoProfile.toString(), "--out",
                tmp.resolve("p").toString(), "--quiet"));
        assertEquals(0, r.code(), r.toString());
        assertEquals(tmp.resolve("p").toString(), r.out().strip(), "--quiet prints only the output folder");
        assertEquals("", r.err().strip(), "--quiet prints no progress");
    }

    @Test
    void defaultOutputFolderIsUnderRuns() throws Exception {
        Path before = Path.of("runs");
        List<Path> existing = Files.exists(before) ? Stream.of(before.toFile().listFiles()).map(f -> f.toPath())
                .toList() : List.of();
        CliHarness.Outcome r = CliHarness.run(args("run", "smoke", "--quiet"));
        assertEquals(0, r.code(), r.toString());
        Path folder = Path.of(r.out().strip());
        assertTrue(folder.startsWith("runs") && folder.getFileName().toString().startsWith("smoke-"), folder.toString());
        assertFalse(existing.contains(folder));
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void sameSeedSameFilesWithOneOrTwoThreads() throws Exception {
        Path one = tmp.resolve("t1");
        Path two = tmp.resolve("t2");
        List<String> base = new ArrayList<>(List.of(args("run", "smoke")));
        base.remove(base.size() - 1);
        base.remove(base.size() - 1); // drop --threads 2
        List<String> a1 = new ArrayList<>(base);
        a1.addAll(List.of("--threads", "1", "--out", one.toString(), "--set", "output.plots=false"));
        List<String> a2 = new ArrayList<>(base);
        a2.addAll(List.of("--threads", "2", "--out", two.toString(), "--set", "output.plots=false"));
        assertEquals(0, CliHarness.run(a1.toArray(String[]::new)).code());
        assertEquals(0, CliHarness.run(a2.toArray(String[]::new)).code());
        assertEquals(Files.readString(one.resolve("summary.csv")), Files.readString(two.resolve("summary.csv")));
        for (int c = 1; c <= 8; c++) {
            List<String> r1 = Files.readAllLines(one.resolve("chain_" + c + ".csv")).stream()
                    .filter(l -> !l.startsWith("#")).toList();
            List<String> r2 = Files.readAllLines(two.resolve("chain_" + c + ".csv")).stream()
                    .filter(l -> !l.startsWith("#")).toList();
            assertEquals(r1, r2, "chain " + c + " draws");
        }
    }

    @Test
    void unknownKeySuggestsTheNearest() {
        CliHarness.Outcome r = CliHarness.run("run", "smoke", "--set", "meads.wramup=10");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown key 'meads.wramup'") && r.err().contains("did you mean 'meads.warmup'"),
                r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace without --debug: " + r.err());
    }

    @Test
    void unknownKeyInAProfileFileNamesFileAndLine() throws Exception {
        Path p = tmp.resolve("bad.properties");
        Files.writeString(p, "# a profile\nmodel = irt\nchians = 64\n");
        CliHarness.Outcome r = CliHarness.run("run", p.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.properties:3") && r.err().contains("did you mean 'chains'"), r.err());
    }

    @Test
    void adaptiveSamplingIsAModeOfTheRunAndRecorded() throws Exception {
        Path out = tmp.resolve("adaptive");
        CliHarness.Outcome r = CliHarness.run(args("run", "radon", "--out", out.toString(), "--set",
                "meads.mode=adaptive", "--set", "output.plots=false"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("MEADS: adaptive sampling"), r.out());
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"mode\": \"adaptive sampling:"), report);
        assertFalse(report.contains("\"frozen\":"), "nothing is frozen in adaptive sampling");
        String chain = Files.readString(out.resolve("chain_1.csv"));
        assertTrue(chain.contains("# meads_mode = adaptive\n"), chain.substring(0, 600));
        assertTrue(chain.contains(",NaN,"), "a frozen fold's rows have no acceptance statistic");
        CliHarness.Outcome d = CliHarness.run("diagnose", out.resolve("chain_1.csv").toString(),
                out.resolve("chain_2.csv").toString());
        assertEquals(0, d.code(), d.toString());
        assertTrue(d.out().contains("mean leapfrog steps  0.750"), d.out());

        Path frozen = tmp.resolve("frozen");
        CliHarness.Outcome f = CliHarness.run(args("run", "radon", "--out", frozen.toString(), "--set",
                "output.plots=false"));
        assertEquals(0, f.code(), f.toString());
        assertTrue(Files.readString(frozen.resolve("report.json")).contains("\"mode\": \"tune then freeze:"));
        assertFalse(Files.readString(frozen.resolve("chain_1.csv")).contains("meads_mode"));

        CliHarness.Outcome one = CliHarness.run(args("run", "radon", "--out", tmp.resolve("one").toString(), "--set",
                "meads.mode=adaptive", "--set", "meads.folds=1"));
        assertEquals(2, one.code(), one.toString());
        assertTrue(one.err().contains("meads.mode") && one.err().contains("at least 2 folds")
                && one.err().contains("meads.folds = 1"), one.err());
        assertFalse(Files.exists(tmp.resolve("one")), "nothing written");
        CliHarness.Outcome bad = CliHarness.run(args("run", "radon", "--out", tmp.resolve("bad").toString(), "--set",
                "meads.mode=adapt"));
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("meads.mode") && bad.err().contains("adaptive"), bad.err());
    }

    @Test
    void thinningKeepsEveryThinthIterationAsStanDoes() throws Exception {
        Path out = tmp.resolve("thin");
        CliHarness.Outcome r = CliHarness.run(args("run", "smoke", "--out", out.toString(), "--set", "thin=3",
                "--set", "output.plots=false"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("30 draws per chain (one iteration in 3 kept)"), r.out());
        String chain = Files.readString(out.resolve("chain_1.csv"));
        assertTrue(chain.contains("#     num_samples = 90\n") && chain.contains("#     thin = 3\n"), chain.substring(0, 400));
        long rows = chain.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).count();
        assertEquals(31, rows, "a header and 30 kept draws");
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"thin\": 3"));
        CliHarness.Outcome d = CliHarness.run("diagnose", out.resolve("chain_1.csv").toString(),
                out.resolve("chain_2.csv").toString());
        assertEquals(0, d.code(), d.toString());
        assertTrue(d.out().contains("2 chains x 30 draws"), d.out());

        CliHarness.Outcome zero = CliHarness.run(args("run", "smoke", "--out", tmp.resolve("t0").toString(), "--set",
                "thin=0"));
        assertEquals(2, zero.code(), zero.toString());
        assertTrue(zero.err().contains("thin"), zero.err());
        CliHarness.Outcome huge = CliHarness.run("run", "smoke", "--out", tmp.resolve("t1").toString(), "--set",
                "thin=100000", "--set", "draws=100000");
        assertEquals(2, huge.code(), huge.toString());
        assertTrue(huge.err().contains("thin") && huge.err().contains("10000000000 iterations"), huge.err());
    }

    @Test
    void scalarKernelsAreAChoiceOfTheRunAndRecorded() throws Exception {
        Path scalar = tmp.resolve("scalar");
        CliHarness.Outcome r = CliHarness.run(args("run", "radon", "--out", scalar.toString(), "--set",
                "kernels=scalar", "--set", "output.plots=false"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains(", scalar kernels"), r.out());
        assertTrue(Files.readString(scalar.resolve("report.json")).contains("\"engine_kernels\": \"scalar\""));
        // the next run in the same JVM is back on the JVM's kernels: the request does not leak
        Path vector = tmp.resolve("vector");
        CliHarness.Outcome v = CliHarness.run(args("run", "radon", "--out", vector.toString(), "--set",
                "kernels=vector", "--set", "output.plots=false"));
        assertEquals(0, v.code(), v.toString());
        assertFalse(v.out().contains("scalar kernels"), v.out());
        String expected = dev.meads.engine.simd.Kernels.vectorised() ? "vector" : "scalar";
        assertTrue(Files.readString(vector.resolve("report.json")).contains("\"engine_kernels\": \"" + expected + "\""));
        CliHarness.Outcome bad = CliHarness.run("run", "radon", "--set", "kernels=gpu");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("expected one of vector, scalar"), bad.err());
    }

    @Test
    void irtEnsembleKernelAndNutsKernelsAreChoicesOfTheRunAndRecorded() throws Exception {
        for (String kernel : List.of("chain", "block")) {
            Path out = tmp.resolve(kernel);
            CliHarness.Outcome r = CliHarness.run(args("run", "smoke", "--out", out.toString(), "--set",
                    "irt.ensemble-kernel=" + kernel, "--set", "output.plots=false"));
            assertEquals(0, r.code(), r.toString());
            assertTrue(Files.readString(out.resolve("report.json")).contains("\"ensemble_kernel\": \"" + kernel + "\""),
                    kernel);
        }
        Path profile = tmp.resolve("profile");
        CliHarness.Outcome irt = CliHarness.run(args("run", "irt", "--out", profile.toString(), "--set",
                "output.plots=false"));
        assertEquals(0, irt.code(), irt.toString());
        String report = Files.readString(profile.resolve("report.json"));
        assertTrue(report.contains("\"ensemble_kernel\": \"chain\""), "the irt profile computes the ensemble's gradients chain by chain");
        assertTrue(report.contains("\"nuts\": {\n    \"engine_kernels\": \"scalar\""),
                "the irt profile runs on plain loops, its NUTS start included");
        assertTrue(irt.out().contains(", scalar kernels\n"), irt.out());
        Path mixed = tmp.resolve("mixed");
        CliHarness.Outcome apart = CliHarness.run(args("run", "irt", "--out", mixed.toString(), "--set",
                "output.plots=false", "--set", "nuts.kernels=vector"));
        assertEquals(0, apart.code(), apart.toString());
        String expected = dev.meads.engine.simd.Kernels.vectorised() ? "vector" : "scalar";
        assertTrue(Files.readString(mixed.resolve("report.json")).contains("\"nuts\": {\n    \"engine_kernels\": \""
                + expected + "\""), "nuts.kernels = vector puts the NUTS start on the JVM's kernels");
        assertTrue(apart.out().contains("scalar kernels (NUTS start on vector kernels)"), apart.out());
        CliHarness.Outcome badNuts = CliHarness.run("run", "smoke", "--set", "nuts.kernels=gpu");
        assertEquals(2, badNuts.code());
        assertTrue(badNuts.err().contains("expected one of same, vector, scalar"), badNuts.err());
        CliHarness.Outcome bad = CliHarness.run("run", "smoke", "--set", "irt.ensemble-kernel=lanes");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("irt.ensemble-kernel") && bad.err().contains("expected one of block, chain"),
                bad.err());
    }

    /**
     * Warm-up runs: the pipeline first runs in the same JVM without output, the reported run has
     * the same draws and its report says how many pipelines ran before it.
     */
    @Test
    void warmRunsComeFirstAndAreRecorded() throws Exception {
        Path warm = tmp.resolve("warm");
        Path plain = tmp.resolve("plain");
        CliHarness.Outcome w = CliHarness.run(args("run", "radon", "--out", warm.toString(), "--set",
                "output.plots=false", "--set", "warm-runs=2"));
        assertEquals(0, w.code(), w.toString());
        assertTrue(w.out().contains("warm-up run 1 of 2: pipeline ") && w.out().contains("warm-up run 2 of 2"),
                w.out());
        assertTrue(w.out().indexOf("warm-up run 2 of 2") < w.out().indexOf("stages:"), w.out());
        java.util.regex.Matcher before = java.util.regex.Pattern.compile("\"pipelines_before\": (\\d+)")
                .matcher(Files.readString(warm.resolve("report.json")));
        assertTrue(before.find());
        assertTrue(Integer.parseInt(before.group(1)) >= 2, before.group());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(warm), files.toList(), "warm-up runs write nothing");
        }
        CliHarness.Outcome p = CliHarness.run(args("run", "radon", "--out", plain.toString(), "--set",
                "output.plots=false"));
        assertEquals(0, p.code(), p.toString());
        assertEquals(Files.readString(plain.resolve("summary.csv")), Files.readString(warm.resolve("summary.csv")));
        // an output folder that cannot be used fails before the warm-up runs, not after them
        CliHarness.Outcome taken = CliHarness.run(args("run", "radon", "--out", warm.toString(), "--set",
                "warm-runs=3"));
        assertEquals(2, taken.code(), taken.toString());
        assertTrue(taken.err().contains("already exists"), taken.err());
        assertFalse(taken.out().contains("warm-up run"), taken.out());
        CliHarness.Outcome bad = CliHarness.run("run", "smoke", "--set", "warm-runs=-1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("warm-runs = '-1': must be at least 0"), bad.err());
    }

    @Test
    void badValuesAreExplained() {
        CliHarness.Outcome neg = CliHarness.run("run", "smoke", "--set", "draws=-5");
        assertEquals(2, neg.code());
        assertTrue(neg.err().contains("draws = '-5': must be at least 1"), neg.err());
        CliHarness.Outcome text = CliHarness.run("run", "smoke", "--set", "chains=lots");
        assertEquals(2, text.code());
        assertTrue(text.err().contains("not a whole number"), text.err());
        CliHarness.Outcome frac = CliHarness.run("run", "smoke", "--set", "meads.warmup=10.5");
        assertEquals(2, frac.code());
        CliHarness.Outcome folds = CliHarness.run("run", "smoke", "--set", "chains=18");
        assertEquals(2, folds.code());
        assertTrue(folds.err().contains("divisible by meads.folds = 4"), folds.err());
        CliHarness.Outcome prior = CliHarness.run("run", "radon", "--set", "prior.sigma_y=half-student(3)");
        assertEquals(2, prior.code());
        assertTrue(prior.err().contains("prior.sigma_y") && prior.err().contains("unknown scale prior"), prior.err());
        CliHarness.Outcome choice = CliHarness.run("run", "smoke", "--set", "init=random");
        assertEquals(2, choice.code());
        assertTrue(choice.err().contains("expected one of spread, naive"), choice.err());
        CliHarness.Outcome selection = CliHarness.run("run", "smoke", "--set", "summary=thta[1:3]");
        assertEquals(2, selection.code());
        assertTrue(selection.err().contains("summary"), selection.err());
    }

    @Test
    void missingAndMalformedDataFiles() throws Exception {
        CliHarness.Outcome missing = CliHarness.run("sample", "--model", "radon", "--data",
                tmp.resolve("nope.csv").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path bad = tmp.resolve("radon.csv");
        Files.writeString(bad, "county,floor,log_radon\n1,0,1.2\n2,1,abc\n");
        CliHarness.Outcome malformed = CliHarness.run("sample", "--model", "radon", "--data", bad.toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("radon.csv:3") && malformed.err().contains("log_radon"), malformed.err());
        Path irt = tmp.resolve("irt.csv");
        Files.writeString(irt, "1,0,1\n0,2,1\n");
        CliHarness.Outcome notBinary = CliHarness.run("sample", "--model", "irt", "--data", irt.toString());
        assertEquals(2, notBinary.code());
        assertTrue(notBinary.err().contains("irt.csv:2"), notBinary.err());
        CliHarness.Outcome model = CliHarness.run("sample", "--model", "probit", "--data", irt.toString());
        assertEquals(2, model.code());
    }

    @Test
    void sampleOnAUsersRadonFile() throws Exception {
        StringBuilder csv = new StringBuilder("log_radon,floor_measure,county_idx,extra\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int i = 0; i < 120; i++) {
            int county = 1 + i % 12;
            int floor = r.nextInt(3) == 0 ? 1 : 0;
            double y = 1.0 + 0.1 * county - 0.6 * floor + 0.5 * r.nextGaussian();
            csv.append(y).append(',').append(floor).append(',').append(county).append(",x\n");
        }
        Path data = tmp.resolve("mine.csv");
        Files.writeString(data, csv);
        Path out = tmp.resolve("mine-run");
        List<String> a = new ArrayList<>(List.of("sample", "--model", "radon", "--data", data.toString(), "--prior",
                "sigma_y=half-normal(1)", "--prior", "mu_alpha=normal(0, 10)", "--out", out.toString()));
        a.addAll(List.of(TINY));
        CliHarness.Outcome res = CliHarness.run(a.toArray(String[]::new));
        assertEquals(0, res.code(), res.toString());
        assertTrue(res.out().contains("120 observations in 12 counties"), res.out());
        assertTrue(Files.readString(out.resolve("report.json")).contains("half-normal"));
    }

    @Test
    void hierarchicalIrtOnALongFormatFile() throws Exception {
        StringBuilder csv = new StringBuilder("item,person,y\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int item = 1; item <= 6; item++) {
            for (int person = 1; person <= 25; person++) {
                csv.append(item).append(',').append(person).append(',').append(r.nextInt(2)).append('\n');
            }
        }
        Path data = tmp.resolve("long.csv");
        Files.writeString(data, csv);
        Path out = tmp.resolve("hier");
        List<String> a = new ArrayList<>(List.of("sample", "--model", "irt-hier", "--data", data.toString(), "--out",
                out.toString()));
        a.addAll(List.of(TINY));
        CliHarness.Outcome res = CliHarness.run(a.toArray(String[]::new));
        assertEquals(0, res.code(), res.toString());
        assertTrue(res.out().contains("25 students x 6 items"), res.out());
        assertTrue(res.out().contains("sigma_theta"), res.out());
        assertTrue(Files.readString(out.resolve("summary.csv")).contains("\nsigma_b,"));
        // the same posterior sampled non-centred: same constrained names, and the report says which
        Path nc = tmp.resolve("hier-nc");
        List<String> b = new ArrayList<>(List.of("sample", "--model", "irt-hier", "--data", data.toString(), "--out",
                nc.toString(), "--set", "irt-hier.parameterisation=noncentred"));
        b.addAll(List.of(TINY));
        CliHarness.Outcome ncRes = CliHarness.run(b.toArray(String[]::new));
        assertEquals(0, ncRes.code(), ncRes.toString());
        assertEquals(Files.readString(out.resolve("summary.csv")).lines().map(l -> l.split(",")[0]).toList(),
                Files.readString(nc.resolve("summary.csv")).lines().map(l -> l.split(",")[0]).toList());
        assertTrue(Files.readString(nc.resolve("report.json")).contains("\"parameterisation\": \"noncentred\""));
        CliHarness.Outcome badChoice = CliHarness.run("sample", "--model", "irt-hier", "--data", data.toString(),
                "--set", "irt-hier.parameterisation=sideways");
        assertEquals(2, badChoice.code(), badChoice.toString());
        assertTrue(badChoice.err().contains("irt-hier.parameterisation"), badChoice.err());
        Path missing = tmp.resolve("incomplete.csv");
        Files.writeString(missing, "item,person,y\n1,1,0\n1,2,1\n2,1,1\n");
        CliHarness.Outcome bad = CliHarness.run("sample", "--model", "irt-hier", "--data", missing.toString());
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("incomplete.csv"), bad.err());
    }

    @Test
    void plotsComeAsSvgPngOrNotAtAll() throws Exception {
        for (String[] c : new String[][] {{"png", ".png"}, {"svg", ".svg"}, {"true", ".svg"}, {"none", ""},
                {"false", ""}}) {
            Path out = tmp.resolve("plots-" + c[0]);
            CliHarness.Outcome r = CliHarness.run(args("run", "smoke", "--out", out.toString(), "--set",
                    "output.plots=" + c[0]));
            assertEquals(0, r.code(), r.toString());
            List<String> plots = new ArrayList<>();
            try (var files = Files.list(out)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png") || n.endsWith(".svg"))
                        .sorted().forEach(plots::add);
            }
            List<String> expected = c[1].isEmpty() ? List.of()
                    : List.of("meads" + c[1], "rhat" + c[1], "trace" + c[1]);
            assertEquals(expected, plots, c[0]);
            assertTrue(r.out().contains(c[1].isEmpty() ? "report.json)" : "3 plots"), r.out());
        }
        CliHarness.Outcome bad = CliHarness.run(args("run", "smoke", "--set", "output.plots=jpeg"));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("output.plots") && bad.err().contains("expected one of svg, png, none"),
                bad.err());
    }

    @Test
    void existingOutputFolderIsNotOverwritten() throws Exception {
        Path out = tmp.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("precious.txt"), "keep me");
        CliHarness.Outcome r = CliHarness.run(args("run", "smoke", "--out", out.toString()));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(out.toString()), r.err());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
        CliHarness.Outcome forced = CliHarness.run(args("run", "smoke", "--out", out.toString(), "--overwrite"));
        assertEquals(2, forced.code(), "--overwrite only replaces folders meads wrote: " + forced);
        Path mine = tmp.resolve("mine");
        assertEquals(0, CliHarness.run(args("run", "smoke", "--out", mine.toString())).code());
        assertEquals(2, CliHarness.run(args("run", "smoke", "--out", mine.toString())).code());
        assertEquals(0, CliHarness.run(args("run", "smoke", "--out", mine.toString(), "--overwrite")).code());
    }

    @Test
    void helpAndVersion() {
        for (String[] cmd : new String[][] {{"--help"}, {"run", "--help"}, {"sample", "--help"}, {"diagnose", "--help"},
                {"bench", "--help"}, {"keys", "--help"}}) {
            CliHarness.Outcome r = CliHarness.run(cmd);
            assertEquals(0, r.code(), String.join(" ", cmd));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
        CliHarness.Outcome v = CliHarness.run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("meads "), v.out());
        CliHarness.Outcome keys = CliHarness.run("keys");
        for (Setting s : Setting.values()) {
            assertTrue(keys.out().contains(s.key()), s.key());
        }
        CliHarness.Outcome bad = CliHarness.run("run");
        assertEquals(2, bad.code(), "a missing profile is a usage error");
        assertTrue(bad.err().contains("PROFILE"), bad.err());
    }

    @Test
    void diagnoseReadsARunsStanCsvFiles() throws Exception {
        Path out = tmp.resolve("for-diagnose");
        assertEquals(0, CliHarness.run(args("run", "smoke", "--out", out.toString())).code());
        List<String> a = new ArrayList<>(List.of("diagnose", "--summary", "a[1:2]"));
        for (int c = 1; c <= 8; c++) {
            a.add(out.resolve("chain_" + c + ".csv").toString());
        }
        CliHarness.Outcome r = CliHarness.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("8 chains x 30 draws, 160 parameters"), r.out());
        assertTrue(r.out().contains("a[2]") && !r.out().contains("theta[1] "), r.out());
        assertTrue(r.out().contains("chain-second"), r.out());
        CliHarness.Outcome missing = CliHarness.run("diagnose", tmp.resolve("none.csv").toString());
        assertEquals(2, missing.code());
        Path garbage = tmp.resolve("garbage.csv");
        Files.writeString(garbage, "lp__,x\n1,2\n3,oops\n4,5\n");
        CliHarness.Outcome g = CliHarness.run("diagnose", garbage.toString());
        assertEquals(2, g.code(), g.toString());
        assertTrue(g.err().contains("garbage.csv"), g.err());
    }
}
