package org.pacemaker.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.pacemaker.schema.TelemetryField;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes rows as the ingest API's JSON array, gzip-compressed if asked, as a stream that encodes the
 * next rows only when the connection reads them. A request in flight so holds its rows and one
 * chunk, not its whole encoded body and the HTTP client's copy of it: at concurrency 8 those copies
 * were most of the replay client's live heap (docs/benchmarks.md).
 */
final class IngestBody extends InputStream {

    // Schubfach instead of Double.toString: the same shortest digits, several times faster on JDK 17
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    private static final List<TelemetryField> FIELDS = TelemetryField.all();
    // each name quoted and encoded once, not once per row
    private static final SerializedString[] NAMES =
            FIELDS.stream().map(field -> new SerializedString(field.jsonName())).toArray(SerializedString[]::new);
    // the HTTP client sends 16 KiB at a time; 32 rows are about 10 KiB of JSON
    private static final int CHUNK_BYTES = 16 * 1024;
    private static final int ROWS_PER_FLUSH = 32;

    private final List<CsvRow> rows;
    private final Chunk chunk = new Chunk();
    private final JsonGenerator json;
    private int nextRow;
    private int readPosition;
    private boolean ended;

    private IngestBody(List<CsvRow> rows, boolean gzip) {
        this.rows = rows;
        OutputStream out;
        try {
            out = gzip ? new FastGzip(chunk) : chunk;
        } catch (IOException cannotHappenInMemory) {
            throw new IllegalStateException(cannotHappenInMemory);
        }
        json = JSON.createGenerator(ObjectWriteContext.empty(), out);
        json.writeStartArray();
    }

    /** The body of a request carrying {@code rows}; each call starts a new encoding, as a retry needs. */
    static InputStream of(List<CsvRow> rows, boolean gzip) {
        return new IngestBody(rows, gzip);
    }

    /** The body's size in bytes, found by encoding it once. */
    static long size(List<CsvRow> rows, boolean gzip) {
        try (InputStream body = of(rows, gzip)) {
            return body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException cannotHappenInMemory) {
            throw new IllegalStateException(cannotHappenInMemory);
        }
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        while (readPosition == chunk.size()) {
            if (ended) {
                return -1;
            }
            encodeNextChunk();
        }
        int count = Math.min(length, chunk.size() - readPosition);
        System.arraycopy(chunk.bytes(), readPosition, into, offset, count);
        readPosition += count;
        return count;
    }

    /** Ends the encoding early, as when a request fails halfway, so the compressor's native memory is freed now. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            json.close();
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    private void encodeNextChunk() {
        chunk.reset();
        readPosition = 0;
        while (chunk.size() < CHUNK_BYTES && nextRow < rows.size()) {
            int end = Math.min(rows.size(), nextRow + ROWS_PER_FLUSH);
            for (; nextRow < end; nextRow++) {
                writeRow(json, rows.get(nextRow).values());
            }
            json.flush();
        }
        if (nextRow == rows.size() && chunk.size() < CHUNK_BYTES) {
            json.writeEndArray();
            json.close(); // ends the gzip stream too
            ended = true;
        }
    }

    private static void writeRow(JsonGenerator json, double[] values) {
        json.writeStartObject();
        for (TelemetryField field : FIELDS) {
            json.writeName(NAMES[field.ordinal()]);
            double value = values[field.ordinal()];
            if (Double.isNaN(value)) {
                json.writeNull();
            } else if (field.kind() == TelemetryField.Kind.MEASUREMENT || field.kind() == TelemetryField.Kind.FEATURE) {
                json.writeNumber(value);
            } else {
                // the API refuses 17.0 where it expects an integer
                json.writeNumber((long) value);
            }
        }
        json.writeEndObject();
    }

    /** The bytes encoded and not yet read, reused from one chunk to the next. */
    private static final class Chunk extends ByteArrayOutputStream {
        Chunk() {
            // a chunk ends with the flush that passes CHUNK_BYTES, so leave room for one more flush
            super(CHUNK_BYTES + 12 * 1024);
        }

        byte[] bytes() {
            return buf;
        }
    }

    /**
     * Gzip at the fastest level: a day of rows shrinks about 12-fold instead of 19-fold, for a third of
     * the CPU. At the default level compression was a third of the replay client's CPU time, which
     * on a shared machine the service and PostgreSQL need more than a local link needs the bytes.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
