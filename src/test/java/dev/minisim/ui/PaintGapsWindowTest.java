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
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
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
 * Issue #10's paint gaps, in the window: the person presses, drags and scrolls the painted page as
 * on the phone — a pressed element shows its {@code hover-class}, dragging a swiper is its
 * {@code change} through the same dispatch as a scenario step, scrolling a scroll-view fires its
 * bound scroll events, scrolling the page runs {@code onPageScroll} and {@code onReachBottom}.
 * The app is this test's own fixture, {@code src/test/resources/paintgaps-app}.
 */
@ExtendWith(ApplicationExtension.class)
class PaintGapsWindowTest {

    private static final Path APP = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources/paintgaps-app");

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

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> controller.open(APP));
        waitFor(() -> shown().contains("hover-class"), "the fixture's first page painted");
    }

    private void openSwipePage(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn(pointOf("to-swipe"));
        waitFor(() -> shown().contains("ms-count=\"3\""), "the swiper page painted");
    }

    private String shown() {
        PaintedPage p = controller.phonePage().view().shown();
        return p == null ? "" : p.body();
    }

    private void waitFor(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; transcript: "
                    + controller.model().transcriptSnapshot().stream().map(dev.minisim.events.TranscriptWriter::toJson).toList());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean has(String type, Predicate<Event> p) {
        return controller.model().transcriptSnapshot().stream().anyMatch(e -> e.type().equals(type) && p.test(e));
    }

    private boolean logged(String text) {
        return has("console", e -> text.equals(e.get("text")));
    }

    /** Runs MiniSim's script in the painted page (FX thread) and returns its value as text. */
    private String script(String js) throws Exception {
        CompletableFuture<String> out = new CompletableFuture<>();
        Platform.runLater(() -> out.complete(String.valueOf(controller.phonePage().view().script(js))));
        return out.get(10, TimeUnit.SECONDS);
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

    /** The window as it is now, to target/paintgaps-NAME.png, for a person to look at (not compared). */
    private void lookAt(String name) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Snapshots.write(controller.phonePage().node().getScene(), Path.of("target", "paintgaps-" + name + ".png"));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private String classesOf(String userId) throws Exception {
        return script("document.getElementById('" + userId + "').className");
    }

    @Test
    void aPressedElementShowsItsHoverClassUntilItsStayTimeAfterTheRelease(FxRobot robot) throws Exception {
        // issue #10: hover-class / hover-stay-time; a button's default button-hover
        open(robot);
        robot.moveTo(pointOf("card")).press(MouseButton.PRIMARY);
        waitFor(() -> classesOf("card").contains("card-pressed"), "the view's hover-class while pressed");
        lookAt("hover-view");
        robot.release(MouseButton.PRIMARY);
        waitFor(() -> !classesOf("card").contains("card-pressed"), "the hover-class gone after hover-stay-time");
        waitFor(() -> has("event", e -> "tap".equals(e.get("name")) && "onPress".equals(e.get("handler"))), "the press is still a tap");
        robot.moveTo(pointOf("btn")).press(MouseButton.PRIMARY);
        waitFor(() -> classesOf("btn").contains("button-hover"), "the button's default hover class");
        lookAt("hover-button");
        robot.release(MouseButton.PRIMARY);
        waitFor(() -> !classesOf("btn").contains("button-hover"), "the button's hover class gone");
        robot.moveTo(pointOf("nohover")).press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classesOf("nohover")).doesNotContain("hover");
        robot.release(MouseButton.PRIMARY);
    }

    @Test
    void draggingTheSwiperIsItsChangeThroughTheDispatch(FxRobot robot) throws Exception {
        // issue #10: swiper swipes with the mouse; bindchange through the same dispatch as a scenario change
        openSwipePage(robot);
        assertThat(shown()).contains("ms-index=\"1\"");
        robot.drag(pointOf("banner"), MouseButton.PRIMARY).moveBy(-60, 0).moveBy(-60, 0).moveBy(-80, 0).drop();
        waitFor(() -> logged("swiper change 2 touch"), "the swiper's change handler with current 2, source touch");
        assertThat(has("event", e -> "change".equals(e.get("name")) && "onSwiperChange".equals(e.get("handler")))).isTrue();
        waitFor(() -> shown().contains("ms-index=\"2\""), "the painted swiper staying on item 2");
        lookAt("swiper-dragged");
        // a drag is not also a tap on what was under the mouse
        assertThat(has("event", e -> "tap".equals(e.get("name")))).isFalse();
        // back, with a drag the other way
        robot.drag(pointOf("banner"), MouseButton.PRIMARY).moveBy(60, 0).moveBy(60, 0).moveBy(80, 0).drop();
        waitFor(() -> logged("swiper change 1 touch"), "the change back to item 1");
    }

    @Test
    void scrollingFiresTheScrollViewsEventsAndThePagesHooks(FxRobot robot) throws Exception {
        // issue #10: bindscroll / bindscrolltolower / bindscrolltoupper from real scrolling; onPageScroll, onReachBottom
        openSwipePage(robot);
        // scrolling has no scenario step: the session recorder hears it as unscripted, once per element
        List<String> unscripted = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.minisim.app.Simulation sim = controller.phonePage().simulation();
        CompletableFuture<Void> watching = new CompletableFuture<>();
        sim.loop().post(() -> {
            sim.watchActions(a -> {
                if (a instanceof dev.minisim.app.UserAction.Unscripted u) {
                    unscripted.add(u.what());
                }
            });
            watching.complete(null);
        });
        watching.get(10, TimeUnit.SECONDS);
        // the WebView scrolls the element itself, so its scroll events are WebKit's own (Monocle's
        // robot wheel does not reach the WebView's scrolling here)
        script("document.getElementById('list').scrollTop = 120");
        waitFor(() -> has("event", e -> "scroll".equals(e.get("name")) && "onScroll".equals(e.get("handler"))),
                "the scroll-view's scroll handler");
        waitFor(() -> logged("scroll 120"), "the scroll event's detail.scrollTop");
        script("document.getElementById('list').scrollTop = 100000");
        waitFor(() -> logged("scroll-view lower"), "scrolltolower at the scroll-view's end");
        script("document.getElementById('list').scrollTop = 0");
        waitFor(() -> logged("scroll-view upper"), "scrolltoupper back at its top");
        script("window.scrollTo(0, 100000)");
        waitFor(() -> has("lifecycle", e -> "onPageScroll".equals(e.get("hook"))), "the page's onPageScroll");
        waitFor(() -> logged("page bottom"), "the page's onReachBottom");
        assertThat(controller.model().transcriptSnapshot().stream().filter(e -> e.type().equals("console")
                && String.valueOf(e.get("text")).startsWith("page scroll ")).count()).isPositive();
        assertThat(unscripted).containsExactly("scrolling the scroll-view #list of pages/swipe/swipe",
                "scrolling page pages/swipe/swipe (onPageScroll)", "scrolling page pages/swipe/swipe to its bottom (onReachBottom)");
    }
}
