package dev.minisim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The desktop simulator window. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the desktop simulator (default command); with no APP_DIR, a bundled sample.")
final class OpenCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "APP_DIR", description = "mini-program folder")
    Path app;

    @Override
    public Integer call() {
        System.err.println("minisim: the desktop window is not built yet; use 'minisim run APP_DIR "
                + "--scenario FILE' for a headless run (see README.md)");
        return Main.FAILED;
    }
}
