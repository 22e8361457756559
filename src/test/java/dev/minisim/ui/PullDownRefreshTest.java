package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
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
 * Issue #10, the frame: "pull-down refresh where enabled" — dragging the painted page down from
 * its top runs the page's {@code onPullDownRefresh} where its json has
 * {@code enablePullDownRefresh: true}, the indicator shows until the page calls
 * {@code wx.stopPullDownRefresh}; on a page that does not enable it the drag does nothing.
 */
@ExtendWith(ApplicationExtension.class)
class PullDownRefreshTest {

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
        stage.toFront();
    }

    @AfterEach
    void close() {
        controller.close();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean has(String type, Predicate<Event> p) {
        return controller.model().transcriptSnapshot().stream().anyMatch(e -> e.type().equals(type) && p.test(e));
    }

    private void app(FxRobot robot, boolean enabled) throws Exception {
        TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\"]}")
                .wechat()
                .file("pages/a/a.json", "{\"enablePullDownRefresh\": " + enabled + "}")
                .file("pages/a/a.wxml", "<view class=\"n\">第 {{n}} 次</view>")
                .file("pages/a/a.js", "Page({ data: { n: 1 },\n"
                        + " onPullDownRefresh() { this.setData({ n: this.data.n + 1 }); },\n"
                        + " done() { wx.stopPullDownRefresh(); } });");
        robot.interact(() -> controller.open(dir));
        waitFor(() -> {
            var p = controller.phonePage().view().shown();
            return p != null && p.body().contains("第 1 次");
        }, "the painted page");
    }

    private void dragDown(FxRobot robot) throws Exception {
        Point2D top = FxPlatform.call(() -> {
            Bounds b = controller.phonePage().node().localToScreen(controller.phonePage().node().getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + 40);
        });
        robot.drag(top, javafx.scene.input.MouseButton.PRIMARY).moveBy(0, 40).moveBy(0, 40).moveBy(0, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void draggingAnEnabledPageDownRefreshesItUntilItStops(FxRobot robot) throws Exception {
        app(robot, true);
        assertThat(controller.phonePage().refreshing().get()).isFalse();
        dragDown(robot);
        waitFor(() -> has("lifecycle", e -> "onPullDownRefresh".equals(e.get("hook"))), "onPullDownRefresh");
        waitFor(() -> controller.phonePage().refreshing().get(), "the refresh indicator");
        waitFor(() -> controller.phonePage().view().shown().body().contains("第 2 次"), "the refreshed page painted");

        Simulation sim = controller.phonePage().simulation();
        sim.loop().post(() -> sim.callMethod("done", List.of()));
        waitFor(() -> has("ui", e -> "stopPullDownRefresh".equals(e.get("kind"))), "stopPullDownRefresh");
        waitFor(() -> !controller.phonePage().refreshing().get(), "the indicator to go");
        assertThat(controller.phonePage().view().shown().body()).contains("第 2 次").doesNotContain("第 3 次");
    }

    @Test
    void aPageThatDoesNotEnableItIsNotRefreshed(FxRobot robot) throws Exception {
        app(robot, false);
        dragDown(robot);
        // the menu's way, which says why, proves the request reached the simulation
        robot.interact(() -> controller.pullDown(true));
        waitFor(() -> has("warning", e -> String.valueOf(e.get("message")).contains("does not enable pull-down refresh")),
                "the menu's explanation");
        assertThat(has("lifecycle", e -> "onPullDownRefresh".equals(e.get("hook")))).isFalse();
        assertThat(controller.phonePage().refreshing().get()).isFalse();
    }
}
