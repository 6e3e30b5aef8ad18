package org.pacemaker.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pacemaker.schema.Reading;
import org.pacemaker.web.InvalidParameterException;

/**
 * Where a page ended: the (timestamp, patient_id) key of its last row. Rows are ordered by that key,
 * which is unique, so the next page starts strictly after it: rows stored meanwhile never shift a page
 * or repeat a row, and a later page includes those that sort after the key. Clients see it as an
 * opaque string.
 */
record Cursor(long timestamp, int patientId) {

    private static final String VERSION = "v1";

    static Cursor after(Reading reading) {
        return new Cursor(reading.timestamp(), reading.patientId());
    }

    String encode() {
        String text = VERSION + ":" + timestamp + ":" + patientId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor of a previous answer, or null when absent. */
    static Cursor decode(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
            String[] parts = text.split(":");
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                long timestamp = Long.parseLong(parts[1]);
                int patientId = Integer.parseInt(parts[2]);
                if (timestamp >= 0 && patientId >= 0) {
                    return new Cursor(timestamp, patientId);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException
        }
        throw new InvalidParameterException(
                parameter, "is not a cursor this service gave out; pass next_cursor of the previous page as it is");
    }
}
