package org.pacemaker.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The answers for scoring a model: one row per failing patient with its failure type, the failure
 * (explant) timestamp, which is one interval after its last reading, and its first labelled timestamp.
 */
final class TruthFile {

    static final String HEADER = "Patient_ID,Failure_Type,Failure_Timestamp,First_Label_Timestamp";

    private TruthFile() {}

    static void write(Path file, GeneratorSettings settings, List<Failure> failures) throws IOException {
        int targetReadings = settings.readingsIn(Failure.TARGET_DAYS);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(HEADER);
            out.write('\n');
            for (Failure failure : failures) {
                out.write(failure.patientId() + "," + failure.type().label() + ","
                        + settings.timestampOf(failure.position()) + ","
                        + settings.timestampOf(failure.position() - targetReadings) + "\n");
            }
        }
    }
}
