package dev.minisim.launcher;

import java.lang.management.ManagementFactory;

/**
 * Stands in for MiniSim's jar in {@link LauncherScriptTest}: prints which JDK the launcher chose,
 * the JVM options it passed and the arguments, then exits with the status {@code exit=N} asks for.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("java.home=" + System.getProperty("java.home"));
        // how the JVM was started: "MainClass args" (-cp) or "path/to.jar args" (-jar)
        System.out.println("command=" + System.getProperty("sun.java.command"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            System.out.println("jvm=" + a);
        }
        int status = 0;
        for (String a : args) {
            System.out.println("arg=" + a);
            if (a.startsWith("exit=")) {
                status = Integer.parseInt(a.substring(5));
            }
        }
        System.exit(status);
    }
}
