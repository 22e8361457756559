package dev.minisim.ui;

import dev.minisim.BadInputException;
import dev.minisim.api.auth.WalletProfile;
import dev.minisim.events.Event;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.user.PolicyDecisions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import dev.minisim.app.ViewState;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window's controller: binds {@link SimulatorModel} to the views of {@code main.fxml}
 * and turns clicks into actions of the {@link LiveSession}. It never touches the JS context.
 */
public final class MainController {

    private static final int RECENT = 8;

    @FXML private Menu samplesMenu;
    @FXML private Menu recentMenu;
    @FXML private ChoiceBox<String> profileChoice;
    @FXML private ComboBox<String> authPolicy;
    @FXML private ComboBox<String> signPolicy;
    @FXML private ComboBox<String> pluginPolicy;
    @FXML private ComboBox<String> dialogPolicy;
    @FXML private ComboBox<String> wxAuthPolicy;
    @FXML private Label folderLabel;
    @FXML private StackPane phone;
    @FXML private javafx.scene.layout.BorderPane screen;
    @FXML private VBox chrome;
    @FXML private StackPane navBar;
    @FXML private Label statusTime;
    @FXML private Label walletLabel;
    @FXML private Button backButton;
    @FXML private Button homeButton;
    @FXML private Label navLoading;
    @FXML private HBox capsule;
    @FXML private Label titleLabel;
    @FXML private HBox topTabBar;
    @FXML private HBox bottomTabBar;
    @FXML private StackPane pageHost;
    @FXML private VBox pagePlaceholder;
    @FXML private FlowPane breadcrumbs;
    @FXML private Label routeLabel;
    @FXML private TreeView<String> dataTree;
    @FXML private FlowPane methodsPane;
    @FXML private Tab markupTab;
    @FXML private TreeView<ViewState.Element> markupTree;
    @FXML private javafx.scene.control.ToggleButton inspectButton;
    @FXML private ListView<String> attributeList;
    @FXML private Label toastLabel;
    @FXML private StackPane overlay;
    @FXML private ListView<Event> timelineList;
    @FXML private ListView<Event> consoleList;
    @FXML private TextField filterField;
    @FXML private ListView<Event> transcriptList;
    @FXML private Label statusLabel;
    @FXML private ToggleButton recordButton;
    @FXML private CheckMenuItem recordItem;
    @FXML private Label recordLabel;
    @FXML private Tab exploreTab;
    @FXML private Tab consoleTab;
    @FXML private Tab eventsTab;
    @FXML private javafx.scene.control.TabPane sideTabs;

    private final SimulatorModel model = new SimulatorModel();
    private final PhonePage phonePage = new PhonePage();
    private final PolicyDecisions policy = new PolicyDecisions();
    private final Preferences prefs = Preferences.userNodeForPackage(MainController.class);
    private Stage stage;
    private LiveSession session;
    /** The tap path's warm-up of the session's mini-program (null: none running). */
    private TapWarmup warmup;
    private boolean readOnly;
    private NavigationBarView navigation;
    private TabBarView tabs;
    private DataPanel dataPanel;
    private MarkupPanel markupPanel;
    private ExplorePanel explorePanel;
    /** The developer panels: drawn once shown, not before the first page ({@link #showPanels}). */
    private LazyTabs panels;
    private boolean pageShown;
    /** Where a recording is saved: given the suggested file, the chosen one or null (a save dialog; tests replace it). */
    private java.util.function.Function<Path, Path> recordingSaver = this::chooseRecordingFile;

    public SimulatorModel model() {
        return model;
    }

    public PolicyDecisions policy() {
        return policy;
    }

    /** The painted page in the phone. */
    public PhonePage phonePage() {
        return phonePage;
    }

