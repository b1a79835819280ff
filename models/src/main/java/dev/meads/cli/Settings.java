package dev.meads.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The values of a run's settings and where each came from (a profile line or {@code --set}),
 * so that an error can point at its source. Typed getters validate and explain.
 */
public final class Settings {
    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    private final Map<Setting, String> origins = new EnumMap<>(Setting.class);
    /** Keys whose value came from a profile built into the program, not from the user. */
    private final Set<Setting> builtIn = EnumSet.noneOf(Setting.class);
    /** Keys given on the command line, with the option that gave each: one key, one value. */
    private final Map<Setting, String> given = new EnumMap<>(Setting.class);
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SettingsException("cannot read profile " + Main.ioMessage(null, e));
        }
        String fileName = file.getFileName().toString();
        Settings s = parse(lines(bytes, fileName), fileName);
        s.name = fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - 11) : fileName;
        return s;
    }

    /**
     * The lines of a profile's bytes, which must be UTF-8 (ASCII is): an editor's Latin-1 or
     * UTF-16 file is named with the line and byte where it stops being UTF-8, rather than read
     * as something else. Line ends as {@link Files#readAllLines}: \n, \r\n or \r.
     */
    static List<String> lines(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new SettingsException(String.format(Locale.ROOT, "%s:%d: byte %d of the line (0x%02X) is not "
                    + "UTF-8 text; save the profile as UTF-8", source, line, at - lineStart + 1, bytes[at] & 0xFF));
        }
        out.flip();
        List<String> lines = new ArrayList<>(List.of(out.toString().split("\\r\\n|\\r|\\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast(); // the last line's end
        }
        return lines;
    }

    /** Parses profile lines; {@code source} names them in messages. */
    public static Settings parse(List<String> lines, String source) {
        Settings s = new Settings();
        Map<Setting, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // byte-order mark that some editors write
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = source + ":" + (i + 1);
            if (eq <= 0) {
                throw new SettingsException(where + ": expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            Setting setting = known(key, where);
            Integer earlier = lineOf.putIfAbsent(setting, i + 1);
            if (earlier != null) {
                // last-wins would hide which of the two the user meant
                throw new SettingsException(where + ": " + setting.key() + " is set twice (also on line " + earlier
                        + "); keep one");
            }
            s.put(setting, line.substring(eq + 1).strip(), where);
        }
        return s;
    }

    /** Marks every value so far as coming from a profile built into the program. */
    Settings markBuiltIn() {
        builtIn.addAll(values.keySet());
        return this;
    }

    /**
     * Treats the built-in profile's values as defaults: the user did not name the profile
     * (sample, or meads without a command), so messages must not point at its lines.
     */
    Settings asDefaults() {
        origins.keySet().removeAll(builtIn);
        return this;
    }

    /** Whether the user chose this key's value: in a profile file of theirs or an option, not a built-in profile. */
    boolean userSet(Setting s) {
        return values.containsKey(s) && !builtIn.contains(s);
    }

    /** Back to the key's default, as if never set. */
    void reset(Setting s) {
        values.remove(s);
        origins.remove(s);
        builtIn.remove(s);
    }

    /** Sets a key from {@code key=value} text given on the command line. */
    public void setAssignment(String assignment, String where) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new SettingsException(where + ": expected key=value, got '" + assignment + "'");
        }
        set(known(assignment.substring(0, eq).strip(), where), assignment.substring(eq + 1).strip(), where);
    }

    /**
     * Sets {@code key} to {@code value} from the command line ({@code where}); unknown keys are an
     * error naming the nearest known key.
     */
    public void set(String key, String value, String where) {
        set(known(key, where), value, where);
    }

    /**
     * Sets a key from a command-line option. It overrides a profile's value, but a key given
     * twice on the command line is an error, as a repeated option is.
     */
    public void set(Setting s, String value, String where) {
        String earlier = given.putIfAbsent(s, where);
        if (earlier != null) {
            throw new SettingsException(where + ": " + s.key() + " is already given by " + earlier + "; give it once");
        }
        put(s, value, where);
    }

    private void put(Setting s, String value, String where) {
        values.put(s, value);
        origins.put(s, where);
        builtIn.remove(s);
    }

    private static Setting known(String key, String where) {
        Setting s = Setting.of(key);
        if (s == null) {
            throw new SettingsException(where + ": unknown key '" + key + "' (did you mean '" + Setting.nearest(key)
                    + "'? ./meads keys lists them all)");
        }
        return s;
    }

    public boolean isSet(Setting s) {
        return values.containsKey(s);
    }

    /** The raw value, or the default. */
    public String raw(Setting s) {
        return values.getOrDefault(s, s.defaultValue());
    }

    private SettingsException bad(Setting s, String why) {
        String where = origins.get(s);
        if (where == null) { // a default the user never wrote: no file line to point at
            String v = raw(s);
            return new SettingsException(s.key() + " = " + (v.isEmpty() || !v.strip().equals(v) ? "'" + v + "'" : v)
                    + " (the default): " + why);
        }
        return new SettingsException(where + ": " + s.key() + " = '" + raw(s) + "': " + why);
    }

    /**
     * A key and its value as the user gave them, for a message about another key: {@code --folds 3}
     * for an option of its own, else {@code meads.folds = 3}.
     */
    String reference(Setting s) {
        String where = origins.get(s);
        if (where != null && where.startsWith("--") && !where.contains(" ")) {
            return where + " " + raw(s);
        }
        return s.key() + " = " + raw(s);
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
