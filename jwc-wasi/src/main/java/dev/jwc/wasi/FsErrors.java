package dev.jwc.wasi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** Maps host I/O failures onto {@code wasi:filesystem} error-code case names. */
final class FsErrors {
    private FsErrors() {
    }

    static String code(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no-entry";
            case FileAlreadyExistsException x -> "exist";
            case DirectoryNotEmptyException x -> "not-empty";
            case AccessDeniedException x -> "access";
            case NotDirectoryException x -> "not-directory";
            case FileSystemLoopException x -> "loop";
            case NotLinkException x -> "invalid";
            case FileSystemException x when reason(x).contains("Is a directory") -> "is-directory";
            case FileSystemException x when reason(x).contains("Not a directory") -> "not-directory";
            case FileSystemException x when reason(x).contains("Too many levels of symbolic links") -> "loop";
            case FileSystemException x when reason(x).contains("Invalid argument") -> "invalid";
            case FileSystemException x when reason(x).contains("Operation not permitted") -> "not-permitted";
            case FileSystemException x when reason(x).contains("Directory not empty") -> "not-empty";
            case FileSystemException x when reason(x).contains("File exists") -> "exist";
            default -> "io";
        };
    }

    static FsException of(IOException e) {
        return new FsException(code(e), String.valueOf(e.getMessage()));
    }

    private static String reason(FileSystemException e) {
        return String.valueOf(e.getReason());
    }
}
