package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.events.Event;
import dev.minisim.paint.PaintedPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #10, picker-view in the window: each column is a wheel the person turns by dragging it, by
 * tapping a row or with the mouse wheel; it stops on a row, and the picker-view tells
 * {@code pickstart}, {@code pickend} and {@code change} with the row of every column (WeChat docs:
 * "滚动选择时触发change事件，event.detail = {value}", bindpickstart "当滚动选择开始时候触发事件",
 * bindpickend "当滚动选择结束时候触发事件"), through the same dispatch as a scenario {@code change}.
 * Fixture: {@code src/test/resources/pickerview-app}, rows 50 px tall (its indicator-style).
 */
@ExtendWith(ApplicationExtension.class)
class PickerViewWindowTest {

    private static final Path APP = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources/pickerview-app");

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

    /** The screen point of the middle of the painted element with the user's {@code id}. */
    private Point2D pointOf(String userId) throws Exception {
        PaintedPage page = controller.phonePage().view().shown();
        int id = page.elements().entrySet().stream().filter(e -> e.getValue().id().equals(userId))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("#" + userId + " not painted"));
        CompletableFuture<Point2D> at = new CompletableFuture<>();
        Platform.runLater(() -> {
            double[] r = controller.phonePage().rects(List.of(id)).get(0);
            Bounds b = controller.phonePage().node().localToScreen(controller.phonePage().node().getBoundsInLocal());
            at.complete(new Point2D(b.getMinX() + (r[0] + r[2]) / 2, b.getMinY() + (r[1] + r[3]) / 2));
        });
        return at.get(10, TimeUnit.SECONDS);
    }

    private void lookAt(String name) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Snapshots.write(controller.phonePage().node().getScene(), Path.of("target", "pickerview-" + name + ".png"));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theColumnsTurnByDragTapAndWheelAndTellChange(FxRobot robot) throws Exception {
        robot.interact(() -> controller.open(APP));
        waitFor(() -> shown().contains("ms-pv=") && shown().contains("2024年2月29日"), "the date wheel painted");

        // dragged up by two rows: the month column stops two rows on (2月 -> 4月); the days follow
        robot.drag(pointOf("month"), MouseButton.PRIMARY).moveBy(0, -30).moveBy(0, -40).moveBy(0, -30).drop();
        waitFor(() -> logged("change [1,3,28]"), "change [1, 3, 28] after the drag");
        List<Object> told = console();
        assertThat(told.subList(told.indexOf("pickstart"), told.size())).startsWith("pickstart", "pickend", "change [1,3,28]");
        waitFor(() -> shown().contains("2024年4月29日"), "the page shows April");
        waitFor(() -> shown().contains("ms-pv=\"[1,3,28]\""), "the wheel painted where it stopped");
        lookAt("dragged");

        // a row tapped two below the indicator: the year column turns to it (2024 -> 2026)
        Point2D year = pointOf("year");
        robot.clickOn(new Point2D(year.getX(), year.getY() + 100));
        waitFor(() -> logged("change [3,3,28]"), "change [3, 3, 28] after the tap on 2026年");

        // the mouse wheel turns the day column one row a notch (Monocle's robot and the desktop
        // disagree on which way "down" is, so either neighbour; the DOM's direction is pinned below)
        robot.moveTo(pointOf("day")).scroll(1, VerticalDirection.DOWN);
        waitFor(() -> logged("change [3,3,27]") || logged("change [3,3,29]"), "one day on after a wheel notch");
        boolean back = logged("change [3,3,27]");
        waitFor(() -> shown().contains(back ? "2026年4月28日" : "2026年4月30日"), "the page shows that day");
        // as in a browser, a wheel event with a positive deltaY (the content moving up) turns to the
        // next row, a negative one to the row before: either way back to the 29th (row 28)
        script("(function(){var c=document.getElementById('day');c.dispatchEvent(new WheelEvent('wheel',"
                + "{deltaY:" + (back ? 100 : -100) + ",bubbles:true,cancelable:true}));})()");
        waitFor(() -> console().stream().filter("change [3,3,28]"::equals).count() == 2, "back on the 29th after a DOM wheel");
        waitFor(() -> shown().contains("2026年4月29日"), "the page shows the 29th");
        // nothing left turning: the last pickend came after the last pickstart
        told = console();
        assertThat(told.lastIndexOf("pickend")).isGreaterThan(told.lastIndexOf("pickstart"));
        assertThat(controller.model().transcriptSnapshot().stream().filter(e -> e.type().equals("error")).map(Event::toString))
                .isEmpty();
    }
}
