package dev.minisim.ui;

import dev.minisim.screen.Target;
import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.app.Simulation;
import dev.minisim.app.ViewState;
import dev.minisim.events.Event;
import dev.minisim.scenario.RunResult;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.scenario.Step;
import dev.minisim.user.PolicyDecisions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code shot}: plays a scenario headless, as {@code run} does, while the window follows the same
 * event stream off screen; a PNG is written after the launch, after every step (expect steps
 * change nothing and get none) and at every prompt, named in order with what it shows:
 * {@code 00-launch.png}, {@code 03-prompt-getAuthCode.png}, {@code 04-plugin-qyssdk-plugin-doc.png}.
 */
public final class ShotRunner {

    private static final Set<String> STATEFUL = Set.of("navigate", "setData", "lifecycle", "prompt", "decision", "end", "ui");

    private final Path out;
    private final List<Path> written = new ArrayList<>();
    private Scene scene;
    private Stage stage;
    private MainController controller;

    public ShotRunner(Path out) {
        this.out = out;
    }

    public List<Path> written() {
        return written;
    }

    public RunResult play(MiniProgram program, Scenario scenario, RunConfig config, PolicyDecisions policy,
                          Duration timeLimit, Consumer<Event> sink) throws Exception {
        FxPlatform.startup();
        FxPlatform.call(() -> {
            FXMLLoader loader = DesktopApp.load();
            controller = loader.getController();
            controller.readOnly();
            controller.platform(program.platform());
            stage = new Stage();
            scene = new Scene(loader.getRoot(), 1280, 860);
            stage.setScene(scene);
            stage.setTitle("MiniSim — " + program.folder().getFileName());
            stage.show();
            return null;
        });
        SimulatorModel model = controller.model();
        // screenshots block the runtime thread while the window draws, so tasks get a longer budget
        ScenarioPlayer player = new ScenarioPlayer(Simulation.Options.headless().withTaskBudget(Duration.ofSeconds(60)),
                timeLimit);
        try {
            return player.play(program, scenario, config, policy, sink, new ScenarioPlayer.Observer() {
                @Override
                public void created(Simulation sim) {
                    controller.phonePage().attach(sim, false);
                    sim.events().subscribe(e -> {
                        ViewState s = STATEFUL.contains(e.type()) ? sim.viewState() : null;
                        javafx.application.Platform.runLater(() -> model.apply(e, s));
                        if (e.type().equals("prompt")) {
                            shoot(promptName(e));
                        }
                    });
                }

                @Override
                public void launched(Simulation sim) {
                    shoot("launch");
                }

                @Override
                public void afterStep(Simulation sim, Step step) {
                    if (!(step instanceof Step.Expect)) {
                        shoot(stepName(step));
                    }
                }
            });
        } finally {
            FxPlatform.call(() -> {
                stage.close();
                return null;
            });
        }
    }

    private void shoot(String what) {
        Path file = out.resolve(String.format("%02d-%s.png", written.size(), what.replaceAll("[^A-Za-z0-9._-]+", "-")));
        try {
            controller.phonePage().paintAndWait();
            FxPlatform.call(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                Snapshots.write(scene, file);
                return null;
            });
            written.add(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + file, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String promptName(Event e) {
        if ("plugin".equals(e.str("kind"))) {
            return "plugin-" + e.str("plugin") + "-" + e.str("pluginPage");
        }
        return "prompt-" + e.str("api");
    }

    /** A file-name part for a TARGET: its selector, else "text" (the text may be all Chinese). */
    private static String targetName(Target target) {
        return target.selector() != null ? target.selector() : "text";
    }

    static String stepName(Step step) {
        return switch (step) {
            case Step.Call c -> "call-" + c.method();
            case Step.Wait w -> "wait-" + w.millis();
            case Step.Back b -> "back-" + b.pages();
            case Step.Tab t -> "tab-" + (t.tab() != null ? String.valueOf(t.tab()) : "text");
            case Step.Tap t -> "tap-" + targetName(t.target());
            case Step.Input in -> "input-" + targetName(in.target());
            case Step.Change ch -> "change-" + targetName(ch.target());
            case Step.See see -> (see.present() ? "see-" : "notSee-") + targetName(see.target());
            case Step.Expect x -> "expect";
        };
    }
}
