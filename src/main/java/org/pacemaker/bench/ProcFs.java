package org.pacemaker.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Linux's /proc tells about a process: peak and current resident memory from
 * {@code /proc/<pid>/status}, CPU time from {@code /proc/<pid>/stat}. Elsewhere every figure is
 * absent and the report shows none.
 */
final class ProcFs {

    private static final Path PROC = Path.of("/proc");

    /** Clock ticks per second of the CPU times in /proc/<pid>/stat; 100 on every common Linux. */
    static final double TICKS_PER_SECOND = 100.0;

    /** A line of /proc/<pid>/stat: the parent and the CPU ticks of the process and its waited-for children. */
    record Stat(
            long pid, long parentPid, long userTicks, long systemTicks, long childUserTicks, long childSystemTicks) {

        long ownTicks() {
            return userTicks + systemTicks;
        }

        long ticksWithChildren() {
            return ownTicks() + childUserTicks + childSystemTicks;
        }
    }

    private ProcFs() {}

    static boolean available() {
        return Files.isReadable(PROC.resolve("self/status"));
    }

    /** A "Key:   1234 kB" field of /proc/<pid>/status in kB, for example VmHWM (peak RSS) or VmRSS. */
    static OptionalLong statusKb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                String value = line.substring(key.length() + 1).strip();
                int space = value.indexOf(' ');
                try {
                    return OptionalLong.of(Long.parseLong(space < 0 ? value : value.substring(0, space)));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Parses /proc/<pid>/stat. The command name (field 2) is in parentheses and may hold spaces and
     * parentheses itself, so the fields are counted from the last closing one.
     */
    static Stat parseStat(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        long pid = Long.parseLong(stat.substring(0, open).strip());
        // after the name: field 3 (state) is rest[0], so field n is rest[n - 3]
        String[] rest = stat.substring(close + 1).strip().split("\\s+");
        return new Stat(
                pid,
                Long.parseLong(rest[4 - 3]),
                Long.parseLong(rest[14 - 3]),
                Long.parseLong(rest[15 - 3]),
                Long.parseLong(rest[16 - 3]),
                Long.parseLong(rest[17 - 3]));
    }

    static OptionalLong statusKb(long pid, String key) {
        return read(pid, "status").map(text -> statusKb(text, key)).orElse(OptionalLong.empty());
    }

    static Optional<Stat> stat(long pid) {
        return read(pid, "stat").map(text -> {
            try {
                return parseStat(text);
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    /**
     * CPU ticks of a process and of all its children, living or already reaped: how PostgreSQL's
     * postmaster and its backends add up.
     */
    static OptionalLong treeTicks(long parentPid) {
        Optional<Stat> parent = stat(parentPid);
        if (parent.isEmpty()) {
            return OptionalLong.empty();
        }
        long ticks = parent.get().ticksWithChildren();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(
                PROC, entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                Optional<Stat> child = stat(Long.parseLong(process.getFileName().toString()));
                if (child.isPresent() && child.get().parentPid() == parentPid) {
                    ticks += child.get().ticksWithChildren();
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ticks);
    }

    private static Optional<String> read(long pid, String file) {
        try {
            return Optional.of(Files.readString(PROC.resolve(Long.toString(pid)).resolve(file)));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
