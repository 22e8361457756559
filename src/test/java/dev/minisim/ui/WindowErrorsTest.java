package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.fxml.FXMLLoader;
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
 * Issue #10 (the window): a callback that throws or a failing JSAPI in the window shows its error
 * with the file and line, and the window goes on — its loop catches a task that throws past its
 * guard and runs the next one, as the automation session's does.
 */
@ExtendWith(ApplicationExtension.class)
class WindowErrorsTest {

    static {
        BundledFonts.install();
    }

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

    private Optional<Event> console(Predicate<Event> p) {
        return controller.model().console().stream().filter(p).findFirst();
    }

    /** Replaces the JSAPI {@code wx.getLocation} of the running session (on its thread). */
    private void getLocation(Simulation sim, dev.minisim.api.JsApi impl) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        sim.loop().post(() -> {
            sim.apis().async("wx", "getLocation", impl);
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aThrowingCallbackAFailingJsapiAndATaskThatThrowsShowInTheConsoleAndTheWindowGoesOn(FxRobot robot, @TempDir Path dir)
            throws Exception {
        dev.minisim.TestApp.withPages(dir, "pages/a/a").wechat().file("pages/a/a.js",
                "Page({\n"
                        + "  data: { n: 0 },\n"
                        + "  cb() { wx.showToast({ title: 't', success() { null.y; } }); },\n"
                        + "  fail() { wx.getLocation({}); },\n"
                        + "  late() { wx.getLocation({}); },\n"
                        + "  inc() { this.setData({ n: this.data.n + 1 }); },\n"
                        + "});");
        robot.interact(() -> controller.open(dir));
        waitFor(() -> !controller.model().methods().isEmpty() && controller.phonePage().simulation() != null, "the page's methods");
        Simulation sim = controller.phonePage().simulation();

        // a callback that throws: the mini-program's error, at its line
        robot.clickOn("#method-cb");
        waitFor(() -> console(e -> e.type().equals("error")).isPresent(), "the callback's error in the console");
        assertThat(console(e -> e.type().equals("error")).get().get("source")).isEqualTo("pages/a/a.js:3");

        // a JSAPI that fails inside the simulator: the warning names the API and the call's line
        getLocation(sim, call -> {
            throw new IllegalStateException("broken getLocation");
        });
        robot.clickOn("#method-fail");
        waitFor(() -> console(e -> e.str("message") != null && e.str("message").contains("broken getLocation")).isPresent(),
                "the JSAPI's failure in the console");
        Event failed = console(e -> e.str("message") != null && e.str("message").contains("broken getLocation")).get();
        assertThat(failed.str("message")).startsWith("internal simulator error in wx.getLocation");
        assertThat(failed.get("source")).isEqualTo("pages/a/a.js:4");

        // a JSAPI whose later step throws past every guard: reported, and the loop goes on
        getLocation(sim, call -> sim.loop().post(() -> {
            throw new IllegalStateException("broken later");
        }));
        robot.clickOn("#method-late");
        waitFor(() -> console(e -> e.str("message") != null && e.str("message").contains("broken later")).isPresent(),
                "the task's failure in the console");
        assertThat(console(e -> e.str("message") != null && e.str("message").contains("broken later")).get().str("message"))
                .startsWith("internal simulator error in a task: java.lang.IllegalStateException: broken later (at WindowErrorsTest.java:");
        robot.clickOn("#method-inc");
        waitFor(() -> controller.model().data().get().contains("\"n\":1"), "the window still running the page after the failures");
        assertThat(controller.model().status().get()).doesNotStartWith("internal simulator error");
    }
}
