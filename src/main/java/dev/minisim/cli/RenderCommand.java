package dev.minisim.cli;

import dev.minisim.program.PageInstance;
import dev.minisim.app.Simulation;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.view.Markup;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code render}: like {@code run} (the transcript only with {@code --transcript}), then prints the
 * top page as rendered markup (CONTRACT "Rendered markup").
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Like run, then print the top page as rendered markup (HTML with the mini-program's own tags).",
                "The transcript is written only with --transcript."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the run finished and every expect held",
                "1:an expect failed, the mini-program threw an uncaught error, or the run hit its time limit",
                "2:bad input (unreadable folder, invalid app.json, invalid scenario)"})
final class RenderCommand extends RunCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--transcript")) {
            transcript = "";
        }
        String[] markup = {null};
        String[] why = {null};
        Integer code = execute(new ScenarioPlayer.Observer() {
            @Override
            public void finished(Simulation sim) {
                PageInstance top = sim.router().top();
                if (top == null) {
                    why[0] = "no page is showing";
                    return;
                }
                sim.screen().tree(top.id()).ifPresentOrElse(root -> markup[0] = Markup.write(root),
                        () -> why[0] = "page " + top.route() + " has no template to render");
            }
        });
        if (markup[0] != null) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(markup[0]);
            out.flush();
        } else if (why[0] != null && code != Main.BAD_INPUT) {
            System.err.println("minisim: " + why[0]);
            return Main.FAILED;
        }
        return code;
    }
}
