package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.paint.PaintedPage;
import dev.minisim.view.VElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #10: the phone shows the painted page; a click on an element goes through the same
 * dispatch as a scenario {@code tap} on that element, typing through the same path as
 * {@code input}; layout queries answer from the painted page in the window.
 */
@ExtendWith(ApplicationExtension.class)
class PageWebViewTest {

    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        FXMLLoader loader = DesktopApp.load();
        controller = loader.getController();
        controller.attach(stage);
        stage.setScene(new Scene(loader.getRoot(), 1280, 860));
        stage.show();
        // windows of earlier tests in this JVM (shot's off-screen ones) must not be the ones clicked
        stage.toFront();
        stage.requestFocus();
    }

    @AfterEach
    void close() {
        controller.close();
    }

    private void open(FxRobot robot, String sample, String text) throws Exception {
        robot.interact(() -> controller.open(Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps").resolve(sample)));
        waitOrDump(() -> shownText().contains(text), "the painted page to show \"" + text + "\"");
    }

    private String shownText() {
        PaintedPage p = controller.phonePage().view().shown();
        return p == null ? "" : p.body();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitOrDump(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        try {
            waitFor(condition, what);
        } catch (AssertionError e) {
            PaintedPage p = controller.phonePage().view().shown();
            throw new AssertionError(e.getMessage() + "; shown: " + (p == null ? null : p.route() + " " + p.body().length())
                    + "; status: " + controller.model().status().get() + "; transcript: "
                    + controller.model().transcriptSnapshot().stream().map(dev.minisim.events.TranscriptWriter::toJson).toList());
        }
    }

    private boolean has(String type, Predicate<Event> p) {
        return controller.model().transcriptSnapshot().stream().anyMatch(e -> e.type().equals(type) && p.test(e));
    }

    /** The screen point of the middle of the painted element whose tree element has {@code text}. */
    private Point2D pointOf(String tag, String text) throws Exception {
        PaintedPage page = controller.phonePage().view().shown();
        int id = page.elements().entrySet().stream()
                .filter(e -> e.getValue().tag().equals(tag) && e.getValue().text().equals(text))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no " + tag + " \"" + text + "\" painted"));
        CompletableFuture<Point2D> at = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            double[] r = controller.phonePage().rects(List.of(id)).get(0);
            Bounds b = controller.phonePage().node().localToScreen(controller.phonePage().node().getBoundsInLocal());
            at.complete(new Point2D(b.getMinX() + (r[0] + r[2]) / 2, b.getMinY() + (r[1] + r[3]) / 2));
        });
        return at.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClickOnAPaintedButtonIsATapOnThatElement(FxRobot robot) throws Exception {
        open(robot, "basics", "去下单");
        robot.clickOn(pointOf("button", "详情"));
        waitOrDump(() -> has("event", e -> "tap".equals(e.get("name")) && "openDetail".equals(e.get("handler"))), "the tap event");
        waitOrDump(() -> has("navigate", e -> "navigateTo".equals(e.get("action"))), "the navigation the handler makes");
    }

    @Test
    void typingInAPaintedInputIsInputAndTheNavigatorNavigates(FxRobot robot) throws Exception {
        open(robot, "basics", "去下单");
        robot.clickOn(pointOf("navigator", "去下单"));
        waitOrDump(() -> shownText().contains("提交订单"), "the form page painted");
        robot.clickOn(pointOf("input", ""));
        robot.write("T");
        // the repaint after the first letter must leave the field focused for the next ones
        waitOrDump(() -> has("setData", e -> String.valueOf(e.get("data")).contains("name=T")), "the first letter");
        robot.write("om");
        waitOrDump(() -> has("event", e -> "input".equals(e.get("name")) && "onName".equals(e.get("handler"))
                && String.valueOf(e.get("target")).length() > 0), "the input event");
        Simulation sim = controller.phonePage().simulation();
        waitOrDump(() -> {
            CompletableFuture<String> data = new CompletableFuture<>();
            sim.loop().post(() -> data.complete(sim.viewState().data()));
            return data.get(5, TimeUnit.SECONDS).contains("\"name\":\"Tom\"");
        }, "model:value to follow the typing" );
    }

    @Test
    void layoutQueriesAnswerFromThePaintedPage(FxRobot robot) throws Exception {
        open(robot, "basics", "去下单");
        Simulation sim = controller.phonePage().simulation();
        CompletableFuture<List<Object>> answer = new CompletableFuture<>();
        sim.loop().post(() -> {
            int page = sim.router().top().id();
            answer.complete(sim.screen().query(page, null, List.of(Map.of("selector", "button", "all", true,
                    "fields", Map.of("rect", true, "size", true))), "test"));
        });
        List<?> buttons = (List<?>) answer.get(20, TimeUnit.SECONDS).get(0);
        assertThat(buttons).hasSize(3);
        Map<?, ?> first = (Map<?, ?>) buttons.get(0);
        Map<?, ?> second = (Map<?, ?>) buttons.get(1);
        // the button of an app without "style": "v2": the device's whole 390 px screen less the page's
        // padding of 24rpx each side (rpx = 390/750 px)
        assertThat(((Number) first.get("width")).doubleValue()).isCloseTo(390 - 2 * 24 * 390 / 750.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(((Number) first.get("height")).doubleValue()).isGreaterThan(30);
        // stacked: the second button starts where the first ends plus the sample's app.wxss
        // `button { margin-top: 20rpx }` (the legacy buttons have no gap of their own)
        assertThat(((Number) second.get("top")).doubleValue())
                .isCloseTo(((Number) first.get("bottom")).doubleValue() + 20 * 390 / 750.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(((Number) first.get("top")).doubleValue()).isGreaterThan(0);
        assertThat(has("warning", e -> String.valueOf(e.get("message")).contains("no layout runs headless"))).isFalse();
    }
}
