package org.pacemaker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end section of docs/benchmarks.md: written between two markers, so that a later run
 * replaces it and the file's other sections (the generator's) stay as they are.
 */
final class BenchDoc {

    static final String BEGIN = "<!-- pacemaker bench: begin (written by ./pacemaker bench --write-doc) -->";
    static final String END = "<!-- pacemaker bench: end -->";

    private BenchDoc() {}

    static void write(Path doc, BenchReport report, Machine machine, String command) throws IOException {
        String existing = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Benchmarks\n";
        Files.writeString(doc, withSection(existing, section(report, machine, command)), StandardCharsets.UTF_8);
    }

    /** {@code existing} with the section between the markers replaced, or appended when it has none. */
    static String withSection(String existing, String section) {
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        if (begin >= 0 && end > begin) {
            return existing.substring(0, begin) + section + existing.substring(end + END.length());
        }
        return existing.stripTrailing() + "\n\n" + section + "\n";
    }

    static String section(BenchReport report, Machine machine, String command) {
        List<String> lines = new ArrayList<>();
        lines.add(BEGIN);
        lines.add("## End to end");
        lines.add("");
        lines.add("Measured " + LocalDate.now(ZoneOffset.UTC) + " on " + machine.summary() + ", with:");
        lines.add("");
        lines.add("```sh");
        lines.add(command);
        lines.add("```");
        lines.add("");
        lines.add("Each figure is the median of the runs. The COPY line is the limit: the same CSV loaded with"
                + " `COPY ... FROM STDIN` into an empty table identical to the service's (every index and"
                + " constraint, time-ordered ids). The replay lines are `./pacemaker replay --interval-ms 0`"
                + " against `./pacemaker serve`, each in a JVM of its own, into an empty table; seconds run"
                + " from the first request to the last answer. The duplicates line replays the same file"
                + " again over the full table. Peak MB is the process's peak RSS (the generator's or the"
                + " replay client's); p50/p99 are the service's own milliseconds per request, from its"
                + " request log; CPU is the seconds each process spent during a replay (the client's"
                + " include its JVM start and its check of the CSV).");
        lines.add("");
        lines.addAll(report.markdownTable());
        lines.add("");
        for (String target : report.targets()) {
            lines.add("- " + target);
        }
        lines.add("");
        lines.add("`" + report.ratioLine() + "`");
        lines.add("");
        lines.add("The original's design on a machine like this one (issue 6), for comparison: 3,115 rows/s"
                + " first pass (530 s), 8,047 rows/s when every row is a duplicate, replay client 986 MB"
                + " peak RSS, generator 17.4 s and 694 MB.");
        lines.add(END);
        return String.join("\n", lines);
    }
}
