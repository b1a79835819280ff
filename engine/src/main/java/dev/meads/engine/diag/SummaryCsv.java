package dev.meads.engine.diag;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a summary as CSV with the header {@code name,mean,sd,mcse_mean,q5,q50,q95,ess_bulk,ess_tail,rhat}:
 * full-precision numbers (shortest decimal that reads back to the same double), {@code NaN},
 * {@code Inf} and {@code -Inf} for non-finite values (read as such by R and pandas), names quoted
 * only when they contain a comma or quote (e.g. {@code "Omega[1,2]"}). The file is written to a
 * temporary file in the same folder and renamed into place, so readers never see half a file.
 */
public final class SummaryCsv {
    /** The exact header line. */
    public static final String HEADER = "name,mean,sd,mcse_mean,q5,q50,q95,ess_bulk,ess_tail,rhat";

    private SummaryCsv() {
    }

    /** Writes {@code rows} to {@code file}, replacing it if it exists. */
    public static void write(Path file, List<ParameterSummary> rows) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its owner-only permissions would carry over to summary.csv.
        Path temporary = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(render(rows));
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The CSV text (header and one line per row, each ending in '\n'). */
    public static String render(List<ParameterSummary> rows) {
        StringBuilder sb = new StringBuilder(64 + rows.size() * 160);
        sb.append(HEADER).append('\n');
        for (ParameterSummary r : rows) {
            sb.append(quote(r.name()));
            for (double v : new double[] {r.mean(), r.sd(), r.mcseMean(), r.q5(), r.median(), r.q95(), r.essBulk(),
                    r.essTail(), r.rhat()}) {
                sb.append(',').append(number(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return Double.toString(v);
    }

    private static String quote(String name) {
        if (name.indexOf(',') < 0 && name.indexOf('"') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
