package dev.meads.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What one command of the command line accepts (options, positional arguments) and its help
 * text. Parsing gives {@link ParsedArgs}. Every command takes {@code -h/--help} and
 * {@code -V/--version}.
 *
 * <p>Hand-written rather than a command-line library: the one we used built its model of the
 * commands by reflection, 0.12-0.15 s of every fresh JVM, a tenth of a radon run.
 */
final class CommandSpec {
    /** Width of the help text. */
    static final int WIDTH = 80;

    /**
     * One option. Short names are single letters after one dash and take no value.
     *
     * @param names       its names, e.g. {@code -q}, {@code --quiet}; the last is the one it is known by
     * @param label       placeholder of its value, e.g. {@code N}; null for a flag
     * @param repeatable  whether it may be given more than once (each value is kept)
     * @param required    whether it must be given
     */
    record Option(List<String> names, String label, String description, boolean repeatable, boolean required) {
        String key() {
            return names.get(names.size() - 1);
        }

        boolean flag() {
            return label == null;
        }

        /** {@code -q, --quiet} or {@code     --seed=SEED}: names as the help shows them. */
        String synopsis() {
            String shortName = names.size() > 1 && !names.get(0).startsWith("--") ? names.get(0) + ", " : "    ";
            return shortName + key() + (flag() ? "" : "=" + label);
        }
    }

    private final String name;
    private final List<String> description;
    private final List<Option> options = new ArrayList<>();
    private final List<String[]> commands = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();
    private String argumentLabel;
    private String argumentDescription;
    private int minArguments;
    private int maxArguments;

    /**
     * @param name        as the user types it, e.g. {@code meads run}
     * @param description paragraphs under the usage line
     */
    CommandSpec(String name, String... description) {
        this.name = name;
        this.description = List.of(description);
        flag(List.of("-h", "--help"), "show this help and exit");
        flag(List.of("-V", "--version"), "show the version and exit");
    }

    String name() {
        return name;
    }

    /** The first paragraph of the description, for a list of commands. */
    String summary() {
        return description.isEmpty() ? "" : description.get(0);
    }

    CommandSpec flag(List<String> names, String description) {
        return add(new Option(List.copyOf(names), null, description, false, false));
    }

    CommandSpec flag(String name, String description) {
        return flag(List.of(name), description);
    }

    CommandSpec option(String name, String label, String description) {
        return add(new Option(List.of(name), label, description, false, false));
    }

    CommandSpec required(String name, String label, String description) {
        return add(new Option(List.of(name), label, description, false, true));
    }

    CommandSpec repeatable(String name, String label, String description) {
        return add(new Option(List.of(name), label, description, true, false));
    }

    /** Positional arguments: between {@code min} and {@code max} of them ({@code max} −1: no limit). */
    CommandSpec arguments(String label, String description, int min, int max) {
        this.argumentLabel = label;
        this.argumentDescription = description;
        this.minArguments = min;
        this.maxArguments = max;
        return this;
    }

    /** A subcommand, for the help text. */
    CommandSpec command(String commandName, String summary) {
        commands.add(new String[] {commandName, summary});
        return this;
    }

    CommandSpec footer(String... lines) {
        footer.addAll(List.of(lines));
        return this;
    }

    private CommandSpec add(Option o) {
        for (String n : o.names()) {
            if (find(n) != null) {
                throw new IllegalArgumentException(name + ": option " + n + " declared twice");
            }
        }
        options.add(o);
        return this;
    }

    Option find(String optionName) {
        for (Option o : options) {
            if (o.names().contains(optionName)) {
                return o;
            }
        }
        return null;
    }

    List<Option> options() {
        return options;
    }

    String argumentLabel() {
        return argumentLabel;
    }

    int minArguments() {
        return minArguments;
    }

    int maxArguments() {
        return maxArguments;
    }

    /** Parses {@code args[from ..]} (see {@link ParsedArgs#parse}). */
    ParsedArgs parse(String[] args, int from) {
        return ParsedArgs.parse(this, args, from);
    }

    /** The one-line synopsis: {@code Usage: meads run [OPTIONS] PROFILE}. */
    String usage() {
        StringBuilder s = new StringBuilder("Usage: ").append(name).append(" [OPTIONS]");
        for (Option o : options) {
            if (o.required()) {
                s.append(' ').append(o.key()).append('=').append(o.label());
            }
        }
        if (!commands.isEmpty()) {
            s.append(" [COMMAND]");
        }
        if (argumentLabel != null) {
            String one = argumentLabel + (maxArguments < 0 || maxArguments > 1 ? "..." : "");
            s.append(' ').append(minArguments == 0 ? "[" + one + "]" : one);
        }
        return s.toString();
    }

    /** The whole help text. */
    String help() {
        StringBuilder s = new StringBuilder(usage()).append('\n');
        for (String paragraph : description) {
            wrap(s, paragraph, 0, 0);
        }
        int column = 4;
        for (Option o : options) {
            column = Math.max(column, o.synopsis().length() + 4);
        }
        if (argumentLabel != null) {
            column = Math.max(column, argumentLabel.length() + 4);
        }
        column = Math.min(column, 30);
        if (argumentLabel != null) {
            s.append("\nArguments:\n");
            entry(s, argumentLabel, argumentDescription, column);
        }
        s.append("\nOptions:\n");
        for (Option o : options) {
            String text = o.description() + (o.required() ? " (required)" : "")
                    + (o.repeatable() ? " (repeatable)" : "");
            entry(s, o.synopsis(), text, column);
        }
        if (!commands.isEmpty()) {
            s.append("\nCommands:\n");
            int width = 4;
            for (String[] c : commands) {
                width = Math.max(width, c[0].length() + 4);
            }
            for (String[] c : commands) {
                entry(s, c[0], c[1], width);
            }
        }
        if (!footer.isEmpty()) {
            s.append('\n');
            for (String line : footer) {
                s.append(line).append('\n');
            }
        }
        return s.toString();
    }

    /** {@code "  left"} padded to {@code column}, then {@code text} wrapped and indented to it. */
    private static void entry(StringBuilder s, String left, String text, int column) {
        s.append("  ").append(left);
        int used = 2 + left.length();
        if (used + 2 > column) {
            s.append('\n');
            used = 0;
        }
        s.append(" ".repeat(column - used));
        wrap(s, text, column, column);
    }

    /**
     * Appends {@code text} wrapped at {@link #WIDTH}: the first line continues from
     * {@code firstIndent} (already written), the others start with {@code indent} spaces.
     */
    static void wrap(StringBuilder s, String text, int firstIndent, int indent) {
        int used = firstIndent;
        boolean lineStart = true;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!lineStart && used + 1 + word.length() > WIDTH) {
                s.append('\n').append(" ".repeat(indent));
                used = indent;
                lineStart = true;
            }
            if (!lineStart) {
                s.append(' ');
                used++;
            }
            s.append(word);
            used += word.length();
            lineStart = false;
        }
        s.append('\n');
    }
}
