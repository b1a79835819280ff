package dev.meads.models.data;

import dev.meads.models.radon.RadonData;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Loads radon measurements from a CSV file with a header. Required columns, in any order
 * (names case-insensitive): {@code county} or {@code county_idx}, {@code floor} or
 * {@code floor_measure}, and {@code log_radon}. An optional {@code county_name} column names
 * the counties (each county must carry one name throughout); other columns are ignored.
 *
 * <p>County indices are 0- or 1-based ({@link IndexBase}; with {@link IndexBase#AUTO} the file
 * is 0-based exactly when its smallest county index is 0). The number of counties is the
 * largest index (plus one if 0-based); a county without observations keeps an empty name. More
 * than {@value #MAX_SPARSE_COUNTIES} counties, and more than the file has rows, is refused: each
 * county is a parameter, and an index far beyond the data (a typo, another column) would
 * otherwise make millions of them.
 * Floor and log radon may be any finite numbers.
 *
 * <p>Blank lines are skipped; whitespace around cells is ignored. Any problem (missing or
 * unreadable file, empty file, missing column, ragged row, non-numeric or non-finite cell,
 * county index out of range or implausibly large, conflicting county names) raises
 * one {@link DataFileException} naming file and line.
 */
public final class RadonCsvLoader {
    /**
     * Counties without rows are allowed (a subset of a state's data keeps its county codes), so
     * the largest index is bounded only by this, or by the rows when there are more: an index far
     * beyond it (a typo, another column) would make that many parameters.
     */
    static final int MAX_SPARSE_COUNTIES = 100_000;

    private RadonCsvLoader() {
    }

    /** Loads {@code path} with {@link IndexBase#AUTO}. */
    public static RadonData load(Path path) {
        return load(path, IndexBase.AUTO);
    }

    /** Loads {@code path} with the given county index base. */
    public static RadonData load(Path path, IndexBase base) {
        return parse(CsvTable.read(path), base);
    }

    /** Loads from a stream (closed afterwards), named {@code name} in messages and in {@link RadonData#source()}. */
    public static RadonData load(InputStream in, String name, IndexBase base) {
        return parse(CsvTable.read(in, name), base);
    }

    static RadonData parse(CsvTable table, IndexBase base) {
        CsvTable.Row header = table.rows.getFirst();
        int[] col = table.columns(header, new String[]{"county", "county_idx"}, new String[]{"floor", "floor_measure"},
                new String[]{"log_radon"}, new String[]{"county_name"});
        String[] required = {"county (or county_idx)", "floor (or floor_measure)", "log_radon"};
        for (int k = 0; k < required.length; k++) {
            if (col[k] < 0) {
                throw table.error(header, "no column " + required[k] + " in the header");
            }
        }
        String countyColumn = "column " + header.cells()[col[0]];
        String floorColumn = "column " + header.cells()[col[1]];
        String radonColumn = "column " + header.cells()[col[2]];
        int nameCol = col[3];
        int n = table.rows.size() - 1;
        if (n == 0) {
            throw table.error(header, "no data rows after the header");
        }
        int width = header.cells().length;
        int[] county = new int[n];
        double[] floor = new double[n];
        double[] logRadon = new double[n];
        int minIndex = Integer.MAX_VALUE;
        for (int r = 0; r < n; r++) {
            CsvTable.Row row = table.rows.get(r + 1);
            table.requireWidth(row, width, "in the header");
            county[r] = table.integer(row, col[0], countyColumn);
            floor[r] = table.number(row, col[1], floorColumn);
            logRadon[r] = table.number(row, col[2], radonColumn);
            if (county[r] < 0) {
                throw table.error(row, countyColumn + ": county index " + county[r] + " is negative");
            }
            if (nameCol >= 0 && row.cells()[nameCol].isEmpty()) {
                throw table.error(row, "column county_name: empty cell");
            }
            minIndex = Math.min(minIndex, county[r]);
        }
        int origin = base.resolve(minIndex);
        int counties = 0;
        for (int r = 0; r < n; r++) {
            if (county[r] < origin) {
                throw table.error(table.rows.get(r + 1), countyColumn + ": county index " + county[r] + " is below "
                        + origin + " (indices are " + origin + "-based)");
            }
            if (county[r] - origin >= Math.max(n, MAX_SPARSE_COUNTIES)) {
                throw table.error(table.rows.get(r + 1), countyColumn + ": county index " + county[r]
                        + " would make " + (county[r] - origin + 1L) + " counties from " + n + " data rows; counties"
                        + " without rows are allowed, but not more than " + MAX_SPARSE_COUNTIES + " counties in all"
                        + " unless the file has as many rows (a typo, or another column?)");
            }
            county[r] -= origin;
            counties = Math.max(counties, county[r] + 1);
        }
        String[] names = null;
        if (nameCol >= 0) {
            names = new String[counties];
            int[] namedOnLine = new int[counties];
            for (int r = 0; r < n; r++) {
                CsvTable.Row row = table.rows.get(r + 1);
                String name = row.cells()[nameCol];
                int c = county[r];
                if (names[c] == null) {
                    names[c] = name;
                    namedOnLine[c] = row.line();
                } else if (!names[c].equals(name)) {
                    throw table.error(row, "county " + (c + origin) + " is named '" + name + "' here but '" + names[c]
                            + "' on line " + namedOnLine[c]);
                }
            }
            for (int c = 0; c < counties; c++) {
                if (names[c] == null) {
                    names[c] = "";
                }
            }
        }
        return new RadonData(counties, county, floor, logRadon, names, table.file);
    }
}
