package dev.meads.engine.io;

/**
 * Conversion between our bracket names ({@code theta[1]}, {@code y[1,2]}) and the dotted
 * column names CmdStan writes ({@code theta.1}, {@code y.1.2}); rstan's reader accepts only
 * the dotted form.
 */
public final class StanNames {
    private StanNames() {
    }

    /**
     * The CmdStan column name of a bracket name: {@code theta[1]} becomes {@code theta.1},
     * {@code y[1, 2]} becomes {@code y.1.2}; a name without brackets is returned unchanged.
     *
     * @throws IllegalArgumentException if the name is empty, has unbalanced brackets, an
     *                                  empty index, or a character that would break a CSV header
     */
    public static String toDotted(String name) {
        checkCsvSafe(name);
        int open = name.indexOf('[');
        if (open < 0) {
            if (name.indexOf(']') >= 0 || name.indexOf(',') >= 0) {
                throw new IllegalArgumentException("parameter name '" + name
                        + "' has ']' or ',' outside an index");
            }
            return name;
        }
        if (open == 0 || !name.endsWith("]") || name.indexOf('[', open + 1) >= 0
                || name.indexOf(']') != name.length() - 1) {
            throw new IllegalArgumentException("parameter name '" + name
                    + "' is not of the form base[i] or base[i,j,...]");
        }
        StringBuilder out = new StringBuilder(name.length()).append(name, 0, open);
        String inside = name.substring(open + 1, name.length() - 1);
        for (String index : inside.split(",", -1)) {
            String t = index.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("empty index in parameter name '" + name + "'");
            }
            if (t.indexOf('.') >= 0) {
                throw new IllegalArgumentException("index '" + t + "' in parameter name '" + name
                        + "' would not survive the dotted form");
            }
            out.append('.').append(t);
        }
        return out.toString();
    }

    /**
     * The bracket name of a CmdStan column name: {@code theta.1} becomes {@code theta[1]},
     * {@code y.1.2} becomes {@code y[1,2]}. Only a trailing run of all-digit dotted parts is
     * converted (as CmdStan writes container indices); any other name, including one that
     * already has brackets, is returned unchanged.
     */
    public static String toBracket(String column) {
        int end = column.length();
        int firstIndexDot = -1;
        // Walk back over ".digits" groups.
        int pos = end;
        while (true) {
            int dot = column.lastIndexOf('.', pos - 1);
            if (dot <= 0 || dot == pos - 1 || !allDigits(column, dot + 1, pos)) {
                break;
            }
            firstIndexDot = dot;
            pos = dot;
        }
        if (firstIndexDot < 0 || !validIdentifier(column, firstIndexDot)) {
            return column;
        }
        StringBuilder out = new StringBuilder(column.length() + 1).append(column, 0, firstIndexDot).append('[');
        out.append(column.substring(firstIndexDot + 1).replace('.', ','));
        return out.append(']').toString();
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }

    /** Stan identifiers: a letter, then letters, digits or underscores. */
    private static boolean validIdentifier(String s, int to) {
        if (to == 0 || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static void checkCsvSafe(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty parameter name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || c == '#') {
                throw new IllegalArgumentException("parameter name '" + name.strip()
                        + "' contains a character not allowed in a Stan CSV header");
            }
        }
    }
}
