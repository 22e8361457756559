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
 * Issue #10's remaining built-ins, in the window: a picker of mode multiSelector, time, date or
 * region slides up the client's sheet, whose columns and 确定 / 取消 fire {@code columnchange},
 * {@code change} and {@code cancel} through the same dispatch as a scenario {@code change}; a
 * movable-view is dragged along its direction and tells {@code change {x, y, source}}; a swiper
 * with {@code display-multiple-items} shows that many items and swipes one at a time. The app is
 * this test's own fixture, {@code src/test/resources/paintgaps2-app}.
 */
@ExtendWith(ApplicationExtension.class)
class PaintGaps2WindowTest {

    private static final Path APP = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources/paintgaps2-app");

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
        waitFor(() -> shown().contains("ms-picker="), "the fixture's picker page painted");
    }

    private String shown() {
        PaintedPage p = controller.phonePage().view().shown();
        return p == null ? "" : p.body();
    }

    private void waitFor(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; painted picker: "
                    + script("(function(){var p=document.querySelector('[ms-picker]');return p?p.getAttribute('ms-picker'):'';})()")
                    + "; sheet column 1: " + script("(function(){var c=document.querySelectorAll('.ms-sheet-col')[1];return c?c.textContent:'none';})()")
                    + "; transcript: "
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

    /** The screen point of the middle of the first element of the painted page matching {@code css} (the sheet's own). */
    private Point2D pointOfCss(String css) throws Exception {
        String r = script("(function(){var el=document.querySelector(" + quote(css) + ");if(!el){return '';}"
                + "var r=el.getBoundingClientRect();return (r.left+r.width/2)+','+(r.top+r.height/2);})()");
        assertThat(r).as("painted element " + css).isNotEmpty();
        String[] xy = r.split(",");
        CompletableFuture<Point2D> at = new CompletableFuture<>();
        Platform.runLater(() -> {
            Bounds b = controller.phonePage().node().localToScreen(controller.phonePage().node().getBoundsInLocal());
            at.complete(new Point2D(b.getMinX() + Double.parseDouble(xy[0]), b.getMinY() + Double.parseDouble(xy[1])));
        });
        return at.get(10, TimeUnit.SECONDS);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The text of row {@code row} of the open sheet's column {@code col}. */
    private String row(int col, int row) throws Exception {
        return script("(function(){var c=document.querySelectorAll('.ms-sheet-col')[" + col + "];"
                + "var r=c&&c.querySelectorAll('.ms-sheet-row')[" + row + "];return r?r.textContent:'';})()");
    }

    private void lookAt(String name) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Snapshots.write(controller.phonePage().node().getScene(), Path.of("target", "paintgaps2-" + name + ".png"));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private boolean sheetOpen() throws Exception {
        return "true".equals(script("!!document.querySelector('.ms-sheet')"));
    }

    @Test
    void aMultiSelectorsSheetFiresColumnchangeThenChangeAndItsNextColumnFollowsTheRepaint(FxRobot robot) throws Exception {
        // issue #10 (paintgaps2): picker mode multiSelector drawn and operable; columnchange and change through the dispatch
        open(robot);
        robot.clickOn(pointOf("multi-text"));
        waitFor(this::sheetOpen, "the multiSelector's sheet");
        assertThat(row(0, 1)).isEqualTo("Banana");
        assertThat(row(1, 0)).isEqualTo("Fuji");
        robot.clickOn(pointOfCss(".ms-sheet-col[ms-col='0'] .ms-sheet-row:nth-child(3)"));   // Banana (after the pad)
        waitFor(() -> logged("column 0 1"), "columnchange {column 0, value 1}");
        // the handler set the second column's range: the open sheet shows it
        waitFor(() -> row(1, 0).equals("Cavendish"), "the second column following the page's new range");
        lookAt("picker-multi");
        robot.clickOn(pointOfCss(".ms-sheet-col[ms-col='1'] .ms-sheet-row:nth-child(3)"));   // Plantain
        waitFor(() -> logged("column 1 1"), "columnchange {column 1, value 1}");
        robot.clickOn(pointOfCss(".ms-sheet-ok"));
        waitFor(() -> logged("multi 1,1"), "change with [1, 1] after 确定");
        assertThat(sheetOpen()).isFalse();
        waitFor(() -> shown().contains("Banana / Plantain"), "the page repainted with the choice");
        // columnchange was told once per column turned, not again by the change
        assertThat(controller.model().transcriptSnapshot().stream().filter(e -> e.type().equals("console")
                && String.valueOf(e.get("text")).startsWith("column ")).count()).isEqualTo(2);
        // 取消 (the mask) closes the sheet with the picker's cancel, and no change
        robot.clickOn(pointOf("multi-text"));
        waitFor(this::sheetOpen, "the sheet again");
        robot.clickOn(pointOfCss(".ms-sheet-cancel"));
        waitFor(() -> logged("picker cancelled"), "bindcancel after 取消");
        assertThat(controller.model().transcriptSnapshot().stream().filter(e -> e.type().equals("console")
                && String.valueOf(e.get("text")).startsWith("multi ")).count()).isEqualTo(1);
    }

    @Test
    void dateAndTimeSheetsSendTheClientsStringsWithinStartAndEnd(FxRobot robot) throws Exception {
        // issue #10 (paintgaps2): picker modes date and time: "YYYY-MM-DD", "HH:mm", bounded by start / end
        open(robot);
        robot.clickOn(pointOf("date"));
        waitFor(this::sheetOpen, "the date sheet");
        assertThat(row(0, 0)).isEqualTo("2020年");
        assertThat(row(1, 1)).isEqualTo("02月");
        // February 2024 has 29 days: the day column says so
        assertThat(script("document.querySelectorAll('.ms-sheet-col')[2].querySelectorAll('.ms-sheet-row').length")).isEqualTo("29");
        robot.clickOn(pointOfCss(".ms-sheet-col[ms-col='1'] .ms-sheet-row:nth-child(4)"));   // 03月
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(script("document.querySelectorAll('.ms-sheet-col')[2].querySelectorAll('.ms-sheet-row').length")).isEqualTo("31");
        lookAt("picker-date");
        robot.clickOn(pointOfCss(".ms-sheet-ok"));
        waitFor(() -> logged("date 2024-03-10"), "change with 2024-03-10");

        robot.clickOn(pointOf("time"));
        waitFor(this::sheetOpen, "the time sheet");
        script("window.minisim.pickerRow(0, 20)");   // 20:30 is past end="18:00"
        robot.clickOn(pointOfCss(".ms-sheet-ok"));
        waitFor(() -> logged("time 18:00"), "the time bounded by end");
    }

    @Test
    void aRegionSheetSendsThreeNames(FxRobot robot) throws Exception {
        // issue #10 (paintgaps2): picker mode region: the provinces, the value's city and district
        open(robot);
        robot.clickOn(pointOf("region"));
        waitFor(this::sheetOpen, "the region sheet");
        assertThat(row(0, 0)).isEqualTo("北京市");
        script("window.minisim.pickerRow(0, 10)");   // 浙江省
        lookAt("picker-region");
        robot.clickOn(pointOfCss(".ms-sheet-ok"));
        waitFor(() -> logged("region 浙江省 广州市 海珠区"), "change with the three names");
        // a selector slides up the same sheet, one column; 确定 sends the row's index (a number)
        robot.clickOn(pointOf("colour"));
        waitFor(this::sheetOpen, "the selector's sheet");
        assertThat(row(0, 2)).isEqualTo("Blue");
        robot.clickOn(pointOfCss(".ms-sheet-col[ms-col='0'] .ms-sheet-row:nth-child(4)"));   // Blue
        robot.clickOn(pointOfCss(".ms-sheet-ok"));
        waitFor(() -> logged("colour 2 number"), "the selector's change with index 2");
    }

    @Test
    void draggingAMovableViewIsItsChangeAndItStaysInsideItsArea(FxRobot robot) throws Exception {
        // issue #10 (paintgaps2): movable-view drag, direction, x / y, change {x, y, source: touch}
        open(robot);
        robot.clickOn(pointOf("to-move"));
        waitFor(() -> shown().contains("ms-movable="), "the movable page painted");
        robot.drag(pointOf("free"), MouseButton.PRIMARY).moveBy(20, 10).moveBy(30, 20).drop();
        waitFor(() -> logged("moved 80,50 touch"), "change {x: 80, y: 50, source: touch}");
        waitFor(() -> shown().contains("ms-x=\"80\""), "the view painted where it was left");
        // a horizontal one moves only along x, and not past the end of its track (520 rpx: 270 px on the default 390 px screen)
        robot.drag(pointOf("slider"), MouseButton.PRIMARY).moveBy(150, 40).moveBy(200, 0).drop();
        waitFor(() -> logged("moved 270,0 touch"), "the horizontal view stopped at the track's end");
        // swiper display-multiple-items="3": three cards shown, a drag moves one
        assertThat(script("Math.round(document.getElementById('cards').firstElementChild.getBoundingClientRect().width)"))
                .isEqualTo("130");
        robot.drag(pointOf("cards"), MouseButton.PRIMARY).moveBy(-40, 0).moveBy(-40, 0).moveBy(-30, 0).drop();
        waitFor(() -> logged("cards 2"), "the cards swiper's change to 2");
        lookAt("movable");
    }
}
