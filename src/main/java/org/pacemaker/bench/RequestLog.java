package org.pacemaker.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * The service's request log, read from where the last phase ended: one line per request ending in
 * {@code POST /api/v1/telemetry/ingest 200 12ms}, of which the ingest requests' milliseconds are the
 * server-side latency.
 */
final class RequestLog {

    private static final Pattern INGEST = Pattern.compile("POST /api/v1/telemetry/ingest (\\d{3}) (\\d+)ms\\s*$");

    private final Path file;
    private long offset;

    RequestLog(Path file) {
        this.file = file;
    }

    /** Moves past everything logged so far. */
    void skipToEnd() throws IOException {
        offset = file.toFile().length();
    }

    /** Milliseconds of the ingest requests answered 200 since the last call, in log order. */
    long[] newIngestMillis() throws IOException {
        String text;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            byte[] bytes = new byte[(int) (end - offset)];
            in.seek(offset);
            in.readFully(bytes);
            // only whole lines: a line being written now is read next time
            int lastNewline = lastIndexOf(bytes, (byte) '\n');
            text = new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8);
            offset += lastNewline + 1;
        }
        return ingestMillis(text);
    }

    static long[] ingestMillis(String log) {
        LongStream.Builder millis = LongStream.builder();
        for (String line : log.split("\n")) {
            Matcher matcher = INGEST.matcher(line);
            if (matcher.find() && matcher.group(1).equals("200")) {
                millis.add(Long.parseLong(matcher.group(2)));
            }
        }
        return millis.build().toArray();
    }

    private static int lastIndexOf(byte[] bytes, byte value) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
