package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path dir;

    @Test
    void createsANewFolderWithParents() throws IOException {
        RunFolder run = RunFolder.create(dir.resolve("runs/radon-1"), false);
        assertTrue(Files.isDirectory(run.path()));
        assertTrue(Files.exists(run.path().resolve(RunFolder.MARKER)));
        assertEquals(run.path().resolve("report.json"), run.resolve("report.json"));
        assertThrows(IllegalArgumentException.class, () -> run.resolve("../escape.txt"));
    }

    @Test
    void takesAnExistingEmptyFolder() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(empty, RunFolder.create(empty, false).path());
    }

    @Test
    void neverOverwritesWithoutTheFlag() throws IOException {
        RunFolder first = RunFolder.create(dir.resolve("run"), false);
        Files.writeString(first.resolve("draws_1.csv"), "precious");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> RunFolder.create(dir.resolve("run"), false));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("run").toString()), e.getMessage());
        assertEquals("precious", Files.readString(first.resolve("draws_1.csv")));
    }

    /** {@code check} answers as {@code create} would, and touches nothing. */
    @Test
    void checkTouchesNothing() throws IOException {
        Path fresh = dir.resolve("fresh");
        assertFalse(RunFolder.check(fresh, false));
        assertFalse(Files.exists(fresh));
        RunFolder first = RunFolder.create(dir.resolve("run"), false);
        Files.writeString(first.resolve("draws_1.csv"), "kept");
        assertThrows(FileAlreadyExistsException.class, () -> RunFolder.check(dir.resolve("run"), false));
        assertTrue(RunFolder.check(dir.resolve("run"), true), "create would clear it");
        assertEquals("kept", Files.readString(first.resolve("draws_1.csv")));
        Path home = Files.createDirectory(dir.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "mine");
        assertThrows(FileAlreadyExistsException.class, () -> RunFolder.check(home, true));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThrows(FileAlreadyExistsException.class, () -> RunFolder.check(file, true));
        assertFalse(RunFolder.check(Files.createDirectory(dir.resolve("empty")), false));
    }

    @Test
    void overwriteClearsAnEarlierRun() throws IOException {
        RunFolder first = RunFolder.create(dir.resolve("run"), false);
        Files.writeString(first.resolve("draws_1.csv"), "old");
        Files.createDirectories(first.resolve("plots/deep"));
        Files.writeString(first.resolve("plots/deep/trace.png"), "old");
        RunFolder again = RunFolder.create(dir.resolve("run"), true);
        assertFalse(Files.exists(again.resolve("draws_1.csv")));
        assertFalse(Files.exists(again.resolve("plots")));
        assertTrue(Files.exists(again.resolve(RunFolder.MARKER)));
    }

    @Test
    void overwriteRefusesAFolderThatIsNotARunFolder() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "years of work");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> RunFolder.create(home, true));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
        assertEquals("years of work", Files.readString(home.resolve("thesis.tex")));
    }

    @Test
    void aFileInTheWayIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("run"), "x");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> RunFolder.create(file, true));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }

    @Test
    void aReservedFolderReleasedBeforeClaimIsAsBefore() throws IOException {
        // a new folder (and its missing parents) goes again
        Path fresh = dir.resolve("a/b/run");
        RunFolder.reserve(fresh, false).release();
        assertFalse(Files.exists(dir.resolve("a")));
        // an empty folder stays, without the marker
        Path empty = Files.createDirectory(dir.resolve("empty"));
        RunFolder.reserve(empty, false).release();
        assertTrue(Files.isDirectory(empty));
        assertFalse(Files.exists(empty.resolve(RunFolder.MARKER)));
        // an earlier run to overwrite keeps its files until the new run claims the folder
        RunFolder first = RunFolder.create(dir.resolve("run"), false);
        Files.writeString(first.resolve("chain_1.csv"), "old");
        RunFolder second = RunFolder.reserve(dir.resolve("run"), true);
        assertEquals("old", Files.readString(first.resolve("chain_1.csv")));
        second.release();
        assertEquals("old", Files.readString(first.resolve("chain_1.csv")));
        RunFolder third = RunFolder.reserve(dir.resolve("run"), true);
        third.claim();
        assertFalse(Files.exists(first.resolve("chain_1.csv")));
        assertTrue(Files.exists(third.resolve(RunFolder.MARKER)));
        // once claimed, release keeps what the run wrote
        Files.writeString(third.resolve("chain_1.csv"), "new");
        third.release();
        assertEquals("new", Files.readString(third.resolve("chain_1.csv")));
    }

    @Test
    void aLinkToAnEmptyFolderIsAFolder() throws IOException {
        Path target = Files.createDirectory(dir.resolve("target"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        RunFolder.create(link, false);
        assertTrue(Files.exists(target.resolve(RunFolder.MARKER)));
    }

    @Test
    void uniqueNamesCountUp() throws IOException {
        assertEquals(dir.resolve("radon"), RunFolder.createUnique(dir, "radon").path());
        assertEquals(dir.resolve("radon-2"), RunFolder.createUnique(dir, "radon").path());
        assertEquals(dir.resolve("radon-3"), RunFolder.createUnique(dir, "radon").path());
    }
}