    @FXML
    private void initialize() {
        profileChoice.getItems().setAll(WalletProfile.BUNDLED);
        profileChoice.setValue("default");
        profileChoice.valueProperty().addListener((o, a, b) -> {
            walletLabel.setText("wallet: " + b);
            authPolicy.getItems().setAll(authAnswers(b));
            reload();
        });
        walletLabel.setText("wallet: default");
        authPolicy.getItems().setAll(authAnswers("default"));
        signPolicy.getItems().setAll("ask", "allow", "6001", "6002", "7001", "7002");
        pluginPolicy.getItems().setAll("ask", "signSuccessCb", "authSuccessCb", "authFailCb", "back");
        dialogPolicy.getItems().setAll("ask", "confirm", "cancel");
        wxAuthPolicy.getItems().setAll("ask", "allow", "deny");
        bindPolicy(authPolicy, "getAuthCode");
        bindPolicy(signPolicy, "signContract");
        bindPolicy(pluginPolicy, "plugin");
        bindPolicy(dialogPolicy, "confirm", "modal");
        bindPolicy(wxAuthPolicy, "authorize", "getUserProfile");

        screenCorners();
        phoneShadow();
        navigation = new NavigationBarView(chrome, navBar, titleLabel, statusTime, walletLabel, backButton, homeButton, navLoading, capsule);
        tabs = new TabBarView(bottomTabBar, topTabBar, this::tapTab);
        dataPanel = new DataPanel(breadcrumbs, dataTree, methodsPane);
        markupPanel = new MarkupPanel(markupTree, attributeList);
        model.frame().addListener((o, a, b) -> {
            navigation.show(b);
            tabs.show(b.tabBar());
        });
        routeLabel.textProperty().bind(model.route());
        statusLabel.textProperty().bind(model.status());
        model.stack().addListener((javafx.collections.ListChangeListener<String>) c -> dataPanel.stack(model.stack()));
        model.methods().addListener((javafx.collections.ListChangeListener<String>) c ->
                dataPanel.methods(model.methods(), !readOnly, this::callMethod));
        model.data().addListener((o, a, b) -> dataPanel.data(b, model.route().get().startsWith("plugin://")));
        model.tree().addListener((o, a, b) -> markupPanel.show(b));
        model.card().addListener((o, a, b) -> drawCard(b));
        model.alert().addListener((o, a, b) -> drawCard(model.card().get()));
        model.toast().addListener((o, a, b) -> drawToast(b));

        timelineList.setItems(model.timeline());
        timelineList.setCellFactory(v -> new LogCells.Timeline());
        consoleList.setItems(model.console());
        consoleList.setCellFactory(v -> new LogCells.Console());
        FilteredList<Event> filtered = new FilteredList<>(model.transcript());
        filterField.textProperty().addListener((o, a, b) -> filtered.setPredicate(e -> b == null || b.isBlank()
                || TranscriptWriter.toJson(e).toLowerCase().contains(b.toLowerCase())));
        transcriptList.setItems(filtered);
        transcriptList.setCellFactory(v -> new LogCells.Transcript());
        panels = new LazyTabs(sideTabs);
        panels.later(exploreTab, () -> explorePanel().node());
        // the logs follow their last line; a list not drawn yet scrolls once, when first shown
        // (a scrollTo before its skin exists waits for the skin: one waiting call per event would pile up)
        model.timeline().addListener((javafx.collections.ListChangeListener<Event>) c -> {
            if (panels.shown(eventsTab)) {
                timelineList.scrollTo(model.timeline().size() - 1);
            }
        });
        model.console().addListener((javafx.collections.ListChangeListener<Event>) c -> {
            if (panels.shown(consoleTab)) {
                consoleList.scrollTo(model.console().size() - 1);
            }
        });
        panels.whenShown(eventsTab, () -> timelineList.scrollTo(model.timeline().size() - 1));
        panels.whenShown(consoleTab, () -> consoleList.scrollTo(model.console().size() - 1));
        for (String name : Samples.BUNDLED) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> open(Samples.extract(name)));
            samplesMenu.getItems().add(item);
        }
        drawRecent();
        recordItem.selectedProperty().bindBidirectional(recordButton.selectedProperty());
        recordButton.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                startRecording();
            } else {
                stopRecording();
            }
        });
    }

    /**
     * Puts the painted page (its WebView, made now if it is not yet) into the phone's page area,
     * between the navigation bar and the tab bar; once. {@link #open} calls it after starting the
     * session, so the WebView is made while the session's JS runtime starts. FX thread.
     */
    public void showPage() {
        if (pageShown) {
            return;
        }
        pageShown = true;
        attachPage(phonePage.node(), phonePage.inspector());
        inspectButton.selectedProperty().bindBidirectional(phonePage.inspector().picking());
    }

    /**
     * Warms the tap path of the session's mini-program ({@link TapWarmup}), so that the window's
     * first taps repaint as fast as later ones. The window's start calls it once the first page is
     * painted and the panels are drawn; a click on the page pauses it. FX thread.
     */
    void warmTaps() {
        if (session == null || readOnly || warmup != null || !TapWarmup.enabled()) {
            return;
        }
        TapWarmup w = new TapWarmup(session.folder(), session.profile());
        warmup = w;
        phonePage.beforeAct(w::personActed);
        w.start();
    }

    /** The running warm-up (tests), or null. */
    TapWarmup warmup() {
        return warmup;
    }

    private void stopWarmup() {
        if (warmup != null) {
            warmup.close();
            phonePage.beforeAct(null);
            warmup = null;
        }
    }

    /** Every developer panel drawn now (screenshots and tests: the window as it always was). */
    void showPanels() {
        panels.showAll();
    }

    /**
     * The selected developer panel drawn now, each other one when first selected: the window's
     * start calls it once the first page is painted, so the panels' skins and CSS do not delay it.
     */
    void showPanelsLater() {
        panels.showSelected();
    }

    private static List<String> authAnswers(String profile) {
        List<String> answers = new ArrayList<>(List.of("ask", "allow", "deny", "cancel"));
        try {
            answers.addAll(WalletProfile.load(profile).errors().keySet());
        } catch (BadInputException e) {
            // bundled profiles always load
        }
        return answers;
    }

    private void bindPolicy(ComboBox<String> box, String... kinds) {
        box.setValue("ask");
        box.valueProperty().addListener((o, a, b) -> {
            for (String kind : kinds) {
                policy.set(kind, b == null || b.isBlank() ? null : PromptPresenter.parseAnswer(b));
            }
        });
    }

    /** Shows the window of a live session (File → Open, and the first folder). */
    public void attach(Stage stage) {
        this.stage = stage;
    }

    /** For screenshots of a headless run: the model is fed from outside, nothing can be clicked. */
    public void readOnly() {
        readOnly = true;
        // a headless run's screenshots: the same pixels every time, whatever was fading
        phonePage().view().stillFrames();
    }

    public void open(Path folder) {
        boolean recording = recordButton.isSelected() && !readOnly;
        showing(folder, recording);
        session = new LiveSession(folder, profileChoice.getValue(), policy, listener()).recording(recording);
        session.start();
        showPage();
    }

    /**
     * Shows a session that was started before the window existed ({@link LiveSession#early}, with
     * the default wallet profile and no recording), as {@link #open} shows one it starts: the
     * session launches the home page once this window listens. Then makes the painted page's
     * WebView, while the session's JS runtime may still be starting.
     */
    public void adopt(LiveSession early) {
        showing(early.folder(), false);
        session = early;
        early.listen(policy, listener());
        showPage();
    }

    /** The window's side of a new session of {@code folder}: the old session closed, the views emptied. */
    private void showing(Path folder, boolean recording) {
        stopWarmup();
        if (session != null) {
            session.close();
        }
        model.reset();
        markupTab.setText(platformMarkup(folder));
        folderLabel.setText(folder.toAbsolutePath().normalize().toString());
        remember(folder);
        recordLabel.setText(recording ? "Recording… 0 steps" : "");
        if (stage != null) {
            stage.setTitle("MiniSim — " + folder.getFileName());
        }
    }

    /** What the window hears from its session (each call handed over to the FX thread). */
    private LiveSession.Listener listener() {
        return new LiveSession.Listener() {
            @Override
            public void event(Event event, dev.minisim.app.ViewState state) {
                Platform.runLater(() -> model.apply(event, state));
            }

            @Override
            public void prompt(dev.minisim.user.PersonDecisions.Pending pending) {
                Platform.runLater(() -> model.pending(pending));
            }

            @Override
            public void started(dev.minisim.app.Simulation simulation) {
                phonePage.attach(simulation, true);
            }

            @Override
            public void failed(String message) {
                Platform.runLater(() -> model.status().set(message));
            }

            @Override
            public void state(dev.minisim.app.ViewState state) {
                Platform.runLater(() -> model.show(state));
            }

            @Override
            public void recorded(int count) {
                Platform.runLater(() -> recordLabel.setText("Recording… " + count + (count == 1 ? " step" : " steps")));
            }
        };
    }

    /** "AXML" for an Alipay folder, "WXML" else (the panel is named as the vendor's IDE names it). */
    private static String platformMarkup(Path folder) {
        try {
            return dev.minisim.program.MiniProgram.load(folder).platform() == dev.minisim.program.Platform.ALIPAY ? "AXML" : "WXML";
        } catch (BadInputException e) {
            return "WXML";
        }
    }

    /** For screenshots of a headless run: names the markup panel after the app's platform. */
    public void platform(dev.minisim.program.Platform platform) {
        markupTab.setText(platform == dev.minisim.program.Platform.ALIPAY ? "AXML" : "WXML");
    }

    public void close() {
        stopWarmup();
        if (session != null) {
            session.close();
        }
    }

    @FXML
    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a mini-program folder");
        java.io.File dir = chooser.showDialog(stage);
        if (dir != null) {
            open(dir.toPath());
        }
    }

    @FXML
    public void reload() {
        if (session != null && !readOnly) {
            open(session.folder());
        }
    }

    @FXML
    private void back() {
        if (session != null) {
            session.post(sim -> sim.back(1).ifPresent(why -> sim.warning("back: " + why, null)));
        }
    }

    // ------------------------------------------------------------------ record and replay

    /**
     * Record on: the mini-program starts again from its launch, recording (a recording replays from
     * the launch, with the seed and launch time it was made with).
     */
    private void startRecording() {
        if (session == null || readOnly) {
            recordButton.setSelected(false);
            return;
        }
        open(session.folder());
    }

    /** Record off: the recording is taken between two tasks of the mini-program, then saved. */
    private void stopRecording() {
        LiveSession s = session;
        if (s == null || !s.recording()) {
            return;
        }
        recordLabel.setText("");
        s.stopRecording(rec -> Platform.runLater(() -> saveRecording(s.folder(), rec)));
    }

    /** Replaces the save dialog (tests): given the suggested file, returns the chosen one or null. */
    public void saveRecordingsWith(java.util.function.Function<Path, Path> saver) {
        this.recordingSaver = saver;
    }

    private Path chooseRecordingFile(Path suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the recorded scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        Path dir = suggested.getParent();
        chooser.setInitialDirectory((Files.isDirectory(dir) ? dir : dir.getParent()).toFile());
        chooser.setInitialFileName(suggested.getFileName().toString());
        java.io.File file = chooser.showSaveDialog(stage);
        return file == null ? null : file.toPath();
    }

    /** Writes the scenario, then replays it headless (off the window's thread) and says whether it gave the same transcript. */
    private void saveRecording(Path folder, dev.minisim.scenario.Recording rec) {
        String name = "recorded-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")) + ".json";
        Path file = recordingSaver.apply(folder.resolve("scenarios").resolve(name));
        if (file == null) {
            model.status().set("recording discarded");
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, rec.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            model.status().set("cannot write " + file + ": " + e.getMessage());
            return;
        }
        String saved = "recorded " + rec.steps() + " steps to " + file
                + (rec.problems().isEmpty() ? "" : " (not recorded: " + String.join("; ", rec.problems()) + ")");
        model.status().set(saved + "; replaying it headless…");
        Thread check = new Thread(null, () -> {
            java.util.Optional<String> diff = dev.minisim.scenario.ReplayCheck.replay(folder, file, rec.transcript());
            Platform.runLater(() -> model.status().set(saved + (diff.isEmpty() ? "; it replays headless to the same transcript"
                    : "; its replay differs: " + diff.get().lines().findFirst().orElse("") + " (see the console)")));
            diff.ifPresent(d -> System.err.println("minisim: the replay of " + file + " differs from the session: " + d));
        }, "minisim-replay-check", 16L * 1024 * 1024);
        check.setDaemon(true);
        check.start();
    }

    @FXML
    private void home() {
        if (session != null) {
            session.post(sim -> sim.home().ifPresent(why -> sim.warning("home: " + why, null)));
        }
    }

    /** A click on tab {@code index} of the native tab bar: switchTab through the simulation. */
    private void tapTab(int index) {
        if (session != null && !readOnly) {
            session.post(sim -> sim.tapTab(index).ifPresent(why -> sim.warning("tab bar: " + why, null)));
        }
    }

    private void callMethod(String m) {
        if (session != null) {
            session.post(sim -> sim.callMethod(m, List.of(Map.of("type", "tap")))
                    .ifPresent(why -> sim.warning(why, null)));
        }
    }

    @FXML
    private void exportTranscript() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the transcript");
        chooser.setInitialFileName("transcript.jsonl");
        java.io.File file = chooser.showSaveDialog(stage);
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes the transcript as JSON Lines. */
    public void exportTo(Path file) {
        StringBuilder b = new StringBuilder();
        model.transcript().forEach(e -> b.append(TranscriptWriter.toJson(e)).append('\n'));
        try {
            Files.writeString(file, b, StandardCharsets.UTF_8);
            model.status().set("transcript written to " + file);
        } catch (IOException e) {
            model.status().set("cannot write " + file + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ explore (issue #13)

    /** The Explore tab's panel (tests drive it), made on first use (it replays in the phone's painted page). */
    ExplorePanel explorePanel() {
        if (explorePanel == null) {
            showPage();
            explorePanel = new ExplorePanel(ExplorePanel.window(() -> session == null ? null : session.folder(),
                    profileChoice::getValue, policy, () -> {
                        close();
                        model.reset();
                    }, model, phonePage));
        }
        return explorePanel;
    }

    /** File → Explore every branch: shows the Explore tab and explores the open folder. */
    @FXML
    void explore() {
        showPage(); // the panel replays branches in the phone's painted page, made here if not yet
        exploreTab.getTabPane().getSelectionModel().select(exploreTab);
        panels.fill(exploreTab);
        explorePanel().explore();
    }

    @FXML
    private void quit() {
        close();
        Platform.exit();
    }

    // ------------------------------------------------------------------ drawing

    /** The prompt over the phone, else an alert, else nothing. */
    private void drawCard(SimulatorModel.Card card) {
        overlay.getChildren().clear();
        Event alert = model.alert().get();
        overlay.setVisible(card != null || alert != null);
        if (card != null) {
            overlay.getChildren().add(PromptPresenter.present(card));
        } else if (alert != null) {
            overlay.getChildren().add(PromptPresenter.alert(alert, () -> model.alert().set(null)));
        }
    }

    private void drawToast(String text) {
        toastLabel.setText(text);
        toastLabel.setVisible(text != null);
        if (text != null && !readOnly) {
            PauseTransition hide = new PauseTransition(Duration.millis(1500));
            hide.setOnFinished(e -> {
                if (text.equals(model.toast().get())) {
                    model.toast().set(null);
                }
            });
            hide.play();
        }
    }

    private void remember(Path folder) {
        if (readOnly) {
            return;
        }
        String path = folder.toAbsolutePath().normalize().toString();
        List<String> recent = new ArrayList<>(List.of(prefs.get("recent", "").split("\n")));
        recent.removeIf(r -> r.isBlank() || r.equals(path));
        recent.add(0, path);
        prefs.put("recent", String.join("\n", recent.subList(0, Math.min(RECENT, recent.size()))));
        drawRecent();
    }

    private void drawRecent() {
        recentMenu.getItems().clear();
        for (String r : prefs.get("recent", "").split("\n")) {
            if (!r.isBlank()) {
                MenuItem item = new MenuItem(r);
                item.setOnAction(e -> open(Path.of(r)));
                recentMenu.getItems().add(item);
            }
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ------------------------------------------------------------------ the page's painter

    /**
     * Puts the painted page into the phone (between the navigation bar and the tab bar) and lets
     * the WXML panel and the painter point at the same elements. FX thread.
     */
    public void attachPage(javafx.scene.Node page, PageInspector inspector) {
        pageHost.getChildren().setAll(page);
        markupPanel.inspector(inspector);
        // the page is laid out at the device's screen width: the phone grows to hold it (its
        // bezel is the phone's padding), and nothing drawn leaves the screen's area
        javafx.beans.property.DoubleProperty inner = page instanceof javafx.scene.web.WebView web ? web.minWidthProperty()
                : page instanceof javafx.scene.layout.Region region ? region.minWidthProperty() : null;
        if (inner != null) {
            javafx.beans.binding.DoubleBinding outer = javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(inner.get(), 0) + phone.getPadding().getLeft() + phone.getPadding().getRight(),
                    inner, phone.paddingProperty());
            phone.minWidthProperty().bind(outer);
            phone.maxWidthProperty().bind(outer);
        }
        pullDownRefresh(page);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(pageHost.widthProperty());
        clip.heightProperty().bind(pageHost.heightProperty());
        pageHost.setClip(clip);
    }

    /** How far the page must be dragged down from its top to refresh, in px (the clients' is about this). */
    static final double PULL_DISTANCE = 60;

    /**
     * Pull-down refresh on the painted page: dragging it down from its top (or "Pull down to
     * refresh" in its context menu, for a mouse) runs the page's {@code onPullDownRefresh} where
     * its json enables it; the indicator shows over the page's top until the page stops it.
     */
    private void pullDownRefresh(javafx.scene.Node page) {
        Label indicator = new Label("↻ Refreshing…");
        indicator.getStyleClass().add("pull-refresh-indicator");
        indicator.setStyle("-fx-background-color: rgba(0,0,0,0.62); -fx-text-fill: white; -fx-padding: 4 12 4 12;"
                + " -fx-background-radius: 12; -fx-font-size: 12px;");
        indicator.setMouseTransparent(true);
        indicator.visibleProperty().bind(phonePage.refreshing());
        StackPane.setAlignment(indicator, javafx.geometry.Pos.TOP_CENTER);
        StackPane.setMargin(indicator, new javafx.geometry.Insets(8, 0, 0, 0));
        pageHost.getChildren().add(indicator);
        double[] from = {Double.NaN};
        pageHost.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            Object y = phonePage.view().script("window.pageYOffset");
            from[0] = e.isPrimaryButtonDown() && y instanceof Number n && n.doubleValue() <= 0 ? e.getSceneY() : Double.NaN;
        });
        pageHost.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> {
            if (!Double.isNaN(from[0]) && e.getSceneY() - from[0] >= PULL_DISTANCE) {
                from[0] = Double.NaN;
                pullDown(false);
            }
        });
        MenuItem pull = new MenuItem("Pull down to refresh");
        pull.setOnAction(e -> pullDown(true));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(pull);
        pageHost.setOnContextMenuRequested(e -> menu.show(pageHost, e.getScreenX(), e.getScreenY()));
    }

    /**
     * Pulls the top page down; a drag on a page without pull-down refresh does nothing (as on the
     * phone), the menu says why.
     */
    void pullDown(boolean explain) {
        if (session != null) {
            session.post(sim -> sim.pullDownRefresh().ifPresent(why -> {
                if (explain) {
                    sim.warning(why, null);
                }
            }));
        }
    }

    /** The radius of the screen's rounded corners (the glass), as {@code .screen} in minisim.css draws its background. */
    static final double SCREEN_RADIUS = 34;

    /**
     * The screen's rounded corners cut the page and the bars as the glass does: four small shapes
     * in the bezel's colour over the screen's corners, each the square corner less its quarter
     * circle. Not a rounded clip on the screen: a node under a clip that is not a rectangle cannot
     * be where the renderer starts, so every repaint of the page (a tap's patch: the WebView is
     * dirty whole) painted the desk, the phone and the screen under it again, their rounded
     * backgrounds stretched from cached images, in software (about two thirds of a tap's frame).
     * With the corners drawn over it, the renderer starts at the page's opaque host.
     */
    private void screenCorners() {
        if (!(screen.getParent() instanceof StackPane body)) {
            return;
        }
        double r = SCREEN_RADIUS;
        javafx.geometry.Pos[] where = {javafx.geometry.Pos.TOP_LEFT, javafx.geometry.Pos.TOP_RIGHT,
            javafx.geometry.Pos.BOTTOM_RIGHT, javafx.geometry.Pos.BOTTOM_LEFT};
        int at = body.getChildren().indexOf(screen) + 1;
        for (int i = 0; i < where.length; i++) {
            // the top-left corner: from the corner along the top edge, the arc back to the left edge
            javafx.scene.shape.SVGPath corner = new javafx.scene.shape.SVGPath();
            corner.setContent("M0,0 H" + r + " A" + r + "," + r + " 0 0 0 0," + r + " Z");
            corner.getStyleClass().add("screen-corner");
            corner.setRotate(90 * i);
            corner.setMouseTransparent(true);
            corner.setCache(true);
            // laid out inside the phone's padding (the bezel), so on the screen's corner
            StackPane.setAlignment(corner, where[i]);
            body.getChildren().add(at + i, corner);
        }
    }

    /**
     * The phone's drop shadow on a node of its own, behind the phone and as large: cached, so it
     * is blurred once. As an effect of the phone, every repaint of anything inside the phone (a
     * tap's patch, the clock) blurred the whole phone again in software, frame after frame.
     */
    private void phoneShadow() {
        if (!(phone.getParent() instanceof StackPane desk)) {
            return;
        }
        javafx.scene.layout.Region shadow = new javafx.scene.layout.Region();
        shadow.getStyleClass().add("phone-shadow");
        shadow.setMouseTransparent(true);
        shadow.setCache(true);
        shadow.minWidthProperty().bind(phone.widthProperty());
        shadow.prefWidthProperty().bind(phone.widthProperty());
        shadow.maxWidthProperty().bind(phone.widthProperty());
        shadow.minHeightProperty().bind(phone.heightProperty());
        shadow.prefHeightProperty().bind(phone.heightProperty());
        shadow.maxHeightProperty().bind(phone.heightProperty());
        StackPane.setAlignment(shadow, StackPane.getAlignment(phone));
        desk.getChildren().add(desk.getChildren().indexOf(phone), shadow);
    }

    /** The phone's page area, where the painted page goes. */
    public StackPane pageHost() {
        return pageHost;
    }
}
