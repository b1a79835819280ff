package dev.meads.models.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes small files for the loader tests and checks the exceptions they raise. */
final class LoaderTestSupport {

    private LoaderTestSupport() {
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /**
     * Asserts that {@code load} fails with a {@link DataFileException} for {@code file} at
     * {@code line} whose problem contains every fragment; returns the exception.
     */
    static DataFileException assertFails(Path file, int line, org.junit.jupiter.api.function.Executable load,
                                         String... fragments) {
        DataFileException e = assertThrows(DataFileException.class, load);
        assertEquals(file.toString(), e.file(), "file");
        assertEquals(line, e.line(), "line of: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.problem().contains(f), "problem '" + e.problem() + "' should contain '" + f + "'");
        }
        String prefix = line > 0 ? file + ":" + line + ": " : file + ": ";
        assertEquals(prefix + e.problem(), e.getMessage());
        return e;
    }
}
