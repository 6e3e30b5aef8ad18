package org.pacemaker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/** What the figures were measured on. */
record Machine(int cores, Double memoryGb, String cpuModel, String jdk, String os, String postgres, String load) {

    static Machine describe(String postgresVersion) {
        OptionalLong memoryKb = ProcFs.statusKb(readOrEmpty(Path.of("/proc/meminfo")), "MemTotal");
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memoryKb.isPresent() ? memoryKb.getAsLong() / 1024.0 / 1024.0 : null,
                cpuModel(readOrEmpty(Path.of("/proc/cpuinfo"))),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                postgresVersion,
                readOrEmpty(Path.of("/proc/loadavg")).strip());
    }

    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown CPU";
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %s memory, %s, %s, PostgreSQL %s%s",
                cores,
                cpuModel,
                memoryGb == null ? "unknown" : String.format(Locale.ROOT, "%.1f GB", memoryGb),
                jdk,
                os,
                postgres,
                load.isEmpty() ? "" : "; load average at the start " + load.substring(0, nthSpace(load, 3)));
    }

    private static int nthSpace(String text, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            int next = text.indexOf(' ', at + 1);
            if (next < 0) {
                return text.length();
            }
            at = next;
        }
        return at;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
