package org.pacemaker.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacemaker.cli.ExitCode;

/** The command's arguments, output files and summary, run in-process. */
class GenerateCommandTests {

    @TempDir
    Path directory;

    /** Runs generate with small defaults, each "--option=value" in overrides replacing its default. */
    static CommandRun generate(Path output, String... overrides) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--patients", "20");
        options.put("--days", "120");
        options.put("--output", output.toString());
        options.put("--end-time", "1767225600");
        for (String override : overrides) {
            String[] option = override.split("=", 2);
            options.put(option[0], option[1]);
        }
        List<String> args = new ArrayList<>(List.of("generate"));
        options.forEach((option, value) -> args.add(option + "=" + value));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void sameArgumentsGiveTheSameBytesAndAnotherSeedOthers() throws IOException {
        Path first = directory.resolve("first.csv");
        Path second = directory.resolve("second.csv");
        Path otherSeed = directory.resolve("other-seed.csv");
        assertThat(generate(first, "--truth-output=" + directory.resolve("first-truth.csv"))
                        .exitCode())
                .isZero();
        assertThat(generate(second, "--truth-output=" + directory.resolve("second-truth.csv"))
                        .exitCode())
                .isZero();
        assertThat(generate(otherSeed, "--seed=43").exitCode()).isZero();

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(directory.resolve("second-truth.csv")))
                .isEqualTo(Files.readAllBytes(directory.resolve("first-truth.csv")));
        assertThat(Files.readAllBytes(otherSeed)).isNotEqualTo(Files.readAllBytes(first));
    }

    /**
     * Pins the bytes themselves, so a change to the random source, the model or the formatting that
     * would give other files on another machine or version shows up here. Update the digest only for
     * a deliberate change of the output.
     */
    @Test
    void theOutputIsPinnedAcrossMachinesAndVersions() throws IOException, NoSuchAlgorithmException {
        Path output = directory.resolve("pinned.csv");
        assertThat(generate(output).exitCode()).isZero();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(output));
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("9707b7e1ddcdf5455175e37ffb6819a59bde8ae94537556e1e9bb5194b425a9e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1767225600", "2026-01-01", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00+01:00"})
    void endTimeIsTheLastReadingsTimestampInAnyAcceptedForm(String endTime) throws IOException {
        Path output = directory.resolve("out.csv");
        CommandRun run =
                CommandRun.of("generate", "--patients=3", "--days=120", "--output=" + output, "--end-time=" + endTime);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<TelemetryCsv.Row> rows = TelemetryCsv.read(output).rows();
        assertThat(rows.stream().mapToLong(TelemetryCsv.Row::timestamp).max()).hasValue(1_767_225_600L);
    }

    @Test
    void withoutEndTimeTheTimelineEndsAtTheLatestWholeIntervalBeforeNow() throws IOException {
        Path output = directory.resolve("now.csv");
        long before = Instant.now().getEpochSecond();
        CommandRun run = CommandRun.of(
                "generate", "--patients=2", "--days=3", "--pings-per-day=24", "--failure-rate=0", "--output=" + output);
        long after = Instant.now().getEpochSecond();
        assertThat(run.exitCode()).as(run.err()).isZero();
        long last = TelemetryCsv.read(output).rows().stream()
                .mapToLong(TelemetryCsv.Row::timestamp)
                .max()
                .orElseThrow();
        assertThat(last % 3600).isZero();
        assertThat(last).isBetween(before - 3600, after);
    }

    @Test
    void printsASummaryOfWhatItWrote() throws IOException {
        Path output = directory.resolve("summary.csv");
        Path truth = directory.resolve("truth.csv");
        CommandRun run = generate(output, "--truth-output=" + truth);
        assertThat(run.exitCode()).isZero();
        long rows = TelemetryCsv.read(output).rows().size();
        int failing = TruthCsv.read(truth).byPatient().size();
        assertThat(run.out())
                .contains("rows:     " + rows)
                .contains("patients: 20, " + failing + " failing (lead_fracture ")
                .contains("output:   " + output)
                .contains("truth:    " + truth)
                .contains("time:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theShortestTimelineWithRoomForFailuresIsAccepted() {
        assertThat(generate(directory.resolve("short.csv"), "--days=111").exitCode())
                .isZero();
        assertThat(generate(directory.resolve("no-failures.csv"), "--days=1", "--failure-rate=0")
                        .exitCode())
                .isZero();
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("--patients=0"), "--patients must be positive, got 0"),
                Arguments.of(List.of("--days=-5"), "--days must be positive, got -5"),
                Arguments.of(List.of("--pings-per-day=0"), "--pings-per-day must be positive, got 0"),
                Arguments.of(List.of("--pings-per-day=7"), "--pings-per-day must divide 86400"),
                Arguments.of(List.of("--failure-rate=1.5"), "--failure-rate must be from 0 to 1, got 1.5"),
                Arguments.of(List.of("--failure-rate=-0.1"), "--failure-rate must be from 0 to 1, got -0.1"),
                Arguments.of(List.of("--failure-rate=NaN"), "--failure-rate must be from 0 to 1, got NaN"),
                Arguments.of(List.of("--output=data.txt"), "--output must end in .csv, got data.txt"),
                Arguments.of(
                        List.of("--days=110"),
                        "--days 110 at --pings-per-day 1 gives 110 readings per patient, but failures need at"
                                + " least 111"),
                Arguments.of(
                        List.of("--days=110", "--pings-per-day=2"),
                        "gives 220 readings per patient, but failures need at least 221"),
                Arguments.of(List.of("--end-time=yesterday"), "Invalid value for option '--end-time'"),
                Arguments.of(List.of("--end-time=2026-01-01T00:00:00.5Z"), "timestamps are whole seconds"),
                Arguments.of(List.of("--end-time=1000"), "would start before 1970-01-01"),
                Arguments.of(List.of("--end-time=253402300800"), "--end-time must be at most 253402300799"),
                Arguments.of(List.of("--truth-output=out.csv"), "--truth-output must differ from --output"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsFailClearlyAndWriteNothing(List<String> overrides, String message) {
        String[] arguments = overrides.stream()
                .map(override -> override.replaceAll("=(\\w+\\.(csv|txt))$", "=" + directory + "/$1"))
                .toArray(String[]::new);
        CommandRun run = generate(directory.resolve("out.csv"), arguments);
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .contains(message.replace(
                        "data.txt", directory.resolve("data.txt").toString()));
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aFailureMidwayLeavesNoFileAndKeepsThePreviousOutput() throws IOException {
        Path output = directory.resolve("out.csv");
        Files.writeString(output, "previous\n");
        Path notADirectory = Files.writeString(directory.resolve("blocker"), "a file, not a directory\n");
        CommandRun run = generate(output, "--truth-output=" + notADirectory.resolve("truth.csv"));
        assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(run.err()).startsWith("error: cannot write");
        assertThat(Files.readString(output)).isEqualTo("previous\n");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("out.csv", "blocker");
        }
    }

    @Test
    void createsTheOutputsFolder() {
        Path output = directory.resolve("nested/folder/out.csv");
        assertThat(generate(output).exitCode()).isZero();
        assertThat(output).isRegularFile();
    }
}
