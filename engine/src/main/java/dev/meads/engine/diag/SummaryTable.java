package dev.meads.engine.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Summary} as a terminal table: names left-aligned, numbers aligned on their
 * decimal point (or right-aligned when a column mixes very different magnitudes), 3 significant digits for location and scale, 2 for the Monte Carlo standard
 * error, whole numbers for ESS and 3 decimals for R̂; {@code NaN} written out. Notes under the
 * table name constant quantities and those with R̂ above 1.01, then the sampler block follows.
 */
public final class SummaryTable {
    /** The R̂ threshold recommended by Vehtari et al. (2021). */
    public static final double RHAT_THRESHOLD = 1.01;
    private static final String[] HEADERS = {"name", "mean", "sd", "median", "q5", "q95", "mcse_mean", "ess_bulk",
        "ess_tail", "rhat"};
    private static final int SIGNIFICANT = 3;
    private static final int MCSE_SIGNIFICANT = 2;
    private static final int RHAT_DECIMALS = 3;
    private static final int LISTED_NAMES = 5;
    private static final String GAP = "  ";
    /** Decimal alignment may widen a column by at most this many characters. */
    private static final int MAX_ALIGNMENT_PADDING = 2;

    private SummaryTable() {
    }

    /** The whole text: table, notes, blank line, sampler block; every line ends in '\n'. */
    public static String render(Summary summary) {
        StringBuilder sb = new StringBuilder();
        sb.append(table(summary.parameters()));
        sb.append(notes(summary.parameters()));
        if (summary.sampler() != null) {
            sb.append('\n').append(samplerBlock(summary.sampler()));
        }
        return sb.toString();
    }

    /** Just the table: a header line and one line per row. */
    public static String table(List<ParameterSummary> rows) {
        int columns = HEADERS.length;
        List<String[]> cells = new ArrayList<>(rows.size());
        for (ParameterSummary r : rows) {
            cells.add(new String[] {
                r.name(),
                SignificantFormat.format(r.mean(), SIGNIFICANT),
                SignificantFormat.format(r.sd(), SIGNIFICANT),
                SignificantFormat.format(r.median(), SIGNIFICANT),
                SignificantFormat.format(r.q5(), SIGNIFICANT),
                SignificantFormat.format(r.q95(), SIGNIFICANT),
                SignificantFormat.format(r.mcseMean(), MCSE_SIGNIFICANT),
                SignificantFormat.integer(r.essBulk()),
                SignificantFormat.integer(r.essTail()),
                SignificantFormat.fixed(r.rhat(), RHAT_DECIMALS),
            });
        }
        // Numbers: pad the part before '.' on the left and the part from '.' on the right, so
        // that decimal points line up, then right-align under the header. When magnitudes in a
        // column differ so much that this would widen it by more than a few characters, the
        // column is simply right-aligned.
        int[] left = new int[columns];
        int[] right = new int[columns];
        int[] longest = new int[columns];
        int[] width = new int[columns];
        boolean[] alignDots = new boolean[columns];
        for (String[] row : cells) {
            for (int c = 0; c < columns; c++) {
                longest[c] = Math.max(longest[c], row[c].length());
                if (!isWord(row[c])) {
                    int dot = dotPosition(row[c]);
                    left[c] = Math.max(left[c], dot);
                    right[c] = Math.max(right[c], row[c].length() - dot);
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            alignDots[c] = c > 0 && left[c] + right[c] <= longest[c] + MAX_ALIGNMENT_PADDING;
            width[c] = Math.max(HEADERS[c].length(), alignDots[c] ? Math.max(left[c] + right[c], longest[c]) : longest[c]);
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            if (c == 0) {
                sb.append(padRight(HEADERS[0], width[0]));
            } else {
                sb.append(GAP).append(padLeft(HEADERS[c], width[c]));
            }
        }
        sb.append('\n');
        for (String[] row : cells) {
            sb.append(padRight(row[0], width[0]));
            for (int c = 1; c < columns; c++) {
                String cell = row[c];
                if (alignDots[c] && !isWord(cell)) {
                    int dot = dotPosition(cell);
                    cell = " ".repeat(left[c] - dot) + cell + " ".repeat(right[c] - (cell.length() - dot));
                }
                sb.append(GAP).append(padLeft(cell, width[c]));
            }
            sb.append('\n');
        }
        return stripTrailingSpaces(sb);
    }

    /** Notes on undefined diagnostics and on R̂ above the threshold (empty if none). */
    static String notes(List<ParameterSummary> rows) {
        List<String> constant = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        List<String> high = new ArrayList<>();
        double worst = Double.NEGATIVE_INFINITY;
        for (ParameterSummary r : rows) {
            if (r.constant()) {
                constant.add(r.name());
            } else if (Double.isNaN(r.rhat())) {
                undefined.add(r.name());
            } else if (r.rhat() > RHAT_THRESHOLD) {
                high.add(r.name());
                worst = Math.max(worst, r.rhat());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!constant.isEmpty()) {
            sb.append("NaN: constant draws, R-hat and ESS undefined: ").append(list(constant)).append('\n');
        }
        if (!undefined.isEmpty()) {
            sb.append("NaN: non-finite draws or chains too short: ").append(list(undefined)).append('\n');
        }
        if (!high.isEmpty()) {
            sb.append("R-hat > ").append(RHAT_THRESHOLD).append(" for ").append(high.size()).append(" of ")
                    .append(rows.size()).append(" (max ").append(SignificantFormat.fixed(worst, RHAT_DECIMALS))
                    .append("): ").append(list(high)).append('\n');
        }
        return sb.toString();
    }

    /** The sampler block: a title and aligned "label  value" lines. */
    public static String samplerBlock(SamplerStatistics statistics) {
        List<Map.Entry<String, String>> lines = statistics.lines();
        int labelWidth = 0;
        for (Map.Entry<String, String> line : lines) {
            labelWidth = Math.max(labelWidth, line.getKey().length());
        }
        StringBuilder sb = new StringBuilder("sampler\n");
        for (Map.Entry<String, String> line : lines) {
            sb.append("  ").append(padRight(line.getKey(), labelWidth)).append(GAP).append(line.getValue()).append('\n');
        }
        return stripTrailingSpaces(sb);
    }

    private static String list(List<String> names) {
        if (names.size() <= LISTED_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED_NAMES)) + ", ... (" + (names.size() - LISTED_NAMES) + " more)";
    }

    /** NaN, Inf, -Inf: right-aligned as a whole rather than on a decimal point. */
    private static boolean isWord(String cell) {
        return cell.equals("NaN") || cell.endsWith("Inf");
    }

    /** Characters before the decimal point (the whole length when there is none). */
    private static int dotPosition(String cell) {
        int dot = cell.indexOf('.');
        return dot < 0 ? cell.length() : dot;
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String stripTrailingSpaces(StringBuilder sb) {
        StringBuilder out = new StringBuilder(sb.length());
        for (String line : sb.toString().split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        out.setLength(out.length() - 1); // the split's last piece is the empty string after the final '\n'
        return out.toString();
    }
}
