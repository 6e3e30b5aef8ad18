package org.pacemaker.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The figures the benchmark reads from a replay's summary on standard output. */
record ReplaySummary(long batchesSent, long rowsSent, long inserted, long duplicates, double seconds) {

    private static final Pattern BATCHES = Pattern.compile("batches: \\d+ of \\d+ prepared, (\\d+) sent");
    private static final Pattern ROWS = Pattern.compile("rows: \\d+ of \\d+ prepared, (\\d+) sent");
    private static final Pattern SERVER = Pattern.compile("server: received \\d+, inserted (\\d+), duplicates (\\d+)");
    private static final Pattern ELAPSED = Pattern.compile("elapsed (?:\\S+ \\()?(\\d+\\.\\d+) ?s");

    static ReplaySummary parse(String out) {
        Matcher server = find(SERVER, out);
        return new ReplaySummary(
                Long.parseLong(find(BATCHES, out).group(1)),
                Long.parseLong(find(ROWS, out).group(1)),
                Long.parseLong(server.group(1)),
                Long.parseLong(server.group(2)),
                Double.parseDouble(find(ELAPSED, out).group(1)));
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the replay's summary lacks " + pattern + ":\n" + text);
        }
        return matcher;
    }
}
