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
 * Issue #10, speed ("a tap repaints within one frame"), in the window: the tap path's warm-up
 * ({@link TapWarmup}) starts once the first page is painted, and a click at once after — while
 * it warms — is handled as any click; the warm-up's own taps (a to-do, 详情 and its navigation,
 * its own launches with their console lines) reach none of the window's transcript, console,
 * timeline, route or page data.
 */
@ExtendWith(ApplicationExtension.class)
class TapWarmupWindowTest {

    static {
        BundledFonts.install();
    }

    private static final Path BASICS = Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps/basics");

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

    private void waitFor(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String shown() {
        PaintedPage p = controller.phonePage().view().shown();
        return p == null ? "" : p.body();
    }

    /** The screen point of the middle of the painted {@code <text>} whose text is {@code text}. */
    private Point2D pointOfText(String text) throws Exception {
        PaintedPage page = controller.phonePage().view().shown();
        int id = page.elements().entrySet().stream()
                .filter(e -> e.getValue().tag().equals("text") && e.getValue().text().equals(text))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError(text + " not painted"));
        CompletableFuture<Point2D> at = new CompletableFuture<>();
        Platform.runLater(() -> {
            double[] r = controller.phonePage().rects(List.of(id)).get(0);
            Bounds b = controller.phonePage().node().localToScreen(controller.phonePage().node().getBoundsInLocal());
            at.complete(new Point2D(b.getMinX() + (r[0] + r[2]) / 2, b.getMinY() + (r[1] + r[3]) / 2));
        });
        return at.get(10, TimeUnit.SECONDS);
    }

    private List<Event> events(String type) {
        return controller.model().transcriptSnapshot().stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void aClickAtOnceAfterTheFirstPaintIsHandledWhileTheWarmupRunsAndTheWarmupReachesNothing(FxRobot robot) throws Exception {
        robot.interact(() -> controller.open(BASICS));
        waitFor(() -> shown().contains("买牛奶") && controller.phonePage().view().drawn(), "the home page painted");
        robot.interact(() -> controller.warmTaps());
        TapWarmup w = controller.warmup();
        assertThat(w).as("the window warms its tap path").isNotNull();
        // the person clicks the to-do at once, while the warm-up runs
        robot.clickOn(pointOfText("买牛奶"));
        waitFor(() -> controller.model().data().get().contains("{\"name\":\"买牛奶\",\"done\":true}"), "the tap's setData in the page's data");
        // both to-dos painted done (✓), "a" since onLoad, "买牛奶" by the tap
        waitFor(() -> shown().split("✓", -1).length - 1 == 2, "the tap repainted");
        assertThat(events("event")).extracting(e -> e.get("handler")).containsExactly("toggle", "onToggle");

        assertThat(w.awaitOver(java.time.Duration.ofSeconds(120))).as("the warm-up ends").isTrue();
        assertThat(w.taps()).as("the warm-up tapped its throwaway page").isPositive();
        assertThat(w.pauses()).as("the click paused the warm-up").isPositive();
        WaitForAsyncUtils.waitForFxEvents();
        // the throwaway's taps (详情 navigates, 日志 switches tab, each launch logs onLoad) are not the window's
        assertThat(events("navigate")).extracting(e -> e.get("to")).doesNotContain("pages/detail/detail", "pages/logs/logs");
        assertThat(controller.model().timeline()).noneMatch(e -> String.valueOf(e.fields()).contains("pages/detail/detail"));
        assertThat(controller.model().console()).filteredOn(e -> String.valueOf(e.get("text")).startsWith("index onLoad")).hasSize(1);
        assertThat(events("event")).hasSize(2);
        assertThat(events("setData")).filteredOn(e -> String.valueOf(e.fields()).contains("items[1].done")).hasSize(1);
        assertThat(controller.model().route().get()).contains("pages/index/index");
        assertThat(controller.model().data().get()).contains("{\"name\":\"a\",\"done\":true}", "\"seconds\":0");
    }
}
