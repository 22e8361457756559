package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import dev.minisim.app.ViewState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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
 * Issue #10, parts 2 and 3, clicked as a developer would: the tab bar's items switch tabs through
 * the simulation, the back and home buttons navigate, badges show, the navigation bar takes the
 * page's title and colours; the WXML/AXML panel shows the rendered tree, the selected element's
 * attributes, and talks to the page's painter through {@link PageInspector}.
 */
@ExtendWith(ApplicationExtension.class)
class FrameWindowTest {

    static {
        BundledFonts.install();
    }

    @TempDir
    Path dir;

    private MainController controller;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
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

    /** The window as it is now, in target/window/NAME.png, to look at. */
    private void snapshot(String name) throws Exception {
        FxPlatform.call(() -> {
            Snapshots.write(stage.getScene(), Path.of(System.getProperty("minisim.repo", ".")).resolve("target/window/" + name + ".png"));
            return null;
        });
    }

    /** A WeChat app: two tab pages (a, b) and a page c that a opens. */
    private void wechatTabs(FxRobot robot) throws Exception {
        TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\", \"pages/b/b\", \"pages/c/c\"],"
                        + " \"window\": {\"navigationBarTitleText\": \"应用\", \"navigationBarBackgroundColor\": \"#ffffff\","
                        + " \"navigationBarTextStyle\": \"black\"},"
                        + " \"tabBar\": {\"color\": \"#7a7e83\", \"selectedColor\": \"#07c160\", \"list\": ["
                        + "{\"pagePath\": \"pages/a/a\", \"text\": \"首页\"}, {\"pagePath\": \"pages/b/b\", \"text\": \"我的\"}]}}")
                .wechat()
                .file("pages/a/a.json", "{\"navigationBarTitleText\": \"首页\"}")
                .file("pages/a/a.wxml", "<view class=\"card\" id=\"hello\" data-n=\"{{n}}\">你好 {{n}}</view>\n<button bindtap=\"go\">打开</button>")
                .file("pages/a/a.js", "Page({ data: { n: 1 }, go() { wx.navigateTo({ url: '/pages/c/c' }); },\n"
                        + " badge() { wx.setTabBarBadge({ index: 1, text: '3' }); },\n"
                        + " onTabItemTap(item) { console.log('tab', item.index, item.pagePath, item.text); } });")
                .file("pages/b/b.js", "Page({});").file("pages/b/b.wxml", "<view>我的</view>")
                .file("pages/c/c.json", "{\"navigationBarTitleText\": \"详情\", \"navigationBarBackgroundColor\": \"#07c160\","
                        + " \"navigationBarTextStyle\": \"white\"}")
                .file("pages/c/c.js", "Page({ relaunch() { wx.reLaunch({ url: '/pages/c/c' }); } });")
                .file("pages/c/c.wxml", "<view>详情</view>");
        robot.interact(() -> controller.open(dir));
        waitFor(() -> controller.model().frame().get().tabBar() != null, "the tab bar");
    }

    private String title(FxRobot robot) {
        return robot.lookup(".nav-title").queryAs(Label.class).getText();
    }

    @Test
    void clickingATabSwitchesTabsThroughTheSimulation(FxRobot robot) throws Exception {
        wechatTabs(robot);
        assertThat(title(robot)).isEqualTo("首页");
        assertThat(robot.lookup("#tab-0 .tab-text").queryAs(Label.class).getStyle()).contains("#07c160");
        assertThat(robot.lookup("#tab-1 .tab-text").queryAs(Label.class).getStyle()).contains("#7a7e83");
        robot.clickOn("#tab-1");
        waitFor(() -> controller.model().stack().equals(List.of("pages/b/b")), "switchTab to pages/b/b");
        assertThat(controller.model().transcriptSnapshot()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("navigate");
            assertThat(e.get("action")).isEqualTo("switchTab");
        });
        assertThat(controller.model().console()).extracting(e -> e.str("text")).contains("tab 1 pages/b/b 我的");
        waitFor(() -> robot.lookup("#tab-1 .tab-text").queryAs(Label.class).getStyle().contains("#07c160"), "tab 1 selected");
        assertThat(title(robot)).as("pages/b has no title of its own: the app's").isEqualTo("应用");
        robot.clickOn("#tab-0");
        waitFor(() -> controller.model().stack().equals(List.of("pages/a/a")), "switchTab back to pages/a/a");
    }

    @Test
    void theBackButtonAppearsOnADeeperStackAndGoesBack(FxRobot robot) throws Exception {
        wechatTabs(robot);
        assertThat(robot.lookup(".back-button").query().isVisible()).as("one page: no back button").isFalse();
        robot.clickOn("#method-go");
        waitFor(() -> controller.model().stack().size() == 2, "navigateTo pages/c/c");
        waitFor(() -> robot.lookup(".back-button").query().isVisible(), "the back button");
        assertThat(title(robot)).isEqualTo("详情");
        assertThat(robot.lookup(".nav-title").queryAs(Label.class).getStyle()).contains("#ffffff");
        assertThat(robot.lookup(".chrome").query().getStyle()).contains("#07c160");
        assertThat(robot.lookup("#tab-0").tryQuery()).as("no tab bar on a page that is not a tab").isEmpty();
        robot.clickOn(".back-button");
        waitFor(() -> controller.model().stack().equals(List.of("pages/a/a")), "back to pages/a/a");
        waitFor(() -> robot.lookup("#tab-0").tryQuery().isPresent(), "the tab bar again");
    }

    @Test
    void theHomeButtonOfALonePageReLaunchesHome(FxRobot robot) throws Exception {
        wechatTabs(robot);
        robot.clickOn("#method-go");
        waitFor(() -> controller.model().stack().size() == 2, "navigateTo pages/c/c");
        robot.clickOn("#method-relaunch");
        waitFor(() -> controller.model().stack().equals(List.of("pages/c/c")), "reLaunch to pages/c/c");
        waitFor(() -> robot.lookup(".home-button").query().isVisible(), "the home button");
        robot.clickOn(".home-button");
        waitFor(() -> controller.model().stack().equals(List.of("pages/a/a")), "home");
    }

    @Test
    void aBadgeSetByThePageShowsOnItsTab(FxRobot robot) throws Exception {
        wechatTabs(robot);
        assertThat(robot.lookup(".tab-badge").tryQuery()).isEmpty();
        robot.clickOn("#method-badge");
        waitFor(() -> robot.lookup("#tab-1 .tab-badge").tryQuery().isPresent(), "the badge on tab 1");
        assertThat(robot.lookup("#tab-1 .tab-badge").queryAs(Label.class).getText()).isEqualTo("3");
        snapshot("tab-badge");
    }

    private void png(String path, int rgb) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        java.nio.file.Files.createDirectories(dir.resolve(path).getParent());
        javax.imageio.ImageIO.write(img, "png", dir.resolve(path).toFile());
    }

    @Test
    void tabIconsComeFromTheFolderAndATopBarHasTextOnly(FxRobot robot) throws Exception {
        png("img/home.png", 0x999999);
        png("img/home-on.png", 0x07c160);
        png("img/me.png", 0x999999);
        TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\", \"pages/b/b\"], \"tabBar\": {\"list\": ["
                        + "{\"pagePath\": \"pages/a/a\", \"text\": \"首页\", \"iconPath\": \"img/home.png\", \"selectedIconPath\": \"img/home-on.png\"},"
                        + "{\"pagePath\": \"pages/b/b\", \"text\": \"我的\", \"iconPath\": \"/img/me.png\"}]}}").wechat()
                .file("pages/a/a.js", "Page({});").file("pages/b/b.js", "Page({});");
        robot.interact(() -> controller.open(dir));
        waitFor(() -> controller.model().frame().get().tabBar() != null, "the tab bar");
        javafx.scene.image.ImageView selected = robot.lookup("#tab-0 .image-view").queryAs(javafx.scene.image.ImageView.class);
        assertThat(selected.getImage().getUrl()).as("the selected tab shows its selectedIconPath").endsWith("img/home-on.png");
        assertThat(selected.getImage().getPixelReader().getArgb(4, 4) & 0xffffff).isEqualTo(0x07c160);
        assertThat(robot.lookup("#tab-1 .image-view").queryAs(javafx.scene.image.ImageView.class).getImage().getUrl())
                .endsWith("img/me.png");
        snapshot("tab-icons");

        TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\", \"pages/b/b\"], \"tabBar\": {\"position\": \"top\", \"list\": ["
                + "{\"pagePath\": \"pages/a/a\", \"text\": \"推荐\", \"iconPath\": \"img/home.png\"},"
                + "{\"pagePath\": \"pages/b/b\", \"text\": \"关注\"}]}}");
        robot.interact(() -> controller.open(dir));
        waitFor(() -> controller.model().frame().get().tabBar() != null && controller.model().frame().get().tabBar().top(), "the top bar");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".tab-bar-top #tab-0").tryQuery()).as("the tabs are in the top bar").isPresent();
        assertThat(robot.lookup(".tab-bar-top .image-view").tryQuery()).as("no icons on a top bar").isEmpty();
        robot.clickOn("#tab-1");
        waitFor(() -> controller.model().stack().equals(List.of("pages/b/b")), "switchTab from the top bar");
    }

    @Test
    void anAlipayTabBarFromItemsSwitchesToo(FxRobot robot) throws Exception {
        TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\", \"pages/b/b\"], \"window\": {\"defaultTitle\": \"支付宝\","
                        + " \"titleBarColor\": \"#1677ff\"}, \"tabBar\": {\"textColor\": \"#404040\", \"selectedColor\": \"#108ee9\","
                        + " \"items\": [{\"pagePath\": \"pages/a/a\", \"name\": \"首页\"}, {\"pagePath\": \"pages/b/b\", \"name\": \"我的\"}]}}")
                .alipay().file("pages/a/a.js", "Page({});").file("pages/a/a.axml", "<view>首页</view>")
                .file("pages/b/b.js", "Page({});").file("pages/b/b.axml", "<view>我的</view>");
        robot.interact(() -> controller.open(dir));
        waitFor(() -> controller.model().frame().get().tabBar() != null, "the tab bar");
        assertThat(title(robot)).isEqualTo("支付宝");
        assertThat(robot.lookup(".nav-title").queryAs(Label.class).getStyle()).as("white on a dark blue bar").contains("#ffffff");
        assertThat(robot.lookup(".dev-panels").queryAs(TabPane.class).getTabs()).extracting(t -> t.getText())
                .contains("AXML");
        robot.clickOn("#tab-1");
        waitFor(() -> controller.model().stack().equals(List.of("pages/b/b")), "switchTab to pages/b/b");
    }

    @Test
    void theMarkupPanelShowsTheRenderedTreeAndTalksToThePainter(FxRobot robot) throws Exception {
        wechatTabs(robot);
        List<String> highlighted = new ArrayList<>();
        List<Consumer<String>> hover = new ArrayList<>();
        robot.interact(() -> controller.attachPage(new javafx.scene.layout.Pane(), new PageInspector() {
            @Override
            public void highlight(String path) {
                highlighted.add(path);
            }

            @Override
            public void onHover(Consumer<String> listener) {
                hover.add(listener);
            }
        }));
        robot.clickOn("WXML");
        @SuppressWarnings("unchecked")
        TreeView<ViewState.Element> tree = robot.lookup(".markup-tree").queryAs(TreeView.class);
        waitFor(() -> tree.getRoot() != null, "the rendered tree");
        TreeItem<ViewState.Element> card = tree.getRoot().getChildren().get(0);
        assertThat(MarkupPanel.label(card.getValue())).isEqualTo("<view id=\"hello\" class=\"card\">");
        assertThat(card.getChildren()).extracting(i -> MarkupPanel.label(i.getValue())).containsExactly("\"你好 1\"");
        robot.interact(() -> tree.getSelectionModel().select(card));
        List<String> rows = robot.lookup(".attribute-list").<String>queryListView().getItems();
        assertThat(rows).contains("class = \"card\"", "id = \"hello\"", "data-n = \"1\"")
                .anySatisfy(row -> assertThat(row).startsWith("from pages/a/a.wxml"));
        assertThat(highlighted).as("the selected element is highlighted on the page").endsWith(card.getValue().path());
        // the painter reports the button under the mouse: the panel selects it
        String button = tree.getRoot().getChildren().get(1).getValue().path();
        robot.interact(() -> hover.get(0).accept(button));
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().tag()).isEqualTo("button");
        snapshot("wxml-panel");
    }
}
