package dev.meads.engine.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder that holds one run's outputs (Stan CSV files, report, plots).
 *
 * <p>A run never writes into a folder holding another run's files unless asked to: an
 * existing non-empty folder is an error, or with {@code overwrite} its contents are deleted
 * first. Each run folder holds a marker file {@value #MARKER}; overwrite deletes only folders
 * that carry it, so a mistyped path (a home folder, a source tree) is never emptied.
 */
public final class RunFolder {
    /** Marker file identifying a folder as a run folder. */
    public static final String MARKER = ".meads-run";

    private final Path path;
    /** An earlier run's contents still to be deleted by {@link #claim}. */
    private boolean pendingDelete;
    /** The outermost folder {@link #reserve} created (the folder itself or a missing parent), or null. */
    private Path createdFrom;
    private boolean claimed;

    private RunFolder(Path path) {
        this.path = path;
    }

    /**
     * Prepares {@code folder} for a new run: creates it (and missing parents), or takes it if it
     * exists and is empty. If it exists and is not empty, it is an error unless
     * {@code overwrite} is true and the folder holds the {@value #MARKER} marker of an earlier
     * run, in which case its contents are deleted.
     *
     * @throws FileAlreadyExistsException when the folder exists and may not be used (the
     *                                    message says why and what to do)
     */
    public static RunFolder create(Path folder, boolean overwrite) throws IOException {
        RunFolder f = reserve(folder, overwrite);
        f.claim();
        return f;
    }

    /**
     * Takes {@code folder} for a run that may still fail, as {@link #create} would but without
     * deleting an earlier run's contents yet: that waits for {@link #claim}, just before the
     * first output is written, so that a run failing before then leaves the earlier run whole.
     * {@link #release} undoes what this did.
     */
    public static RunFolder reserve(Path folder, boolean overwrite) throws IOException {
        RunFolder f = new RunFolder(folder);
        if (check(folder, overwrite)) {
            if (!Files.isWritable(folder)) {
                throw new java.nio.file.AccessDeniedException(folder.toString(), null, "the folder is not writable");
            }
            f.pendingDelete = true;
            return f;
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Path top = folder.toAbsolutePath();
            while (top.getParent() != null && !Files.exists(top.getParent())) {
                top = top.getParent();
            }
            Files.createDirectories(folder);
            f.createdFrom = top;
        }
        f.writeMarker();
        return f;
    }

    /** Deletes an earlier run's contents if {@link #reserve} left them; from then on the folder is this run's. */
    public void claim() throws IOException {
        if (pendingDelete) {
            deleteContents(path);
            writeMarker();
            pendingDelete = false;
        }
        claimed = true;
    }

    /**
     * Undoes {@link #reserve} for a run that failed before {@link #claim}: removes the folders
     * it created, or its marker from a folder that was empty; an earlier run's files stay as
     * they were. Does nothing once claimed (the run's files so far are kept). Best effort.
     */
    public void release() {
        if (claimed || pendingDelete) {
            return;
        }
        try {
            Files.deleteIfExists(path.resolve(MARKER));
            if (createdFrom != null) {
                for (Path p = path.toAbsolutePath(); p != null && p.startsWith(createdFrom); p = p.getParent()) {
                    Files.deleteIfExists(p); // only if empty: a folder someone wrote into meanwhile stays
                }
            }
        } catch (IOException ignored) {
            // e.g. a file appeared in it meanwhile: then it is not ours alone to remove
        }
    }

    private void writeMarker() throws IOException {
        Files.writeString(path.resolve(MARKER), "meads run folder; safe to delete with the run\n");
    }

    /**
     * Whether {@link #create} could take {@code folder}, without touching it: throws as
     * {@code create} would, and returns true when it would delete an earlier run's contents.
     * Lets a caller fail before a long computation rather than after it.
     */
    public static boolean check(Path folder, boolean overwrite) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isDirectory(folder)) { // a link to a folder is a folder here
            throw new FileAlreadyExistsException(folder.toString(), null,
                    "exists and is not a folder; choose another output folder");
        }
        if (isEmpty(folder)) {
            return false;
        }
        if (!overwrite) {
            throw new FileAlreadyExistsException(folder.toString(), null,
                    "run folder already exists and is not empty; choose another name or allow overwriting");
        }
        if (!Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(folder.toString(), null, "exists, is not empty and has no "
                    + MARKER + " marker, so it is not a run folder; refusing to delete its contents");
        }
        return true;
    }

    /**
     * Creates a fresh folder {@code parent/name}, or {@code parent/name-2}, {@code name-3}, ...
     * when that exists: never touches an existing folder.
     */
    public static RunFolder createUnique(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        for (int k = 1; ; k++) {
            Path candidate = parent.resolve(k == 1 ? name : name + "-" + k);
            try {
                Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            Files.writeString(candidate.resolve(MARKER), "meads run folder; safe to delete with the run\n");
            return new RunFolder(candidate);
        }
    }

    /** The folder. */
    public Path path() {
        return path;
    }

    /** A file inside the folder. */
    public Path resolve(String fileName) {
        Path p = path.resolve(fileName).normalize();
        if (!p.startsWith(path.normalize())) {
            throw new IllegalArgumentException("'" + fileName + "' is outside the run folder " + path);
        }
        return p;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            return !s.iterator().hasNext();
        }
    }

    /** Deletes everything inside {@code folder}, depth first, without following symbolic links. */
    private static void deleteContents(Path folder) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            s.forEach(children::add);
        }
        for (Path child : children) {
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                deleteContents(child);
            }
            Files.delete(child);
        }
    }
}
