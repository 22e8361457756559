package dev.minisim.cli;

import dev.minisim.BadInputException;
import dev.minisim.program.MiniProgram;
import dev.minisim.ui.DesktopApp;
import dev.minisim.ui.FxPlatform;
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
        if (app != null) {
            try {
                MiniProgram.load(app);
            } catch (BadInputException e) {
                System.err.println("minisim: " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        if (!FxPlatform.hasDisplay()) {
            System.err.println("minisim: no display to open the window on (DISPLAY is not set); run it on a desktop, "
                    + "under Xvfb (xvfb-run -a java -jar target/minisim.jar open), or use 'shot' for PNGs of a scenario");
            return Main.BAD_INPUT;
        }
        FxPlatform.quietClasspathWarning();
        DesktopApp.launch(app, false);
        return Main.OK;
    }
}
