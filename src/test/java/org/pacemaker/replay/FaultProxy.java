package org.pacemaker.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Forwards requests to the real service, except that the n-th ingest request (from 0, retries
 * included) meets the fault the script names. Only the fault is made up: forwarded rows land in the
 * service's PostgreSQL.
 */
final class FaultProxy implements AutoCloseable {

    enum Fault {
        NONE,
        /** 503 with Retry-After: 0, not forwarded. */
        UNAVAILABLE,
        /** Forwarded and stored, then the connection drops before the answer. */
        DROP_AFTER_STORING,
        /** 401 as for an expired token, not forwarded. */
        TOKEN_EXPIRED,
        /** 500, not forwarded. */
        SERVER_ERROR
    }

    static {
        // the JDK server waits for ACKs otherwise (Nagle), 40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final List<String> FORWARDED_HEADERS =
            List.of("Authorization", "Content-Type", "Content-Encoding", "Accept");

    private final URI target;
    private final IntFunction<Fault> script;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger ingestRequests = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();

    FaultProxy(URI target, IntFunction<Fault> script) throws IOException {
        this.target = target;
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI ingestUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/telemetry/ingest");
    }

    int ingestRequests() {
        return ingestRequests.get();
    }

    int logins() {
        return logins.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Fault fault = Fault.NONE;
        if (path.endsWith("/telemetry/ingest")) {
            fault = script.apply(ingestRequests.getAndIncrement());
        } else if (path.endsWith("/login/access-token")) {
            logins.incrementAndGet();
        }
        switch (fault) {
            case UNAVAILABLE -> answer(exchange, 503, "Database unavailable", "0");
            case TOKEN_EXPIRED -> answer(exchange, 401, "Could not validate credentials", null);
            case SERVER_ERROR -> answer(exchange, 500, "Injected failure", null);
            case DROP_AFTER_STORING -> {
                forward(exchange, body);
                // the JDK server closes the connection when a handler throws before answering
                throw new IOException("injected: connection dropped");
            }
            case NONE -> relay(exchange, forward(exchange, body));
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers()
                .firstValue("Content-Type")
                .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
        send(exchange, response.statusCode(), response.body());
    }

    private static void answer(HttpExchange exchange, int status, String detail, String retryAfter) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        send(
                exchange,
                status,
                ("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
