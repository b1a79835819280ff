package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.simd.Kernels;
import dev.meads.engine.simd.ScalarKernels;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference value of ALGORITHMS.md §8.5 (computed with stan-dev/posterior): datasets A, B,
 * PM, NEST and the hand-checkable pair of chains. Relative tolerance 1e-9, 1e-6 where a Beta
 * quantile enters (MCSE of quantiles).
 */
class DiagnosticsReferenceTest {
    private static final double TOL = 1e-9;
    private static final double BETA_TOL = 1e-6;

    /** One dataset: draws, chains, iterations. */
    record Data(String name, double[] y, int m, int n) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Data A = new Data("A", ReferenceDatasets.sine(20), 4, 20);
    private static final Data B = new Data("B", ReferenceDatasets.sine(21), 4, 21);
    private static final Data PM = new Data("PM", ReferenceDatasets.pm(), 4, 100);

    /** Expected values per dataset, in the order of §8.5's table. */
    record Expected(Data d, double rhat, double rhatBasic, double rhatUnsplit, double essBulk, double essTail,
                    double essMean, double essSd, double essQ50, double mcseMean, double mcseSd, double mcseQ05,
                    double mcseQ50, double mcseQ95, double q05, double q50, double q95, double nested) {
        @Override
        public String toString() {
            return d.name;
        }
    }

    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of(new Expected(A, 1.13321474327853, 1.09815761389472, 1.10930629380908,
                        34.3473313073283, 64.950915362165, 35.3506495506107, 50.8521883143991, 49.8289378506774,
                        0.132864022225399, 0.0543077047986363, 0.142749988380057, 0.209486524971447,
                        0.167914071509223, -0.76252262910088, 0.414333845046125, 1.7461894349902,
                        1.14409401296743)),
                Arguments.of(new Expected(B, 1.11637519983573, 1.08686681501612, 1.11211508587689,
                        35.4520357931996, 48.2646463845147, 36.1872047837088, 53.349236104595, 47.7070736334495,
                        0.130794806089105, 0.0523474501970618, 0.143622613216514, 0.21137715466994,
                        0.169645940481556, -0.760334133346929, 0.421964542542162, 1.7443831522519,
                        1.14644416343235)),
                Arguments.of(new Expected(PM, 1.00130784020188, 1.0018221489701, 1.00490023628305,
                        168.205074908089, 210.506383045873, 176.796961876482, 219.965944214953, 253.947775678983,
                        0.0235930993087633, 0.0122893135818727, 0.0431941983785733, 0.0293895983592406,
                        0.0511948878635877, -0.457160466848704, 0.0469339959207518, 0.552327567087181,
                        1.00264338211744)));
    }

    /** The three ways to evaluate autocovariances: default, FFT for every lag, scalar direct sums only. */
    static Stream<Arguments> engines() {
        return Stream.of(Arguments.of("default", new Diagnostics()),
                Arguments.of("fft", new Diagnostics(Kernels.get(), 0)),
                Arguments.of("direct-scalar", new Diagnostics(new ScalarKernels(), Integer.MAX_VALUE)));
    }

    static Stream<Arguments> datasetsTimesEngines() {
        return datasets().flatMap(d -> engines().map(e -> Arguments.of(d.get()[0], e.get()[0], e.get()[1])));
    }

    private static void close(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(actual - expected) <= tol * Math.abs(expected),
                () -> what + ": expected " + expected + " got " + actual + " (rel. error "
                        + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }

    @ParameterizedTest(name = "dataset {0}, {1}")
    @MethodSource("datasetsTimesEngines")
    void matchesPosterior(Expected e, String engine, Diagnostics diag) {
        Data d = e.d;
        double[] y = d.y;
        int m = d.m;
        int n = d.n;
        close(e.rhat, diag.rhat(y, m, n), TOL, "rhat");
        close(e.rhatBasic, diag.rhatBasic(y, m, n), TOL, "rhat_basic");
        close(e.rhatUnsplit, diag.rhatUnsplit(y, m, n), TOL, "rhat no split");
        close(e.essBulk, diag.essBulk(y, m, n), TOL, "ess_bulk");
        close(e.essTail, diag.essTail(y, m, n), TOL, "ess_tail");
        close(e.essMean, diag.essMean(y, m, n), TOL, "ess_mean");
        close(e.essSd, diag.essSd(y, m, n), TOL, "ess_sd");
        close(e.essQ50, diag.essQuantile(y, m, n, 0.5), TOL, "ess_q50");
        close(e.mcseMean, diag.mcseMean(y, m, n), TOL, "mcse_mean");
        close(e.mcseSd, diag.mcseSd(y, m, n), TOL, "mcse_sd");
        close(e.mcseQ05, diag.mcseQuantile(y, m, n, 0.05), BETA_TOL, "mcse_q05");
        close(e.mcseQ50, diag.mcseQuantile(y, m, n, 0.5), BETA_TOL, "mcse_q50");
        close(e.mcseQ95, diag.mcseQuantile(y, m, n, 0.95), BETA_TOL, "mcse_q95");
        close(e.q05, diag.quantile(y, m, n, 0.05), TOL, "q05");
        close(e.q50, diag.quantile(y, m, n, 0.5), TOL, "q50");
        close(e.q95, diag.quantile(y, m, n, 0.95), TOL, "q95");
        close(e.nested, diag.rhatNested(y, m, n, new int[] {0, 0, 1, 1}), TOL, "nested rhat");
        close(e.nested, diag.rhatNested(y, m, n, 2), TOL, "nested rhat, consecutive superchains");
    }

    /** The one-pass summary gives the same numbers as the separate methods. */
    @ParameterizedTest(name = "dataset {0}")
    @MethodSource("datasets")
    void summaryMatchesPosterior(Expected e) {
        Data d = e.d;
        ParameterSummary s = new Diagnostics().summarise("x", d.y, d.m, d.n);
        assertEquals("x", s.name());
        close(e.rhat, s.rhat(), TOL, "rhat");
        close(e.essBulk, s.essBulk(), TOL, "ess_bulk");
        close(e.essTail, s.essTail(), TOL, "ess_tail");
        close(e.mcseMean, s.mcseMean(), TOL, "mcse_mean");
        close(e.q05, s.q5(), TOL, "q05");
        close(e.q50, s.median(), TOL, "q50");
        close(e.q95, s.q95(), TOL, "q95");
        double mean = 0;
        for (double v : d.y) {
            mean += v;
        }
        mean /= d.y.length;
        double ss = 0;
        for (double v : d.y) {
            ss += (v - mean) * (v - mean);
        }
        close(mean, s.mean(), 1e-12, "mean");
        close(Math.sqrt(ss / (d.y.length - 1)), s.sd(), 1e-12, "sd");
        assertTrue(!s.constant());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void nestDataset(String engine, Diagnostics diag) {
        double[] y = ReferenceDatasets.nest();
        int m = 16;
        int n = 10;
        close(1.14733651220952, diag.rhatNested(y, m, n, 4), TOL, "nested rhat");
        // Split chains of 5 rows: Geyer's loop never runs (T = 0), so ESS = S/2 = 80.
        close(80, diag.essBulk(y, m, n), TOL, "ess_bulk");
        close(80, diag.essTail(y, m, n), TOL, "ess_tail");
        close(80, diag.essMean(y, m, n), TOL, "ess_mean");
        close(80, diag.essSd(y, m, n), TOL, "ess_sd");
        close(80, diag.essQuantile(y, m, n, 0.5), TOL, "ess_q50");
        close(80, diag.summarise("x", y, m, n).essBulk(), TOL, "summary ess_bulk");
    }

    @Test
    void handCheckableChains() {
        double[] y = {1, 2, 3, 4, 2, 3, 4, 5};
        Diagnostics diag = new Diagnostics();
        close(Math.sqrt(1.05), diag.rhatUnsplit(y, 2, 4), 1e-15, "rhat no split");
        close(1.02469507659596, diag.rhatUnsplit(y, 2, 4), TOL, "rhat no split");
        close(1.95789002074512, diag.rhatBasic(y, 2, 4), TOL, "rhat_basic");
        close(1.88850016739061, diag.rhat(y, 2, 4), TOL, "rank rhat");
    }

    /** z-scale of 1,2,2,3,3,4,4,5: average ranks 1, 2.5, 4.5, 6.5, 8 over S = 8. */
    @Test
    void zScaleOfHandCheckableChainsAveragesTies() {
        double[] y = {1, 2, 3, 4, 2, 3, 4, 5};
        RankNormalizer ranks = new RankNormalizer();
        ranks.sort(y, 8);
        double[] z = new double[8];
        ranks.zScale(ranks.order(), ranks.sorted(), 8, 8, z);
        double[] expected = {-1.4342002, -0.6508373, 0, 0.6508373, -0.6508373, 0, 0.6508373, 1.4342002};
        for (int i = 0; i < 8; i++) {
            assertEquals(expected[i], z[i], 5e-8, "z[" + i + "]");
        }
        assertEquals(NormalQuantile.inverseCdf((2.5 - 0.375) / 8.25), z[1], 0.0);
    }
}
