package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsAndReplaces() throws IOException {
        Path f = dir.resolve("report.json");
        AtomicFiles.writeString(f, "first");
        assertEquals("first", Files.readString(f));
        AtomicFiles.writeString(f, "second, longer content");
        assertEquals("second, longer content", Files.readString(f));
        AtomicFiles.writeBytes(f, new byte[] {1, 2, 3});
        assertEquals(3, Files.size(f));
        assertEquals(List.of("report.json"), listing(), "no temporary files left behind");
    }

    @Test
    void failureLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("report.json");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new con".getBytes());
            throw new IOException("disk on fire");
        }));
        assertEquals("disk on fire", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("report.json"), listing());
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, out -> {
            throw new IllegalStateException("bug in the producer");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("report.json"), listing());
    }

    @Test
    void newFileGetsOrdinaryPermissions() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void missingFolderOrFolderTargetIsAnError() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.writeString(dir.resolve("no/such/folder/x.json"), "x"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path sub = Files.createDirectory(dir.resolve("sub"));
        IOException e2 = assertThrows(IOException.class, () -> AtomicFiles.writeString(sub, "x"));
        assertTrue(e2.getMessage().contains("is a folder"), e2.getMessage());
    }
}
