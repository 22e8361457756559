package dev.minisim.cli;

import dev.minisim.BadInputException;
import dev.minisim.program.MiniProgram;
import dev.minisim.check.Checker;
import dev.minisim.check.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code check}: every problem with its file and line, nothing run. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Load and parse everything (app.json, every listed page's script and template), run nothing, "
                + "and list every problem with its file and line.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no problems", "1:problems found", "2:not a mini-program folder"})
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP_DIR", description = "mini-program folder (with app.json)")
    Path app;

    @Override
    public Integer call() {
        MiniProgram program;
        try {
            program = MiniProgram.load(app);
        } catch (BadInputException e) {
            System.err.println("minisim: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        List<Problem> problems = Checker.check(program);
        problems.forEach(System.out::println);
        if (problems.isEmpty()) {
            System.out.println("ok: " + program.pages().size() + " pages checked in " + program.root());
            return Main.OK;
        }
        System.out.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found in "
                + program.root());
        return Main.FAILED;
    }
}
