package org.pacemaker.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pacemaker.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Where the service's PostgreSQL is: the configured server, or an embedded one started here whose
 * data lives in the data folder and survives restarts. Closing it stops the embedded server.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private final FileLock dataDirLock;

    private DatabaseServer(
            String jdbcUrl, String user, String password, EmbeddedPostgres embedded, FileLock dataDirLock) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDirLock = dataDirLock;
    }

    /** Where the embedded database of a data folder lives. */
    public static Path embeddedDataDir(Path dataFolder) {
        return dataFolder.resolve("postgres");
    }

    static DatabaseServer configured(DatabaseSettings settings) {
        log.info("Using the configured PostgreSQL at {}", withoutQuery(settings.jdbcUrl()));
        return new DatabaseServer(settings.jdbcUrl(), settings.user(), settings.password(), null, null);
    }

    /**
     * Starts (and on first use initialises) an embedded PostgreSQL with its data in {@code dataDir}.
     * Holds a lock beside it while running, so two processes never share one data folder, and stops
     * a server that an earlier process left behind when it was killed.
     */
    public static DatabaseServer embedded(Path dataDir) {
        return embedded(dataDir, 0);
    }

    /** As {@link #embedded(Path)}, on the given port (0: a free one). */
    public static DatabaseServer embedded(Path dataDir, int port) {
        FileLock lock = lockDataDir(dataDir);
        try {
            stopOrphanedServer(dataDir);
            Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info(
                    "Started embedded PostgreSQL on port {} with data in {} (log: {})",
                    postgres.getPort(),
                    dataDir,
                    logFile);
            return new DatabaseServer(url, "postgres", "", postgres, lock);
        } catch (IOException | RuntimeException e) {
            release(lock);
            if (e instanceof StartupFailure failure) {
                throw failure;
            }
            throw new StartupFailure(
                    "Cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(),
                    "See " + dataDir.resolveSibling(dataDir.getFileName() + ".log")
                            + "; or set POSTGRES_SERVER to use a running PostgreSQL",
                    e);
        }
    }

    /**
     * Deletes the embedded database in {@code dataDir} and its log, unless a running process uses
     * them; stops a server left behind by a killed process first. Returns what it removed.
     */
    public static List<Path> deleteEmbedded(Path dataDir) {
        FileLock lock = lockDataDir(dataDir);
        try {
            stopOrphanedServer(dataDir);
            List<Path> removed = new ArrayList<>();
            for (Path path : List.of(dataDir, dataDir.resolveSibling(dataDir.getFileName() + ".log"))) {
                if (Files.exists(path)) {
                    FileSystemUtils.deleteRecursively(path);
                    removed.add(path);
                }
            }
            return removed;
        } catch (IOException e) {
            throw new StartupFailure(
                    "Cannot delete the embedded database in " + dataDir + ": " + e.getMessage(),
                    "Delete the folder by hand",
                    e);
        } finally {
            release(lock);
        }
    }

    private static FileLock lockDataDir(Path dataDir) {
        Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StartupFailure(
                        "The data folder " + dataDir.getParent() + " is in use by another pacemaker process",
                        "Stop that process, or give this one its own --data-dir");
            }
            return lock;
        } catch (IOException e) {
            throw new StartupFailure(
                    "Cannot use the data folder " + dataDir.getParent() + ": " + e.getMessage(),
                    "Check that the folder exists and is writable, or choose another --data-dir",
                    e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /**
     * A killed JVM cannot stop its PostgreSQL, which then keeps the data folder. Only this process
     * holds the folder's lock, so a server still running on it is such an orphan: stop it cleanly.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan = parsePid(firstLine)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").contains("postgres"));
        if (orphan.isEmpty()) {
            return; // a stale pid file after a crash: PostgreSQL itself recovers from that
        }
        log.warn("Stopping the PostgreSQL (pid {}) that an earlier run left running in {}", firstLine, dataDir);
        ProcessHandle process = orphan.get();
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old JVM
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("Interrupted while stopping the old PostgreSQL", "Try again", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupFailure(
                    "The PostgreSQL left running in " + dataDir + " (pid " + firstLine + ") did not stop",
                    "Stop it by hand: kill " + firstLine,
                    e);
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            log.debug("Could not release the data folder lock", e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            try {
                embedded.close();
                log.info("Stopped embedded PostgreSQL");
            } finally {
                release(dataDirLock);
            }
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
