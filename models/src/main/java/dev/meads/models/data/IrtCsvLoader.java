package dev.meads.models.data;

import dev.meads.models.irt.IrtData;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads binary IRT responses from a CSV file in one of two layouts, told apart by the first
 * non-blank line:
 * <ul>
 * <li><b>Matrix</b> (first line has a number in it): one line per student, one 0/1 cell per
 *     item, comma separated, no header; every line has as many cells as the first. A first
 *     line of 0/1 cells with a typo in one is a matrix row with a bad cell, not a header.
 * <li><b>Long</b> (first line a header: names only, or naming both person and item): columns
 *     {@code person}, {@code item} and {@code y}
 *     in any order (names case-insensitive, other columns ignored), one line per response.
 *     Every person x item pair must appear exactly once. Indices are 0- or 1-based
 *     ({@link IndexBase}; with {@link IndexBase#AUTO} the file is 0-based exactly when its
 *     smallest person or item index is 0); the numbers of persons and items are the largest
 *     indices (plus one if 0-based), neither more than the number of data rows.
 * </ul>
 * Blank lines are skipped; whitespace around cells is ignored. Any problem (missing or
 * unreadable file, empty file, non-numeric or non-finite cell, ragged row, response other
 * than 0/1, missing column, index out of range, duplicate or missing pair) raises one
 * {@link DataFileException} naming file and line.
 */
public final class IrtCsvLoader {

    private IrtCsvLoader() {
    }

    /** Loads {@code path} with {@link IndexBase#AUTO}. */
    public static IrtData load(Path path) {
        return load(path, IndexBase.AUTO);
    }

    /** Loads {@code path}; {@code base} applies to the long layout only. */
    public static IrtData load(Path path, IndexBase base) {
        return parse(CsvTable.read(path), base);
    }

    /** Loads from a stream (closed afterwards), named {@code name} in messages and in {@link IrtData#source()}. */
    public static IrtData load(InputStream in, String name, IndexBase base) {
        return parse(CsvTable.read(in, name), base);
    }

    static IrtData parse(CsvTable table, IndexBase base) {
        return isHeader(table.rows.getFirst()) ? parseLong(table, base) : parseMatrix(table);
    }

    /**
     * Whether the first row is a long-format header: it has no number in it, or it names both
     * person and item. A row of numbers with one typo ({@code 1,0,l,1}) or a trailing comma is a
     * matrix row, whose bad cell is then named, not a header with a repeated column "1".
     */
    private static boolean isHeader(CsvTable.Row first) {
        boolean person = false;
        boolean item = false;
        boolean number = false;
        for (String cell : first.cells()) {
            number |= CsvTable.looksNumeric(cell);
            person |= cell.equalsIgnoreCase("person");
            item |= cell.equalsIgnoreCase("item");
        }
        return !number || (person && item);
    }

    private static IrtData parseMatrix(CsvTable table) {
        int students = table.rows.size();
        int items = table.rows.getFirst().cells().length;
        byte[] responses = new byte[Math.multiplyExact(students, items)];
        for (int s = 0; s < students; s++) {
            CsvTable.Row row = table.rows.get(s);
            table.requireWidth(row, items, "in the first row");
            for (int i = 0; i < items; i++) {
                responses[s * items + i] = table.binary(row, i, "column " + (i + 1));
            }
        }
        return new IrtData(students, items, responses, table.file);
    }

    private static IrtData parseLong(CsvTable table, IndexBase base) {
        CsvTable.Row header = table.rows.getFirst();
        int[] col = table.columns(header, new String[]{"person"}, new String[]{"item"}, new String[]{"y"});
        String[] required = {"person", "item", "y"};
        for (int k = 0; k < col.length; k++) {
            if (col[k] < 0) {
                throw table.error(header, "no column '" + required[k] + "' (the first line has no numbers, so it is"
                        + " read as the header of a long-format file: person, item, y)");
            }
        }
        int n = table.rows.size() - 1;
        if (n == 0) {
            throw table.error(header, "no data rows after the header");
        }
        int width = header.cells().length;
        int[] person = new int[n];
        int[] item = new int[n];
        byte[] y = new byte[n];
        int minIndex = Integer.MAX_VALUE;
        for (int r = 0; r < n; r++) {
            CsvTable.Row row = table.rows.get(r + 1);
            table.requireWidth(row, width, "in the header");
            person[r] = table.integer(row, col[0], "column person");
            item[r] = table.integer(row, col[1], "column item");
            y[r] = table.binary(row, col[2], "column y");
            if (person[r] < 0) {
                throw table.error(row, "person index " + person[r] + " is negative");
            }
            if (item[r] < 0) {
                throw table.error(row, "item index " + item[r] + " is negative");
            }
            minIndex = Math.min(minIndex, Math.min(person[r], item[r]));
        }
        int origin = base.resolve(minIndex);
        int persons = 0;
        int items = 0;
        for (int r = 0; r < n; r++) {
            CsvTable.Row row = table.rows.get(r + 1);
            if (person[r] < origin) {
                throw table.error(row, "person index " + person[r] + " is below " + origin + " (indices are "
                        + origin + "-based)");
            }
            if (item[r] < origin) {
                throw table.error(row, "item index " + item[r] + " is below " + origin + " (indices are "
                        + origin + "-based)");
            }
            // every pair has a row, so neither count can exceed the rows: a larger index is a slip
            if (person[r] - origin >= n) {
                throw table.error(row, "column person: person index " + person[r]
                        + IndexBase.beyondRows(person[r] - origin + 1L, "persons", n, origin));
            }
            if (item[r] - origin >= n) {
                throw table.error(row, "column item: item index " + item[r]
                        + IndexBase.beyondRows(item[r] - origin + 1L, "items", n, origin));
            }
            persons = Math.max(persons, person[r] - origin + 1);
            items = Math.max(items, item[r] - origin + 1);
        }
        // Each pair once: remember where each pair was seen, so a duplicate names both lines.
        Map<Long, Integer> seenOnLine = new HashMap<>(2 * n);
        for (int r = 0; r < n; r++) {
            CsvTable.Row row = table.rows.get(r + 1);
            long key = (long) (person[r] - origin) * items + (item[r] - origin);
            Integer earlier = seenOnLine.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw table.error(row, "person " + person[r] + ", item " + item[r] + " given twice (also on line "
                        + earlier + ")");
            }
        }
        long cells = (long) persons * items;
        if (cells != n) {
            // Fewer distinct pairs than persons x items: the first missing pair in row-major order
            // is found within n + 1 steps, however large the grid.
            for (long k = 0; k < cells; k++) {
                if (!seenOnLine.containsKey(k)) {
                    throw table.error(0, "no response for person " + (k / items + origin) + ", item "
                            + (k % items + origin) + " (a long-format file needs every person x item pair once; "
                            + persons + " persons x " + items + " items, " + n + " rows)");
                }
            }
        }
        byte[] responses = new byte[n];
        for (int r = 0; r < n; r++) {
            responses[(person[r] - origin) * items + (item[r] - origin)] = y[r];
        }
        return new IrtData(persons, items, responses, table.file);
    }
}
