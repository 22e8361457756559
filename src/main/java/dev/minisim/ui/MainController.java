package dev.minisim.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window's controller: binds {@link SimulatorModel} to the views of {@code main.fxml}
 * and turns clicks into actions of the {@link LiveSession}. It never touches the JS context.
 */
public final class MainController {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    @FXML private Label walletLabel;
    @FXML private Button backButton;
    @FXML private Label titleLabel;
    @FXML private FlowPane breadcrumbs;
    @FXML private Label routeLabel;
    @FXML private TreeView<String> dataTree;
    @FXML private FlowPane methodsPane;
    @FXML private Label toastLabel;
    @FXML private StackPane overlay;
    @FXML private ListView<Event> timelineList;
    @FXML private ListView<Event> consoleList;
    @FXML private TextField filterField;
    @FXML private ListView<Event> transcriptList;
    @FXML private Label statusLabel;
    @FXML private javafx.scene.control.TabPane sideTabs;

    private final SimulatorModel model = new SimulatorModel();
    private final PhonePage phonePage = new PhonePage();
    private final PolicyDecisions policy = new PolicyDecisions();
    private final Preferences prefs = Preferences.userNodeForPackage(MainController.class);
    private Stage stage;
    private LiveSession session;
    private boolean readOnly;

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

        titleLabel.textProperty().bind(model.title());
        routeLabel.textProperty().bind(model.route());
        statusLabel.textProperty().bind(model.status());
        backButton.disableProperty().bind(javafx.beans.binding.Bindings.size(model.stack()).lessThan(2));
        model.stack().addListener((javafx.collections.ListChangeListener<String>) c -> drawBreadcrumbs());
        model.methods().addListener((javafx.collections.ListChangeListener<String>) c -> drawMethods());
        model.data().addListener((o, a, b) -> drawData(b));
        dataTree.setRoot(new TreeItem<>("data"));
        model.card().addListener((o, a, b) -> drawCard(b));
        model.alert().addListener((o, a, b) -> drawCard(model.card().get()));
        model.toast().addListener((o, a, b) -> drawToast(b));

