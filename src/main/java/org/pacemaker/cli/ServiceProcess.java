package org.pacemaker.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code pacemaker serve} in a JVM of its own: tests kill it as the kernel would, the benchmark
 * measures its memory and CPU apart from the client's.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI url;
    private final Path log;

    private ServiceProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts the service on a free port against the given database, and waits until it answers. */
    public static ServiceProcess start(Path dataDir, String jdbcUrl) throws IOException, InterruptedException {
        return start(dataDir, jdbcUrl, List.of(), Map.of());
    }

    /**
     * As {@link #start(Path, String)}, with options for its JVM and variables added to its
     * environment. Its output goes to {@code service-<port>.log} in {@code dataDir}.
     */
    public static ServiceProcess start(
            Path dataDir, String jdbcUrl, List<String> javaOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("service-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(JavaLauncher.command(
                        javaOptions,
                        List.of("serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString())))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", jdbcUrl);
        builder.environment().put("POSTGRES_USER", "postgres");
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        service.awaitReady();
        return service;
    }

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** The service's console output: start-up messages and the request log. */
    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no graceful close, in-flight requests cut off. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * Waits for the line {@code serve} prints once it is ready: after the first superuser exists,
     * which a health check alone would not wait for.
     */
    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String ready = "Serving on http://localhost:" + url.getPort() + " ";
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains(ready)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not start in " + START_TIMEOUT + ": " + Files.readString(log));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
