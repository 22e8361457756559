package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.scenario.Recording;
import dev.minisim.scenario.ReplayCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, part 4, "Record and replay: a Record toggle in the window writes what the person did —
 * taps, typing, every decision at every prompt, navigation back — as a scenario file (with
 * {@code see} steps for what was on screen at the end) that {@code run} replays to the same
 * transcript"; its "Done when": "a recorded session replays headless to the same transcript".
 *
 * <p>Each test drives the window's session ({@link LiveSession}, recording) through the entry
 * points the window's controls use ({@link WindowPerson}), saves the recording, plays it with the
 * {@code run} command, and compares the transcripts line by line. On the simulated clock even
 * {@code t} must match; on the window's real clock everything but {@code t} must.
 */
class RecordReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The replay exits 0 and writes the session's transcript (only the player's own lines and seq apart). */
    private static void assertReplaysTheSame(Recording rec, WindowPerson.Replay replay, boolean withTime) {
        assertThat(replay.exit()).as("run's exit status; the recorded file:\n%s\ntranscript:\n%s", rec.text(),
                String.join("\n", replay.lines())).isZero();
        Optional<String> diff = ReplayCheck.differenceOfLines(ReplayCheck.lines(rec.transcript()), replay.lines(), withTime);
        assertThat(diff).as("the recorded file:\n%s", rec.text()).isEmpty();
        // the comparison covered the whole session, not an empty prefix
        assertThat(ReplayCheck.comparable(replay.lines(), withTime)).hasSizeGreaterThan(10);
    }

    /** The recorded steps of one kind, as the saved file reads back. */
    private static List<JsonNode> steps(Recording rec, String kind) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : json(rec.text()).path("steps")) {
            if (s.has(kind)) {
                out.add(s);
            }
        }
        return out;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void getAuthCodeConsentPartialCancelAndAnErrorCodeReplayTheSame() throws Exception {
        // Alipay: the prompt's Allow, a partial grant (a scope unticked), ✕ (cancel), a wallet error
        // button; tapped on the page and through a method button
        Recording rec;
        try (WindowPerson person = new WindowPerson("auth-demo", "default", true)) {
            person.waits(1200).tap("button", "授权 (回调)").answer("getAuthCode", "\"allow\"")
                    .waits(700).tap("button", "授权 (回调)").answer("getAuthCode", "{\"allow\": [\"auth_user\"]}")
                    .tap("button", "授权 (回调)").answer("getAuthCode", "\"cancel\"")
                    .waits(300).method("onAuthorizeAsync").answer("getAuthCode", "\"1003\"")
                    .waits(2000);
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
        }
        assertThat(json(rec.text()).get("decisions")).isEqualTo(json(
                "{\"getAuthCode\": [\"allow\", {\"allow\": [\"auth_user\"]}, \"cancel\", \"1003\"]}"));
        assertThat(steps(rec, "tap")).containsOnly(json("{\"tap\": {\"selector\": \"button\", \"text\": \"授权 (回调)\"}}"))
                .hasSize(3);
        assertThat(steps(rec, "call")).containsExactly(json("{\"call\": \"onAuthorizeAsync\", \"args\": [{\"type\": \"tap\"}]}"));
        // the person's pauses are waits: the first before the first tap, the last before the see steps
        assertThat(steps(rec, "wait")).containsExactly(json("{\"wait\": 1200}"), json("{\"wait\": 700}"),
                json("{\"wait\": 300}"), json("{\"wait\": 2000}"));
        assertThat(steps(rec, "see")).contains(json("{\"see\": {\"selector\": \"view.status\", \"text\": \"授权失败\"}}"));
        assertThat(rec.scenario().get("seed").isIntegralNumber()).isTrue();
        assertThat(rec.problems()).isEmpty();
    }

    @Test
    void aReplayThatAnswersDifferentlyIsCaught() throws Exception {
        // the comparison can fail: the same file with another decision parts at the decision
        try (WindowPerson person = new WindowPerson("auth-demo", "default", true)) {
            person.tap("button", "授权 (回调)").answer("getAuthCode", "\"allow\"");
            Recording rec = person.stop();
            ((ObjectNode) rec.scenario().get("decisions")).set("getAuthCode", json("[\"deny\"]"));
            WindowPerson.Replay replay = person.replay(rec, dir);
            Optional<String> diff = ReplayCheck.differenceOfLines(ReplayCheck.lines(rec.transcript()), replay.lines(), false);
            assertThat(diff).hasValueSatisfying(d -> assertThat(d).contains("\"decision\":\"allow\"")
                    .contains("\"decision\":\"deny\""));
        }
    }

    @Test
    void signContractThroughTheSignPageReplaysTheSame() throws Exception {
        // Alipay: the merchant's consult call (minisim.json mocks), the sign page's Sign, then 7001
        Recording rec;
        try (WindowPerson person = new WindowPerson("sign-demo", "default", true)) {
            person.waits(500).tap("button", "开通免密支付").answer("signContract", "\"allow\"")
                    .waits(4000).tap("button", "开通免密支付").answer("signContract", "\"7001\"")
                    .waits(100);
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
        }
        assertThat(json(rec.text()).get("decisions")).isEqualTo(json("{\"signContract\": [\"allow\", \"7001\"]}"));
        assertThat(steps(rec, "see")).isNotEmpty().allSatisfy(s -> assertThat(s.get("see").has("text")).isTrue());
    }

    @Test
    void thePluginFlowWithItsEventChannelAndBackReplaysTheSame() throws Exception {
        // WeChat: a page-to-page EventChannel left through a method button; the plugin's doc page
        // finished (signSuccessCb → jumpTo a page), back; the 1.0.23 chain through two plugin pages
        Recording rec;
        try (WindowPerson person = new WindowPerson("plugin-demo", "default", true)) {
            person.tap("button", "EventChannel 对话").waits(400).method("leave")
                    .tap("button", "签署（回调）").answer("plugin", "\"signSuccessCb\"")
                    .waits(900).back()
                    .tap("button", "签署 → 认证 → 我的").answer("plugin", "\"authSuccessCb\"")
                    .answer("plugin", "\"authSuccessCb\"").waits(50);
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
            assertThat(rec.transcript()).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("navigate");
                assertThat(e.get("to")).isEqualTo("tabbar/mine/mine");
            });
        }
        assertThat(json(rec.text()).get("decisions"))
                .isEqualTo(json("{\"plugin\": [\"signSuccessCb\", \"authSuccessCb\", \"authSuccessCb\"]}"));
        assertThat(steps(rec, "back")).containsExactly(json("{\"back\": 1}"));
        assertThat(steps(rec, "call")).containsExactly(json("{\"call\": \"leave\", \"args\": [{\"type\": \"tap\"}]}"));
    }

    @Test
    void aFormFilledInByTypingPickingAndTickingReplaysTheSame() throws Exception {
        // WeChat: navigator, typing (model:value), a picker, a switch through its label, a radio, submit
        Recording rec;
        try (WindowPerson person = new WindowPerson("basics", "default", true)) {
            person.tap("navigator", "去下单").waits(1000).input("#name", "张三").change("picker", 1)
                    .tap("label", "需要发票").tap("radio", "微信支付").waits(250).tap("button", "提交订单");
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
        }
        assertThat(steps(rec, "input")).containsExactly(json("{\"input\": \"#name\", \"value\": \"张三\"}"));
        assertThat(steps(rec, "change")).containsExactly(json("{\"change\": \"picker[name=city]\", \"value\": 1}"));
        assertThat(steps(rec, "tap")).contains(json("{\"tap\": {\"selector\": \"navigator\", \"text\": \"去下单\"}}"),
                json("{\"tap\": {\"selector\": \"label\", \"text\": \"需要发票\"}}"));
        // what the session put on screen is checked at the end
        assertThat(steps(rec, "see")).contains(json("{\"see\": {\"selector\": \"view.result\", \"text\": \"已提交：张三 / 上海 / wechat\"}}"));
    }

    @Test
    void aPickerViewTurnedInTheWindowReplaysTheSame() throws Exception {
        // the window tells a picker-view's pickstart and pickend as the person turns the wheel, then
        // its change (page.js); the recorded change step replays all three (WeChat docs:
        // bindpickstart "当滚动选择开始时候触发事件", bindpickend "当滚动选择结束时候触发事件")
        Path app = Path.of(System.getProperty("minisim.repo", ".")).resolve("src/test/resources/pickerview-app");
        Recording rec;
        try (WindowPerson person = new WindowPerson(app, "default", true)) {
            person.act(sim -> {
                dev.minisim.screen.Target wheel = new dev.minisim.screen.Target("#wheel", null, 0);
                sim.screen().trigger(wheel, "pickstart", java.util.Map.of(), false);
                sim.screen().trigger(wheel, "pickend", java.util.Map.of(), false);
                sim.screen().picked(wheel, List.of(1, 3, 28)).ifPresent(why -> {
                    throw new AssertionError(why);
                });
            });
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
        }
        assertThat(steps(rec, "change")).hasSize(1);
        assertThat(rec.transcript().stream().filter(e -> e.type().equals("console")).map(e -> String.valueOf(e.get("text"))))
                .containsSubsequence("pickstart", "pickend", "change [1,3,28]");
    }

    @Test
    void timersThatFireWhileThePersonWaitsFireInTheReplayAtTheSameTimes() throws Exception {
        // WeChat: a countdown on setInterval, and a custom component's own event, between pauses
        Recording rec;
        try (WindowPerson person = new WindowPerson("basics", "default", true)) {
            person.tap("button", "倒计时 0").waits(1500).tap("todo-item", null).waits(2100);
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
        }
        assertThat(steps(rec, "wait")).containsExactly(json("{\"wait\": 1500}"), json("{\"wait\": 2100}"));
        assertThat(steps(rec, "see")).contains(json("{\"see\": {\"selector\": \"button\", \"text\": \"倒计时 0\"}}"));
    }

    @Test
    void tapsOnTheNativeTabBarAreRecordedAsTabStepsAndReplayTheSame() throws Exception {
        // issue #10 part 4 ("taps ... navigation") and the frame's tab bar (part 2): a click on a tab
        // of app.json's tabBar is a {"tab": TEXT} step (MiniSim's extension of the contract's steps)
        Recording rec;
        try (WindowPerson person = new WindowPerson("basics", "default", true)) {
            person.act(sim -> assertThat(sim.tapTab(1)).isEmpty()).waits(300)
                    .act(sim -> assertThat(sim.tapTab(0)).isEmpty());
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
        }
        assertThat(steps(rec, "tab")).containsExactly(json("{\"tab\": \"日志\"}"), json("{\"tab\": \"首页\"}"));
        assertThat(rec.problems()).isEmpty();
    }

    @Test
    void aSessionOnTheWindowsRealClockReplaysTheSameButForTheTimes() throws Exception {
        // the window runs on the real clock: handlers take real milliseconds, so t may differ;
        // every other field of every line must not
        Recording rec;
        try (WindowPerson person = new WindowPerson("auth-demo", "default", false)) {
            person.tap("button", "授权 (回调)").answer("getAuthCode", "{\"allow\": [\"auth_user\", \"USER_NAME\"]}")
                    .method("onAuthorizeAsync").answer("getAuthCode", "\"allow\"");
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), false);
        }
        assertThat(json(rec.text()).get("decisions")).isEqualTo(json(
                "{\"getAuthCode\": [{\"allow\": [\"auth_user\", \"USER_NAME\"]}, \"allow\"]}"));
    }

    @Test
    void whatTheRecordingCannotExpressIsSaidNotHidden() throws Exception {
        // the scenario's user answers a prompt at once; a person who waits lets timers run first,
        // which a replay cannot repeat: the recording says so (and the replay indeed differs there)
        dev.minisim.TestApp app = dev.minisim.TestApp.withPages(dir.resolve("app"), "pages/a/a").wechat()
                .file("pages/a/a.js", """
                        Page({
                          data: { n: 0, answer: '' },
                          onLoad() { setInterval(() => this.setData({ n: this.data.n + 1 }), 500); },
                          ask() { wx.showModal({ title: 'q', success: (r) => this.setData({ answer: r.confirm ? 'yes' : 'no' }) }); },
                        });""")
                .file("pages/a/a.wxml", "<view><button bindtap=\"ask\">ask</button><text>{{n}} {{answer}}</text></view>");
        try (WindowPerson person = new WindowPerson(app.dir(), "default", true)) {
            person.tap("button", "ask").waits(1200).answer("modal", "\"confirm\"").tap("button", "ask");
            Recording rec = person.stop();
            assertThat(rec.problems()).anySatisfy(p -> assertThat(p).startsWith("timers wrote 2 line(s)")
                    .contains("modal prompt waited"))
                    .anySatisfy(p -> assertThat(p).contains("1 prompt(s) were still open"));
            assertThat(rec.scenario().get("description").asText()).contains("not recorded: timers wrote");
            WindowPerson.Replay replay = person.replay(rec, dir);
            assertThat(ReplayCheck.differenceOfLines(ReplayCheck.lines(rec.transcript()), replay.lines(), false)).isPresent();
        }
    }

    @Test
    void everyOtherPromptOfWeChatIsRecordedInItsScenarioForm() throws Exception {
        // WeChat: modal (with typed content), action sheet, authorize, getUserProfile, and a button
        // open-type getPhoneNumber; typing into a textarea; an action the format cannot express
        dev.minisim.TestApp app = dev.minisim.TestApp.withPages(dir.resolve("wx"), "pages/a/a").wechat()
                .file("pages/a/a.js", """
                        Page({
                          data: { log: [] },
                          add(x) { this.setData({ log: this.data.log.concat(String(x)) }); },
                          modal() { wx.showModal({ title: 'q', editable: true, success: (r) => this.add(r.confirm + ':' + r.content) }); },
                          sheet() { wx.showActionSheet({ itemList: ['a', 'b', 'c'], success: (r) => this.add('item' + r.tapIndex), fail: () => this.add('nosheet') }); },
                          async auth() {
                            try { await wx.authorize({ scope: 'scope.userLocation' }); this.add('loc'); } catch (e) { this.add('noloc'); }
                            wx.getUserProfile({ desc: 'd', success: () => this.add('profile'), fail: () => this.add('noprofile') });
                          },
                          onPhone(e) { this.add(e.detail.errMsg); },
                          onNote(e) { this.add('note ' + e.detail.value); },
                        });""")
                .file("pages/a/a.wxml", """
                        <view>
                          <button bindtap="modal">modal</button>
                          <button bindtap="sheet">sheet</button>
                          <button bindtap="auth">auth</button>
                          <button open-type="getPhoneNumber" bindgetphonenumber="onPhone">phone</button>
                          <textarea class="note" bindinput="onNote"/>
                          <view class="log">{{log}}</view>
                        </view>""");
        Recording rec;
        try (WindowPerson person = new WindowPerson(app.dir(), "default", true)) {
            person.tap("button", "modal").answer("modal", "{\"answer\": \"confirm\", \"content\": \"好\"}")
                    .tap("button", "sheet").answer("actionSheet", "2")
                    .tap("button", "sheet").answer("actionSheet", "\"cancel\"")
                    .tap("button", "auth").answer("authorize", "\"allow\"").answer("getUserProfile", "\"deny\"")
                    .tap("button", "phone").answer("getPhoneNumber", "\"allow\"")
                    .input("textarea", "备注").act(sim -> sim.unscripted("the home button"));
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
        }
        assertThat(json(rec.text()).get("decisions")).isEqualTo(json("""
                {"modal": [{"answer": "confirm", "content": "好"}], "actionSheet": [2, "cancel"],
                 "authorize": ["allow"], "getUserProfile": ["deny"], "getPhoneNumber": ["allow"]}"""));
        assertThat(steps(rec, "input")).containsExactly(json("{\"input\": \"textarea.note\", \"value\": \"备注\"}"));
        assertThat(rec.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("the home button at 0 ms: a scenario has no step for it"));
    }

    @Test
    void everyOtherPromptOfAlipayIsRecordedInItsScenarioForm() throws Exception {
        // Alipay: my.confirm, my.showActionSheet, a button open-type getAuthorize, typing into an input
        dev.minisim.TestApp app = dev.minisim.TestApp.withPages(dir.resolve("my"), "pages/a/a").alipay()
                .file("pages/a/a.js", """
                        Page({
                          data: { log: [] },
                          add(x) { this.setData({ log: this.data.log.concat(String(x)) }); },
                          ask() { my.confirm({ content: 'sure?', success: (r) => this.add('confirm ' + r.confirm) }); },
                          sheet() { my.showActionSheet({ items: ['x', 'y'], success: (r) => this.add('index ' + r.index) }); },
                          onGetAuthorize() { this.add('authorized'); },
                          onAuthError(e) { this.add('error ' + e.error); },
                          onName(e) { this.add('name ' + e.detail.value); },
                        });""")
                .file("pages/a/a.axml", """
                        <view>
                          <button onTap="ask">ask</button>
                          <button onTap="sheet">sheet</button>
                          <button open-type="getAuthorize" scope="userInfo" onGetAuthorize="onGetAuthorize" onError="onAuthError">授权</button>
                          <input id="name" onInput="onName"/>
                          <view class="log">{{log}}</view>
                        </view>""");
        Recording rec;
        try (WindowPerson person = new WindowPerson(app.dir(), "default", true)) {
            person.tap("button", "ask").answer("confirm", "\"cancel\"").tap("button", "ask").answer("confirm", "\"confirm\"")
                    .tap("button", "sheet").answer("actionSheet", "1")
                    .tap("button", "授权").answer("getAuthorize", "\"deny\"").tap("button", "授权").answer("getAuthorize", "\"allow\"")
                    .waits(40).input("#name", "小明");
            rec = person.stop();
            assertReplaysTheSame(rec, person.replay(rec, dir), true);
        }
        assertThat(json(rec.text()).get("decisions")).isEqualTo(json("""
                {"confirm": ["cancel", "confirm"], "actionSheet": [1], "getAuthorize": ["deny", "allow"]}"""));
        assertThat(steps(rec, "input")).containsExactly(json("{\"input\": \"#name\", \"value\": \"小明\"}"));
        assertThat(rec.problems()).isEmpty();
    }
}
