package org.pacemaker.telemetry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pacemaker.generator.CsvRowWriter;
import org.pacemaker.schema.Reading;
import org.pacemaker.schema.TelemetryField;
import org.pacemaker.web.InvalidParameterException;
import org.pacemaker.web.QueryParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Reads of stored telemetry for any active user: pages, a streaming export, and stats. */
@RestController
class TelemetryReadController {

    private static final String FROM_DOC = "Unix seconds or ISO 8601 (2026-01-01, 2026-01-01T00:00:00Z); inclusive";
    private static final String TO_DOC = "Unix seconds or ISO 8601; exclusive";
    private static final int RECENT_SECONDS = 60;

    private final TelemetryReadRepository telemetry;
    private final ReadSettings settings;
    private final IngestActivity activity;
    private final ObjectWriter ndjson;

    TelemetryReadController(
            TelemetryReadRepository telemetry, ReadSettings settings, IngestActivity activity, JsonMapper json) {
        this.telemetry = telemetry;
        this.settings = settings;
        this.activity = activity;
        this.ndjson = json.writer();
    }

    @Operation(
            summary = "Stored rows in time order, one page at a time",
            description = "Rows ordered by (timestamp, patient_id). Pass next_cursor as cursor for the next page;"
                    + " pages neither skip nor repeat rows while ingest goes on.")
    @GetMapping("/api/v1/telemetry")
    TelemetryPage list(
            @RequestParam(name = "patient_id", required = false) Integer patientId,
            @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
            @Parameter(description = TO_DOC) @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false)
                    String cursor) {
        TelemetryFilter filter = filter(patientId, from, to);
        int size = QueryParameters.limit("limit", limit, settings.defaultPageSize(), settings.maxPageSize());
        List<Reading> rows = telemetry.page(filter, Cursor.decode("cursor", cursor), size + 1);
        if (rows.size() <= size) {
            return new TelemetryPage(rows, null);
        }
        List<Reading> page = rows.subList(0, size);
        return new TelemetryPage(
                List.copyOf(page), Cursor.after(page.get(size - 1)).encode());
    }

    @Operation(
            summary = "Every matching row as one streaming download",
            description = "format=csv (default) is the generator's file format, same header and numbers; format=ndjson"
                    + " is one JSON row per line. Rows in (timestamp, patient_id) order.")
    @GetMapping("/api/v1/telemetry/export")
    void export(
            @RequestParam(name = "patient_id", required = false) Integer patientId,
            @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
            @Parameter(description = TO_DOC) @RequestParam(required = false) String to,
            @Parameter(description = "csv or ndjson") @RequestParam(required = false, defaultValue = "csv")
                    String format,
            HttpServletResponse response)
            throws IOException {
        TelemetryFilter filter = filter(patientId, from, to);
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("ndjson")) {
            throw new InvalidParameterException("format", "must be csv or ndjson, got '" + format + "'");
        }
        boolean csv = kind.equals("csv");
        response.setContentType(csv ? "text/csv;charset=US-ASCII" : "application/x-ndjson");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pacemaker_telemetry." + kind + "\"");
        try {
            stream(filter, csv, response.getOutputStream());
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a client that went away: Spring answers nothing more and logs no error
        }
    }

    private void stream(TelemetryFilter filter, boolean csv, OutputStream out) throws IOException {
        if (csv) {
            CsvRowWriter writer = new CsvRowWriter(out);
            writer.line(TelemetryField.csvHeader());
            telemetry.export(filter, settings.exportFetchSize(), reading -> unchecked(() -> writer.row(reading)));
            writer.flush();
        } else {
            byte[] newline = {'\n'};
            telemetry.export(
                    filter,
                    settings.exportFetchSize(),
                    reading -> unchecked(() -> {
                        out.write(ndjson.writeValueAsBytes(reading));
                        out.write(newline);
                    }));
            out.flush();
        }
    }

    @Operation(
            summary = "Rows, patients, time span, rows per UTC day, and the live ingest rate",
            description = "rows_per_day covers the given number of days up to the latest reading (default 30).")
    @GetMapping("/api/v1/telemetry/stats")
    TelemetryStats stats(@RequestParam(required = false) Integer days) {
        int dayCount =
                QueryParameters.limit("days", days, Math.min(30, settings.maxStatsDays()), settings.maxStatsDays());
        TelemetryReadRepository.Totals totals = telemetry.totals();
        long patients = totals.rows() == 0 ? 0 : telemetry.patients();
        List<TelemetryStats.Day> perDay =
                totals.lastTimestamp() == null ? List.of() : telemetry.rowsPerDay(totals.lastTimestamp(), dayCount);
        TelemetryReadRepository.Recent recent = telemetry.recent(RECENT_SECONDS);
        Instant lastInsert = recent.lastInsertedAt() != null ? recent.lastInsertedAt() : telemetry.lastInsertedAt();
        return new TelemetryStats(
                totals.rows(),
                patients,
                totals.firstTimestamp(),
                totals.lastTimestamp(),
                perDay,
                RECENT_SECONDS,
                recent.rows(),
                recent.rows() / (double) RECENT_SECONDS,
                lastInsert,
                activity.last());
    }

    private static TelemetryFilter filter(Integer patientId, String from, String to) {
        if (patientId != null && patientId < 0) {
            throw new InvalidParameterException("patient_id", "must be 0 or more, got " + patientId);
        }
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        QueryParameters.requireOrdered("from", start, "to", end);
        return new TelemetryFilter(patientId, start, end);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
