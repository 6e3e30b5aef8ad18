package org.pacemaker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line that runs a pacemaker command in a JVM of its own, with this JVM's Java and
 * classpath: {@code java -jar pacemaker.jar ...} when this process runs from a jar with a main class
 * (the packaged jar, whose classes sit inside it out of reach of {@code -cp}, or the extracted one
 * that the {@code pacemaker} script runs), else {@code java -cp <classpath>
 * org.pacemaker.cli.PacemakerCommand ...} (tests, an IDE).
 */
public final class JavaLauncher {

    /**
     * JVM options of {@code replay}, which the {@code pacemaker} script passes too: a serial collector
     * and a heap that starts at 24 MB and grows only when needed. With the defaults (G1, a heap of a
     * 64th of the memory to start with) the client touched a young generation of hundreds of MB and
     * peaked at 400-600 MB RSS while keeping a few MB alive; now it peaks at about 110-130 MB on the
     * full default file (docs/benchmarks.md), and an unordered file, sorted in memory, can still use as
     * much heap as before.
     */
    public static final List<String> REPLAY_JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms24m");

    private JavaLauncher() {}

    /**
     * {@code java [defaults of the command] [javaOptions] <this program> [arguments]}; given options
     * come after the defaults, so they win.
     */
    public static List<String> command(List<String> javaOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!arguments.isEmpty() && arguments.get(0).equals("replay")) {
            command.addAll(REPLAY_JAVA_OPTIONS);
        }
        command.addAll(javaOptions);
        String classPath = System.getProperty("java.class.path");
        if (isPackagedJar(classPath)) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(PacemakerCommand.class.getName());
        }
        command.addAll(arguments);
        return command;
    }

    /** A runnable jar names its Main-Class in the manifest. */
    private static boolean isPackagedJar(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        Path jar = Path.of(classPath);
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
