package dev.meads.models.data;

/**
 * A data file could not be loaded: it is missing or unreadable, or its content is not what
 * the loader accepts. Carries the file, the 1-based line (0 when the problem concerns the
 * file as a whole) and the problem; the message reads like a compiler's,
 * {@code radon.csv:17: column log_radon: 'abc' is not a number}.
 *
 * <p>A loader that throws this has built nothing: data are returned only when the whole file
 * is valid.
 */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /** A problem in {@code file} at 1-based {@code line} (0: the whole file). */
    public DataFileException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    /** The same, caused by {@code cause} (e.g. the I/O error behind an unreadable file). */
    public DataFileException(String file, int line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    private static String format(String file, int line, String problem) {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }

    /** The file as the caller named it (a path, or a class-path resource name). */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 if it concerns the whole file. */
    public int line() {
        return line;
    }

    /** What was wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
