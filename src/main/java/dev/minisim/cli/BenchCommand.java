package dev.minisim.cli;

import dev.minisim.BadInputException;
import dev.minisim.program.MiniProgram;
import dev.minisim.app.Simulation;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The benchmark harness (docs/benchmarks.md): how long the first run of a scenario takes in a
 * fresh JVM, split into JVM start and MiniSim's own work, and how many runs per second one JVM
 * does afterwards on the shared Engine. Not a test: numbers, not assertions.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Measure the first run and the runs per second of a scenario in this JVM.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "APP_DIR")
    Path app;

    @Option(names = "--window", description = "measure the time from JVM start to the window's first frame instead")
    boolean window;

    @Option(names = "--taps", defaultValue = "0", paramLabel = "N",
            description = "with --window: then tap the painted element with the --tap-text N times and time each repaint")
    int taps;

    @Option(names = "--tap-text", defaultValue = "买牛奶", paramLabel = "TEXT",
            description = "with --taps: the text of the painted element to tap (default: ${DEFAULT-VALUE}, a to-do of the bundled sample)")
    String tapText;

    @Option(names = "--first-tap-after", defaultValue = "300", paramLabel = "MS",
            description = "with --taps: the first click this long after the first page is painted (default: ${DEFAULT-VALUE}; the others 300 ms apart)")
    long firstTapAfter;

    @Option(names = "--scenario", paramLabel = "FILE")
    Path scenario;

    @Option(names = "--runs", defaultValue = "50", description = "runs after the first (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--big-data", paramLabel = "ROWS",
            description = "instead of APP_DIR: a generated page whose initial data holds a ROWS-object list (mount benchmark)")
    Integer bigData;

    @Override
    public Integer call() throws BadInputException {
        if (window) {
            dev.minisim.ui.StartTiming.mark("bench --window");
            dev.minisim.ui.FxPlatform.quietClasspathWarning();
            dev.minisim.ui.FxPlatform.headlessUnlessDisplay();
            dev.minisim.ui.DesktopApp.benchTaps(taps, tapText, firstTapAfter);
            dev.minisim.ui.DesktopApp.launch(app, true);
            System.out.printf("window: first frame %d ms, first page's data %d ms, first page painted %d ms after JVM start (%s)%n",
                    dev.minisim.ui.DesktopApp.firstFrameMillis(), dev.minisim.ui.DesktopApp.homeShownMillis(),
                    dev.minisim.ui.DesktopApp.pagePaintedMillis(),
                    dev.minisim.ui.FxPlatform.hasDisplay() ? "display " + System.getenv("DISPLAY") : "Monocle headless");
            java.util.List<String> tapTimes = dev.minisim.ui.DesktopApp.tapTimes();
            for (int i = 0; i < tapTimes.size(); i++) {
                System.out.printf("tap %d: %s%n", i + 1, tapTimes.get(i));
            }
            if (!tapTimes.isEmpty()) {
                System.out.println(dev.minisim.ui.DesktopApp.tapMedians());
            }
            String warmup = dev.minisim.ui.DesktopApp.warmupSummary();
            if (!warmup.isEmpty()) {
                System.out.println(warmup);
            }
            return 0;
        }
        if (bigData != null) {
            BigDataApp generated = BigDataApp.write(bigData);
            System.out.printf("generated page: %d rows, %.0f KB of initial data as JSON%n", bigData, generated.dataKilobytes());
            try {
                return measure(generated.dir, generated.scenario);
            } finally {
                generated.delete();
            }
        }
        if (app == null) {
            throw new BadInputException("bench: APP_DIR is required (or --window, --big-data)");
        }
        return measure(app, scenario);
    }

    private Integer measure(Path app, Path scenario) throws BadInputException {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        MiniProgram program = MiniProgram.load(app);
        Scenario sc = scenario == null ? Scenario.empty() : ScenarioParser.read(scenario);
        ScenarioPlayer player = new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60));
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        RunResult first = player.play(program, sc, e -> { });
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        // the process's CPU time too: on a machine shared with other work it is steadier than wall time
        System.out.printf("first run: %d ms, %d ms of process CPU (status %s); JVM start to main: %d ms; "
                + "JVM start to end of first run: %d ms%n", firstMs, (processCpuNanos() - cpu0) / 1_000_000,
                first.status(), mainAt - jvmStart, System.currentTimeMillis() - jvmStart);
        double[] ms = new double[runs];
        long all = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            player.play(program, sc, e -> { });
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double total = (System.nanoTime() - all) / 1e9;
        Arrays.sort(ms);
        if (runs > 0) {
            System.out.printf("next %d runs: median %.1f ms, p90 %.1f ms, %.1f runs/s%n",
                    runs, ms[runs / 2], ms[(int) (runs * 0.9)], runs / total);
        }
        return 0;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
