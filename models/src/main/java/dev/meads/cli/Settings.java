package dev.meads.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of a run's settings and where each came from (a profile line or {@code --set}),
 * so that an error can point at its source. Typed getters validate and explain.
 */
public final class Settings {
    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    private final Map<Setting, String> origins = new EnumMap<>(Setting.class);
    private String name = "run";

    /** A profile's name (file name without extension), used for the default output folder. */
    public String name() {
        return name;
    }

    public Settings name(String n) {
        this.name = n;
        return this;
    }

    /** Reads a profile: {@code key = value} lines, {@code #} comments, blank lines. */
    public static Settings load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException("cannot read profile " + file + ": " + e.getMessage());
        }
        String fileName = file.getFileName().toString();
        Settings s = parse(lines, fileName);
        s.name = fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - 11) : fileName;
        return s;
    }

    /** Parses profile lines; {@code source} names them in messages. */
    public static Settings parse(List<String> lines, String source) {
        Settings s = new Settings();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = source + ":" + (i + 1);
            if (eq <= 0) {
                throw new SettingsException(where + ": expected 'key = value', got '" + line + "'");
            }
            s.set(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), where);
        }
        return s;
    }

    /** Sets a key from {@code key=value} text given on the command line. */
    public void setAssignment(String assignment, String where) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new SettingsException(where + ": expected key=value, got '" + assignment + "'");
        }
        set(assignment.substring(0, eq).strip(), assignment.substring(eq + 1).strip(), where);
    }

    /** Sets {@code key} to {@code value}; unknown keys are an error naming the nearest known key. */
    public void set(String key, String value, String where) {
        Setting s = Setting.of(key);
        if (s == null) {
            throw new SettingsException(where + ": unknown key '" + key + "' (did you mean '" + Setting.nearest(key)
                    + "'? ./meads keys lists them all)");
        }
        values.put(s, value);
        origins.put(s, where);
    }

    /** Sets a key from a command-line option. */
    public void set(Setting s, String value, String where) {
        values.put(s, value);
        origins.put(s, where);
    }

    public boolean isSet(Setting s) {
        return values.containsKey(s);
    }

    /** The raw value, or the default. */
    public String raw(Setting s) {
        return values.getOrDefault(s, s.defaultValue());
    }

    private String where(Setting s) {
        return origins.getOrDefault(s, "default");
    }

    private SettingsException bad(Setting s, String why) {
        return new SettingsException(where(s) + ": " + s.key() + " = '" + raw(s) + "': " + why);
    }

    public String string(Setting s) {
        return raw(s);
    }

    /** An integer at least {@code min}. */
    public int integer(Setting s, int min) {
        String v = raw(s);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(s, "not a whole number");
        }
        if (n < min) {
            throw bad(s, "must be at least " + min);
        }
        return n;
    }

    /** A finite number in {@code [min, max]}. */
    public double number(Setting s, double min, double max) {
        String v = raw(s);
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(s, "not a number");
        }
        if (!Double.isFinite(x) || x < min || x > max) {
            throw bad(s, "must be a number in [" + min + ", " + max + "]");
        }
        return x;
    }

    public long longValue(Setting s) {
        try {
            return Long.parseLong(raw(s));
        } catch (NumberFormatException e) {
            throw bad(s, "not a whole number");
        }
    }

    public boolean bool(Setting s) {
        String v = raw(s).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(s, "expected true or false");
        };
    }

    /** One of {@code choices} (case-insensitive), returned in lower case. */
    public String choice(Setting s, String... choices) {
        String v = raw(s).toLowerCase(Locale.ROOT);
        for (String c : choices) {
            if (c.equals(v)) {
                return c;
            }
        }
        throw bad(s, "expected one of " + String.join(", ", choices));
    }

    /** Throws the error for a value judged bad elsewhere. */
    public SettingsException invalid(Setting s, String why) {
        return bad(s, why);
    }
}
