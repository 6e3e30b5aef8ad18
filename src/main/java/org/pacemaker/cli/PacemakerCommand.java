package org.pacemaker.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "pacemaker",
        mixinStandardHelpOptions = true,
        version = "pacemaker 0.1.0",
        description = "Pacemaker telemetry: generate synthetic readings, replay them as live device"
                + " traffic, and ingest them into PostgreSQL.",
        subcommands = {
            ServeCommand.class,
            LoginCommand.class,
            org.pacemaker.replay.ReplayCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PacemakerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != ExitCode.OK || !ServeCommand.isServing()) {
            System.exit(exitCode);
        }
    }

    /** The command tree with the shared failure handling; tests run commands through this too. */
    public static CommandLine commandLine() {
        return new CommandLine(new PacemakerCommand())
                .setExecutionExceptionHandler(new FailureHandler())
                .setUsageHelpAutoWidth(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
