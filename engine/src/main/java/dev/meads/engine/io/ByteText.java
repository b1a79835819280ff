package dev.meads.engine.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text being built as UTF-8 bytes, ready for a channel: the draw rows of a CSV file go from
 * numbers to bytes with no {@code String} or character encoding in between.
 *
 * <p>Not thread-safe.
 */
final class ByteText {
    private byte[] bytes;
    private int length;

    ByteText(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void clear() {
        length = 0;
    }

    /** Keeps the first {@code n} bytes (at most {@link #length()}): gives back unused reserved room. */
    void setLength(int n) {
        if (n < 0 || n > length) {
            throw new IllegalArgumentException("length " + n + " outside [0, " + length + "]");
        }
        length = n;
    }

    /** The backing array; bytes {@code [0, length())} are the text. */
    byte[] array() {
        return bytes;
    }

    ByteText append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    ByteText append(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
        return this;
    }

    ByteText append(long v) {
        return append(Long.toString(v));
    }

    /** Makes room for {@code n} more bytes and returns the position they start at; the caller writes them. */
    int reserve(int n) {
        ensure(n);
        int at = length;
        length += n;
        return at;
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
