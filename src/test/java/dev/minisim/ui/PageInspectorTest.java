package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.minisim.app.ViewState;
import dev.minisim.paint.PaintedPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #10, developer panels: "a WXML panel with the rendered tree that highlights the element
 * under the mouse and the element selected" — selecting a row outlines that element where it is
 * painted; with the inspect picker on, the element under the mouse on the page selects its row,
 * and with it off hovering the page leaves the panel alone.
 */
@ExtendWith(ApplicationExtension.class)
class PageInspectorTest {

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

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> controller.open(Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps").resolve("basics")));
        waitFor(() -> {
            PaintedPage p = controller.phonePage().view().shown();
            return p != null && p.body().contains("详情") && controller.model().tree().get() != null;
        }, "the painted page");
        // the inspector hears of the paint once it is drawn
        waitFor(() -> fx(() -> controller.phonePage().inspector().outline() == null
                && !controller.phonePage().inspector().pathsKnown().isEmpty()), "the paint's paths");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return FxPlatform.call(c);
    }

    @SuppressWarnings("unchecked")
    private TreeView<ViewState.Element> tree(FxRobot robot) {
        return (TreeView<ViewState.Element>) robot.lookup(".markup-tree").query();
    }

    /** The panel's row of the button whose text is {@code text}. */
    private static TreeItem<ViewState.Element> row(TreeItem<ViewState.Element> item, String tag, String text) {
        ViewState.Element e = item.getValue();
        if (tag.equals(e.tag()) && e.children().stream().anyMatch(c -> c.isText() && c.text().strip().equals(text))) {
            return item;
        }
        for (TreeItem<ViewState.Element> c : item.getChildren()) {
            TreeItem<ViewState.Element> r = row(c, tag, text);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private int paintedId(String tag, String text) {
        PaintedPage page = controller.phonePage().view().shown();
        return page.elements().entrySet().stream()
                .filter(e -> e.getValue().tag().equals(tag) && e.getValue().text().equals(text))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no " + tag + " \"" + text + "\" painted"));
    }

    @Test
    void selectingARowOutlinesThatElementWhereItIsPainted(FxRobot robot) throws Exception {
        open(robot);
        TreeView<ViewState.Element> tree = tree(robot);
        TreeItem<ViewState.Element> button = fx(() -> row(tree.getRoot(), "button", "详情"));
        assertThat(button).as("the panel shows the button").isNotNull();
        robot.interact(() -> tree.getSelectionModel().select(button));
        int id = paintedId("button", "详情");
        double[] painted = fx(() -> controller.phonePage().rects(List.of(id)).get(0));
        double[] outlined = fx(() -> controller.phonePage().inspector().outline());
        assertThat(outlined).as("the overlay is drawn").isNotNull();
        for (int i = 0; i < 4; i++) {
            assertThat(outlined[i]).as("edge " + i).isCloseTo(painted[i], within(0.5));
        }
        assertThat(painted[4]).as("a real box").isGreaterThan(0);
        // the overlay is our own element: the button itself keeps its styles
        Object style = fx(() -> controller.phonePage().view().script(
                "document.querySelector('[ms-id=\"" + id + "\"]').getAttribute('style')"));
        assertThat(style).isNull();
    }

    @Test
    void withThePickerOnTheElementUnderTheMouseSelectsItsRow(FxRobot robot) throws Exception {
        open(robot);
        TreeView<ViewState.Element> tree = tree(robot);
        int id = paintedId("button", "详情");
        CompletableFuture<Point2D> at = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            double[] r = controller.phonePage().rects(List.of(id)).get(0);
            Bounds b = controller.phonePage().node().localToScreen(controller.phonePage().node().getBoundsInLocal());
            at.complete(new Point2D(b.getMinX() + (r[0] + r[2]) / 2, b.getMinY() + (r[1] + r[3]) / 2));
        });
        Point2D point = at.get(10, TimeUnit.SECONDS);

        // picker off: hovering the page does not change the panel
        robot.moveTo(point);
        robot.moveBy(2, 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tree.getSelectionModel().getSelectedItem())).as("panel untouched while the picker is off").isNull();

        robot.interact(() -> controller.phonePage().inspector().picking().set(true));
        robot.moveTo(point.add(-30, -30));
        robot.moveTo(point);
        waitFor(() -> fx(() -> {
            TreeItem<ViewState.Element> s = tree.getSelectionModel().getSelectedItem();
            return s != null && "button".equals(s.getValue().tag());
        }), "the hovered button's row to be selected");
        TreeItem<ViewState.Element> selected = fx(() -> tree.getSelectionModel().getSelectedItem());
        assertThat(selected.getValue().children()).anyMatch(c -> c.isText() && c.text().strip().equals("详情"));
        assertThat(fx(() -> controller.phonePage().inspector().outline())).as("and it is outlined").isNotNull();
    }
}