        timelineList.setItems(model.timeline());
        timelineList.setCellFactory(v -> new TimelineCell());
        consoleList.setItems(model.console());
        consoleList.setCellFactory(v -> new ConsoleCell());
        FilteredList<Event> filtered = new FilteredList<>(model.transcript());
        filterField.textProperty().addListener((o, a, b) -> filtered.setPredicate(e -> b == null || b.isBlank()
                || TranscriptWriter.toJson(e).toLowerCase().contains(b.toLowerCase())));
        transcriptList.setItems(filtered);
        transcriptList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Event e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : TranscriptWriter.toJson(e));
            }
        });
        model.timeline().addListener((javafx.collections.ListChangeListener<Event>) c ->
                timelineList.scrollTo(model.timeline().size() - 1));
        model.console().addListener((javafx.collections.ListChangeListener<Event>) c ->
                consoleList.scrollTo(model.console().size() - 1));
        for (String name : Samples.BUNDLED) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> open(Samples.extract(name)));
            samplesMenu.getItems().add(item);
        }
        drawRecent();
        // the painted page takes the phone's page area; the data and methods move to a side tab
        javafx.scene.Node dataPanel = ((javafx.scene.layout.BorderPane) routeLabel.getParent().getParent()).getCenter();
        ((javafx.scene.layout.BorderPane) routeLabel.getParent().getParent()).setCenter(phonePage.node());
        sideTabs.getTabs().add(0, new javafx.scene.control.Tab("Page data", dataPanel));
        sideTabs.getSelectionModel().select(0);
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
    }

    public void open(Path folder) {
        if (session != null) {
            session.close();
        }
        model.reset();
        folderLabel.setText(folder.toAbsolutePath().normalize().toString());
        remember(folder);
        session = new LiveSession(folder, profileChoice.getValue(), policy, new LiveSession.Listener() {
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
        });
        if (stage != null) {
            stage.setTitle("MiniSim — " + folder.getFileName());
        }
        session.start();
    }

    public void close() {
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

    @FXML
    private void quit() {
        close();
        Platform.exit();
    }

    // ------------------------------------------------------------------ drawing

    private void drawBreadcrumbs() {
        breadcrumbs.getChildren().clear();
        List<String> stack = model.stack();
        for (int i = 0; i < stack.size(); i++) {
            if (i > 0) {
                Label sep = new Label("›");
                sep.getStyleClass().add("crumb-sep");
                breadcrumbs.getChildren().add(sep);
            }
            String route = stack.get(i);
            Label crumb = new Label(route.startsWith("plugin://") ? route.substring("plugin://".length()) : shortRoute(route));
            crumb.getStyleClass().add("crumb");
            if (route.startsWith("plugin://")) {
                crumb.getStyleClass().add("crumb-plugin");
            }
            if (i == stack.size() - 1) {
                crumb.getStyleClass().add("crumb-top");
            }
            breadcrumbs.getChildren().add(crumb);
        }
    }

    private static String shortRoute(String route) {
        String[] parts = route.split("/");
        return parts.length >= 2 && parts[parts.length - 1].equals(parts[parts.length - 2])
                ? String.join("/", java.util.Arrays.copyOf(parts, parts.length - 1)) : route;
    }

    private void drawMethods() {
        methodsPane.getChildren().clear();
        for (String m : model.methods()) {
            Button b = new Button(m);
            b.setMnemonicParsing(false);
            b.getStyleClass().add("method-button");
            b.setId("method-" + m);
            b.setMouseTransparent(readOnly);
            b.setOnAction(e -> {
                if (session != null) {
                    session.post(sim -> sim.callMethod(m, List.of(Map.of("type", "tap")))
                            .ifPresent(why -> sim.warning(why, null)));
                }
            });
            methodsPane.getChildren().add(b);
        }
    }

    private void drawData(String json) {
        TreeItem<String> root = new TreeItem<>("data");
        try {
            JsonNode node = JSON.readTree(json == null ? "null" : json);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(f -> root.getChildren().add(item(f.getKey(), f.getValue(), 0)));
            } else if (node != null && !node.isNull()) {
                root.getChildren().add(item("value", node, 0));
            }
        } catch (IOException e) {
            root.getChildren().add(new TreeItem<>(json));
        }
        if (root.getChildren().isEmpty()) {
            root.getChildren().add(new TreeItem<>(model.route().get().startsWith("plugin://")
                    ? "(a simulated plugin page: see its prompt)" : "(no data)"));
        }
        root.setExpanded(true);
        dataTree.setRoot(root);
    }

    private static TreeItem<String> item(String key, JsonNode v, int depth) {
        if (v.isContainerNode()) {
            TreeItem<String> t = new TreeItem<>(key + (v.isArray() ? "  [" + v.size() + "]" : "  {" + v.size() + "}"));
            if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    t.getChildren().add(item("[" + i + "]", v.get(i), depth + 1));
                }
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    t.getChildren().add(item(f.getKey(), f.getValue(), depth + 1));
                }
            }
            t.setExpanded(depth < 2);
            return t;
        }
        return new TreeItem<>(key + ": " + (v.isTextual() ? "\"" + v.asText() + "\"" : v.toString()));
    }

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

    // ------------------------------------------------------------------ side panels

    /** An emit as an arrow between its two pages; a navigation a plugin or an API caused. */
    private static final class TimelineCell extends ListCell<Event> {
        @Override
        protected void updateItem(Event e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            Label time = label(e.t() + " ms", "tl-time");
            HBox row;
            if (e.type().equals("channel")) {
                int heard = e.get("delivered") instanceof Number n ? n.intValue() : 0;
                String state = Boolean.TRUE.equals(e.get("closed")) ? "closed channel"
                        : Boolean.TRUE.equals(e.get("queued")) ? "kept until a listener registers"
                        : (Boolean.TRUE.equals(e.get("replayed")) ? "replayed, " : "") + heard + (heard == 1 ? " listener" : " listeners");
                row = new HBox(6, time, label(shortRoute(e.str("from")), "tl-route"), label("──", "tl-arrow"),
                        label(e.str("event"), "tl-event"), label("──▶", "tl-arrow"), label(shortRoute(e.str("to")), "tl-route"),
                        label(argsText(e.get("args")), "tl-args"), label(state, heard > 0 ? "tl-heard" : "tl-unheard"));
            } else {
                row = new HBox(6, time, label("⇢ " + e.str("action"), "tl-nav"),
                        label(e.get("from") == null ? "—" : shortRoute(e.str("from")), "tl-route"),
                        label("→", "tl-arrow"), label(shortRoute(String.valueOf(e.get("to"))), "tl-route"),
                        label(e.get("url") == null ? "" : e.str("url"), "tl-args"));
            }
            setGraphic(row);
        }

        private static String argsText(Object args) {
            if (args instanceof List<?> l && l.isEmpty()) {
                return "()";
            }
            try {
                String s = JSON.writeValueAsString(args);
                return s.length() > 80 ? s.substring(0, 77) + "…" : s;
            } catch (IOException ex) {
                return String.valueOf(args);
            }
        }
    }

    /** A console line: level, page, text, file:line; errors in red, warnings in amber. */
    private static final class ConsoleCell extends ListCell<Event> {
        @Override
        protected void updateItem(Event e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            String level = e.type().equals("console") ? e.str("level") : e.type();
            String text = e.type().equals("console") ? e.str("text") : e.str("message");
            Label msg = label(text, level.equals("error") ? "log-error" : level.startsWith("warn") ? "log-warn" : "tl-event");
            msg.setWrapText(true);
            msg.setMaxWidth(520);
            Label meta = label(level + " · " + (e.get("page") == null ? "app" : e.str("page"))
                    + (e.get("source") == null ? "" : " · " + e.str("source")) + " · " + e.t() + " ms", "log-meta");
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(1, msg, meta);
            setGraphic(box);
        }
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.setMnemonicParsing(false);
        l.getStyleClass().add(style);
        return l;
    }
}
