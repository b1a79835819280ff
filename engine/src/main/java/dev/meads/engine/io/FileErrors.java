package dev.meads.engine.io;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Words for what went wrong in a file operation. The JDK's file exceptions often carry only a
 * path as their message (NoSuchFileException, AccessDeniedException, ...) or nothing at all (an
 * interrupted channel), so a message built from {@code getMessage()} says where but not why.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** The reason the type of {@code e} stands for, or null when its type says nothing more than its message. */
    public static String reasonByType(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory";
            case AccessDeniedException x -> "permission denied";
            case NotDirectoryException x -> "not a directory";
            case FileAlreadyExistsException x -> "already exists";
            case DirectoryNotEmptyException x -> "folder not empty";
            case FileSystemLoopException x -> "a loop of symbolic links";
            case ClosedByInterruptException x -> "the writing thread was interrupted (Thread.interrupt)";
            default -> null;
        };
    }
}
