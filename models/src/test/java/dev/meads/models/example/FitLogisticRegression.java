package dev.meads.models.example;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.api.SamplingResult;
import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.model.GradientCheck;
import dev.meads.engine.model.GradientCheckResult;
import java.util.SplittableRandom;

/** Simulates data, checks the model's gradient, samples the posterior and prints the results. */
public final class FitLogisticRegression {

    /** 500 observations of two standard-normal predictors; alpha = -0.5, beta = (1, -2). */
    public static LogisticRegression simulatedModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[500][2];
        int[] y = new int[500];
        for (int n = 0; n < 500; n++) {
            x[n][0] = random.nextGaussian();
            x[n][1] = random.nextGaussian();
            double eta = -0.5 + 1.0 * x[n][0] - 2.0 * x[n][1];
            y[n] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return new LogisticRegression(x, y);
    }

    public static void main(String[] args) {
        LogisticRegression model = simulatedModel(7);

        // 1. The gradient against finite differences, at 5 random points around the origin.
        GradientCheckResult check = GradientCheck.of(model).atRandomPoints(5, 1.0, 1);
        System.out.println(check);
        check.assertPassed();

        // 2. NUTS initialisation, 1000 MEADS warmup iterations, then 64 chains x 1000 draws.
        SamplingResult result = MeadsSampler.forModel(model)
                .chains(64).warmup(1000).draws(1000)
                .threads(2).seed(42)
                .run();

        // 3. The results: a summary table, one quantity's statistics, its draws, warnings.
        System.out.println(result.summary().table());
        ParameterSummary beta2 = result.summary().get("beta[2]");
        System.out.printf("beta[2]: mean %.3f, sd %.3f, MCSE %.4f, ESS %.0f, R-hat %.3f%n",
                beta2.mean(), beta2.sd(), beta2.mcseMean(), beta2.essBulk(), beta2.rhat());
        double[][] draws = result.draws("beta[2]"); // [chain][iteration], constrained scale
        System.out.println("first draw of chain 1: " + draws[0][0]);
        result.warnings().forEach(w -> System.out.println("warning: " + w));
    }
}
