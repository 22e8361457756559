package dev.minisim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar minisim.jar}: the commands of CONTRACT.md. A plain launcher class (not a JavaFX
 * Application) so the shaded jar runs with {@code java -jar}, and a headless command never loads
 * a UI class.
 */
@Command(name = "minisim",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Simulates Mini Program JSAPIs (my.* / wx.*) on the desktop and headless.",
        subcommands = {OpenCommand.class, RunCommand.class, CheckCommand.class, ShotCommand.class, RenderCommand.class, TestCommand.class,
                ExploreCommand.class, AutoCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    /** Exit codes of CONTRACT.md. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        // -Dminisim.prewarm=false measures startup without the head start (docs/benchmarks.md)
        // not for the window: there the first frame is what users feel, and a warm-up started before
        // the toolkit delays it by ~0.7 s on two cores (measured, docs/benchmarks.md)
        if (args.length > 0 && java.util.Set.of("run", "check", "shot", "test", "explore", "auto", "--auto").contains(args[0])
                && !"false".equals(System.getProperty("minisim.prewarm"))) {
            dev.minisim.runtime.Prewarm.start();
        }
        int status = execute(args);
        // shot, explore's thumbnails and auto's painter start JavaFX: end it before the JVM exits
        // (FxPlatform.shutdown says why); headless commands never load a UI class here
        if (fxRunning()) {
            dev.minisim.ui.FxPlatform.shutdown();
        }
        System.exit(status);
    }

    /** Whether JavaFX's thread runs; looked up by name so that a headless run loads no UI class. */
    private static boolean fxRunning() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if ("JavaFX Application Thread".equals(t.getName())) {
                return true;
            }
        }
        return false;
    }

    public static int execute(String... args) {
        if (args.length == 0) {
            args = new String[] {"open"};
        }
        args = AutoCommand.olderSdkArguments(args);
        // the usual `run APP --scenario FILE` needs no picocli (~0.2-0.3 s of a cold start)
        RunCommand quick = QuickRun.parse(args);
        if (quick != null) {
            try {
                return quick.call();
            } catch (RuntimeException e) {
                System.err.println("minisim: internal error: " + e); // as the handler below
                return FAILED;
            }
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("minisim: internal error: " + e);
            return FAILED;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("minisim: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'minisim " + e.getCommandLine().getCommandName()
                    + " --help' for the options.");
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Version from the jar's manifest (or "dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"minisim " + (v == null ? "dev" : v)};
        }
    }
}
