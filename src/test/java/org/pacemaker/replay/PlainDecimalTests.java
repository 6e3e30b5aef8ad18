package org.pacemaker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written check that replaced the regular expression {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}. */
class PlainDecimalTests {

    @ParameterizedTest
    @ValueSource(strings = {"0", "17", "17.", "17.0", "-3.25", "+3.25", ".5", "-.5", "1e5", "1.5E-3", "2.e+7", "007"})
    void plainDecimalsPass(String text) {
        assertThat(TelemetryCsv.isPlainDecimal(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "+",
                "-",
                ".",
                "-.",
                "e5",
                ".e5",
                "1e",
                "1e+",
                "NaN",
                "Infinity",
                "0x1p3",
                "1d",
                "1f",
                "1.2.3",
                "1e5.0",
                "--1",
                "1 ",
                " 1",
                "1,5",
                "١"
            })
    void anythingElseFails(String text) {
        assertThat(TelemetryCsv.isPlainDecimal(text)).isFalse();
    }
}
