package org.pacemaker.replay;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.pacemaker.cli.PacemakerCommand;
import picocli.CommandLine;

/** One in-process run of {@code pacemaker replay}, with what it printed. */
record ReplayRun(int exitCode, String out, String err) {

    static ReplayRun of(String... args) {
        CommandLine command = PacemakerCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("replay"));
        all.addAll(List.of(args));
        int exitCode = command.execute(all.toArray(String[]::new));
        return new ReplayRun(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
