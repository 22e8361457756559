package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's start bar ("the first page painted within 2.0 s of the JVM start"): the developer
 * panels are drawn only when first shown, not before the first page; until then their content is
 * not in its tab (so outside the scene: no skin, no CSS pass), and each panel is there once its
 * tab is selected.
 */
class LazyTabsTest {

    @Test
    void aPanelEntersTheSceneOnlyWhenShownAndTheSelectedOneOnlyAfterTheFirstPage() throws Exception {
        FxPlatform.startup();
        List<String> log = FxPlatform.call(() -> {
            List<String> out = new ArrayList<>();
            Label data = new Label("data");
            Label console = new Label("console");
            Tab dataTab = new Tab("Data", data);
            Tab consoleTab = new Tab("Console", console);
            Tab exploreTab = new Tab("Explore");
            TabPane pane = new TabPane(dataTab, consoleTab, exploreTab);
            Scene scene = new Scene(pane, 300, 200);
            LazyTabs tabs = new LazyTabs(pane);
            int[] made = {0};
            tabs.later(exploreTab, () -> {
                made[0]++;
                return new Label("explore");
            });
            tabs.whenShown(consoleTab, () -> out.add("console shown"));
            out.add("before the first page: data in its tab " + (dataTab.getContent() == data) + ", console " + (consoleTab.getContent() == console));
            tabs.showSelected();
            out.add("after: data in its tab " + (dataTab.getContent() == data) + ", console " + (consoleTab.getContent() == console)
                    + ", explore made " + made[0]);
            pane.getSelectionModel().select(consoleTab);
            out.add("console selected: console in its tab " + (consoleTab.getContent() == console) + ", shown " + tabs.shown(consoleTab));
            pane.getSelectionModel().select(exploreTab);
            pane.getSelectionModel().select(dataTab);
            pane.getSelectionModel().select(exploreTab);
            out.add("explore made " + made[0] + ", its content " + ((Label) exploreTab.getContent()).getText());
            return out;
        });
        assertThat(log).containsExactly(
                "before the first page: data in its tab false, console false",
                "after: data in its tab true, console false, explore made 0",
                "console shown",
                "console selected: console in its tab true, shown true",
                "explore made 1, its content explore");
    }

    @Test
    void showAllDrawsEveryPanelAtOnce() throws Exception {
        // screenshots and the tests' windows (DesktopApp.load) have every panel, as before
        FxPlatform.startup();
        boolean all = FxPlatform.call(() -> {
            Label a = new Label("a");
            Label b = new Label("b");
            Tab ta = new Tab("A", a);
            Tab tb = new Tab("B", b);
            TabPane pane = new TabPane(ta, tb);
            new Scene(pane, 300, 200);
            LazyTabs tabs = new LazyTabs(pane);
            boolean none = ta.getContent() == null && tb.getContent() == null;
            tabs.showAll();
            return none && ta.getContent() == a && tb.getContent() == b;
        });
        assertThat(all).isTrue();
    }
}
