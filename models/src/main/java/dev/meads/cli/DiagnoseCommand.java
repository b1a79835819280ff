package dev.meads.cli;

import dev.meads.engine.diag.ParameterSummary;
import dev.meads.engine.diag.Summary;
import dev.meads.engine.io.StanCsvChain;
import dev.meads.engine.io.StanCsvRead;
import dev.meads.engine.io.StanCsvReader;
import dev.meads.engine.parallel.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code meads diagnose FILE...}: summary and diagnostics of Stan CSV files from any sampler. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Summary table and convergence diagnostics (split rank-normalised R-hat, bulk and tail ESS, "
                + "MCSE) of Stan CSV files, one per chain, written by meads, CmdStan or rstan."})
final class DiagnoseCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Stan CSV files, one per chain")
    List<Path> files = new ArrayList<>();

    @Option(names = "--summary", paramLabel = "SELECTION", description = "parameters to show, e.g. theta[1:5],sigma_y "
            + "(default: all)")
    String selection;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the summary as CSV (summary.csv columns)")
    Path csv;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the diagnostics (default: all cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new SettingsException(f + ": no such file");
            }
        }
        StanCsvRead read = StanCsvReader.read(files);
        for (String w : read.warnings()) {
            System.err.println("warning: " + w);
        }
        if (read.draws().iterations() < 4) {
            throw new SettingsException("need at least 4 draws per chain for diagnostics, got "
                    + read.draws().iterations());
        }
        Summary all;
        try (WorkerPool pool = new WorkerPool(threads == null ? WorkerPool.defaultThreads() : Math.max(1, threads))) {
            all = Summary.of(read.draws(), pool);
        }
        Summary shown;
        try {
            shown = selection == null ? all : all.select(selection);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("--summary " + selection + ": " + e.getMessage());
        }
        System.out.printf(Locale.ROOT, "%d chains x %d draws, %d parameters%n", read.draws().chains(),
                read.draws().iterations(), read.draws().parameters());
        System.out.print(shown.table());
        double maxRhat = Double.NaN;
        double minBulk = Double.NaN;
        double minTail = Double.NaN;
        String worstRhat = "";
        String worstBulk = "";
        for (ParameterSummary p : all.parameters()) {
            if (Double.isFinite(p.rhat()) && !(p.rhat() <= maxRhat)) {
                maxRhat = p.rhat();
                worstRhat = p.name();
            }
            if (Double.isFinite(p.essBulk()) && !(p.essBulk() >= minBulk)) {
                minBulk = p.essBulk();
                worstBulk = p.name();
            }
            if (Double.isFinite(p.essTail()) && !(p.essTail() >= minTail)) {
                minTail = p.essTail();
            }
        }
        System.out.printf(Locale.ROOT, "max R-hat %.4f (%s), min bulk ESS %.0f (%s), min tail ESS %.0f%n", maxRhat,
                worstRhat, minBulk, worstBulk, minTail);
        double seconds = 0;
        for (StanCsvChain c : read.chains()) {
            seconds += c.warmupSeconds() + c.samplingSeconds();
        }
        if (Double.isFinite(seconds) && seconds > 0) {
            System.out.printf(Locale.ROOT, "elapsed time in the files: %.3f chain-seconds; min bulk ESS per "
                    + "chain-second %.1f%n", seconds, minBulk / seconds);
        }
        if (csv != null) {
            all.writeCsv(csv);
            System.out.println("summary written to " + csv);
        }
        return 0;
    }
}
