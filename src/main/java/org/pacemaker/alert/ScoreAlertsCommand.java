package org.pacemaker.alert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pacemaker.cli.CommandFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pacemaker score-alerts}: the figures of docs/alerts.md, from a generated file and its truth. */
@Command(
        name = "score-alerts",
        mixinStandardHelpOptions = true,
        description = "Score the device alert rules against a generated CSV and its --truth-output file:"
                + " failing devices caught, how early, healthy devices flagged. Prints Markdown tables.")
public final class ScoreAlertsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--csv-path",
            defaultValue = "data/pacemaker_data.csv",
            description = "The generated telemetry (default: ${DEFAULT-VALUE}).")
    Path csv;

    @Option(names = "--truth-path", required = true, description = "The generator's --truth-output file.")
    Path truth;

    @Option(
            names = "--lead-impedance-trend",
            description = "7-day lead impedance trend limit in ohm/day (default: the service's default).")
    Double impedanceTrend;

    @Option(
            names = "--capture-threshold-trend",
            description = "7-day capture threshold trend limit in V/day (default: the service's default).")
    Double thresholdTrend;

    @Override
    public Integer call() throws Exception {
        for (Path file : new Path[] {csv, truth}) {
            if (!Files.isReadable(file)) {
                throw CommandFailure.badInput("cannot read " + file);
            }
        }
        AlertSettings d = AlertSettings.DEFAULTS;
        AlertSettings limits = new AlertSettings(
                d.leadImpedanceMinOhms(),
                d.leadImpedanceMaxOhms(),
                d.captureThresholdMaxV(),
                d.rWaveMinMv(),
                d.batteryMinV(),
                impedanceTrend == null ? d.leadImpedanceTrendOhmsPerDay() : impedanceTrend,
                thresholdTrend == null ? d.captureThresholdTrendVPerDay() : thresholdTrend,
                d.silentDays());
        AlertScore.Result result = AlertScore.score(csv, AlertScore.readTruth(truth), new AlertRules(limits));
        spec.commandLine().getOut().print(AlertScore.markdown(result, limits));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
