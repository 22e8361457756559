package dev.minisim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Screenshots of the window after every step: needs the window, which is not built yet. */
@Command(name = "shot", mixinStandardHelpOptions = true,
        description = "Like run, but render the simulator window off screen and write a PNG after every step and prompt.")
final class ShotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP_DIR", description = "mini-program folder")
    Path app;

    @Option(names = "--scenario", required = true, paramLabel = "FILE")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() {
        System.err.println("minisim: shot needs the desktop window, which is not built yet; "
                + "'minisim run' plays the same scenario headless");
        return Main.FAILED;
    }
}
