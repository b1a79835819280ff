package dev.meads.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line parsed against its {@link CommandSpec}: the values of its options, by the name
 * each option is known by (its long name), and its positional arguments.
 *
 * <p>Options come as {@code --name value} or {@code --name=value}; flags as {@code --name}, and
 * short ones, one letter each, may be grouped ({@code -qV}). {@code --} ends the options.
 */
final class ParsedArgs {
    private final CommandSpec spec;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();

    private ParsedArgs(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * Parses {@code args[from ..]}. With {@code --help} or {@code --version} anywhere, other
     * problems are not reported (the user asked for help).
     *
     * @throws UsageException for an unknown option, a missing or extra value, a missing required
     *                        option, or too few or too many positional arguments
     */
    static ParsedArgs parse(CommandSpec spec, String[] args, int from) {
        ParsedArgs p = new ParsedArgs(spec);
        String problem = null;
        boolean optionsEnded = false;
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            String issue;
            if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
                p.arguments.add(a);
                issue = null;
            } else if (a.equals("--")) {
                optionsEnded = true;
                issue = null;
            } else if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                CommandSpec.Option o = spec.find(name);
                if (o == null) {
                    issue = unknown(spec, name);
                } else if (o.flag()) {
                    issue = eq < 0 ? p.add(o, "true") : "option " + name + " takes no value";
                } else if (eq >= 0) {
                    issue = p.add(o, a.substring(eq + 1));
                } else if (i + 1 < args.length && !looksLikeOption(spec, args[i + 1])) {
                    issue = p.add(o, args[++i]);
                } else {
                    // the next word is another option (--out --quiet): not a value, or a folder
                    // named --quiet would be made
                    issue = "option " + name + " needs a value (" + o.label() + ")";
                }
            } else {
                issue = null;
                for (int c = 1; c < a.length() && issue == null; c++) {
                    String name = "-" + a.charAt(c);
                    CommandSpec.Option o = spec.find(name);
                    issue = o == null ? unknown(spec, name) : p.add(o, "true");
                }
            }
            if (problem == null) {
                problem = issue;
            }
        }
        if (p.has("--help") || p.has("--version")) {
            return p;
        }
        if (problem == null) {
            problem = p.missing();
        }
        if (problem != null) {
            throw new UsageException(spec, problem);
        }
        return p;
    }

    /**
     * Whether {@code word}, met where a value was expected, is rather an option: {@code --x},
     * or a group of this command's one-letter flags such as {@code -q}. A negative number
     * ({@code --seed -5}) or a lone dash is a value.
     */
    private static boolean looksLikeOption(CommandSpec spec, String word) {
        if (word.startsWith("--")) {
            return true;
        }
        if (word.length() < 2 || word.charAt(0) != '-') {
            return false;
        }
        for (int c = 1; c < word.length(); c++) {
            if (spec.find("-" + word.charAt(c)) == null) {
                return false;
            }
        }
        return true;
    }

    private String add(CommandSpec.Option o, String value) {
        if (!o.flag() && value.isBlank()) {
            // e.g. --data "" would otherwise fall back to the built-in dataset without a word
            return "option " + o.key() + " needs a value (" + o.label() + "), got an empty one";
        }
        List<String> list = values.computeIfAbsent(o.key(), k -> new ArrayList<>());
        if (!list.isEmpty() && !o.repeatable()) {
            return "option " + o.key() + " given more than once";
        }
        list.add(value);
        return null;
    }

    private String missing() {
        for (CommandSpec.Option o : spec.options()) {
            if (o.required() && !has(o.key())) {
                return "missing required option " + o.key() + "=" + o.label();
            }
        }
        int n = arguments.size();
        if (spec.argumentLabel() == null && n > 0) {
            return "unexpected argument '" + arguments.get(0) + "'";
        }
        if (n < spec.minArguments()) {
            return "missing " + spec.argumentLabel();
        }
        if (spec.maxArguments() >= 0 && n > spec.maxArguments()) {
            return "unexpected argument '" + arguments.get(spec.maxArguments()) + "' (takes one " + spec.argumentLabel()
                    + ")";
        }
        return null;
    }

    private static String unknown(CommandSpec spec, String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CommandSpec.Option o : spec.options()) {
            for (String n : o.names()) {
                int d = Setting.editDistance(name, n);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = n;
                }
            }
        }
        // a one-letter option is one edit from every other: no suggestion there
        boolean close = best != null && bestDistance <= 2 && name.length() > 3;
        return "unknown option " + name + (close ? " (did you mean " + best + "?)" : "");
    }

    /** Whether option {@code key} (its long name) was given. */
    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of option {@code key}, or null when it was not given. */
    String value(String key) {
        List<String> v = values.get(key);
        return v == null ? null : v.get(v.size() - 1);
    }

    /** Every value of a repeatable option, in order; empty when not given. */
    List<String> values(String key) {
        return List.copyOf(values.getOrDefault(key, List.of()));
    }

    /** The value of option {@code key} as a whole number, or null when it was not given. */
    Integer integer(String key) {
        Long v = longValue(key);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new UsageException(spec, "option " + key + ": '" + value(key) + "' is too large");
        }
        return v == null ? null : v.intValue();
    }

    /** As {@link #integer}, for 64-bit values. */
    Long longValue(String key) {
        String v = value(key);
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(spec, "option " + key + ": '" + v + "' is not a whole number");
        }
    }

    /**
     * {@code --threads}: null for all cores (not given, or 0 as for {@code run}); a negative
     * count is an error rather than quietly one thread.
     */
    Integer threads() {
        Integer t = integer("--threads");
        if (t != null && t < 0) {
            throw new UsageException(spec, "option --threads: '" + value("--threads") + "' must be at least 1 (or 0 "
                    + "for all cores)");
        }
        return t == null || t == 0 ? null : t;
    }

    /** The positional arguments, in order. */
    List<String> arguments() {
        return List.copyOf(arguments);
    }
}
