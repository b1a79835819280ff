package dev.meads.models.data;

/**
 * Whether integer indices in a data file (persons, items, counties) count from 0 or from 1.
 */
public enum IndexBase {
    /**
     * Decided by the file: if the smallest index in the index columns is 0 the file is
     * 0-based, otherwise 1-based. One rule for all index columns of a file together.
     */
    AUTO,
    /** Indices start at 0. */
    ZERO,
    /** Indices start at 1 (as in Stan and R). */
    ONE;

    /**
     * The end of the message for an index that would make {@code count} of {@code what} from
     * {@code rows} data rows (more than there are rows), with the rule.
     */
    static String beyondRows(long count, String what, int rows, int origin) {
        return " would make " + count + " " + what + " from " + rows + " data row" + (rows == 1 ? "" : "s")
                + "; number the " + what + " from " + origin + " to at most " + (rows - 1 + origin)
                + " (there cannot be more " + what + " than rows)";
    }

    /** The base ({@code 0} or {@code 1}) for a file whose smallest index is {@code minIndex}. */
    int resolve(long minIndex) {
        return switch (this) {
            case ZERO -> 0;
            case ONE -> 1;
            case AUTO -> minIndex == 0 ? 0 : 1;
        };
    }
}
