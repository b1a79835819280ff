package dev.meads.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/** A Stan CSV file that cannot be read: names the file, the 1-based line (0 when none applies) and the problem. */
public final class StanCsvFormatException extends IOException {
    private final transient Path file;
    private final long line;
    private final String problem;

    public StanCsvFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
