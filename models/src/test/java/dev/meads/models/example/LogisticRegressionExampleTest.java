package dev.meads.models.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.api.SamplingResult;
import dev.meads.engine.diag.Diagnostics;
import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.model.GradientCheck;
import dev.meads.engine.nuts.NutsDraws;
import dev.meads.engine.nuts.NutsOptions;
import dev.meads.engine.nuts.NutsSampler;
import dev.meads.engine.rng.RandomStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The model-writing guide's example (docs/WRITING-A-MODEL.md): the guide shows exactly the code
 * that is compiled here, the example program runs, and the fit is right: MEADS agrees with a
 * long NUTS run of the same model within Monte Carlo error, and recovers the simulated
 * coefficients.
 */
class LogisticRegressionExampleTest {
    private static final Path GUIDE = Path.of("..", "docs", "WRITING-A-MODEL.md");
    private static final Path SOURCES = Path.of("src", "test", "java", "dev", "meads", "models", "example");

    @Test
    void guideShowsTheTestedCode() throws IOException {
        List<String> blocks = javaBlocks(Files.readString(GUIDE));
        for (String file : List.of("LogisticRegression.java", "FitLogisticRegression.java")) {
            String source = Files.readString(SOURCES.resolve(file)).strip();
            assertTrue(blocks.contains(source), file + " is not shown verbatim in " + GUIDE
                    + "; copy it into the guide's code block");
        }
    }

    @Test
    void exampleProgramRunsAndPrintsItsResults() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            FitLogisticRegression.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        assertTrue(text.startsWith("Gradient check of LogisticRegression: PASSED"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("beta[2]: mean -")), text);
        assertTrue(text.contains("sigma") && text.contains("alpha"), text);
    }

    @Test
    void gradientCheckCatchesAMistakeInTheExample() {
        // the usual slip: forgetting the log-Jacobian's derivative of the log transform
        LogisticRegression right = FitLogisticRegression.simulatedModel(7);
        var wrong = new dev.meads.engine.model.LogDensity() {
            @Override
            public int dimension() {
                return right.dimension();
            }

            @Override
            public String[] parameterNames() {
                return right.parameterNames();
            }

            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                double lp = right.logDensityAndGradient(x, xOff, grad, gOff);
                grad[gOff] -= 1.0;
                return lp;
            }
        };
        var result = GradientCheck.of(wrong).atRandomPoints(2, 1.0, 3);
        assertEquals(2, result.failures(), result::toString);
        assertEquals("log_sigma", result.worst().get(0).name());
    }

    /**
     * MEADS (the example's settings) against 4 NUTS chains x 5,000 draws of the same posterior:
     * every quantity within 4 combined MCSE; alpha and beta within 4 posterior sds of the values
     * that generated the data.
     */
    @Test
    void meadsAgreesWithALongNutsRunAndRecoversTheCoefficients() {
        LogisticRegression model = FitLogisticRegression.simulatedModel(7);
        SamplingResult meads = MeadsSampler.forModel(model).chains(64).warmup(1000).draws(1000).threads(2).seed(42)
                .run();

        int chains = 4;
        int draws = 5_000;
        int d = model.dimension();
        double[][] columns = new double[d][chains * draws];
        double[] unconstrained = new double[d];
        double[] constrained = new double[d];
        for (int c = 0; c < chains; c++) {
            NutsSampler nuts = new NutsSampler(model, NutsOptions.defaults(), RandomStreams.forChain(11, "reference", c));
            nuts.warmup(new double[d], 500);
            NutsDraws out = nuts.sample(draws);
            for (int i = 0; i < draws; i++) {
                out.copyPosition(i, unconstrained, 0);
                model.constrain(unconstrained, 0, constrained, 0);
                for (int p = 0; p < d; p++) {
                    columns[p][c * draws + i] = constrained[p];
                }
            }
        }

        Diagnostics diagnostics = new Diagnostics();
        double[] truth = {Double.NaN, -0.5, 1.0, -2.0};
        List<String> failures = new ArrayList<>();
        String[] names = model.constrainedNames();
        for (int p = 0; p < d; p++) {
            ParameterSummary m = meads.summary().get(names[p]);
            double nutsMean = mean(columns[p]);
            double nutsMcse = diagnostics.mcseMean(columns[p], chains, draws);
            double z = Math.abs(m.mean() - nutsMean) / Math.hypot(m.mcseMean(), nutsMcse);
            String line = String.format(Locale.ROOT, "%s: MEADS %.4f (MCSE %.4f), NUTS %.4f (MCSE %.4f): %.2f MCSE",
                    names[p], m.mean(), m.mcseMean(), nutsMean, nutsMcse, z);
            System.out.println(line);
            if (!(z <= 4)) {
                failures.add(line);
            }
            if (!Double.isNaN(truth[p]) && !(Math.abs(m.mean() - truth[p]) <= 4 * m.sd())) {
                failures.add(names[p] + ": mean " + m.mean() + " is more than 4 sd (" + m.sd() + ") from the true "
                        + truth[p]);
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /** The bodies of the guide's {@code ```java} code blocks, stripped. */
    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        StringBuilder block = null;
        for (String line : lines) {
            if (block == null && line.strip().equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString().strip());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }
}
