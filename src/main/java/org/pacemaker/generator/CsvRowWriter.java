package org.pacemaker.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.pacemaker.schema.Reading;
import org.pacemaker.schema.TelemetryField;

/**
 * Writes CSV rows of plain numbers straight into a byte buffer: the generator's hot path, millions of
 * rows, so no strings, no String.format and no floating-point printing. Numbers follow pandas' output:
 * integers as they are, decimals with at least one digit after the point ({@code 500.0}, {@code 514.9}),
 * never an exponent; a missing value is an empty cell. The service's CSV export writes stored rows
 * through it too, so an export of generated rows is the generated file.
 */
public final class CsvRowWriter implements Closeable {

    /** The longest field: a sign, 19 digits, a point and a comma. */
    private static final int MAX_FIELD_BYTES = 24;
    /** The most digits a long has. */
    private static final int MAX_DIGITS = 19;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private boolean atRowStart = true;

    public CsvRowWriter(OutputStream out) {
        this.out = out;
    }

    /** A line of ASCII text as it is, such as the header. */
    public void line(String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.US_ASCII);
        flushBuffer();
        out.write(bytes);
    }

    void integer(long value) throws IOException {
        startField();
        if (value < 0) {
            buffer[position++] = '-';
            value = -value;
        }
        digits(value, 1);
    }

    /**
     * The decimal {@code scaled / 10^decimals}, trailing zeros dropped but one digit kept after the
     * point. Zero prints as {@code 0.0}: a rounded tiny negative carries no sign worth keeping.
     */
    void decimal(long scaled, int decimals) throws IOException {
        startField();
        if (scaled < 0) {
            buffer[position++] = '-';
            scaled = -scaled;
        }
        long power = Decimals.powerOfTen(decimals);
        digits(scaled / power, 1);
        buffer[position++] = '.';
        long fraction = scaled % power;
        int fractionDigits = decimals;
        while (fraction != 0 && fraction % 10 == 0) {
            fraction /= 10;
            fractionDigits--;
        }
        digits(fraction, fraction == 0 ? 1 : fractionDigits);
    }

    /**
     * A double in the fewest decimals that read back as the same double (at least one), as the
     * generator prints its rounded values: the double parsed from {@code 514.9} prints as {@code 514.9}.
     */
    void number(double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        for (int decimals = 1; decimals < MAX_DIGITS; decimals++) {
            double power = Decimals.powerOfTen(decimals);
            double scaled = Math.rint(value * power);
            if (Math.abs(scaled) >= 1e18) {
                break;
            }
            if (scaled / power == value) {
                decimal((long) scaled, decimals);
                return;
            }
        }
        // Very large or very small: exact digits, still without an exponent.
        String plain = BigDecimal.valueOf(value).toPlainString();
        startField();
        for (int i = 0; i < plain.length(); i++) {
            ensureRoom(1);
            buffer[position++] = (byte) plain.charAt(i);
        }
    }

    /** One stored reading in the generator's column order; empty cells where a column is empty. */
    public void row(Reading reading) throws IOException {
        for (TelemetryField field : TelemetryField.all()) {
            Number value = reading.get(field);
            if (value == null) {
                empty();
            } else if (field.kind() == TelemetryField.Kind.MEASUREMENT || field.kind() == TelemetryField.Kind.FEATURE) {
                number(value.doubleValue());
            } else {
                integer(value.longValue());
            }
        }
        endRow();
    }

    /** Sends what is buffered on, without closing the stream. */
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    void empty() throws IOException {
        startField();
    }

    void endRow() throws IOException {
        ensureRoom(1);
        buffer[position++] = '\n';
        atRowStart = true;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flushBuffer();
        }
    }

    private void startField() throws IOException {
        ensureRoom(MAX_FIELD_BYTES);
        if (!atRowStart) {
            buffer[position++] = ',';
        }
        atRowStart = false;
    }

    /** Writes a non-negative value, left-padded with zeros to at least minDigits digits. */
    private void digits(long value, int minDigits) {
        int start = position;
        int index = start + Math.max(digitCount(value), minDigits);
        position = index;
        // Digits from the right; int division is much cheaper and holds nearly every value here.
        while (value > Integer.MAX_VALUE) {
            long quotient = value / 10;
            buffer[--index] = (byte) ('0' + (value - quotient * 10));
            value = quotient;
        }
        int remaining = (int) value;
        do {
            int quotient = remaining / 10;
            buffer[--index] = (byte) ('0' + (remaining - quotient * 10));
            remaining = quotient;
        } while (remaining != 0);
        while (index > start) {
            buffer[--index] = '0';
        }
    }

    private static int digitCount(long value) {
        int count = 1;
        while (count < MAX_DIGITS && value >= Decimals.powerOfTen(count)) {
            count++;
        }
        return count;
    }

    private void ensureRoom(int bytes) throws IOException {
        if (position + bytes > buffer.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }
}
