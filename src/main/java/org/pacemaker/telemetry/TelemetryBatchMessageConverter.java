package org.pacemaker.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns an ingest request body (JSON, optionally gzip-encoded) into a {@link TelemetryBatch} while it
 * streams in, refusing bodies over the size limit with 413 whatever their declared length.
 */
@Component
final class TelemetryBatchMessageConverter extends AbstractHttpMessageConverter<TelemetryBatch> {

    private final long maxBodyBytes;

    TelemetryBatchMessageConverter(IngestSettings settings) {
        super(MediaType.APPLICATION_JSON);
        this.maxBodyBytes = settings.maxBodySize().toBytes();
    }

    @Override
    protected boolean supports(Class<?> type) {
        return TelemetryBatch.class == type;
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected TelemetryBatch readInternal(Class<? extends TelemetryBatch> type, HttpInputMessage message)
            throws IOException {
        HttpHeaders headers = message.getHeaders();
        if (headers.getContentLength() > maxBodyBytes) {
            throw tooLarge();
        }
        InputStream body = message.getBody();
        String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            if (!encoding.equalsIgnoreCase("gzip")) {
                throw new ResponseStatusException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Encoding '" + encoding + "' is not supported; send identity or gzip");
            }
            body = new GZIPInputStream(body, 16 * 1024);
        }
        try (InputStream limited = new LimitedInputStream(body, maxBodyBytes)) {
            return TelemetryBatchParser.parse(limited);
        }
    }

    @Override
    protected void writeInternal(TelemetryBatch batch, HttpOutputMessage message) {
        throw new UnsupportedOperationException("telemetry batches are only read");
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
        return supports(clazz) ? List.of(MediaType.APPLICATION_JSON) : List.of();
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body is larger than " + maxBodyBytes + " bytes; send at most " + TelemetryBatchParser.MAX_ROWS
                        + " rows per request");
    }

    /** Counts bytes as they are read (after decoding) and stops at the limit. */
    private final class LimitedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge();
            }
        }
    }
}
