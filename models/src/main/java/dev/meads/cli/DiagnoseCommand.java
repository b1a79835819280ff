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

/** {@code meads diagnose FILE...}: summary and diagnostics of Stan CSV files from any sampler. */
final class DiagnoseCommand implements CliCommand {
    static final String NAME = "diagnose";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("meads diagnose", "Summary table and convergence diagnostics (split rank-normalised "
                        + "R-hat, bulk and tail ESS, MCSE) of Stan CSV files, one per chain, written by meads, CmdStan "
                        + "or rstan.")
                .arguments("FILE", "Stan CSV files, one per chain", 1, -1)
                .option("--summary", "SELECTION", "parameters to show, e.g. mu_alpha,alpha[1:5] (default: all)")
                .option("--csv", "FILE", "also write the summary as CSV (summary.csv columns)")
                .option("--threads", "N", "threads for the diagnostics (default 0: all cores)");
    }

    @Override
    public int run(ParsedArgs a) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : a.arguments()) {
            files.add(Path.of(name));
        }
        String selection = a.value("--summary");
        Path csv = a.value("--csv") == null ? null : Path.of(a.value("--csv"));
        Integer threads = a.threads();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new SettingsException(f + ": no such file");
            }
        }
        if (csv != null && Files.isDirectory(csv)) { // checked now: the write would name its temporary file
            throw new SettingsException("--csv " + csv + ": is a folder; give a file name, e.g. --csv "
                    + csv.resolve("summary.csv"));
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
        // no more workers than quantities: the others would have nothing to do
        int workers = Math.min(threads == null ? WorkerPool.defaultThreads() : threads,
                Math.max(1, read.draws().parameters()));
        try (WorkerPool pool = new WorkerPool(workers)) {
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
            try {
                all.writeCsv(csv);
            } catch (IOException e) { // the reason only: the path in it may be the temporary file's
                throw new SettingsException("cannot write the summary to " + csv + ": "
                        + (e instanceof java.nio.file.FileSystemException fs ? Main.reason(fs) : e.getMessage()));
            }
            System.out.println("summary written to " + csv);
        }
        return 0;
    }
}
