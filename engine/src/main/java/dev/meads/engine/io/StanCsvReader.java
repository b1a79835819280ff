package dev.meads.engine.io;

import dev.meads.engine.draws.Draws;
import dev.meads.engine.draws.SamplerColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Stan CSV files, one chain per file, as written by {@link StanCsvWriter}, CmdStan or
 * rstan, into {@link Draws}.
 *
 * <p>Rules:
 * <ul>
 *   <li>Lines starting with {@code #} are comments and may appear anywhere; blank lines are
 *       skipped. The first other line is the header; later ones are draws.</li>
 *   <li>{@code key = value} comments become {@link StanCsvChain#config()}; the adaptation block
 *       (step size, diagonal or dense inverse metric) and the elapsed-time block are parsed.</li>
 *   <li>With {@code save_warmup = 1} the first {@code ceil(num_warmup / thin)} rows are warmup
 *       and dropped.</li>
 *   <li>Columns ending in {@code __} are sampler columns; the seven of {@link SamplerColumn} are
 *       kept (NaN where a file lacks one), others are ignored. Every other column is a
 *       parameter; dotted names become bracket names ({@code y.1.2} to {@code y[1,2]}).</li>
 *   <li>Values may be {@code Infinity}/{@code -Infinity}/{@code NaN} as Java writes them,
 *       {@code inf}/{@code -inf}/{@code nan} as C++ writes them, or {@code Inf}/{@code NA} as R
 *       writes them (NA is read as NaN).</li>
 *   <li>The last line of a file, when it is a draw row that lacks its line end, has too few
 *       values or an unreadable value, is an interrupted write: it is skipped with a warning.
 *       The same defects anywhere else are errors naming file and line.</li>
 *   <li>Chains of different lengths (typical of an interrupted run) are all cut to the
 *       shortest, with a warning, so that every chain covers the same iterations. Files with
 *       different parameter columns are an error.</li>
 * </ul>
 */
public final class StanCsvReader {
    private static final Pattern ELAPSED =
            Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s+seconds\\s+\\((Warm-up|Sampling|Total)\\)");
    private static final String DEFAULT_MARK = "(Default)";

    private StanCsvReader() {
    }

    /** Reads one file as a single chain. */
    public static StanCsvRead read(Path file) throws IOException {
        return read(List.of(file));
    }

    /** Reads several files, one chain each, in the order given. */
    public static StanCsvRead read(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no Stan CSV files given");
        }
        java.util.Map<Path, Path> seenFiles = new java.util.HashMap<>();
        for (Path f : files) {
            Path key = Files.exists(f) ? f.toRealPath() : f.toAbsolutePath().normalize();
            Path before = seenFiles.putIfAbsent(key, f);
            if (before != null) {
                throw new IllegalArgumentException(f + " is given twice" + (before.equals(f) ? "" : " (also as " + before
                        + ")") + "; each chain's file once, or the chains would look like two that agree");
            }
        }
        List<String> warnings = new ArrayList<>();
        List<ParsedFile> parsed = new ArrayList<>(files.size());
        for (Path f : files) {
            parsed.add(new ParsedFile(f, warnings).parse());
        }
        ParsedFile first = parsed.get(0);
        for (ParsedFile p : parsed) {
            if (!p.parameterNames.equals(first.parameterNames)) {
                throw new StanCsvFormatException(p.file, p.headerLine, "parameter columns differ from those of "
                        + first.file + " (" + describeDifference(first.parameterNames, p.parameterNames) + ")");
            }
        }
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (ParsedFile p : parsed) {
            shortest = Math.min(shortest, p.draws());
            longest = Math.max(longest, p.draws());
        }
        if (shortest != longest) {
            StringBuilder lengths = new StringBuilder();
            for (ParsedFile p : parsed) {
                lengths.append(lengths.isEmpty() ? "" : ", ").append(p.file.getFileName()).append(": ").append(p.draws());
            }
            warnings.add("chains have different numbers of draws (" + lengths + "); all cut to the shortest, "
                    + shortest);
        }
        Draws draws = new Draws(first.parameterNames.toArray(String[]::new), parsed.size(), shortest);
        List<StanCsvChain> chains = new ArrayList<>(parsed.size());
        for (int c = 0; c < parsed.size(); c++) {
            ParsedFile p = parsed.get(c);
            p.copyInto(draws, c, shortest);
            chains.add(p.chain());
        }
        return new StanCsvRead(draws, chains, warnings);
    }

    private static String describeDifference(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return a.size() + " versus " + b.size() + " parameters";
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "parameter " + (i + 1) + " is '" + b.get(i) + "', expected '" + a.get(i) + "'";
            }
        }
        return "same";
    }

    /** Parses a value as Java or C++ print it; throws NumberFormatException otherwise. */
    static double parseValue(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            boolean negative = t.startsWith("-");
            if (negative || t.startsWith("+")) {
                t = t.substring(1);
            }
            if (t.equals("inf") || t.equals("infinity")) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (t.equals("nan") || (t.equals("na") && !negative)) {
                return Double.NaN;
            }
            throw e;
        }
    }

    /** One file being parsed: its header, values and comments. */
    private static final class ParsedFile {
        private enum MetricMode { NONE, DIAGONAL, DENSE }

        final Path file;
        final List<String> warnings;
        final Map<String, String> config = new LinkedHashMap<>();
        List<String> columns;
        final List<String> parameterNames = new ArrayList<>();
        int[] parameterColumn;
        int[] samplerColumn = new int[SamplerColumn.COUNT];
        long headerLine;
        double[] values = new double[1024];
        int rows;
        int rowsBeforeAdaptation = -1;
        int warmupRows;
        double stepSize = Double.NaN;
        double[] metric = new double[0];
        int metricCount;
        MetricMode metricMode = MetricMode.NONE;
        int denseRow;
        double warmupSeconds = Double.NaN;
        double samplingSeconds = Double.NaN;

        ParsedFile(Path file, List<String> warnings) {
            this.file = file;
            this.warnings = warnings;
        }

        int draws() {
            return rows - warmupRows;
        }

        ParsedFile parse() throws IOException {
            boolean endsWithNewline = endsWithNewline(file);
            if (gzipped(file)) {
                throw new StanCsvFormatException(file, 1, "a gzip-compressed file; decompress it first (gunzip)");
            }
            long lineNo = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String pending = null;
                long pendingLine = 0;
                String line;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (lineNo == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1); // a byte-order mark some editors and tools write
                    }
                    if (pending != null) {
                        dataRow(pending, pendingLine, false, true);
                        pending = null;
                    }
                    String stripped = line.strip();
                    if (stripped.isEmpty()) {
                        continue;
                    }
                    if (stripped.charAt(0) == '#') {
                        comment(stripped, lineNo);
                        continue;
                    }
                    metricMode = MetricMode.NONE;
                    if (columns == null) {
                        header(stripped, lineNo);
                    } else {
                        pending = line;
                        pendingLine = lineNo;
                    }
                }
                if (pending != null) {
                    dataRow(pending, pendingLine, true, endsWithNewline);
                }
            } catch (java.nio.charset.CharacterCodingException e) {
                // the reader decodes ahead of the lines it returns: the bad byte is at or after this line
                throw new StanCsvFormatException(file, lineNo + 1, "not UTF-8 text from about here on (a binary or "
                        + "compressed file, or one saved in another encoding)");
            }
            if (columns == null) {
                throw new StanCsvFormatException(file, 0, "no header line (every line is a comment or blank)");
            }
            applyWarmupAndCounts();
            return this;
        }

        /** Whether the file starts with gzip's magic bytes. */
        private static boolean gzipped(Path f) throws IOException {
            try (java.io.InputStream in = Files.newInputStream(f)) {
                return in.read() == 0x1f && in.read() == 0x8b;
            }
        }

        private static boolean endsWithNewline(Path f) throws IOException {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size == 0) {
                    return true;
                }
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                return last.get(0) == '\n';
            }
        }

        private void header(String line, long lineNo) throws StanCsvFormatException {
            headerLine = lineNo;
            String[] names = line.split(",", -1);
            columns = new ArrayList<>(names.length);
            Arrays.fill(samplerColumn, -1);
            List<Integer> paramCols = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                String n = unquote(names[i].strip());
                if (n.isEmpty()) {
                    throw new StanCsvFormatException(file, lineNo, "empty column name at position " + (i + 1)
                            + " of the header");
                }
                Integer before = seen.put(n, i);
                if (before != null) {
                    throw new StanCsvFormatException(file, lineNo, "column '" + n + "' appears twice (positions "
                            + (before + 1) + " and " + (i + 1) + ")");
                }
                columns.add(n);
                if (n.endsWith("__")) {
                    SamplerColumn sc = SamplerColumn.ofStanName(n);
                    if (sc != null) {
                        samplerColumn[sc.ordinal()] = i;
                    }
                } else {
                    paramCols.add(i);
                    parameterNames.add(StanNames.toBracket(n));
                }
            }
            if (new HashSet<>(parameterNames).size() != parameterNames.size()) {
                throw new StanCsvFormatException(file, lineNo,
                        "two columns map to the same bracket name (e.g. 'x.1' and 'x[1]')");
            }
            parameterColumn = paramCols.stream().mapToInt(Integer::intValue).toArray();
        }

        private static String unquote(String s) {
            return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
                    ? s.substring(1, s.length() - 1) : s;
        }

        /** Parses one draw row into {@code values}; a defective last line is skipped with a warning. */
        private void dataRow(String line, long lineNo, boolean last, boolean terminated) throws StanCsvFormatException {
            int n = columns.size();
            if (last && !terminated) {
                warnings.add(file + ":" + lineNo + ": last line has no line end (interrupted write); skipped");
                return;
            }
            ensureCapacity((long) (rows + 1) * n);
            int base = rows * n;
            int start = 0;
            for (int k = 0; k < n; k++) {
                int comma = k < n - 1 ? line.indexOf(',', start) : line.length();
                if (comma < 0) {
                    rowProblem(lineNo, last, "expected " + n + " values, found " + (k + 1));
                    return;
                }
                if (k == n - 1 && line.indexOf(',', start) >= 0) {
                    rowProblem(lineNo, last, "expected " + n + " values, found more");
                    return;
                }
                String field = line.substring(start, comma).strip();
                try {
                    values[base + k] = parseValue(field);
                } catch (NumberFormatException e) {
                    rowProblem(lineNo, last, "cannot read '" + field + "' as a number (column '" + columns.get(k)
                            + "')");
                    return;
                }
                start = comma + 1;
            }
            rows++;
        }

        private void rowProblem(long lineNo, boolean last, String problem) throws StanCsvFormatException {
            if (last) {
                warnings.add(file + ":" + lineNo + ": " + problem + " on the last line (interrupted write?); skipped");
                return;
            }
            throw new StanCsvFormatException(file, lineNo, problem);
        }

        private void ensureCapacity(long needed) throws StanCsvFormatException {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new StanCsvFormatException(file, 0, "too many values for one chain: " + needed);
            }
            if (needed > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * values.length)));
            }
        }

        private void comment(String line, long lineNo) throws StanCsvFormatException {
            int i = 0;
            while (i < line.length() && line.charAt(i) == '#') {
                i++;
            }
            String text = line.substring(i).strip();
            if (metricMode != MetricMode.NONE) {
                if (metricLine(text, lineNo)) {
                    return;
                }
                metricMode = MetricMode.NONE;
            }
            if (text.isEmpty()) {
                return;
            }
            if (text.startsWith("Adaptation terminated")) {
                rowsBeforeAdaptation = rows;
            } else if (text.startsWith("Step size")) {
                stepSize = number(text.substring(text.indexOf('=') + 1).strip(), lineNo, "step size");
            } else if (text.startsWith("Diagonal elements of inverse mass matrix")) {
                metricMode = MetricMode.DIAGONAL;
            } else if (text.startsWith("Elements of inverse mass matrix")) {
                metricMode = MetricMode.DENSE;
                denseRow = 0;
            } else if (text.contains("seconds (")) {
                Matcher m = ELAPSED.matcher(text);
                if (m.find()) {
                    double s = Double.parseDouble(m.group(1));
                    switch (m.group(2)) {
                        case "Warm-up" -> warmupSeconds = s;
                        case "Sampling" -> samplingSeconds = s;
                        default -> { }
                    }
                }
            } else if (text.startsWith("Interrupted:")) {
                warnings.add(file + ":" + lineNo + ": the writer was closed before sampling finished (" + text + ")");
            } else {
                int eq = text.indexOf('=');
                if (eq > 0) {
                    String key = text.substring(0, eq).strip();
                    String value = text.substring(eq + 1).strip();
                    if (value.endsWith(DEFAULT_MARK)) {
                        value = value.substring(0, value.length() - DEFAULT_MARK.length()).strip();
                    }
                    config.putIfAbsent(key, value);
                }
            }
        }

        /** Reads one line of inverse metric numbers; false when the line is not a list of numbers. */
        private boolean metricLine(String text, long lineNo) {
            if (text.isEmpty()) {
                return false;
            }
            String[] parts = text.split(",");
            double[] row = new double[parts.length];
            for (int k = 0; k < parts.length; k++) {
                try {
                    row[k] = parseValue(parts[k].strip());
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (metricMode == MetricMode.DIAGONAL) {
                metric = Arrays.copyOf(metric, metricCount + row.length);
                System.arraycopy(row, 0, metric, metricCount, row.length);
                metricCount += row.length;
            } else {
                if (denseRow >= row.length) {
                    warnings.add(file + ":" + lineNo + ": dense inverse metric has more rows than columns; extra row ignored");
                } else {
                    metric = Arrays.copyOf(metric, denseRow + 1);
                    metric[denseRow] = row[denseRow];
                    metricCount = denseRow + 1;
                }
                denseRow++;
            }
            return true;
        }

        private double number(String s, long lineNo, String what) throws StanCsvFormatException {
            try {
                return parseValue(s);
            } catch (NumberFormatException e) {
                throw new StanCsvFormatException(file, lineNo, "cannot read " + what + " '" + s + "' as a number");
            }
        }

        private int configInt(String key, int fallback) throws StanCsvFormatException {
            String v = config.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new StanCsvFormatException(file, 0, "config '" + key + " = " + v + "' is not an integer");
            }
        }

        private void applyWarmupAndCounts() throws StanCsvFormatException {
            int thin = configInt("thin", 1);
            if (thin < 1) {
                throw new StanCsvFormatException(file, 0, "config 'thin = " + thin + "' must be >= 1");
            }
            // CmdStan writes num_warmup and num_samples; rstan's sample_file writes warmup and
            // iter (warmup included)
            String warmupKey = config.containsKey("num_warmup") ? "num_warmup"
                    : config.containsKey("warmup") ? "warmup" : null;
            String saveWarmup = config.get("save_warmup");
            if (saveWarmup == null && rowsBeforeAdaptation > 0 && rowsBeforeAdaptation < rows) {
                // Stan writes the adaptation block between warmup and sampling: rows before it
                // are warmup draws even when the comments that would say so were removed
                warmupRows = rowsBeforeAdaptation;
                warnings.add(file + ": no save_warmup comment, but " + rowsBeforeAdaptation + " rows precede '# "
                        + "Adaptation terminated'; dropped them as warmup");
                saveWarmup = "0";
            } else if (saveWarmup == null) {
                saveWarmup = "0";
            }
            if (saveWarmup.equals("1") || saveWarmup.equalsIgnoreCase("true")) {
                if (warmupKey == null) {
                    throw new StanCsvFormatException(file, 0, "save_warmup = 1 but no num_warmup comment says how many "
                            + "rows are warmup");
                }
                int announced = (int) (((long) configInt(warmupKey, 0) + thin - 1) / thin);
                if (rowsBeforeAdaptation >= 0 && rowsBeforeAdaptation != announced && rowsBeforeAdaptation < rows) {
                    warnings.add(file + ": " + rowsBeforeAdaptation + " rows precede '# Adaptation terminated' but "
                            + warmupKey + "/thin says " + announced + " warmup rows; dropped " + Math.min(announced, rows));
                }
                if (rows < announced) {
                    warnings.add(file + ": only " + rows + " rows, fewer than the " + announced
                            + " warmup rows announced; no post-warmup draws");
                }
                warmupRows = Math.min(announced, rows);
            } else if (!saveWarmup.equals("0") && !saveWarmup.equalsIgnoreCase("false")) {
                throw new StanCsvFormatException(file, 0, "config 'save_warmup = " + saveWarmup + "' is not 0 or 1");
            }
            int samples = config.containsKey("num_samples") ? configInt("num_samples", 0)
                    : config.containsKey("iter") && config.containsKey("warmup")
                    ? configInt("iter", 0) - configInt("warmup", 0) : -1;
            if (samples >= 0) {
                int expected = (int) (((long) samples + thin - 1) / thin);
                if (draws() != expected) {
                    warnings.add(file + ": " + draws() + " post-warmup draws, but " + (config.containsKey("num_samples")
                            ? "num_samples = " + samples : "iter - warmup = " + samples) + " with thin = " + thin
                            + " announces " + expected + (draws() < expected ? " (interrupted run?)" : ""));
                }
            }
            // The inverse metric covers the sampled (unconstrained) coordinates, whose number
            // differs from the columns' whenever there are transforms or generated quantities.
        }

        void copyInto(Draws draws, int chain, int keep) {
            int n = columns.size();
            double[] row = new double[parameterColumn.length];
            for (int i = 0; i < keep; i++) {
                int base = (warmupRows + i) * n;
                for (int p = 0; p < parameterColumn.length; p++) {
                    row[p] = values[base + parameterColumn[p]];
                }
                draws.setDraw(chain, i, row, 0);
                for (SamplerColumn sc : SamplerColumn.values()) {
                    int col = samplerColumn[sc.ordinal()];
                    draws.setSampler(chain, i, sc, col < 0 ? Double.NaN : values[base + col]);
                }
            }
        }

        StanCsvChain chain() {
            return new StanCsvChain(file, config, columns, warmupRows, draws(), stepSize,
                    Arrays.copyOf(metric, metricCount), warmupSeconds, samplingSeconds);
        }
    }
}
