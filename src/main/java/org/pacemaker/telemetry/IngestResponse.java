package org.pacemaker.telemetry;

/** The outcome of one ingest request; field names as in the original API. */
record IngestResponse(
        int receivedCount,
        int insertedCount,
        int duplicateCount,
        int duplicateInPayloadCount,
        int duplicateExistingCount) {

    static IngestResponse of(TelemetryBatch batch, int inserted) {
        int inPayload = batch.duplicateInPayloadCount();
        int existing = batch.size() - inserted;
        return new IngestResponse(batch.receivedCount(), inserted, inPayload + existing, inPayload, existing);
    }
}
