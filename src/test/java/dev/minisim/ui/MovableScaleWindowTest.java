package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.paint.PaintedPage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #10, movable-view with {@code scale} in the window: the mouse wheel with Ctrl held (what a
 * trackpad's pinch sends) zooms it within {@code scale-min} .. {@code scale-max} and tells
 * {@code bindscale} {@code {x, y, scale}} (WeChat docs: "缩放过程中触发的事件，event.detail = {x,
 * y, scale}"), through the same dispatch as a scenario {@code change} with {@code scale}; the view
 * stays at that scale. Fixture: {@code src/test/resources/zoom-app}.
 */
@ExtendWith(ApplicationExtension.class)
class MovableScaleWindowTest {

    private static final Path APP = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources/zoom-app");

    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        FXMLLoader loader = DesktopApp.load();
        controller = loader.getController();
        controller.attach(stage);
        stage.setScene(new Scene(loader.getRoot(), 1280, 860));
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    @AfterEach
    void close() {
        controller.close();
    }

    private String shown() {
        PaintedPage p = controller.phonePage().view().shown();
        return p == null ? "" : p.body();
    }

    private void waitFor(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; console: " + console());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Object> console() {
        return controller.model().transcriptSnapshot().stream().filter(e -> e.type().equals("console"))
                .map(e -> e.get("text")).toList();
    }

    private String script(String js) throws Exception {
        CompletableFuture<String> out = new CompletableFuture<>();
        Platform.runLater(() -> out.complete(String.valueOf(controller.phonePage().view().script(js))));
        return out.get(10, TimeUnit.SECONDS);
    }

    private boolean logged(String text) {
        return console().contains(text);
    }

    private void lookAt(String name) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Snapshots.write(controller.phonePage().node().getScene(), Path.of("target", "zoom-" + name + ".png"));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void ctrlAndTheWheelZoomAMovableViewAndTellScale(FxRobot robot) throws Exception {
        robot.interact(() -> controller.open(APP));
        waitFor(() -> shown().contains("ms-scale=\"1\""), "the zoomable view painted");
        // two notches in (Ctrl + wheel up): 1.1, then 1.21; told once, 200 ms after the last
        String wheel = "(function(d){var p=document.getElementById('photo');p.dispatchEvent(new WheelEvent('wheel',"
                + "{deltaY:d,ctrlKey:true,bubbles:true,cancelable:true}));})";
        script(wheel + "(-100)");
        script(wheel + "(-100)");
        waitFor(() -> logged("scale 40,30 1.21"), "scale {x: 40, y: 30, scale: 1.21}");
        waitFor(() -> shown().contains("倍数 1.21") && shown().contains("scale(1.21)"), "the view painted at its new scale");
        assertThat(console().stream().filter(t -> String.valueOf(t).startsWith("scale ")).count()).isEqualTo(1);
        lookAt("zoomed");
        // never below scale-min (1): out three notches, told 1
        script(wheel + "(100)");
        script(wheel + "(100)");
        script(wheel + "(100)");
        waitFor(() -> logged("scale 40,30 1"), "scale back to scale-min");
        // a wheel without Ctrl zooms nothing
        script("(function(){var p=document.getElementById('photo');p.dispatchEvent(new WheelEvent('wheel',"
                + "{deltaY:-100,bubbles:true,cancelable:true}));})()");
        assertThat(script("document.getElementById('photo').getAttribute('ms-scale')")).isEqualTo("1");
    }
}
