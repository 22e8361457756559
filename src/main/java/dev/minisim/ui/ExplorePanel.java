package dev.minisim.ui;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.api.auth.WalletProfile;
import dev.minisim.app.Simulation;
import dev.minisim.app.ViewState;
import dev.minisim.explore.Branch;
import dev.minisim.explore.Explorer;
import dev.minisim.explore.PathStep;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.scenario.Step;
import dev.minisim.user.PolicyDecisions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The window's Explore action (issue #13): the same tree as {@code explore}, beside the phone.
 * Exploring runs headless on its own thread; choosing a leaf replays that branch in the phone
 * (the live session stops; the phone, the prompts and the panels follow the replay as they follow
 * {@code shot}), so the tester sees that path's pages and prompts. Reload goes back to the live
 * mini-program.
 */
final class ExplorePanel {

    /** A tree row: a prompt's answer on the way, or a leaf with its branch. */
    record Row(String label, Branch branch, int number) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What the panel needs of the window. */
    interface Window {
        /** The folder the window shows, or null. */
        Path folder();

        String profile();

        PolicyDecisions policy();

        /** Stops the live session and clears the panels, before a replay. */
        void stopLive();

        SimulatorModel model();

        PhonePage phonePage();
    }

    /** The window's parts as a {@link Window}: the folder and wallet read when exploring starts. */
    static Window window(java.util.function.Supplier<Path> folder, java.util.function.Supplier<String> profile,
                         PolicyDecisions policy, Runnable stopLive, SimulatorModel model, PhonePage phone) {
        return new Window() {
            @Override
            public Path folder() {
                return folder.get();
            }

            @Override
            public String profile() {
                return profile.get();
            }

            @Override
            public PolicyDecisions policy() {
                return policy;
            }

            @Override
            public void stopLive() {
                stopLive.run();
            }

            @Override
            public SimulatorModel model() {
                return model;
            }

            @Override
            public PhonePage phonePage() {
                return phone;
            }
        };
    }

    private static final Set<String> STATEFUL = Set.of("navigate", "setData", "lifecycle", "prompt", "decision", "end", "ui");

    private final Window window;
    private final VBox node = new VBox(6);
    private final Label scenarioLabel = new Label("scenario: (none: launch only)");
    private final Label summary = new Label("Explore plays every answer at every prompt; choose a branch to replay it");
    private final TreeView<Row> tree = new TreeView<>();
    private volatile Explorer explorer;
    private Button runButton;
    private Path scenario;

