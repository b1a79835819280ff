package dev.meads.models.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.api.SamplingResult;
import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.diag.Summary;
import dev.meads.engine.meads.MeadsMode;
import dev.meads.engine.model.LogDensity;
import dev.meads.models.data.Datasets;
import dev.meads.models.irt.Irt2plModel;
import dev.meads.models.radon.RadonModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Both notebook pipelines with the notebook's settings (64 chains, K = 4, NUTS 500 + 300/200,
 * 1000 MEADS iterations, 1000 draws per chain) against long-run Stan references on the same
 * data: every posterior mean within 4 combined Monte Carlo standard errors,
 * {@code |Δmean| / sqrt(mcse_ours² + mcse_ref²) ≤ 4}; sds within 10 %. Radon must also reach
 * max R-hat ≤ 1.01. Fixed seeds; the figures are printed for the record.
 */
class NotebookWorkloadsTest {

    private record Outcome(double maxZ, String worstZ, double maxSdError, double maxRhat, double minBulk,
                           double minTail) {
    }

    private static Outcome compare(String label, LogDensity model, int nutsDraws, String reference, long seed) {
        return compare(label, model, nutsDraws, reference, seed, MeadsMode.TUNE_THEN_FREEZE);
    }

    private static Outcome compare(String label, LogDensity model, int nutsDraws, String reference, long seed,
                                   MeadsMode mode) {
        SamplingResult r = MeadsSampler.forModel(model).seed(seed).threads(2).nuts(500, nutsDraws).mode(mode).run();
        assertTrue(r.completed());
        Summary s = r.summary();
        ReferenceSummary ref = ReferenceSummary.load(reference);
        assertEquals(ref.rows().size(), s.parameters().size(), "every reference parameter is sampled");
        double maxZ = 0;
        String worst = "";
        double maxSd = 0;
        double maxRhat = 0;
        double minBulk = Double.POSITIVE_INFINITY;
        double minTail = Double.POSITIVE_INFINITY;
        List<String> failures = new ArrayList<>();
        for (ParameterSummary p : s.parameters()) {
            ReferenceSummary.Row row = ref.rows().get(p.name());
            assertTrue(row != null, "reference has " + p.name());
            double z = Math.abs(p.mean() - row.mean()) / Math.hypot(p.mcseMean(), row.mcseMean());
            double sdError = Math.abs(p.sd() / row.sd() - 1);
            if (z > maxZ) {
                maxZ = z;
                worst = p.name();
            }
            maxSd = Math.max(maxSd, sdError);
            maxRhat = Math.max(maxRhat, p.rhat());
            minBulk = Math.min(minBulk, p.essBulk());
            minTail = Math.min(minTail, p.essTail());
            if (z > 4) {
                failures.add(String.format(Locale.ROOT, "%s: mean %.5f vs %.5f, z = %.2f", p.name(), p.mean(),
                        row.mean(), z));
            }
            if (sdError > 0.10) {
                failures.add(String.format(Locale.ROOT, "%s: sd %.5f vs %.5f", p.name(), p.sd(), row.sd()));
            }
        }
        System.out.printf(Locale.ROOT, "%s (seed %d): max |z| %.2f (%s), max sd error %.1f%%, max R-hat %.4f, "
                        + "min bulk ESS %.0f, min tail ESS %.0f, %.2f s%n", label, seed, maxZ, worst, 100 * maxSd,
                maxRhat, minBulk, minTail, r.details().seconds());
        assertTrue(failures.isEmpty(), label + ": " + failures);
        return new Outcome(maxZ, worst, maxSd, maxRhat, minBulk, minTail);
    }

    @Test
    void radonMatchesTheReferenceAndConverges() {
        Outcome o = compare("radon", RadonModel.notebook(Datasets.notebookRadon()), 200, "ref_radon_summary.csv", 2024);
        assertTrue(o.maxRhat() <= 1.01, "radon max R-hat " + o.maxRhat());
    }

    @Test
    void irtMatchesTheReference() {
        compare("IRT", new Irt2plModel(Datasets.notebookIrt()), 300, "ref_irt_summary.csv", 2024);
    }

    /**
     * Adaptive sampling (the MEADS iterations after the warmup kept as draws) on both workloads:
     * the same tests of means and sds. Its R-hat is higher at these settings (docs/CONVERGENCE.md),
     * so none is required, but it must not be far off.
     */
    @Test
    void adaptiveSamplingMatchesTheReferencesToo() {
        Outcome radon = compare("radon, adaptive", RadonModel.notebook(Datasets.notebookRadon()), 200,
                "ref_radon_summary.csv", 2024, MeadsMode.ADAPTIVE);
        assertTrue(radon.maxRhat() <= 1.03, "radon max R-hat " + radon.maxRhat());
        Outcome irt = compare("IRT, adaptive", new Irt2plModel(Datasets.notebookIrt()), 300, "ref_irt_summary.csv",
                2024, MeadsMode.ADAPTIVE);
        assertTrue(irt.maxRhat() <= 1.1, "IRT max R-hat " + irt.maxRhat());
    }
}
