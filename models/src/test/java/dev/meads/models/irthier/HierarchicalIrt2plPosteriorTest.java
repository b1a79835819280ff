package dev.meads.models.irthier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.api.SamplingResult;
import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.diag.Summary;
import dev.meads.models.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The MEADS pipeline with its default settings (64 chains, 4 folds, 1000 MEADS iterations,
 * 1000 draws; seed 1, 2 threads) on posteriordb's {@code irt_2pl} data, against the
 * stat_comp_benchmarks reference means and sds (4 Stan chains x 250,000 draws), every one of
 * the 144 parameters:
 * <ul>
 *   <li>{@code |mean - ref_mean| / ref_sd < 0.25}, that benchmark's own pass rule;</li>
 *   <li>{@code |mean - ref_mean| / sqrt(mcse^2 + mcse_ref^2) <= 4}, with {@code mcse} our Monte
 *       Carlo standard error of the mean from the summary and
 *       {@code mcse_ref = ref_sd / sqrt(1e6 / tau)}. The reference publishes no ESS; we assume
 *       {@code tau = 10} for every parameter (our own NUTS at the reference's adapt delta 0.9
 *       measured tau of about 1 for theta and up to 11 for sigma_theta), so
 *       {@code mcse_ref = 0.0032 ref_sd}: at most a quarter of our MCSE, which changes the
 *       denominator by under 3%.</li>
 * </ul>
 * Every parameter must also have a bulk ESS of at least 100, so that the MCSE the second rule
 * divides by is itself reliable. The largest relative error of the sds is reported (standard
 * output of the test), not asserted: the sds of the heavy-tailed discriminations converge
 * slowly. The reference means are rounded to 5 significant digits, far below either tolerance.
 *
 * <p>Known and printed, not asserted: at this run length the hyperparameters mix slowly in the
 * centred parameterisation. Measured over several seeds, sigma_theta has split R-hat 1.11 to 1.16
 * and bulk ESS 300 to 400 (sigma_a: 1.07 to 1.09 and 500 to 950); the per-chain draws are short
 * compared with their autocorrelation time (4000 draws per chain bring R-hat to 1.04; more MEADS
 * warmup does not help). The means pass both rules all the same.
 */
class HierarchicalIrt2plPosteriorTest {
    /** Assumed integrated autocorrelation time of the reference draws (see the class comment). */
    private static final double REFERENCE_TAU = 10.0;
    private static final double BENCHMARK_RULE = 0.25;
    private static final double MCSE_RULE = 4.0;
    /** Smallest bulk ESS for which an MCSE is trusted. */
    private static final double MIN_ESS = 100;

    @Test
    void meadsPipelineReproducesTheReferencePosterior() {
        HierarchicalIrt2pl model = new HierarchicalIrt2pl(Datasets.posteriordbIrt2pl());
        long start = System.nanoTime();
        SamplingResult result = MeadsSampler.forModel(model).chains(64).folds(4).warmup(1000).draws(1000)
                .threads(2).seed(1).run();
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertTrue(result.completed());
        Summary summary = result.summary();
        ReferenceSummary reference = ReferenceSummary.load();
        assertEquals(144, reference.names().length);
        double referenceFactor = 1.0 / Math.sqrt(reference.draws() / REFERENCE_TAU);

        List<String> failures = new ArrayList<>();
        double worstBenchmark = 0;
        double worstMcse = 0;
        double worstSd = 0;
        String worstBenchmarkName = "";
        String worstMcseName = "";
        String worstSdName = "";
        StringBuilder log = new StringBuilder();
        for (int p = 0; p < reference.names().length; p++) {
            String name = reference.names()[p];
            ParameterSummary row = summary.get(name);
            double refMean = reference.means()[p];
            double refSd = reference.sds()[p];
            double difference = Math.abs(row.mean() - refMean);
            double benchmark = difference / refSd;
            double mcse = Math.hypot(row.mcseMean(), refSd * referenceFactor);
            double z = difference / mcse;
            double sdError = Math.abs(row.sd() - refSd) / refSd;
            if (!(benchmark < BENCHMARK_RULE) || !(z <= MCSE_RULE) || !(row.essBulk() >= MIN_ESS)) {
                failures.add(String.format(Locale.ROOT, "%s: mean %.4f, reference %.4f (sd %.4f): %.3f sd, %.2f MCSE"
                        + " (MCSE %.4f, ESS %.0f, R-hat %.3f)", name, row.mean(), refMean, refSd, benchmark, z,
                        row.mcseMean(), row.essBulk(), row.rhat()));
            }
            if (benchmark > worstBenchmark) {
                worstBenchmark = benchmark;
                worstBenchmarkName = name;
            }
            if (z > worstMcse) {
                worstMcse = z;
                worstMcseName = name;
            }
            if (sdError > worstSd) {
                worstSd = sdError;
                worstSdName = name;
            }
            if (name.startsWith("sigma") || name.equals("mu_b")) {
                log.append(String.format(Locale.ROOT, "  %-12s mean %.4f (ref %.4f)  sd %.4f (ref %.4f)  %.2f MCSE"
                        + "  ESS %.0f  R-hat %.3f%n", name, row.mean(), refMean, row.sd(), refSd, z, row.essBulk(),
                        row.rhat()));
            }
        }
        System.out.printf(Locale.ROOT, "irt_2pl_hier, MEADS defaults, seed 1: %.1f s; worst |mean - ref| = %.3f sd (%s),"
                + " %.2f MCSE (%s); largest relative sd error %.3f (%s)%n%s", seconds, worstBenchmark,
                worstBenchmarkName, worstMcse, worstMcseName, worstSd, worstSdName, log);
        assertTrue(failures.isEmpty(), () -> failures.size() + " parameters off the reference:\n"
                + String.join("\n", failures));
    }
}
