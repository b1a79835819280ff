package dev.meads.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The non-blank lines of a small comma-separated UTF-8 text file, split into trimmed cells, each
 * row with its 1-based line number, plus the cell parsers the loaders share. Accepts
 * {@code \n}, {@code \r\n} and {@code \r} line ends, a leading byte-order mark, whitespace
 * around cells, and cells in double quotes ({@code ""} inside quotes is one quote). Every
 * problem becomes a {@link DataFileException} naming the file and line.
 */
final class CsvTable {
    /** One non-blank line. */
    record Row(int line, String[] cells) {
    }

    final String file;
    final List<Row> rows;

    private CsvTable(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** Reads and splits {@code path}; the file is named as {@code path.toString()} in messages. */
    static CsvTable read(Path path) {
        String name = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataFileException(name, 0, "permission denied", e);
        } catch (IOException e) {
            throw new DataFileException(name, 0, "cannot read file (" + describe(e) + ")", e);
        }
        return parse(name, bytes);
    }

    /** Reads and splits a stream (closed afterwards), named {@code name} in messages. */
    static CsvTable read(InputStream in, String name) {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DataFileException(name, 0, "cannot read (" + describe(e) + ")", e);
        }
        return parse(name, bytes);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static CsvTable parse(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(name, 0, "not UTF-8 text", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        int lineNo = 0;
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            int end = pos;
            while (end < len && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            lineNo++;
            String line = text.substring(pos, end);
            if (!line.isBlank()) {
                rows.add(new Row(lineNo, split(name, lineNo, line)));
            }
            if (end < len && text.charAt(end) == '\r' && end + 1 < len && text.charAt(end + 1) == '\n') {
                end++;
            }
            pos = end + 1;
        }
        if (rows.isEmpty()) {
            throw new DataFileException(name, 0, "file is empty");
        }
        return new CsvTable(name, List.copyOf(rows));
    }

    private static String[] split(String name, int lineNo, String line) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            StringBuilder cell = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        cell.append(ch);
                    }
                }
                if (!closed) {
                    throw new DataFileException(name, lineNo, "unterminated quoted cell");
                }
                while (i < n && isBlank(line.charAt(i))) {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new DataFileException(name, lineNo, "text after a closing quote");
                }
                cells.add(cell.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ',') {
                    i++;
                }
                cells.add(line.substring(start, i).strip());
            }
            if (i >= n) {
                break;
            }
            i++; // the comma
        }
        return cells.toArray(String[]::new);
    }

    private static boolean isBlank(char ch) {
        return ch == ' ' || ch == '\t';
    }

    // ---- cell parsers shared by the loaders ----

    /** True if {@code cell} reads as a number, finite or not (used to tell a header from data). */
    static boolean looksNumeric(String cell) {
        return isDecimal(cell) || isNonFinite(cell);
    }

    /**
     * A plain decimal number, what the loaders accept as one: {@code [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?}
     * with ASCII digits (no hex, no {@code d}/{@code f} suffix). Scanned by hand rather than by a
     * regular expression: the cells of a data file are many, and a fresh JVM would otherwise
     * compile the regex engine before the sampler's own code.
     */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = skipSign(s, 0);
        int integerDigits = skipDigits(s, i) - i;
        i += integerDigits;
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            fractionDigits = skipDigits(s, i) - i;
            i += fractionDigits;
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i = skipSign(s, i + 1);
            int exponentDigits = skipDigits(s, i) - i;
            if (exponentDigits == 0) {
                return false;
            }
            i += exponentDigits;
        }
        return i == n;
    }

    /** {@code [+-]?(nan|inf|infinity)}, ignoring case. */
    static boolean isNonFinite(String s) {
        String word = s.substring(skipSign(s, 0));
        return word.equalsIgnoreCase("nan") || word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity");
    }

    private static int skipSign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** A finite number in {@code cell}, or an exception naming {@code what} (e.g. "column log_radon"). */
    double number(Row row, int col, String what) {
        String cell = row.cells()[col];
        if (cell.isEmpty()) {
            throw error(row, what + ": empty cell");
        }
        if (isNonFinite(cell)) {
            throw error(row, what + ": '" + cell + "' is not finite");
        }
        if (!isDecimal(cell)) {
            throw error(row, what + ": '" + cell + "' is not a number");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw error(row, what + ": '" + cell + "' is not finite");
        }
        return v;
    }

    /** An integer in {@code cell} (written as a whole number, e.g. {@code 3} or {@code 3.0}). */
    int integer(Row row, int col, String what) {
        double v = number(row, col, what);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw error(row, what + ": '" + row.cells()[col] + "' is not an integer");
        }
        return (int) v;
    }

    /** A 0/1 response in {@code cell}. */
    byte binary(Row row, int col, String what) {
        double v = number(row, col, what);
        if (v != 0.0 && v != 1.0) {
            throw error(row, what + ": response '" + row.cells()[col] + "' is not 0 or 1");
        }
        return (byte) v;
    }

    /** Requires {@code expected} cells in {@code row}. */
    void requireWidth(Row row, int expected, String against) {
        int got = row.cells().length;
        if (got != expected) {
            throw error(row, "ragged row: " + got + (got == 1 ? " cell" : " cells") + ", expected " + expected
                    + " (as " + against + ")");
        }
    }

    DataFileException error(Row row, String problem) {
        return new DataFileException(file, row.line(), problem);
    }

    DataFileException error(int line, String problem) {
        return new DataFileException(file, line, problem);
    }

    /**
     * Column positions of a header row: for each of {@code wanted} (each an array of accepted
     * names, case-insensitive), its position, or -1 if absent. Duplicate header names and two
     * aliases of one column are errors.
     */
    int[] columns(Row header, String[]... wanted) {
        String[] cells = header.cells();
        String[] lower = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            lower[i] = cells[i].toLowerCase(Locale.ROOT);
            for (int k = 0; k < i; k++) {
                if (!lower[i].isEmpty() && lower[i].equals(lower[k])) {
                    throw error(header, "column '" + cells[i] + "' appears twice in the header");
                }
            }
        }
        int[] pos = new int[wanted.length];
        for (int w = 0; w < wanted.length; w++) {
            pos[w] = -1;
            for (String alias : wanted[w]) {
                for (int i = 0; i < lower.length; i++) {
                    if (lower[i].equals(alias)) {
                        if (pos[w] >= 0) {
                            throw error(header, "columns '" + cells[pos[w]] + "' and '" + cells[i]
                                    + "' both give " + wanted[w][0] + "; keep one");
                        }
                        pos[w] = i;
                    }
                }
            }
        }
        return pos;
    }
}
