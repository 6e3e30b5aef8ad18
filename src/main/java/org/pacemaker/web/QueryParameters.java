package org.pacemaker.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Parses the query parameters the read endpoints share, naming the parameter when one is bad. */
public final class QueryParameters {

    /** The latest instant PostgreSQL prints plainly, as for ingested timestamps. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    private QueryParameters() {}

    /**
     * A point in time given as whole Unix seconds, an ISO 8601 instant ({@code 2026-01-01T00:00:00Z}),
     * a date-time with offset, a local date-time (read as UTC) or a date (its UTC midnight); null when
     * absent or blank.
     */
    public static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // an offset's unencoded '+' arrives as a space: 2026-01-01T01:00:00+01:00 in a query string
        String text = value.strip().replaceFirst("(T[0-9:.]+) ([0-9]{2}:?[0-9]{2})$", "$1+$2");
        Instant instant = parse(text);
        if (instant == null) {
            throw new InvalidParameterException(
                    parameter,
                    "must be Unix seconds or an ISO 8601 date or date-time such as 2026-01-01T00:00:00Z, got '"
                            + shown(text) + "'");
        }
        if (instant.getEpochSecond() < 0 || instant.getEpochSecond() > MAX_SECONDS) {
            throw new InvalidParameterException(
                    parameter, "must lie between 1970-01-01 and 9999-12-31, got '" + shown(text) + "'");
        }
        return instant;
    }

    /** Checks that a range is not reversed. */
    public static void requireOrdered(String fromParameter, Instant from, String toParameter, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException(toParameter, "must not be before " + fromParameter);
        }
    }

    /** A page size: the default when absent, otherwise 1 to max. */
    public static int limit(String parameter, Integer value, int defaultValue, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1 || value > max) {
            throw new InvalidParameterException(parameter, "must be from 1 to " + max + ", got " + value);
        }
        return value;
    }

    private static Instant parse(String text) {
        try {
            if (text.chars().allMatch(Character::isDigit) && text.length() <= 12) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(java.util.Locale.ROOT));
            }
            if (text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
