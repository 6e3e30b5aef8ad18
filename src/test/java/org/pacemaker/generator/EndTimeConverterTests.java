package org.pacemaker.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class EndTimeConverterTests {

    private final EndTimeConverter converter = new EndTimeConverter();

    @ParameterizedTest
    @ValueSource(
            strings = {"1767225600", " 1767225600 ", "2026-01-01", "2026-01-01T00:00:00Z", "2025-12-31T19:00:00-05:00"})
    void readsUnixSecondsDatesAndInstants(String value) {
        assertThat(converter.convert(value)).isEqualTo(1_767_225_600L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tomorrow", "2026-13-01", "2026-01-01T00:00", "1.5"})
    void rejectsAnythingElseSayingWhatItExpects(String value) {
        assertThatThrownBy(() -> converter.convert(value))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("expected Unix seconds");
    }
}
