package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.events.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #5, "Tests": real flows through the window, as a tester clicks them: allow all, allow
 * some, refuse, cancel on getAuthCode; each outcome on the sign page; each event on the plugin
 * page and the jumpTo it causes; the timeline showing the emits. Headless on Monocle in CI.
 */
@ExtendWith(ApplicationExtension.class)
class WindowTest {

    static {
        // before TestFX starts the toolkit: the window's fonts, not the machine's (issue #10, part 6)
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

    private static Path sample(String name) {
        return Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps").resolve(name);
    }

    private void open(FxRobot robot, String sample) throws Exception {
        robot.interact(() -> controller.open(sample(sample)));
        waitFor(() -> !controller.model().methods().isEmpty(), "the home page's methods");
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        waitFor(condition, what, 15);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what, int seconds) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
        // the model changes on the FX thread, which may still be drawing it
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Event> events(String type) {
        return controller.model().transcriptSnapshot().stream().filter(e -> e.type().equals(type)).toList();
    }

    private boolean has(String type, Predicate<Event> p) {
        return controller.model().transcriptSnapshot().stream().anyMatch(e -> e.type().equals(type) && p.test(e));
    }

    private void tap(FxRobot robot, String id) throws Exception {
        waitFor(() -> robot.lookup(id).tryQuery().isPresent(), id);
        robot.clickOn(id);
    }

    private void askThenTap(FxRobot robot, String method) throws Exception {
        tap(robot, "#method-" + method);
        waitFor(() -> controller.model().card().get() != null && controller.model().card().get().pending() != null,
                "the prompt of " + method);
    }

    private void waitForData(String text) throws Exception {
        waitFor(() -> controller.model().data().get().contains(text), "page data containing " + text);
    }

    @Test
    void allowAllOnGetAuthCode(FxRobot robot) throws Exception {
        open(robot, "auth-demo");
        askThenTap(robot, "onAuthorize");
        assertThat(robot.lookup("#scope-auth_user").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#allow");
        waitForData("已授权");
        assertThat(events("decision")).singleElement()
                .satisfies(e -> assertThat(e.get("source")).isEqualTo("user"))
                .satisfies(e -> assertThat(e.get("decision")).isEqualTo("allow"));
        waitFor(() -> controller.model().card().get() == null, "the sheet to close");
    }

    @Test
    void allowSomeByUntickingScopes(FxRobot robot) throws Exception {
        open(robot, "auth-demo");
        askThenTap(robot, "onAuthorize");
        robot.clickOn("#scope-USER_NAME");
        robot.clickOn("#scope-USER_AVATAR");
        robot.clickOn("#allow");
        waitForData("部分授权");
        assertThat(events("decision").get(0).get("decision")).isEqualTo(java.util.Map.of("allow", List.of("auth_user")));
        assertThat(controller.model().data().get()).contains("\"USER_NAME\":\"10001\"");
    }

    @Test
    void refuseAndCancelOnGetAuthCode(FxRobot robot) throws Exception {
        open(robot, "auth-demo");
        askThenTap(robot, "onAuthorize");
        robot.clickOn("#deny");
        waitForData("授权失败");
        assertThat(events("decision").get(0).get("decision")).isEqualTo("deny");
        askThenTap(robot, "onAuthorize");
        robot.clickOn(".sheet-close");
        waitFor(() -> events("decision").size() == 2, "the second decision");
        assertThat(events("decision").get(1).get("decision")).isEqualTo("cancel");
        waitFor(() -> has("callback", e -> "fail".equals(e.get("callback"))
                && String.valueOf(e.get("payload")).contains("authErrorScopes={}")), "the cancel's fail callback");
    }

    @Test
    void aWalletErrorCodeFromTheSheet(FxRobot robot) throws Exception {
        open(robot, "auth-demo");
        askThenTap(robot, "onAuthorize");
        robot.clickOn("#error-1003");
        waitFor(() -> has("callback", e -> String.valueOf(e.get("payload")).contains("error=1003")), "fail 1003");
    }

    @Test
    void eachOutcomeOnTheSignPage(FxRobot robot) throws Exception {
        open(robot, "sign-demo");
        askThenTap(robot, "onSign");
        // the agreement page of my.signContract, showing the sign string the page passed
        javafx.scene.Parent page = robot.lookup(".sheet-page").queryParent();
        assertThat(page.isVisible()).isTrue();
        assertThat(robot.from(page).lookup((javafx.scene.control.Labeled l) -> "代扣服务授权 Agreement authorization"
                .equals(l.getText())).tryQuery()).as("the agreement page's heading").isPresent();
        assertThat(robot.from(page).lookup(".url-box").queryLabeled().getText()).as("the sign string's URL")
                .isEqualTo("https://openauth.example/authentication.htm");
        robot.clickOn("#sign");
        waitForData("signed");
        for (String code : List.of("6001", "6002", "7001", "7002")) {
            askThenTap(robot, "onSign");
            robot.clickOn("#sign-" + code);
            waitFor(() -> has("callback", e -> "signContract".equals(e.get("api"))
                    && String.valueOf(e.get("payload")).contains("error=" + code)), "signContract fail " + code);
            // the page shows the outcome in my.alert, drawn over the phone until OK
            waitFor(() -> controller.model().alert().get() != null, "the alert of " + code);
            robot.clickOn("#alert-ok");
            waitFor(() -> controller.model().alert().get() == null, "the alert to close");
        }
    }

    @Test
    void eachPluginEventAndTheJumpToItCausesAppearInTheTimeline(FxRobot robot) throws Exception {
        open(robot, "plugin-demo");
        askThenTap(robot, "basic");
        robot.clickOn("#plugin-signSuccessCb");
        waitFor(() -> has("navigate", e -> "jumpTo".equals(e.get("action")) && "pages/bbb/bbb".equals(e.get("to"))),
                "jumpTo /pages/bbb/bbb");
        assertThat(controller.model().timeline()).extracting(e -> e.type() + ":" + (e.get("event") != null ? e.get("event") : e.get("action")))
                .contains("channel:signSuccessCb", "channel:jumpTo", "navigate:jumpTo");
        robot.clickOn(".back-button");
        waitFor(() -> controller.model().stack().size() == 1, "back home");

        askThenTap(robot, "basic");
        robot.clickOn("#plugin-authFailCb");
        waitFor(() -> has("channel", e -> "authFailCb".equals(e.get("event"))), "authFailCb emit");
        waitFor(() -> controller.model().stack().equals(List.of("tabbar/home/home")), "back to the page before the plugin");

        askThenTap(robot, "chain");
        robot.clickOn("#plugin-authSuccessCb");
        waitFor(() -> controller.model().card().get() != null && controller.model().card().get().pending() != null
                && "personal-auth".equals(controller.model().card().get().event().get("pluginPage")), "the chain's next plugin page");
        robot.clickOn("#plugin-authSuccessCb");
        waitFor(() -> controller.model().stack().equals(List.of("tabbar/mine/mine")), "the tab page after the chain");
        assertThat(robot.lookup(".timeline").queryListView().getItems()).isNotEmpty();
    }

    @Test
    void aScriptErrorAndARunawayLoopShowInTheConsoleAndTheWindowStaysUsable(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        dev.minisim.TestApp.withPages(dir, "pages/a/a").wechat().file("pages/a/a.js",
                "Page({\n  data: { n: 0 },\n  boom() { null.x; },\n  spin() { for (;;) {} },\n"
                        + "  inc() { this.setData({ n: this.data.n + 1 }); },\n});");
        robot.interact(() -> controller.open(dir));
        waitFor(() -> !controller.model().methods().isEmpty(), "the page's methods");
        robot.clickOn("#method-boom");
        waitFor(() -> controller.model().console().stream().anyMatch(e -> e.type().equals("error")), "the error in the console");
        assertThat(controller.model().console().get(0).get("source")).isEqualTo("pages/a/a.js:3");
        robot.clickOn("#method-spin");
        robot.clickOn("#method-inc");    // queued behind the loop: runs once the watchdog stops it
        // the watchdog's 5 s budget is CPU time: on a busy 2-core machine (load 15) that is tens of
        // seconds of wall time before the loop is stopped and the queued tap runs
        waitFor(() -> controller.model().data().get().contains("\"n\":1"), "the window still working after the loop", 120);
        assertThat(controller.model().console()).extracting(e -> e.str("message"))
                .contains("script ran longer than 5000 ms and was stopped (an endless loop?)");
    }

    @Test
    void aStandingPolicyAnswersWithoutShowingTheSheet(FxRobot robot) throws Exception {
        open(robot, "auth-demo");
        @SuppressWarnings("unchecked")
        ComboBox<String> auth = robot.lookup(".policy-bar .combo-box").nth(0).queryAs(ComboBox.class);
        robot.interact(() -> auth.setValue("deny"));
        tap(robot, "#method-onAuthorize");
        waitForData("授权失败");
        assertThat(events("decision").get(0).get("source")).isEqualTo("policy");
    }
}
