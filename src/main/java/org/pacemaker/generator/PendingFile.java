package org.pacemaker.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A file written under a temporary name beside its target and renamed onto the target only once
 * complete, so a failure or Ctrl-C never leaves a half-written file under the target's name. A
 * shutdown hook removes the temporary file when the JVM is stopped midway.
 */
final class PendingFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final Thread cleanupOnShutdown;
    private boolean committed;

    private PendingFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
        this.cleanupOnShutdown = new Thread(this::deleteTemporary, "pending-file-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnShutdown);
    }

    static PendingFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        String random = UUID.randomUUID().toString().substring(0, 8);
        // createFile, unlike createTempFile, keeps the usual permissions for the final file.
        Path temporary = Files.createFile(absolute.resolveSibling(absolute.getFileName() + "." + random + ".tmp"));
        return new PendingFile(target, temporary);
    }

    Path temporary() {
        return temporary;
    }

    /** Renames the finished file onto the target, replacing any file there in one step. */
    void commit() throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it deletes the file
        }
        if (!committed) {
            deleteTemporary();
        }
    }

    private void deleteTemporary() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished " + temporary, e);
        }
    }
}
