package org.pacemaker.telemetry;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.pacemaker.schema.TelemetryField;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an ingest body token by token into a {@link TelemetryBatch}, checking every field of every
 * row and collecting all problems, so that one 422 names each bad row and field at once.
 */
final class TelemetryBatchParser {

    static final int MAX_ROWS = 2000;
    private static final int MAX_FIELD_NAME_LENGTH = 1000;
    private static final int MAX_STRING_LENGTH = 64 * 1024;
    private static final int MAX_SHOWN_VALUE = 40;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxNumberLength(400)
                    .build())
            .build();

    private TelemetryBatchParser() {}

    static TelemetryBatch parse(InputStream body) {
        List<Violation> violations = new ArrayList<>();
        TelemetryBatch.Builder batch = TelemetryBatch.builder(256);
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_ARRAY) {
                throw invalid(Violation.ofBody("must be a JSON array of telemetry rows, got " + describe(token)));
            }
            RowReader rows = new RowReader(parser, violations, batch);
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (index == MAX_ROWS) {
                    throw invalid(Violation.ofBody(
                            "has more than " + MAX_ROWS + " rows; send at most " + MAX_ROWS + " per request"));
                }
                rows.read(index++, token);
            }
            if (parser.nextToken() != null) {
                throw invalid(Violation.ofBody("has content after the closing ] of the array"));
            }
            if (index == 0) {
                throw invalid(Violation.ofBody("must contain at least 1 row"));
            }
        } catch (StreamReadException e) {
            throw invalid(Violation.ofBody("is not valid JSON at line %d, column %d: %s"
                    .formatted(
                            e.getLocation().getLineNr(),
                            e.getLocation().getColumnNr(),
                            withoutSource(e.getOriginalMessage()))));
        } catch (JacksonException e) {
            throw invalid(Violation.ofBody("could not be read: " + withoutSource(e.getOriginalMessage())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidBatchException(violations);
        }
        return batch.build();
    }

    private static InvalidBatchException invalid(Violation violation) {
        return new InvalidBatchException(List.of(violation));
    }

    /** Reads one row object; reuses its buffers from row to row. */
    private static final class RowReader {
        private final JsonParser parser;
        private final List<Violation> violations;
        private final TelemetryBatch.Builder batch;
        private final int fieldCount = TelemetryField.all().size();
        private final double[] values = new double[fieldCount];
        private final long[] integers = new long[fieldCount];
        private final boolean[] present = new boolean[fieldCount];
        private final boolean[] seen = new boolean[fieldCount];
        private static final int KNOWN_POSITIONS = 32;
        private final String[] knownNames = new String[KNOWN_POSITIONS];
        private final TelemetryField[] knownFields = new TelemetryField[KNOWN_POSITIONS];

        RowReader(JsonParser parser, List<Violation> violations, TelemetryBatch.Builder batch) {
            this.parser = parser;
            this.violations = violations;
            this.batch = batch;
        }

        void read(int index, JsonToken start) {
            if (start != JsonToken.START_OBJECT) {
                violations.add(new Violation(index, null, "must be a JSON object, got " + describe(start)));
                parser.skipChildren();
                batch.countRejected();
                return;
            }
            java.util.Arrays.fill(present, false);
            java.util.Arrays.fill(seen, false);
            int problemsBefore = violations.size();
            int position = 0;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                TelemetryField field = field(position++, name);
                JsonToken value = parser.nextToken();
                if (name.length() > MAX_FIELD_NAME_LENGTH) {
                    violations.add(new Violation(
                            index, null, "has a field name longer than " + MAX_FIELD_NAME_LENGTH + " characters"));
                    parser.skipChildren();
                } else if (value == JsonToken.VALUE_STRING && parser.getStringLength() > MAX_STRING_LENGTH) {
                    violations.add(new Violation(
                            index,
                            field == null ? null : field.jsonName(),
                            "has a string longer than " + MAX_STRING_LENGTH + " characters"));
                } else if (field == null) {
                    parser.skipChildren();
                } else if (seen[field.ordinal()]) {
                    violations.add(new Violation(index, field.jsonName(), "appears more than once in the row"));
                    parser.skipChildren();
                } else {
                    seen[field.ordinal()] = true;
                    readValue(index, field, value);
                }
            }
            for (TelemetryField field : TelemetryField.all()) {
                if (field.kind().required() && !seen[field.ordinal()]) {
                    violations.add(new Violation(index, field.jsonName(), "is required"));
                }
            }
            if (violations.size() == problemsBefore) {
                batch.add(values, integers, present);
            } else {
                batch.countRejected();
            }
        }

        /**
         * The field of this name. Rows of one request name their fields in the same order, and Jackson
         * hands out the same canonical String for the same name, so the field seen at the same place in
         * an earlier row is found by identity, without hashing the name; any other name is looked up.
         */
        private TelemetryField field(int position, String name) {
            if (position >= KNOWN_POSITIONS) {
                return TelemetryField.byJsonName(name);
            }
            if (name == knownNames[position]) {
                return knownFields[position];
            }
            TelemetryField field = TelemetryField.byJsonName(name);
            knownNames[position] = name;
            knownFields[position] = field;
            return field;
        }

        private void readValue(int index, TelemetryField field, JsonToken token) {
            int i = field.ordinal();
            if (token == JsonToken.VALUE_NULL) {
                if (field.kind().required()) {
                    violations.add(new Violation(index, field.jsonName(), "is required, got null"));
                }
                return;
            }
            String problem = switch (field.kind()) {
                case PATIENT_ID -> readInteger(i, token, 0, Integer.MAX_VALUE, "an integer from 0 to 2147483647");
                case UNIX_SECONDS ->
                    readInteger(
                            i,
                            token,
                            0,
                            TelemetryField.MAX_UNIX_SECONDS,
                            "whole Unix seconds (an integer from 0 to " + TelemetryField.MAX_UNIX_SECONDS + ")");
                case LABEL -> readInteger(i, token, 0, 1, "0 or 1");
                case MEASUREMENT, FEATURE -> readNumber(i, token);
            };
            if (problem != null) {
                violations.add(new Violation(index, field.jsonName(), problem));
                parser.skipChildren();
            } else {
                present[i] = true;
            }
        }

        private String readInteger(int i, JsonToken token, long min, long max, String expected) {
            if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long value = parser.getLongValue();
                if (value >= min && value <= max) {
                    integers[i] = value;
                    return null;
                }
            }
            return "must be " + expected + ", got " + describe(parser, token);
        }

        private String readNumber(int i, JsonToken token) {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                double value = parser.getDoubleValue();
                if (Double.isFinite(value)) {
                    values[i] = value;
                    return null;
                }
                return "must be a finite number, got " + shown(parser.getText());
            }
            return "must be a number, got " + describe(parser, token);
        }
    }

    private static String describe(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "the string \"" + shown(parser.getString()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> shown(parser.getText());
            default -> describe(token);
        };
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "an empty body";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /**
     * Jackson's messages end in a note on the (redacted) source and name its own settings; the line
     * and column, and the limit itself, say enough.
     */
    private static String withoutSource(String message) {
        return message.replaceAll("(?s)\\s*\\(start marker at.*|\\s*at \\[Source.*", "")
                .replaceAll(", from `[^`]*`", "");
    }

    private static String shown(String text) {
        return text.length() <= MAX_SHOWN_VALUE ? text : text.substring(0, MAX_SHOWN_VALUE) + "...";
    }
}
