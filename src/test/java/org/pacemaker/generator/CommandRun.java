package org.pacemaker.generator;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.pacemaker.cli.PacemakerCommand;
import picocli.CommandLine;

/** One in-process run of {@code pacemaker ...} with its exit code and captured output. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PacemakerCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
