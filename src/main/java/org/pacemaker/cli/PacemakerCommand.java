package org.pacemaker.cli;

import org.pacemaker.alert.ScoreAlertsCommand;
import org.pacemaker.bench.BenchCommand;
import org.pacemaker.demo.DemoCommand;
import org.pacemaker.generator.GenerateCommand;
import org.pacemaker.replay.ReplayCommand;
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
            GenerateCommand.class,
            ReplayCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            ScoreAlertsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PacemakerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree with the shared failure handling; tests run commands through this too. */
    public static CommandLine commandLine() {
        return new CommandLine(new PacemakerCommand())
                .setExecutionExceptionHandler(new FailureHandler())
                .setParameterExceptionHandler(PacemakerCommand::usageError)
                .setUsageHelpAutoWidth(true);
    }

    /** A bad command line: one line saying what is wrong and where to read more, not the whole usage. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("error: " + e.getMessage());
        command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.BAD_INPUT;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
