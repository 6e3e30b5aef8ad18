package org.pacemaker.client;

/** What the ingest endpoint answers for one request; {@link #plus} sums them over a replay. */
public record IngestCounts(
        long received, long inserted, long duplicate, long duplicateInPayload, long duplicateExisting) {

    public static final IngestCounts NONE = new IngestCounts(0, 0, 0, 0, 0);

    public IngestCounts plus(IngestCounts other) {
        return new IngestCounts(
                received + other.received,
                inserted + other.inserted,
                duplicate + other.duplicate,
                duplicateInPayload + other.duplicateInPayload,
                duplicateExisting + other.duplicateExisting);
    }
}
