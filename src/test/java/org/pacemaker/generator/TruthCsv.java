package org.pacemaker.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The truth file read back: failing patient id to its failure. */
record TruthCsv(String header, Map<Integer, Entry> byPatient) {

    record Entry(int patient, String type, long failureTimestamp, long firstLabelTimestamp) {}

    static TruthCsv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<Integer, Entry> entries = lines.subList(1, lines.size()).stream()
                .map(line -> line.split(","))
                .map(cells -> new Entry(
                        Integer.parseInt(cells[0]), cells[1], Long.parseLong(cells[2]), Long.parseLong(cells[3])))
                .collect(Collectors.toMap(Entry::patient, Function.identity()));
        return new TruthCsv(lines.get(0), entries);
    }
}