    ExplorePanel(Window window) {
        this.window = window;
        Button run = new Button("Explore");
        run.setId("explore-run");
        run.setOnAction(e -> explore());
        runButton = run;
        Button choose = new Button("Scenario…");
        choose.setId("explore-scenario");
        choose.setOnAction(e -> chooseScenario());
        scenarioLabel.setId("explore-scenario-label");
        summary.setId("explore-summary");
        summary.setWrapText(true);
        tree.setId("explore-tree");
        tree.setShowRoot(false);
        VBox.setVgrow(tree, Priority.ALWAYS);
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue().branch() != null) {
                replay(b.getValue());
            }
        });
        HBox bar = new HBox(6, run, choose, scenarioLabel);
        node.getChildren().addAll(bar, summary, tree);
        node.setStyle("-fx-padding: 6");
    }

    Node node() {
        return node;
    }

    TreeView<Row> tree() {
        return tree;
    }

    Label summary() {
        return summary;
    }

    /** The scenario whose steps every branch plays (null: launch only). */
    void scenario(Path file) {
        scenario = file;
        scenarioLabel.setText("scenario: " + (file == null ? "(none: launch only)" : file.getFileName()));
    }

    private void chooseScenario() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Scenario to explore");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        Path folder = window.folder();
        if (folder != null && Files.isDirectory(folder.resolve("scenarios"))) {
            chooser.setInitialDirectory(folder.resolve("scenarios").toFile());
        }
        java.io.File f = chooser.showOpenDialog(node.getScene() == null ? null : node.getScene().getWindow());
        if (f != null) {
            scenario(f.toPath());
        }
    }

    /** Explores the window's folder with the chosen scenario, the wallet and the toolbar's policies. */
    void explore() {
        Path folder = window.folder();
        if (folder == null) {
            summary.setText("open a mini-program first");
            return;
        }
        Path sc = scenario;
        String profile = window.profile();
        PolicyDecisions policy = window.policy();
        TreeItem<Row> root = new TreeItem<>(new Row("branches", null, 0));
        root.setExpanded(true);
        tree.setRoot(root);
        summary.setText("exploring…");
        runButton.setDisable(true);
        Thread t = new Thread(() -> {
            try {
                MiniProgram program = MiniProgram.load(folder);
                Scenario scen = sc == null ? Scenario.empty() : ScenarioParser.read(sc);
                RunConfig base = Scenario.withFolderConfig(RunConfig.defaults(), program.folder())
                        .withProfile(WalletProfile.load(profile));
                RunConfig config = scen.apply(base, null, null);
                Explorer ex = new Explorer(program, scen, config, policy, Set.copyOf(Explorer.KINDS),
                        new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60)));
                explorer = ex;
                int[] n = {0};
                Explorer.Result r = ex.explore(500, b -> {
                    int number = ++n[0];
                    Platform.runLater(() -> add(root, b, number));
                });
                String text = dev.minisim.explore.ExploreReport.summary(r).replace('\n', ' ');
                Platform.runLater(() -> summary.setText(text + " — choose a branch to replay it in the phone"));
            } catch (BadInputException e) {
                Platform.runLater(() -> summary.setText(e.getMessage()));
            } catch (RuntimeException e) {
                Platform.runLater(() -> summary.setText("internal simulator error: " + e));
            } finally {
                Platform.runLater(() -> runButton.setDisable(false));
            }
        }, "minisim-explore");
        t.setDaemon(true);
        t.start();
    }

    /** Adds a leaf under the rows of its path, sharing the rows it has in common with earlier leaves. */
    private static void add(TreeItem<Row> root, Branch b, int number) {
        TreeItem<Row> at = root;
        for (PathStep s : b.path()) {
            TreeItem<Row> next = null;
            for (TreeItem<Row> c : at.getChildren()) {
                if (c.getValue().branch() == null && c.getValue().label().equals(s.label())) {
                    next = c;
                }
            }
            if (next == null) {
                next = new TreeItem<>(new Row(s.label(), null, 0));
                next.setExpanded(true);
                at.getChildren().add(next);
            }
            at = next;
        }
        String text = b.text().length() > 40 ? b.text().substring(0, 40) + "…" : b.text();
        at.getChildren().add(new TreeItem<>(new Row("#" + number + " " + b.outcome() + " — " + text, b, number)));
    }

    /** Plays the branch again with the phone following it: its pages, prompts and answers, then its last page. */
    private void replay(Row row) {
        Explorer ex = explorer;
        if (ex == null) {
            return;
        }
        window.stopLive();
        SimulatorModel model = window.model();
        PhonePage phone = window.phonePage();
        Branch b = row.branch();
        summary.setText("replaying #" + row.number() + ": " + b.pathLabel());
        Thread t = new Thread(() -> {
            Branch again = ex.play(b.choices(), e -> { }, new ScenarioPlayer.Observer() {
                @Override
                public void created(Simulation sim) {
                    phone.attach(sim, false);
                    sim.events().subscribe(e -> {
                        ViewState s = STATEFUL.contains(e.type()) ? sim.viewState() : null;
                        Platform.runLater(() -> model.apply(e, s));
                    });
                }

                @Override
                public void launched(Simulation sim) {
                    paint(phone);
                }

                @Override
                public void afterStep(Simulation sim, Step step) {
                    paint(phone);
                }

                @Override
                public void finished(Simulation sim) {
                    paint(phone);
                }
            });
            Platform.runLater(() -> summary.setText("replayed #" + row.number() + ": " + again.pathLabel() + " → "
                    + again.outcome() + " (Reload goes back to the live mini-program)"));
        }, "minisim-replay");
        t.setDaemon(true);
        t.start();
    }

    private static void paint(PhonePage phone) {
        try {
            phone.paintAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a page that cannot be painted still shows in the panels
        }
    }

}
