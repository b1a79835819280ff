package dev.meads.engine.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks quantities by name from a list such as {@code alpha[1], alpha[2], sigma_y, Omega[1,2]}.
 * A selection is a comma-separated list (commas inside brackets belong to the item) of:
 * <ul>
 *   <li>an exact name: {@code sigma_y}, {@code theta[3]}, {@code Omega[1,2]};</li>
 *   <li>a bare base name: {@code theta} = every element {@code theta[...]}, in the list's order;</li>
 *   <li>a slice with 1-based inclusive ranges per index: {@code theta[1:5]}, {@code Omega[1:2,3]}
 *       (every element of the slice must exist).</li>
 * </ul>
 * The result keeps the selection's order and drops repeats. An unknown name is an
 * {@link IllegalArgumentException} that names the nearest known name.
 */
public final class ParameterSelection {
    private ParameterSelection() {
    }

    /** Indices into {@code names} of the quantities selected by {@code selection}. */
    public static int[] select(String selection, String[] names) {
        if (selection == null || selection.isBlank()) {
            throw new IllegalArgumentException("empty parameter selection");
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String item : splitTopLevel(selection)) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("empty item in parameter selection '" + selection + "'");
            }
            for (int index : selectItem(trimmed, names, selection)) {
                chosen.add(index);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Splits on commas that are not inside brackets. */
    private static List<String> splitTopLevel(String selection) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selection.length(); i++) {
            char ch = selection.charAt(i);
            if (ch == '[') {
                depth++;
            } else if (ch == ']') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("unbalanced ']' at position " + (i + 1) + " of parameter selection '"
                            + selection + "'");
                }
            } else if (ch == ',' && depth == 0) {
                items.add(selection.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '[' in parameter selection '" + selection + "'");
        }
        items.add(selection.substring(start));
        return items;
    }

    private static List<Integer> selectItem(String item, String[] names, String selection) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < names.length; p++) {
            if (names[p].equals(item)) {
                out.add(p);
                return out;
            }
        }
        int open = item.indexOf('[');
        if (open < 0) {
            // Bare base name: every element.
            for (int p = 0; p < names.length; p++) {
                if (baseName(names[p]).equals(item) && names[p].length() > item.length()) {
                    out.add(p);
                }
            }
            if (out.isEmpty()) {
                throw unknown(item, item, names, selection);
            }
            return out;
        }
        if (!item.endsWith("]") || open == 0) {
            throw new IllegalArgumentException("cannot read '" + item + "' in parameter selection '" + selection
                    + "': expected name, name[i], name[a:b] or name[a:b,c]");
        }
        String base = item.substring(0, open).strip();
        String[] parts = item.substring(open + 1, item.length() - 1).split(",", -1);
        int[] lo = new int[parts.length];
        int[] hi = new int[parts.length];
        for (int d = 0; d < parts.length; d++) {
            parseRange(parts[d].strip(), item, selection, lo, hi, d);
        }
        boolean baseKnown = false;
        int expected = 1;
        for (int d = 0; d < parts.length; d++) {
            expected *= hi[d] - lo[d] + 1;
        }
        for (int p = 0; p < names.length; p++) {
            if (!baseName(names[p]).equals(base)) {
                continue;
            }
            baseKnown = true;
            int[] idx = indices(names[p]);
            if (idx != null && idx.length == parts.length && inside(idx, lo, hi)) {
                out.add(p);
            }
        }
        if (!baseKnown) {
            throw unknown(base, item, names, selection);
        }
        if (out.size() != expected) {
            throw new IllegalArgumentException("'" + item + "' selects elements that do not exist: " + base
                    + " has " + describeElements(base, names) + " (indices are 1-based)");
        }
        return out;
    }

    private static void parseRange(String part, String item, String selection, int[] lo, int[] hi, int d) {
        try {
            int colon = part.indexOf(':');
            if (colon < 0) {
                lo[d] = Integer.parseInt(part);
                hi[d] = lo[d];
            } else {
                lo[d] = Integer.parseInt(part.substring(0, colon).strip());
                hi[d] = Integer.parseInt(part.substring(colon + 1).strip());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read index '" + part + "' of '" + item
                    + "' in parameter selection '" + selection + "': expected i or a:b with 1-based integers", e);
        }
        if (lo[d] < 1) {
            throw new IllegalArgumentException("index " + lo[d] + " in '" + item + "': indices are 1-based");
        }
        if (hi[d] < lo[d]) {
            throw new IllegalArgumentException("range " + lo[d] + ":" + hi[d] + " in '" + item
                    + "' ends before it starts");
        }
    }

    private static boolean inside(int[] idx, int[] lo, int[] hi) {
        for (int d = 0; d < idx.length; d++) {
            if (idx[d] < lo[d] || idx[d] > hi[d]) {
                return false;
            }
        }
        return true;
    }

    /** The part of a name before '[' (the whole name if none). */
    static String baseName(String name) {
        int open = name.indexOf('[');
        return open < 0 ? name : name.substring(0, open);
    }

    /** The integer indices of {@code base[i,j,...]}, or null if the name has none or they are not integers. */
    private static int[] indices(String name) {
        int open = name.indexOf('[');
        if (open < 0 || !name.endsWith("]")) {
            return null;
        }
        String[] parts = name.substring(open + 1, name.length() - 1).split(",", -1);
        int[] out = new int[parts.length];
        try {
            for (int d = 0; d < parts.length; d++) {
                out[d] = Integer.parseInt(parts[d].strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    /** "elements [1] .. [8]" style description of what exists for a base name. */
    private static String describeElements(String base, String[] names) {
        List<String> elements = new ArrayList<>();
        for (String n : names) {
            if (baseName(n).equals(base) && n.length() > base.length()) {
                elements.add(n.substring(base.length()));
            }
        }
        if (elements.isEmpty()) {
            return "no elements (it is a scalar)";
        }
        if (elements.size() == 1) {
            return "one element " + base + elements.get(0);
        }
        return elements.size() + " elements " + base + elements.get(0) + " .. " + base + elements.get(elements.size() - 1);
    }

    private static IllegalArgumentException unknown(String name, String item, String[] names, String selection) {
        String nearest = nearest(name, names);
        String hint = nearest == null ? "" : "; did you mean '" + nearest + "'?";
        String where = item.equals(selection) ? "" : " (in '" + selection + "')";
        return new IllegalArgumentException("unknown parameter '" + name + "'" + where + hint);
    }

    /** The known full name (e.g. {@code x[2]}, never a base name) nearest to {@code name} (first on ties), or null. */
    public static String nearestName(String name, String[] names) {
        return closest(name, java.util.Arrays.asList(names));
    }

    /** The known full or base name at the smallest edit distance from {@code name} (first on ties), or null. */
    static String nearest(String name, String[] names) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String n : names) {
            candidates.add(baseName(n));
            candidates.add(n);
        }
        return closest(name, candidates);
    }

    private static String closest(String name, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** Levenshtein distance (insertions, deletions, substitutions, each cost 1). */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
