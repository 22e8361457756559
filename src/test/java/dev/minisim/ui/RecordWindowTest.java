package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #10, part 4: "a Record toggle in the window writes what the person did ... as a scenario
 * file ... that {@code run} replays to the same transcript". Clicked as a person would: Record
 * on (the app starts again from its launch), a method button, the prompt's Allow, Record off; the
 * save dialog's file is written and the window replays it headless and says it matched.
 */
@ExtendWith(ApplicationExtension.class)
class RecordWindowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        FXMLLoader loader = DesktopApp.load();
        controller = loader.getController();
        controller.attach(stage);
        stage.setScene(new Scene(loader.getRoot(), 1280, 860));
        stage.show();
    }

    @AfterEach
    void close() {
        controller.close();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theRecordToggleSavesAScenarioThatReplaysToTheSameTranscript(FxRobot robot) throws Exception {
        Path sample = Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps").resolve("auth-demo");
        AtomicReference<Path> suggested = new AtomicReference<>();
        Path chosen = dir.resolve("recorded.json");
        controller.saveRecordingsWith(p -> {
            suggested.set(p);
            return chosen;
        });
        robot.interact(() -> controller.open(sample));
        waitFor(() -> !controller.model().methods().isEmpty(), "the home page's methods");

        robot.clickOn("#recordButton");
        // the File menu's item follows the toolbar's toggle
        CheckMenuItem item = (CheckMenuItem) robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().get(0).getItems().stream().filter(i -> "recordItem".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.isSelected()).isTrue();
        waitFor(() -> controller.model().transcriptSnapshot().stream().anyMatch(e -> "onReady".equals(e.get("hook")))
                && !controller.model().methods().isEmpty(), "the relaunch");
        assertThat(robot.lookup("#recordLabel").queryAs(Label.class).getText()).isEqualTo("Recording… 0 steps");

        robot.clickOn("#method-onAuthorize");
        waitFor(() -> controller.model().card().get() != null && controller.model().card().get().pending() != null,
                "the getAuthCode sheet");
        robot.clickOn("#scope-USER_AVATAR");
        robot.clickOn("#allow");
        waitFor(() -> controller.model().data().get().contains("部分授权"), "the partial grant on the page");
        waitFor(() -> robot.lookup("#recordLabel").queryAs(Label.class).getText().equals("Recording… 2 steps"),
                "the status of the recording");

        robot.clickOn("#recordButton");
        assertThat(robot.lookup("#recordButton").queryAs(ToggleButton.class).isSelected()).isFalse();
        waitFor(() -> Files.exists(chosen), "the saved file");
        waitFor(() -> controller.model().status().get().contains("replays headless to the same transcript"),
                "the window's replay check, status now: " + controller.model().status().get());

        assertThat(suggested.get().getParent()).isEqualTo(sample.resolve("scenarios"));
        assertThat(suggested.get().getFileName().toString()).matches("recorded-\\d{8}-\\d{6}\\.json");
        JsonNode file = JSON.readTree(Files.readString(chosen));
        assertThat(file.get("decisions")).isEqualTo(JSON.readTree(
                "{\"getAuthCode\": [{\"allow\": [\"auth_user\", \"USER_NAME\"]}]}"));
        assertThat(file.get("steps").toString()).contains("{\"call\":\"onAuthorize\",\"args\":[{\"type\":\"tap\"}]}")
                .contains("\"see\":{\"selector\":\"view.status\",\"text\":\"部分授权\"}");
        // pretty-printed, as a person reads and edits it
        assertThat(Files.readString(chosen)).contains("\n  \"steps\": [\n    {").contains("{\"call\": \"onAuthorize\", \"args\": [{\"type\": \"tap\"}]}");
    }
}
