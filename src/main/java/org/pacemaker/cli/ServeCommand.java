package org.pacemaker.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pacemaker.PacemakerApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the ingest API (POST /api/v1/telemetry/ingest, login, users, /docs).",
            "Uses the PostgreSQL named by POSTGRES_SERVER (and POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD,"
                    + " POSTGRES_DB) or DATABASE_URL; with none set, starts an embedded PostgreSQL whose data"
                    + " lives in --data-dir."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "${env:PORT:-8000}",
            description = "HTTP port (default: $PORT, else 8000; now ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:DATA_DIR:-./data}",
            description = "Folder for the embedded database and the local signing key (default: $DATA_DIR, else"
                    + " ./data; now ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw CommandFailure.badInput("--port must be from 0 to 65535, got " + port);
        }
        ConfigurableApplicationContext context = PacemakerApplication.start(Map.of(
                "server.port",
                port,
                "pacemaker.data-dir",
                dataDir.toAbsolutePath().normalize()));
        String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        spec.commandLine().getOut().println("Serving on " + url + " (API docs at " + url + "/docs); Ctrl-C stops it.");
        spec.commandLine().getOut().flush();
        PacemakerApplication.awaitShutdown(context);
        return ExitCode.OK;
    }
}
