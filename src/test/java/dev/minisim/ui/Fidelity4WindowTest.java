package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #10 (fidelity4), what only the laid-out page shows: a WeChat scroll-view whose page gives
 * it {@code display: flex} (no {@code enable-flex}) keeps its children at their own height and
 * width, as the client's inner boxes do (before, they were squeezed into the scroll-view's height);
 * a page-container takes no room until {@code show}, then its panel lies at the bottom of the
 * screen over a mask; a video's box says the size the page gave it; a button's written
 * {@code type="default"} keeps the client's look over a library's class. The app is this test's own fixture, {@code src/test/resources/fidelity4-app}.
 */
@ExtendWith(ApplicationExtension.class)
class Fidelity4WindowTest {

    private static final Path APP = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources/fidelity4-app");

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
            throw new AssertionError("timed out waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

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

    @Test
    @DisplayName("issue #10 (fidelity4): a display:flex scroll-view's children keep their height and width; a page-container shows its panel at the bottom only when shown")
    void scrollViewChildrenAndPageContainer(FxRobot robot) throws Exception {
        robot.interact(() -> controller.open(APP));
        waitFor(() -> shown().contains("Small box"), "the fixture's page painted");

        // each box is 48 px tall and its border (49) and as wide as the scroll-view (not squeezed into its 120 px)
        String boxes = script("(function(){var sv=document.getElementById('boxes');var out=[];"
                + "var bs=sv.querySelectorAll('.box');for(var i=0;i<bs.length;i++){var r=bs[i].getBoundingClientRect();"
                + "out.push(Math.round(r.height)+'x'+(Math.round(r.width)===Math.round(sv.getBoundingClientRect().width)?'full':r.width));}"
                + "return out.join(' ')+' scrolls '+(sv.scrollHeight>sv.clientHeight);})()");
        assertThat(boxes).isEqualTo("49xfull 49xfull 49xfull 49xfull scrolls true");

        // a video the page sized: its box's label says the size it was laid out at (not the client's default 300 × 225)
        assertThat(script("document.querySelector('#clip .ms-placeholder-size').textContent")).isEqualTo("200 × 100");

        // a button with type="default" written out keeps the client's default look over a library's class (white text)
        assertThat(script("(function(){var b=document.getElementById('later'),c=getComputedStyle(b);return c.color+' on '+c.backgroundColor;})()"))
                .isEqualTo("rgb(0, 0, 0) on rgb(248, 248, 248)");

        // the page-container: no room, nothing shown, until `show`
        String closed = script("(function(){var p=document.querySelector('.ms-pc-panel');"
                + "return getComputedStyle(p.parentNode).display+' '+p.getBoundingClientRect().height;})()");
        assertThat(closed).isEqualTo("none 0");

        robot.clickOn(pointOf("details"));
        waitFor(() -> shown().contains(" ms-show"), "the page-container shown");
        String open = script("(function(){var p=document.querySelector('.ms-pc-panel'),m=document.querySelector('.ms-pc-mask');"
                + "var r=p.getBoundingClientRect(),k=m.getBoundingClientRect();"
                + "return Math.round(r.bottom)+'/'+window.innerHeight+' '+Math.round(r.height)+' '+Math.round(r.width)+' mask '"
                + "+Math.round(k.width)+'x'+Math.round(k.height)+' '+getComputedStyle(p).borderTopLeftRadius;})()");
        String[] parts = open.split(" ");
        String[] bottom = parts[0].split("/");
        assertThat(bottom[0]).as(open).isEqualTo(bottom[1]);
        String width = script("String(window.innerWidth)");
        assertThat(open).contains(" 288 " + width + " mask " + width + "x" + bottom[1]).endsWith(" 20px");
    }
}
