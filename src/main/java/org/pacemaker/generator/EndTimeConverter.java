package org.pacemaker.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --end-time}: Unix seconds, an ISO date (midnight UTC) or an ISO instant, as whole seconds. */
public final class EndTimeConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        String text = value.strip();
        if (text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        } catch (DateTimeParseException notADate) {
            // try an instant next
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            throw new TypeConversionException("expected Unix seconds (1767225600), a date (2026-01-01) or an"
                    + " instant (2026-01-01T00:00:00Z), got '" + value + "'");
        }
        if (instant.getNano() != 0) {
            throw new TypeConversionException("timestamps are whole seconds, got '" + value + "'");
        }
        return instant.getEpochSecond();
    }
}
