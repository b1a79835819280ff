package dev.meads.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;

/**
 * A small pretty-printing JSON writer without dependencies, for the run report.
 *
 * <p>Streaming use: {@code beginObject()}, {@code name("x")}, {@code value(1.5)}, ...,
 * {@code endObject()}. Tree use: {@link #value(Object)} or {@link #toJson(Object)} with
 * maps (string keys, in iteration order), collections, arrays of primitives or objects,
 * strings, numbers, booleans, enums and null.
 *
 * <p>Numbers: finite doubles as {@link Double#toString(double)} (reads back to the same
 * double), integers as integers; NaN and the infinities, which JSON cannot express, as
 * {@code null}. Strings escape quotes, backslashes, control characters, U+2028/U+2029 and
 * unpaired surrogates. Objects and arrays are indented by two spaces, one element per line;
 * an inline array ({@link #beginInlineArray()}, and every array of numbers, strings or
 * booleans in tree use) stays on one line.
 */
public final class JsonWriter {
    private static final String INDENT = "  ";

    private enum Kind { OBJECT, ARRAY }

    /** One open container: its kind, whether it has elements yet, whether it is on one line. */
    private static final class Frame {
        final Kind kind;
        final boolean inline;
        boolean hasElements;
        boolean nameWritten;

        Frame(Kind kind, boolean inline) {
            this.kind = kind;
            this.inline = inline;
        }
    }

    private final Appendable out;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private boolean rootWritten;

    /** A writer appending to {@code out}; I/O errors surface as {@link UncheckedIOException}. */
    public JsonWriter(Appendable out) {
        this.out = out;
    }

    /** The pretty-printed JSON text of a tree of maps, collections, arrays and scalars. */
    public static String toJson(Object tree) {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).value(tree);
        return sb.append('\n').toString();
    }

    public JsonWriter beginObject() {
        return open(Kind.OBJECT, '{', false);
    }

    public JsonWriter endObject() {
        return close(Kind.OBJECT, '}');
    }

    public JsonWriter beginArray() {
        return open(Kind.ARRAY, '[', false);
    }

    /** Begins an array printed on one line, with everything inside it. */
    public JsonWriter beginInlineArray() {
        return open(Kind.ARRAY, '[', true);
    }

    public JsonWriter endArray() {
        return close(Kind.ARRAY, ']');
    }

    /** The name of the next member of the current object. */
    public JsonWriter name(String name) {
        Frame f = stack.peek();
        if (f == null || f.kind != Kind.OBJECT) {
            throw new IllegalStateException("name(\"" + name + "\") outside an object");
        }
        if (f.nameWritten) {
            throw new IllegalStateException("name(\"" + name + "\") follows another name without a value");
        }
        separator(f);
        string(name);
        append(": ");
        f.nameWritten = true;
        return this;
    }

    public JsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        beforeValue();
        string(s);
        return this;
    }

    /** A double; NaN and infinities become {@code null}. */
    public JsonWriter value(double v) {
        beforeValue();
        append(Double.isFinite(v) ? Double.toString(v) : "null");
        return this;
    }

    public JsonWriter value(long v) {
        beforeValue();
        append(Long.toString(v));
        return this;
    }

    public JsonWriter value(boolean v) {
        beforeValue();
        append(v ? "true" : "false");
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        append("null");
        return this;
    }

    /**
     * Writes a tree: Map (keys by {@code String.valueOf}), Collection, Object[], double[], float[],
     * long[], int[], boolean[], CharSequence, Number, Boolean, Character, Enum (its name), null.
     *
     * @throws IllegalArgumentException for any other type
     */
    public JsonWriter value(Object v) {
        switch (v) {
            case null -> nullValue();
            case CharSequence s -> value(s.toString());
            case Double d -> value(d.doubleValue());
            case Float f -> {
                beforeValue();
                append(Float.isFinite(f) ? Float.toString(f) : "null");
            }
            case Long l -> value(l.longValue());
            case Integer i -> value(i.longValue());
            case Short s -> value(s.longValue());
            case Byte b -> value(b.longValue());
            case Number n -> number(n);
            case Boolean b -> value(b.booleanValue());
            case Character c -> value(c.toString());
            case Enum<?> e -> value(e.name());
            case Map<?, ?> m -> {
                beginObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    name(String.valueOf(e.getKey()));
                    value(e.getValue());
                }
                endObject();
            }
            case Collection<?> c -> {
                boolean inline = c.stream().allMatch(JsonWriter::isScalar);
                open(Kind.ARRAY, '[', inline);
                for (Object o : c) {
                    value(o);
                }
                endArray();
            }
            case double[] a -> {
                beginInlineArray();
                for (double x : a) {
                    value(x);
                }
                endArray();
            }
            case float[] a -> {
                beginInlineArray();
                for (float x : a) {
                    value((Object) x);
                }
                endArray();
            }
            case long[] a -> {
                beginInlineArray();
                for (long x : a) {
                    value(x);
                }
                endArray();
            }
            case int[] a -> {
                beginInlineArray();
                for (int x : a) {
                    value(x);
                }
                endArray();
            }
            case boolean[] a -> {
                beginInlineArray();
                for (boolean x : a) {
                    value(x);
                }
                endArray();
            }
            case Object[] a -> value(Arrays.asList(a));
            default -> throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
        return this;
    }

    private void number(Number n) {
        double d = n.doubleValue();
        beforeValue();
        if (n instanceof BigInteger || n instanceof BigDecimal) {
            append(Double.isFinite(d) ? n.toString() : "null");
        } else {
            append(Double.isFinite(d) ? Double.toString(d) : "null");
        }
    }

    private static boolean isScalar(Object o) {
        return o == null || o instanceof CharSequence || o instanceof Number || o instanceof Boolean
                || o instanceof Character || o instanceof Enum<?>;
    }

    private JsonWriter open(Kind kind, char bracket, boolean inline) {
        beforeValue();
        Frame parent = stack.peek();
        append(String.valueOf(bracket));
        stack.push(new Frame(kind, inline || (parent != null && parent.inline)));
        return this;
    }

    private JsonWriter close(Kind kind, char bracket) {
        Frame f = stack.peek();
        if (f == null || f.kind != kind) {
            throw new IllegalStateException("'" + bracket + "' does not close the open "
                    + (f == null ? "nothing" : f.kind.name().toLowerCase(Locale.ROOT)));
        }
        if (f.nameWritten) {
            throw new IllegalStateException("object closed after a name without a value");
        }
        stack.pop();
        if (f.hasElements && !f.inline) {
            newline(stack.size());
        }
        append(String.valueOf(bracket));
        return this;
    }

    /** Separator and indentation before a value; checks that a value may come here. */
    private void beforeValue() {
        Frame f = stack.peek();
        if (f == null) {
            if (rootWritten) {
                throw new IllegalStateException("a JSON document has one root value");
            }
            rootWritten = true;
            return;
        }
        if (f.kind == Kind.OBJECT) {
            if (!f.nameWritten) {
                throw new IllegalStateException("a value inside an object needs name(...) first");
            }
            f.nameWritten = false;
            return;
        }
        separator(f);
    }

    private void separator(Frame f) {
        if (f.hasElements) {
            append(f.inline ? ", " : ",");
        }
        if (!f.inline) {
            newline(stack.size());
        }
        f.hasElements = true;
    }

    private void newline(int depth) {
        append("\n");
        for (int i = 0; i < depth; i++) {
            append(INDENT);
        }
    }

    private void string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    boolean unpaired = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpaired) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        append(b.append('"').toString());
    }

    private void append(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
