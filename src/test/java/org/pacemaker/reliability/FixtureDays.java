package org.pacemaker.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The original generator's fixture, counted per UTC day, read independently of the replay client. */
final class FixtureDays {

    static final Path CSV = Path.of("src/test/resources/fixtures/original-generator-30x150.csv");
    static final long ROWS = 4313;

    private FixtureDays() {}

    /** Rows per UTC day number (Unix seconds / 86400). */
    static Map<Long, Long> rowsPerDay() {
        try (Stream<String> lines = Files.lines(CSV)) {
            return lines.skip(1)
                    .map(line -> Long.parseLong(line.split(",", 3)[1]) / 86_400)
                    .collect(Collectors.groupingBy(day -> day, TreeMap::new, Collectors.counting()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
