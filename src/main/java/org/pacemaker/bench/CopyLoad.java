package org.pacemaker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.stream.Collectors;
import org.pacemaker.schema.TelemetryField;
import org.pacemaker.telemetry.TimeOrderedIds;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The limit: the generator's CSV streamed by {@code COPY ... FROM STDIN} into the service's own
 * table, with every index and constraint. Each line gets the time-ordered id the service would give
 * it (a random one would make the primary key slower than the service's), and its Unix seconds
 * become a timestamp PostgreSQL reads; every other cell passes unchanged.
 */
final class CopyLoad {

    static final String COPY = "COPY pacemaker_telemetry (id, "
            + TelemetryField.all().stream().map(f -> '"' + f.jsonName() + '"').collect(Collectors.joining(", "))
            + ") FROM STDIN WITH (FORMAT csv)";

    private CopyLoad() {}

    /** Loads every data line of {@code csv}; returns the rows PostgreSQL reports copied. */
    static long load(Connection connection, Path csv) throws IOException, SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!TelemetryField.csvHeader().equals(header)) {
                throw new IOException(csv + " does not start with the generator's header");
            }
            PGCopyOutputStream copy = new PGCopyOutputStream(postgres, COPY, 1 << 16);
            boolean ended = false;
            try {
                Writer out = new OutputStreamWriter(copy, StandardCharsets.UTF_8);
                TimestampText timestamps = new TimestampText();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(toCopyLine(line, timestamps));
                }
                out.flush();
                long rows = copy.endCopy();
                ended = true;
                return rows;
            } finally {
                if (!ended && copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    /** {@code patient,seconds,rest} becomes {@code id,patient,timestamp,rest}. */
    static String toCopyLine(String line, TimestampText timestamps) {
        int afterPatient = line.indexOf(',');
        int afterSeconds = line.indexOf(',', afterPatient + 1);
        if (afterPatient < 0 || afterSeconds < 0) {
            throw new IllegalArgumentException("not a telemetry line: " + line);
        }
        long seconds = Long.parseLong(line, afterPatient + 1, afterSeconds, 10);
        return TimeOrderedIds.next() + "," + line.substring(0, afterPatient + 1) + timestamps.of(seconds)
                + line.substring(afterSeconds) + "\n";
    }

    /** Unix seconds as ISO text; the file runs along the timeline, so the last one is nearly always asked again. */
    static final class TimestampText {
        private long seconds = Long.MIN_VALUE;
        private String text;

        String of(long unixSeconds) {
            if (unixSeconds != seconds) {
                seconds = unixSeconds;
                text = Instant.ofEpochSecond(unixSeconds).toString();
            }
            return text;
        }
    }
}
