package dev.minisim;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that an older {@code java} says what MiniSim
 * needs instead of failing with UnsupportedClassVersionError; on Java 21+ it hands over to
 * {@code dev.minisim.cli.Main}.
 */
public final class Launcher {

    private static final int NEEDED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        String spec = System.getProperty("java.specification.version", "0");
        int major = Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec.replaceAll("\\..*", ""));
        if (major < NEEDED) {
            System.err.println("minisim: needs Java " + NEEDED + " or later, but this is Java " + spec + " ("
                    + System.getProperty("java.home") + "); run it with a newer JDK, e.g. "
                    + "JAVA_HOME=/path/to/jdk-25 $JAVA_HOME/bin/java -jar target/minisim.jar");
            System.exit(2);
        }
        try {
            Class.forName("dev.minisim.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
