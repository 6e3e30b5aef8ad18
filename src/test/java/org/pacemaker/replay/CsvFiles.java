package org.pacemaker.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.pacemaker.schema.TelemetryField;

/** The original generator's fixture, and variants of it written for one test. */
final class CsvFiles {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/original-generator-30x150.csv");
    static final int FIXTURE_ROWS = 4313;
    static final int FIXTURE_DAYS = 150;

    private CsvFiles() {}

    static List<String> fixtureLines() {
        try {
            return Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with its header in snake_case. */
    static Path snakeCase(Path dir) {
        List<String> lines = fixtureLines();
        lines.set(
                0,
                Arrays.stream(lines.get(0).split(","))
                        .map(name -> TelemetryField.byAnyName(name).jsonName())
                        .collect(Collectors.joining(",")));
        return write(dir.resolve("snake.csv"), lines);
    }

    /** The fixture's rows shuffled, header first. */
    static Path shuffled(Path dir) {
        List<String> lines = fixtureLines();
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(rows, new Random(7));
        rows.add(0, lines.get(0));
        return write(dir.resolve("shuffled.csv"), rows);
    }

    /** The fixture with one line (1 is the header) changed. */
    static Path withLine(Path dir, int lineNumber, UnaryOperator<String> change) {
        List<String> lines = fixtureLines();
        lines.set(lineNumber - 1, change.apply(lines.get(lineNumber - 1)));
        return write(dir.resolve("changed.csv"), lines);
    }

    /** The fixture with one cell (column counted from 0) of one line replaced. */
    static Path withCell(Path dir, int lineNumber, int column, String value) {
        return withLine(dir, lineNumber, line -> withCell(line, column, value));
    }

    static String withCell(String line, int column, String value) {
        String[] cells = line.split(",", -1);
        cells[column] = value;
        return String.join(",", cells);
    }

    static Path write(Path file, List<String> lines) {
        try {
            return Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
