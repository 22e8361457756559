package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.events.Event;
import dev.minisim.paint.PaintedPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
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
 * Issue #13, item 3: the window's Explore action shows the tree beside the phone; choosing a
 * branch replays it in the phone, so the tester sees that path's pages and prompts.
 */
@ExtendWith(ApplicationExtension.class)
class ExploreWindowTest {

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
        MainController c = controller;
        statusSource = () -> c.explorePanel().summary().getText() + " / " + c.model().status().get();
    }

    @AfterEach
    void close() {
        controller.close();
    }

    private static Path sample(String name) {
        return Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps").resolve(name);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: " + status());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static java.util.function.Supplier<String> statusSource = () -> "";

    private static String status() {
        return statusSource.get();
    }

    private static List<TreeItem<ExplorePanel.Row>> leaves(TreeItem<ExplorePanel.Row> item) {
        List<TreeItem<ExplorePanel.Row>> out = new ArrayList<>();
        if (item == null) {
            return out;
        }
        if (item.getValue().branch() != null) {
            out.add(item);
        }
        item.getChildren().forEach(c -> out.addAll(leaves(c)));
        return out;
    }

    /** The tree's row showing {@code item}, to click as the tester does. */
    @SuppressWarnings("unchecked")
    private static javafx.scene.Node cell(FxRobot robot, TreeItem<ExplorePanel.Row> item) {
        return robot.lookup(".tree-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TreeCell<ExplorePanel.Row>) n).getTreeItem() == item)
                .findFirst().orElseThrow(() -> new AssertionError("no row shows " + item.getValue()));
    }

    private String shownText() {
        PaintedPage p = controller.phonePage().view().shown();
        return p == null ? "" : p.body();
    }

    @Test
    @DisplayName("issue #13: Explore shows the tree of sign-demo's branches beside the phone; choosing 6002 replays that path in the phone")
    void exploreThenReplayABranch(FxRobot robot) throws Exception {
        robot.interact(() -> controller.open(sample("sign-demo")));
        waitFor(() -> !controller.model().methods().isEmpty(), "the live home page");
        robot.interact(() -> controller.explorePanel().scenario(sample("sign-demo").resolve("scenarios/success.json")));

        // File → Explore every branch: the Explore tab beside the phone shows, and exploring starts
        robot.clickOn("File").clickOn("Explore every branch");
        ExplorePanel panel = controller.explorePanel();
        waitFor(() -> panel.summary().getText().startsWith("5 branches"), "the exploration's summary");
        assertThat(robot.lookup("#explore-tree").tryQuery()).as("the tree is on screen").isPresent();

        List<TreeItem<ExplorePanel.Row>> leaves = leaves(panel.tree().getRoot());
        assertThat(leaves).extracting(l -> l.getParent().getValue().label())
                .containsExactly("signContract=allow", "signContract=cancel/6001", "signContract=6002",
                        "signContract=7001", "signContract=7002");
        // the scenario's expects describe the success path: the other outcomes fail them
        assertThat(leaves.get(0).getValue().label()).startsWith("#1 ok");
        assertThat(leaves.get(2).getValue().label()).startsWith("#3 failed expect");

        robot.clickOn(cell(robot, leaves.get(2)));

        waitFor(() -> shownText().contains("failed 6002"), "the phone to paint the 6002 branch's last page");
        List<Event> transcript = List.copyOf(controller.model().transcriptSnapshot());
        assertThat(transcript).anyMatch(e -> e.type().equals("prompt") && "signContract".equals(e.str("kind")));
        assertThat(transcript).anyMatch(e -> e.type().equals("decision") && "6002".equals(String.valueOf(e.get("decision"))));
        assertThat(transcript).anyMatch(e -> e.type().equals("callback") && "fail".equals(e.str("callback")));
        assertThat(transcript).noneMatch(e -> e.type().equals("decision") && "allow".equals(String.valueOf(e.get("decision"))));
        waitFor(() -> panel.summary().getText().startsWith("replayed #3"), "the replay's summary");

        // another branch replays from the launch, not on top of the last one
        robot.clickOn(cell(robot, leaves.get(0)));
        waitFor(() -> shownText().contains("signed"), "the phone to paint the success branch's last page");
        assertThat(controller.model().transcriptSnapshot()).noneMatch(e -> e.type().equals("decision")
                && "6002".equals(String.valueOf(e.get("decision"))));
    }
}
