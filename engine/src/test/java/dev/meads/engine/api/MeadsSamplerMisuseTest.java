package dev.meads.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meads.engine.io.RunFolder;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.testing.DiagonalGaussian;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes a library user can make, and what they get: an error before any sampling that says
 * what was wrong, and an output folder left as it was when a run fails.
 */
class MeadsSamplerMisuseTest {
    private static final DiagonalGaussian TARGET = DiagonalGaussian.centred(1, 2, 0.5);

    private static MeadsSampler tiny(LogDensity model) {
        return MeadsSampler.forModel(model).chains(8).warmup(30).draws(20).nuts(30, 20).spread(10, 0.05).threads(1)
                .seed(3);
    }

    /** A model whose names are {@code names}, counting its gradient calls. */
    private static final class Named extends DelegatingModel {
        private final String[] names;

        Named(String... names) {
            this.names = names;
        }

        @Override
        public String[] parameterNames() {
            return names;
        }
    }

    /** The 3-D Gaussian, with a gradient-call counter; subclasses change one method. */
    private static class DelegatingModel implements LogDensity {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public String[] parameterNames() {
            return TARGET.parameterNames();
        }

        @Override
        public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
            calls.incrementAndGet();
            return TARGET.logDensityAndGradient(x, xOff, grad, gOff);
        }
    }

    /** The Gaussian, with a model bug that throws after {@code limit} gradients (in NUTS). */
    private static LogDensity failingAfter(int limit) {
        return failingAfter(limit, () -> new IllegalStateException("model bug"));
    }

    /** As {@link #failingAfter(int)}, throwing what {@code failure} makes (unchecked). */
    private static LogDensity failingAfter(int limit, java.util.function.Supplier<? extends Throwable> failure) {
        return new DelegatingModel() {
            @Override
            public double logDensityAndGradient(double[] x, int xOff, double[] grad, int gOff) {
                if (calls.incrementAndGet() > limit) {
                    Throwable t = failure.get();
                    if (t instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) t;
                }
                return TARGET.logDensityAndGradient(x, xOff, grad, gOff);
            }
        };
    }

    @Test
    void namesThatCannotBeKeysFailWhenTheSamplerIsMade() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> MeadsSampler.forModel(new Named("p", "q")));
        assertTrue(few.getMessage().contains("gives 2 names, but the dimension is 3"), few.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> MeadsSampler.forModel(new Named("p", "q", "r", "s")));
        assertTrue(many.getMessage().contains("gives 4 names"), many.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> MeadsSampler.forModel(new Named("p", "q", "p")));
        assertTrue(twice.getMessage().contains("'p' twice"), twice.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> MeadsSampler.forModel(new Named("p", null, "r")));
        assertTrue(missing.getMessage().contains("name 2 is null"), missing.getMessage());
        NullPointerException none = assertThrows(NullPointerException.class, () -> MeadsSampler.forModel(null));
        assertEquals("model", none.getMessage());
    }

    @Test
    void nullSettingsFailWhenSet(@TempDir Path tmp) {
        MeadsSampler s = tiny(TARGET);
        assertThrows(NullPointerException.class, () -> s.progress(null));
        assertThrows(NullPointerException.class, () -> s.cancellation(null));
        assertThrows(NullPointerException.class, () -> s.estimator(null));
        assertThrows(NullPointerException.class, () -> s.output(tmp.resolve("x"), null));
        assertThrows(NullPointerException.class, () -> s.output(null, OutputOptions.defaults()));
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    /** A trace parameter the model lacks, or a name no Stan CSV header can hold, fails before NUTS. */
    @Test
    void outputSettingsAreCheckedBeforeSampling(@TempDir Path tmp) {
        DelegatingModel model = new DelegatingModel();
        Path out = tmp.resolve("run");
        IllegalArgumentException trace = assertThrows(IllegalArgumentException.class, () -> tiny(model)
                .output(out, OutputOptions.defaults().withTraceParameters(List.of("x[4]"))).run());
        assertTrue(trace.getMessage().contains("trace parameter 'x[4]'"), trace.getMessage());
        Named nested = new Named("w[1][1]", "w[1][2]", "v");
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> tiny(nested).output(out, OutputOptions.defaults()).run());
        assertTrue(header.getMessage().contains("w[1][1]"), header.getMessage());
        assertEquals(0, model.calls.get() + nested.calls.get(), "no gradient was evaluated");
        assertFalse(Files.exists(out), "no folder was made");
        // without the Stan CSV files the same names are fine
        assertTrue(tiny(nested).output(out, OutputOptions.defaults().withStanCsv(false).withPlots(false)).run()
                .completed());
    }

    /** The default name of an anonymous model is usable in a Stan CSV header. */
    @Test
    void anAnonymousModelWritesItsFolder(@TempDir Path tmp) {
        LogDensity anonymous = new DelegatingModel() { };
        assertTrue(anonymous.name().startsWith("MeadsSamplerMisuseTest$"), anonymous.name());
        SamplingResult r = tiny(anonymous).output(tmp.resolve("run"), OutputOptions.defaults().withPlots(false))
                .run();
        assertTrue(Files.exists(tmp.resolve("run/chain_1.csv")));
        assertTrue(r.completed());
    }

    /** A model that fails in NUTS leaves no folder behind, and an earlier run to overwrite intact. */
    @Test
    void aFailedRunLeavesTheFolderAsItWas(@TempDir Path tmp) {
        Path fresh = tmp.resolve("new/run");
        assertThrows(IllegalStateException.class,
                () -> tiny(failingAfter(50)).output(fresh, OutputOptions.defaults()).run());
        assertFalse(Files.exists(tmp.resolve("new")));
        // an Error (say, a model running out of memory) too
        assertThrows(StackOverflowError.class, () -> tiny(failingAfter(700, StackOverflowError::new)).threads(2)
                .output(fresh, OutputOptions.defaults()).run());
        assertFalse(Files.exists(tmp.resolve("new")));

        Path earlier = tmp.resolve("earlier");
        tiny(TARGET).output(earlier, OutputOptions.defaults().withPlots(false)).run();
        assertTrue(Files.exists(earlier.resolve("report.json")));
        for (boolean whileSampling : new boolean[] {false, true}) {
            assertThrows(IllegalStateException.class, () -> tiny(failingAfter(50)).output(earlier,
                    OutputOptions.defaults().withOverwrite(true).withCsvWhileSampling(whileSampling)).run());
            assertTrue(Files.exists(earlier.resolve("report.json")), "the earlier run is whole");
            assertTrue(Files.exists(earlier.resolve(RunFolder.MARKER)));
        }
    }

    /** A stop asked for once sampling has ended skips the summary, not the draws. */
    @Test
    void aStopAfterSamplingSkipsTheSummary(@TempDir Path tmp) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Path out = tmp.resolve("run");
        SamplingResult r = tiny(TARGET).output(out, OutputOptions.defaults().withPlots(false))
                .progress((stage, done, total) -> {
                    if (stage.equals(dev.meads.engine.run.MeadsPipeline.SAMPLING) && done == total) {
                        stop.set(true);
                    }
                })
                .cancellation(stop::get).run();
        assertTrue(r.completed());
        assertFalse(Files.exists(out.resolve("summary.csv")));
        assertTrue(Files.exists(out.resolve("report.json")));
        assertEquals(1 + 20, Files.readAllLines(out.resolve("chain_8.csv")).stream()
                .filter(l -> !l.startsWith("#")).count(), "header and every draw");
        assertEquals(3, r.summary().parameters().size(), "the result still summarises when asked");
    }

    /** Too few chains for MEADS' per-coordinate scales get a warning, the notebook's 8 or more none. */
    @Test
    void fewChainsAreWarnedAbout() {
        String few = "with only 4 chains it is noisy";
        assertTrue(tiny(TARGET).chains(4).folds(2).run().warnings().stream().anyMatch(w -> w.contains(few)));
        assertTrue(tiny(TARGET).run().warnings().stream().noneMatch(w -> w.contains("chains it is noisy")));
    }

    @Test
    void sizesThatCannotFitFailBeforeSampling() {
        DelegatingModel model = new DelegatingModel();
        IllegalArgumentException trace = assertThrows(IllegalArgumentException.class,
                () -> tiny(model).warmup(600_000_000).run());
        assertTrue(trace.getMessage().contains("MEADS trace"), trace.getMessage());
        IllegalArgumentException nuts = assertThrows(IllegalArgumentException.class,
                () -> tiny(model).nuts(10, 1_000_000_000).run());
        assertTrue(nuts.getMessage().contains("NUTS trajectory"), nuts.getMessage());
        assertEquals(0, model.calls.get());
        // a naive start keeps no NUTS trajectory, so its length is no reason to refuse the run
        assertTrue(tiny(model).initialisation(dev.meads.engine.run.Initialisation.NAIVE).nuts(10, 1_000_000_000)
                .run().completed());
    }

    /** A stop that is asked for and then withdrawn (Thread::interrupted) still gives no half-made summary. */
    @Test
    void aStopOnceAskedForStaysAskedFor() {
        SamplingResult r = tiny(TARGET).run();
        AtomicInteger polls = new AtomicInteger();
        assertEquals(null, r.summaryUnless(() -> polls.incrementAndGet() == 2));
        assertEquals(3, r.summaryUnless(() -> false).parameters().size());
    }

    @Test
    void anUnknownNameNamesTheNearestKnownOne() {
        SamplingResult r = tiny(TARGET).run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.draws("y[1]"));
        assertTrue(e.getMessage().contains("did you mean 'x[1]'"), e.getMessage());
        IllegalArgumentException base = assertThrows(IllegalArgumentException.class, () -> r.draws("x"));
        assertTrue(base.getMessage().contains("did you mean 'x[1]'"), base.getMessage());
    }

    /** An output folder that cannot be made says why, not just where. */
    @Test
    void anUnusableFolderSaysWhy(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> tiny(TARGET).output(file.resolve("run"), OutputOptions.defaults()).run());
        assertTrue(e.getMessage().startsWith("cannot create the output folder " + file.resolve("run") + ": "),
                e.getMessage());
        assertTrue(e.getMessage().length() > ("cannot create the output folder " + file.resolve("run") + ": ").length()
                + 3, e.getMessage());
    }
}
