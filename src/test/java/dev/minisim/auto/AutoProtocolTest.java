package dev.minisim.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.TestApp;
import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.Scenario;
import dev.minisim.user.PolicyDecisions;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md "Automation protocol (auto)" and issue #12, driven by a WebSocket client as the SDK's
 * Connection drives it: one MiniSim serves a small WeChat app for the whole class.
 */
class AutoProtocolTest {

    /** Scratch folders of this class, removed after it (nothing left in the system temp folder). */
    @org.junit.jupiter.api.io.TempDir
    static Path scratch;

    static Path dir;
    static AutoService service;
    static AutoClient client;

    static final String INDEX_WXML = """
            <view class="page">
              <text id="title" class="title big" style="color: red; font-size: 20px" data-kind="t">{{title}}</text>
              <button id="inc" bindtap="inc">+1 {{count}}</button>
              <input id="name" model:value="{{name}}" bindinput="onName"/>
              <switch id="sw" checked="{{on}}" bindchange="onSwitch"/>
              <slider id="sl" value="{{level}}" bindchange="onSlide"/>
              <counter-box id="box" start="{{5}}" bind:changed="onBox"/>
              <button id="ask" bindtap="ask">ask</button>
              <button id="profile" bindtap="profile">profile</button>
              <button id="boom" bindtap="boom">boom</button>
              <view id="hold" bindtouchstart="onTouch" bindcustom="onCustom">hold</view>
            </view>
            """;

    static final String INDEX_JS = """
            Page({
              data: { title: 'Hello', count: 0, name: '', on: false, level: 10, answer: '', profile: '', typed: '',
                      box: 0, touched: 0, custom: null },
              inc() { this.setData({ count: this.data.count + 1 }); console.log('count', this.data.count); },
              onName(e) { this.setData({ typed: e.detail.value }); },
              onSwitch(e) { this.setData({ on: e.detail.value }); },
              onSlide(e) { this.setData({ level: e.detail.value }); },
              onBox(e) { this.setData({ box: e.detail.value }); },
              ask() { wx.showModal({ title: 'Sure?', content: 'really', success: (r) => this.setData({ answer: r.confirm ? 'yes' : 'no' }) }); },
              profile() {
                wx.getUserProfile({ desc: 'for the test', success: (r) => this.setData({ profile: r.userInfo.nickName }),
                  fail: () => this.setData({ profile: 'refused' }) });
              },
              boom() { throw new Error('kaboom'); },
              onTouch() { this.setData({ touched: this.data.touched + 1 }); },
              onCustom(e) { this.setData({ custom: e.detail }); },
              add(a, b) { return a + b; },
              later(v) { return new Promise((resolve) => setTimeout(() => resolve(v * 2), 10)); },
            });
            """;

    @BeforeAll
    static void serve() throws Exception {
        dir = Files.createTempDirectory(scratch, "auto-protocol");
        TestApp.withAppJson(dir, """
                {"pages": ["pages/index/index", "pages/second/second"],
                 "usingComponents": {"counter-box": "/components/counter-box/counter-box"}}""")
                .wechat()
                .file("pages/index/index.wxml", INDEX_WXML)
                .file("pages/index/index.js", INDEX_JS)
                .file("pages/second/second.wxml", "<view class=\"second\">{{msg}}</view>")
                .file("pages/second/second.js", "Page({ data: { msg: 'two' }, onLoad(q) { this.setData({ msg: 'two ' + (q.x || '') }); } });")
                .file("components/counter-box/counter-box.json", "{\"component\": true}")
                .file("components/counter-box/counter-box.wxml", "<view class=\"box\"><text class=\"n\">{{n}}</text></view>")
                .file("components/counter-box/counter-box.js", """
                        Component({
                          properties: { start: { type: Number, value: 0 } },
                          data: { n: 0 },
                          lifetimes: { attached() { this.setData({ n: this.data.start }); } },
                          methods: {
                            bump(by) { this.setData({ n: this.data.n + by }); this.triggerEvent('changed', { value: this.data.n }); return this.data.n; },
                          },
                        });""");
        service = start(dir, List.of(), Duration.ofSeconds(20));
        client = new AutoClient(service.port());
    }

    static AutoService start(Path folder, List<dev.minisim.user.DecisionSource> policies, Duration promptTimeout) throws Exception {
        return start(folder, policies, promptTimeout, Painter.NONE);
    }

    static AutoService start(Path folder, List<dev.minisim.user.DecisionSource> policies, Duration promptTimeout,
                             Painter painter) throws Exception {
        MiniProgram program = MiniProgram.load(folder);
        RunConfig config = Scenario.withFolderConfig(RunConfig.defaults(), program.folder());
        AutoService s = new AutoService(program, config, policies, painter,
                new AutoService.Settings(0, Duration.ofSeconds(20), promptTimeout, Duration.ofSeconds(5), Duration.ofMillis(1500)));
        s.start();
        return s;
    }

    @AfterAll
    static void stop() throws Exception {
        client.closeBlocking();
        service.close();
    }

    static int home() {
        return client.call("App.getCurrentPage").path("pageId").asInt();
    }

    static Map<String, Object> onPage(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("pageId", home());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static JsonNode element(String selector) {
        return client.call("Page.getElement", onPage("selector", selector));
    }

    static Map<String, Object> on(JsonNode element, Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("pageId", home());
        m.put("elementId", element.path("elementId").asText());
        if (element.has("nodeId")) {
            m.put("nodeId", element.get("nodeId").asText());
        }
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static JsonNode data(String path) {
        return client.call("Page.getData", onPage("path", path)).path("data");
    }

    @Test
    void getInfoGivesABaseLibraryTheSdkAccepts() {
        // CONTRACT: "Tool.getInfo (SDKVersion "2.7.3" or later)"
        String v = client.call("Tool.getInfo").path("SDKVersion").asText();
        String[] parts = v.split("\\.");
        assertThat(Integer.parseInt(parts[0]) * 10000 + Integer.parseInt(parts[1]) * 100 + Integer.parseInt(parts[2]))
                .isGreaterThanOrEqualTo(20703);
    }

    @Test
    void anUnknownMethodOrAMalformedMessageAnswersAnErrorAndTheSessionGoesOn() throws Exception {
        // CONTRACT: "A method MiniSim lacks answers with an error naming it"; issue #12: "a malformed
        // message ... answers an error and keeps the session"
        assertThatThrownBy(() -> client.call("Tool.stopAudits", Map.of()))
                .hasMessageContaining("Tool.stopAudits");
        client.send("{not json");
        JsonNode err = client.stray.poll(10, TimeUnit.SECONDS);
        assertThat(err).isNotNull();
        assertThat(err.path("error").path("message").asText()).contains("malformed");
        assertThatThrownBy(() -> client.call("App.callFunction", Map.of())).hasMessageContaining("functionDeclaration");
        assertThat(client.call("App.getPageStack").path("pageStack")).isNotEmpty();
    }

    @Test
    void elementsByXpathOverTheRenderedTree() {
        // issue #12 (autolayout, item 2): Page.getElementByXpath / getElementsByXpath, the SDK's
        // page.xpath(), with the JDK's XPath engine over the rendered tree (tags, attributes, text)
        JsonNode title = client.call("Page.getElementByXpath", onPage("selector", "//text[@class='title big']"));
        assertThat(title.path("elementId").asText()).isEqualTo(element("#title").path("elementId").asText());
        assertThat(client.call("Page.getElementsByXpath", onPage("selector", "/page/view/button")).path("elements"))
                .hasSize(4).allSatisfy(b -> assertThat(b.path("tagName").asText()).isEqualTo("button"));
        // a real engine: functions, axes and positions, inside a custom component too
        JsonNode profile = client.call("Page.getElementByXpath", onPage("selector", "//button[contains(., 'profile')]"));
        assertThat(profile.path("elementId").asText()).isEqualTo(element("#profile").path("elementId").asText());
        assertThat(client.call("Page.getElementByXpath", onPage("selector", "(//button)[last()]/following-sibling::view"))
                .path("elementId").asText()).isEqualTo(element("#hold").path("elementId").asText());
        JsonNode n = client.call("Page.getElementByXpath", onPage("selector", "//counter-box//text[@class='n']"));
        assertThat(n.path("elementId").asText()).isEqualTo(element(".n").path("elementId").asText());
        assertThat(client.call("Page.getElementsByXpath", onPage("selector", "//swiper")).path("elements")).isEmpty();
        assertThatThrownBy(() -> client.call("Page.getElementByXpath", onPage("selector", "//swiper")))
                .hasMessageContaining("//swiper");
        assertThatThrownBy(() -> client.call("Page.getElementsByXpath", onPage("selector", "//view[")))
                .hasMessageContaining("not an XPath expression");
        assertThatThrownBy(() -> client.call("Page.getElementsByXpath", onPage("selector", "//text/text()")))
                .hasMessageContaining("not elements");
    }

    @Test
    void testAccountsListTheSimulatedUserAndRemoteSaysItNeedsARealPhone() {
        // issue #12 (autolayout, item 3): Tool.getTestAccounts answers MiniSim's simulated user (the
        // run's user profile) in the SDK's {accounts: [{nickName, openid}]}; remote() needs a real phone
        JsonNode accounts = client.call("Tool.getTestAccounts", Map.of()).path("accounts");
        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).path("nickName").asText()).isEqualTo(RunConfig.defaults().nickName());
        assertThatThrownBy(() -> client.call("Tool.enableRemoteDebug", Map.of("auto", false)))
                .hasMessageContaining("remote()").hasMessageContaining("real phone");
    }

    /** A page whose boxes its stylesheet sets, served with the off-screen painter (JavaFX starts on the first layout request). */
    static final String LAYOUT_WXSS = """
            .page { padding: 10px 0 0 30px; }
            .box { width: 120px; height: 40px; margin-top: 5px; color: #00ff00; }
            .wide { width: 200px; }
            .label { color: rgb(1, 2, 3); font-size: 18px; }
            """;

    static final String LAYOUT_WXML = """
            <view class="page">
              <view id="box" class="box {{wide ? 'wide' : ''}}">box</view>
              <text id="label" class="label">label</text>
            </view>
            """;

    static final String LAYOUT_JS = """
            Page({
              data: { wide: false, readyWidth: -1 },
              // measured while the session launches: the painter starts inside the page's onReady
              onReady() {
                wx.createSelectorQuery().select('#box').boundingClientRect((r) => this.setData({ readyWidth: r.width })).exec();
              },
              // setData, then the app's own query: its answer shows the re-render
              widen() {
                this.setData({ wide: true });
                return new Promise((resolve) => wx.createSelectorQuery()
                  .select('#box').boundingClientRect()
                  .select('#box').fields({ size: true, rect: true })
                  .select('#box').scrollOffset()
                  .exec((res) => resolve(res)));
              },
              narrow() { this.setData({ wide: false }); },
            });
            """;

    @Test
    void offsetSizeAndStylesComeFromThePaintedPageAndFollowSetData() throws Exception {
        // issue #12 (autolayout, item 1): "Element offset / size ... and style answer real values
        // (the IDE gives them)": the element's box as the page's WXSS lays it out, the stylesheet's
        // colour, and after a setData the new size; the app's own createSelectorQuery too
        Path app = Files.createTempDirectory(scratch, "auto-layout");
        TestApp.withPages(app, "pages/index/index").wechat()
                .file("pages/index/index.wxml", LAYOUT_WXML)
                .file("pages/index/index.wxss", LAYOUT_WXSS)
                .file("pages/index/index.js", LAYOUT_JS);
        try (AutoService s = start(app, List.of(), Duration.ofSeconds(5), new dev.minisim.cli.AutoPainter());
             AutoClient c = new AutoClient(s.port())) {
            int page = c.call("App.getCurrentPage").path("pageId").asInt();
            assertThat(c.call("Page.getData", Map.of("pageId", page, "path", "readyWidth")).path("data").asDouble())
                    .isCloseTo(120, org.assertj.core.data.Offset.offset(1.0));
            JsonNode box = c.call("Page.getElement", Map.of("pageId", page, "selector", "#box"));
            Map<String, Object> at = Map.of("pageId", page, "elementId", box.path("elementId").asText());
            JsonNode offset = c.call("Element.getOffset", at);
            assertThat(offset.path("left").asDouble()).isCloseTo(30, org.assertj.core.data.Offset.offset(1.0));
            assertThat(offset.path("top").asDouble()).isCloseTo(15, org.assertj.core.data.Offset.offset(1.0));
            JsonNode size = c.call("Element.getDOMProperties", with(at, "names", List.of("offsetWidth", "offsetHeight")))
                    .path("properties");
            assertThat(size.get(0).asDouble()).isCloseTo(120, org.assertj.core.data.Offset.offset(1.0));
            assertThat(size.get(1).asDouble()).isCloseTo(40, org.assertj.core.data.Offset.offset(1.0));
            assertThat(c.call("Element.getStyles", with(at, "names", List.of("color", "marginTop"))).path("styles"))
                    .extracting(JsonNode::asText).containsExactly("rgb(0, 255, 0)", "5px");
            JsonNode label = c.call("Page.getElement", Map.of("pageId", page, "selector", ".label"));
            assertThat(c.call("Element.getStyles", Map.of("pageId", page, "elementId", label.path("elementId").asText(),
                    "names", List.of("color", "fontSize"))).path("styles"))
                    .extracting(JsonNode::asText).containsExactly("rgb(1, 2, 3)", "18px");

            // the app's own query after its setData, in the same task: the wider box
            JsonNode res = c.call("Page.callMethod", Map.of("pageId", page, "method", "widen", "args", List.of())).path("result");
            JsonNode rect = res.get(0);
            assertThat(rect.path("width").asDouble()).isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
            assertThat(rect.path("left").asDouble()).isCloseTo(30, org.assertj.core.data.Offset.offset(1.0));
            assertThat(rect.path("top").asDouble()).isCloseTo(15, org.assertj.core.data.Offset.offset(1.0));
            JsonNode fields = res.get(1);
            assertThat(fields.path("width").asDouble()).isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
            assertThat(fields.path("height").asDouble()).isCloseTo(40, org.assertj.core.data.Offset.offset(1.0));
            assertThat(fields.path("right").asDouble()).isCloseTo(230, org.assertj.core.data.Offset.offset(1.0));
            JsonNode scroll = res.get(2);
            assertThat(scroll.path("scrollTop").asDouble()).isZero();
            assertThat(scroll.path("scrollWidth").asDouble()).isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
            assertThat(scroll.path("scrollHeight").asDouble()).isCloseTo(40, org.assertj.core.data.Offset.offset(1.0));
            assertThat(c.call("Element.getDOMProperties", with(at, "names", List.of("offsetWidth"))).path("properties").get(0)
                    .asDouble()).isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
            // the client's setData, then its size request: the narrow box again
            c.call("Page.setData", Map.of("pageId", page, "data", Map.of("wide", false)));
            assertThat(c.call("Element.getDOMProperties", with(at, "names", List.of("offsetWidth"))).path("properties").get(0)
                    .asDouble()).isCloseTo(120, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void listensOnTheLoopbackInterfaceOnly() throws Exception {
        // CONTRACT: "Listens on 127.0.0.1 only"
        assertThat(service.address().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void theCurrentPageAndTheStackHaveIdsPathsAndQueries() {
        JsonNode top = client.call("App.getCurrentPage");
        assertThat(top.path("path").asText()).isEqualTo("pages/index/index");
        assertThat(client.call("App.getPageStack").path("pageStack").get(0).path("pageId").asInt()).isEqualTo(top.path("pageId").asInt());
        assertThatThrownBy(() -> client.call("Page.getData", Map.of("pageId", 999))).hasMessageContaining("999");
    }

    @Test
    void elementsBySelectorHaveTextAttributesStylesAndMarkup() {
        JsonNode title = element("#title");
        assertThat(title.path("tagName").asText()).isEqualTo("text");
        assertThat(client.call("Element.getDOMProperties", on(title, "names", List.of("innerText"))).path("properties").get(0).asText())
                .isEqualTo("Hello");
        assertThat(client.call("Element.getAttributes", on(title, "names", List.of("class", "data-kind", "nope"))).path("attributes"))
                .extracting(JsonNode::asText).containsExactly("title big", "t", "null");
        assertThat(client.call("Element.getStyles", on(title, "names", List.of("fontSize", "color"))).path("styles"))
                .extracting(JsonNode::asText).containsExactly("20px", "red");
        assertThat(client.call("Element.getWXML", on(title, "type", "outer")).path("wxml").asText())
                .startsWith("<text").contains("Hello");
        assertThat(client.call("Page.getElements", onPage("selector", "button")).path("elements")).hasSize(4);
        assertThatThrownBy(() -> element(".nothing-here")).hasMessageContaining(".nothing-here");
        // tag names are case-insensitive, as in the client's DOM
        assertThat(element("TEXT#title").path("elementId").asText()).isEqualTo(title.path("elementId").asText());
    }

    @Test
    void aTapGoesThroughTheSameDispatchAsAScenarioTap() {
        int before = data("count").asInt();
        client.call("Element.tap", on(element("#inc")));
        assertThat(data("count").asInt()).isEqualTo(before + 1);
        // the same element id still works after the re-render its tap caused
        JsonNode inc = element("#inc");
        client.call("Element.tap", on(inc));
        assertThat(client.call("Element.getDOMProperties", on(inc, "names", List.of("innerText"))).path("properties").get(0).asText())
                .isEqualTo("+1 " + (before + 2));
    }

    @Test
    void inputTypesIntoTheFieldAndItsTwoWayBinding() {
        // issue #12: "input on input/textarea" (the SDK sends Element.callFunction input.input)
        client.call("Element.callFunction", on(element("#name"), "functionName", "input.input", "args", List.of("Ada")));
        assertThat(data("typed").asText()).isEqualTo("Ada");
        assertThat(data("name").asText()).isEqualTo("Ada");
        assertThatThrownBy(() -> client.call("Element.callFunction", on(element("#title"), "functionName", "input.input",
                "args", List.of("x")))).hasMessageContaining("not a input");
    }

    @Test
    void switchAndSliderFunctionsChangeTheControls() {
        client.call("Element.callFunction", on(element("#sw"), "functionName", "switch.tap", "args", List.of()));
        assertThat(data("on").asBoolean()).isTrue();
        client.call("Element.callFunction", on(element("#sl"), "functionName", "slider.slideTo", "args", List.of(42)));
        assertThat(data("level").asInt()).isEqualTo(42);
        assertThatThrownBy(() -> client.call("Element.callFunction", on(element("#sl"), "functionName", "slider.explode")))
                .hasMessageContaining("slider.explode");
    }

    @Test
    void touchAndCustomEventsReachTheElementsHandlers() {
        int before = data("touched").asInt();
        client.call("Element.touchstart", on(element("#hold"), "touches", List.of(Map.of("clientX", 5, "clientY", 6))));
        assertThat(data("touched").asInt()).isEqualTo(before + 1);
        client.call("Element.triggerEvent", on(element("#hold"), "type", "custom", "detail", Map.of("k", 1)));
        assertThat(data("custom").path("k").asInt()).isEqualTo(1);
    }

    @Test
    void aCustomComponentHasItsDataSetDataAndMethods() {
        // issue #12: "custom components' data/setData/callMethod"
        JsonNode box = element("#box");
        assertThat(box.path("nodeId").asText()).isNotEmpty();
        assertThat(client.call("Element.getData", on(box, "path", "n")).path("data").asInt()).isEqualTo(5);
        client.call("Element.setData", on(box, "data", Map.of("n", 10)));
        assertThat(client.call("Element.callMethod", on(box, "method", "bump", "args", List.of(2))).path("result").asInt()).isEqualTo(12);
        assertThat(data("box").asInt()).as("the component's triggerEvent reached the page").isEqualTo(12);
        // an element inside the component, from the page and from the component's element
        JsonNode inner = client.call("Element.getElement", on(box, "selector", ".n"));
        assertThat(client.call("Element.getDOMProperties", on(inner, "names", List.of("innerText"))).path("properties").get(0).asText())
                .isEqualTo("12");
        assertThat(element("#box .n").path("elementId").asText()).isEqualTo(inner.path("elementId").asText());
        assertThatThrownBy(() -> client.call("Element.getData", on(element("#title")))).hasMessageContaining("not a custom component");
    }

    @Test
    void pageDataSetDataAndMethodsWithPromises() {
        client.call("Page.setData", onPage("data", Map.of("title", "Changed")));
        assertThat(client.call("Element.getDOMProperties", on(element("#title"), "names", List.of("innerText")))
                .path("properties").get(0).asText()).isEqualTo("Changed");
        client.call("Page.setData", onPage("data", Map.of("title", "Hello")));
        assertThat(client.call("Page.callMethod", onPage("method", "add", "args", List.of(2, 3))).path("result").asInt()).isEqualTo(5);
        assertThat(client.call("Page.callMethod", onPage("method", "later", "args", List.of(21))).path("result").asInt()).isEqualTo(42);
        assertThatThrownBy(() -> client.call("Page.callMethod", onPage("method", "nope"))).hasMessageContaining("nope");
    }

    @Test
    void aTaskThatThrowsPastItsGuardDoesNotStopTheSession() {
        // issue #12: "a method that throws answers an error and keeps the session ... never silence":
        // an exception escaping a task of the runtime loop used to end its thread, and every later
        // request waited on a loop nobody ran (the flaky Page.callMethod "nope" with no answer)
        service.session().current().loop().post(() -> {
            throw new IllegalStateException("test: a task that throws past its guard");
        });
        assertThat(client.call("App.getCurrentPage").path("path").asText()).isEqualTo("pages/index/index");
        assertThatThrownBy(() -> client.call("Page.callMethod", onPage("method", "nope"))).hasMessageContaining("nope");
    }

    @Test
    void evaluateRunsInTheAppsSandboxAndReachesNothingOfJava() {
        // issue #12: "evaluated code reaches nothing outside the sandbox"
        JsonNode r = client.call("App.callFunction", Map.of("functionDeclaration",
                "function () { return [typeof Java, typeof Packages, typeof Polyglot, typeof wx, getCurrentPages().length > 0]; }",
                "args", List.of()));
        assertThat(r.path("result")).extracting(JsonNode::asText).containsExactly("undefined", "undefined", "undefined", "object", "true");
        assertThat(client.call("App.callFunction", Map.of("functionDeclaration", "(a, b) => a * b", "args", List.of(6, 7)))
                .path("result").asInt()).isEqualTo(42);
        assertThat(client.call("App.callFunction", Map.of("functionDeclaration", "async () => getApp() === undefined ? 'none' : 'app'"))
                .path("result").asText()).isIn("none", "app");
        assertThatThrownBy(() -> client.call("App.callFunction", Map.of("functionDeclaration", "() => { throw new Error('nope!') }")))
                .hasMessageContaining("nope!");
        assertThatThrownBy(() -> client.call("App.callFunction", Map.of("functionDeclaration", "function (")))
                .hasMessageContaining("App.callFunction");
        assertThat(client.call("App.getPageStack").path("pageStack")).isNotEmpty();
    }

    @Test
    void aRunawayEvaluateIsStoppedAndAnsweredAndTheSessionGoesOn() {
        assertThatThrownBy(() -> client.call("App.callFunction", Map.of("functionDeclaration", "() => { for (;;) {} }")))
                .hasMessageContaining("evaluate");
        assertThat(client.call("App.callFunction", Map.of("functionDeclaration", "() => 1")).path("result").asInt()).isEqualTo(1);
    }

    @Test
    void callWxMethodAnswersSyncValuesAndAsyncSuccessPayloads() {
        client.call("App.callWxMethod", Map.of("method", "setStorageSync", "args", List.of("k", "v1")));
        assertThat(client.call("App.callWxMethod", Map.of("method", "getStorageSync", "args", List.of("k"))).path("result").asText())
                .isEqualTo("v1");
        assertThat(client.call("App.callWxMethod", Map.of("method", "getStorage", "args", List.of(Map.of("key", "k"))))
                .path("result").path("data").asText()).isEqualTo("v1");
        assertThatThrownBy(() -> client.call("App.callWxMethod", Map.of("method", "getStorage", "args", List.of(Map.of("key", "none")))))
                .hasMessageContaining("getStorage:fail");
        assertThatThrownBy(() -> client.call("App.callWxMethod", Map.of("method", "teleport"))).hasMessageContaining("wx.teleport");
    }

    @Test
    void mockWxMethodWithAResultAFunctionCallingThisOriginAndRestore() {
        client.call("App.mockWxMethod", Map.of("method", "getStorageSync", "result", "mocked"));
        assertThat(client.call("App.callFunction", Map.of("functionDeclaration", "() => wx.getStorageSync('k')")).path("result").asText())
                .isEqualTo("mocked");
        client.call("App.mockWxMethod", Map.of("method", "getStorageSync",
                "functionDeclaration", "function (key, suffix) { return 'via ' + this.origin('k2') + suffix; }", "args", List.of("!")));
        client.call("App.callWxMethod", Map.of("method", "setStorageSync", "args", List.of("k2", "origin")));
        assertThat(client.call("App.callWxMethod", Map.of("method", "getStorageSync", "args", List.of("x"))).path("result").asText())
                .isEqualTo("via origin!");
        client.call("App.mockWxMethod", Map.of("method", "getStorageSync"));
        assertThat(client.call("App.callWxMethod", Map.of("method", "getStorageSync", "args", List.of("k2"))).path("result").asText())
                .isEqualTo("origin");
        // an async API mocked with a result calls success with it
        client.call("App.mockWxMethod", Map.of("method", "getNetworkType", "result", Map.of("networkType", "5g")));
        assertThat(client.call("App.callWxMethod", Map.of("method", "getNetworkType", "args", List.of(Map.of())))
                .path("result").path("networkType").asText()).isEqualTo("5g");
        client.call("App.mockWxMethod", Map.of("method", "getNetworkType"));
    }

    @Test
    void aModalWaitsForToolNativeConfirm() {
        // issue #12: "Tool.native ... confirmModal/cancelModal for dialogs"
        client.call("Element.tap", on(element("#ask")));
        assertThat(data("answer").asText()).isEmpty();
        assertThat(client.call("Tool.native", Map.of("method", "confirmModal")).path("kind").asText()).isIn("modal", "confirm");
        awaitData("answer", "yes");
        client.call("Element.tap", on(element("#ask")));
        client.call("Tool.native", Map.of("method", "cancelModal"));
        awaitData("answer", "no");
    }

    @Test
    void anAuthorizationPromptWaitsForToolNativeAllowOrCancel() {
        client.call("Element.tap", on(element("#profile")));
        client.call("Tool.native", Map.of("method", "authorizeAllow"));
        JsonNode name = awaitData("profile", null);
        assertThat(name.asText()).isNotEqualTo("refused");
        client.call("Element.tap", on(element("#profile")));
        client.call("Tool.native", Map.of("method", "authorizeCancel"));
        awaitData("profile", "refused");
    }

    @Test
    void toolNativeWithNoPromptOnScreenAnswersAnError() {
        assertThatThrownBy(() -> client.call("Tool.native", Map.of("method", "authorizeAllow")))
                .hasMessageContaining("no authorization prompt");
        assertThatThrownBy(() -> client.call("Tool.native", Map.of("method", "shareConfirm"))).hasMessageContaining("shareConfirm");
    }

    /** The page's data at {@code path} once it is not empty (and equals {@code expected} when given). */
    static JsonNode awaitData(String path, String expected) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode v = null;
        while (System.nanoTime() < end) {
            v = data(path);
            if (!v.asText().isEmpty() && (expected == null || expected.equals(v.asText()))) {
                return v;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(path + " is " + v + ", expected " + expected);
    }

    @Test
    void logsExceptionsAndBindingsAreEvents() throws Exception {
        // CONTRACT: events App.logAdded, App.exceptionThrown, App.bindingCalled
        client.call("App.enableLog");
        client.call("Element.tap", on(element("#inc")));
        JsonNode log = client.event("App.logAdded");
        assertThat(log.path("type").asText()).isEqualTo("log");
        assertThat(log.path("args").get(0).asText()).startsWith("count");
        client.call("Element.tap", on(element("#boom")));
        assertThat(client.event("App.exceptionThrown").path("message").asText()).contains("kaboom");
        client.call("App.addBinding", Map.of("name", "reportBack"));
        client.call("App.callFunction", Map.of("functionDeclaration", "() => { reportBack('hi', 2); }"));
        JsonNode call = client.event("App.bindingCalled");
        assertThat(call.path("name").asText()).isEqualTo("reportBack");
        assertThat(call.path("args")).extracting(JsonNode::asText).containsExactly("hi", "2");
    }

    @Test
    void navigationAnswersOnceTheRouteIsDone() {
        JsonNode r = client.call("App.callWxMethod", Map.of("method", "navigateTo", "args", List.of(Map.of("url", "/pages/second/second?x=1"))));
        assertThat(r.path("result").path("errMsg").asText()).isEqualTo("navigateTo:ok");
        JsonNode top = client.call("App.getCurrentPage");
        assertThat(top.path("path").asText()).isEqualTo("pages/second/second");
        assertThat(top.path("query").path("x").asText()).isEqualTo("1");
        assertThat(client.call("Page.getData", Map.of("pageId", top.path("pageId").asInt())).path("data").path("msg").asText())
                .isEqualTo("two 1");
        client.call("App.callWxMethod", Map.of("method", "navigateBack", "args", List.of(Map.of())));
        assertThat(client.call("App.getCurrentPage").path("path").asText()).isEqualTo("pages/index/index");
    }

    @Test
    void aScreenshotWithoutAPainterSaysSo() {
        assertThatThrownBy(() -> client.call("App.captureScreenshot")).hasMessageContaining("painter");
    }

    @Test
    void aStandingPolicyAnswersBeforeToolNativeAndAnUnansweredPromptIsCancelledAfterItsTimeout() throws Exception {
        // issue #12: "Prompts under automation wait for Tool.native or follow --decide policies"
        Path other = Files.createTempDirectory(scratch, "auto-policy");
        TestApp.withPages(other, "pages/p/p").wechat()
                .file("pages/p/p.wxml", "<view>{{r}}</view>")
                .file("pages/p/p.js", "Page({ data: { r: '' }, ask(kind) { wx.showModal({ title: kind, success: (x) => this.setData({ r: x.confirm ? 'yes' : 'no' }) }); } });");
        PolicyDecisions policy = new PolicyDecisions();
        policy.set("modal", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode("confirm"));
        try (AutoService s = start(other, List.of(policy), Duration.ofMillis(300)); AutoClient c = new AutoClient(s.port())) {
            int page = c.call("App.getCurrentPage").path("pageId").asInt();
            c.call("Page.callMethod", Map.of("pageId", page, "method", "ask"));
            assertThat(pollData(c, page, "r", "yes")).isTrue();
            policy.set("modal", null);
            c.call("Page.callMethod", Map.of("pageId", page, "method", "ask"));
            // nobody answers: cancelled after the prompt timeout, never a hang
            assertThat(pollData(c, page, "r", "no")).isTrue();
            c.closeBlocking();
        }
    }

    @Test
    void innerTextKeepsTheLineBreaksOfATextAndAnInputsValueIsAString() throws Exception {
        // issue mobx (food-diary's suite): WeChat's <text> keeps line breaks, and a \n written in
        // its content is one: text() of <text>{{v}}</text> with v 'a\nb' is 'a\nb', of
        // <text>50kg\n</text> is '50kg\n'; a view's white space collapses as in the DOM
        Path other = Files.createTempDirectory(scratch, "auto-text");
        TestApp.withPages(other, "pages/p/p").wechat()
                .file("pages/p/p.wxml", "<text id=\"multi\">{{v}}</text><text id=\"esc\">w {{w}}kg\\n</text>"
                        + "<view id=\"plain\">  one\n   two  </view><input id=\"weight\" value=\"{{w}}\"/>")
                .file("pages/p/p.js", "Page({ data: { v: '南瓜\\n鸡蛋', w: 50 } });");
        try (AutoService s = start(other, List.of(), Duration.ofSeconds(5)); AutoClient c = new AutoClient(s.port())) {
            int page = c.call("App.getCurrentPage").path("pageId").asInt();
            java.util.function.Function<String, String> text = (sel) -> {
                JsonNode el = c.call("Page.getElement", Map.of("pageId", page, "selector", sel));
                return c.call("Element.getDOMProperties", Map.of("pageId", page, "elementId", el.path("elementId").asText(),
                        "names", List.of("innerText"))).path("properties").get(0).asText();
            };
            assertThat(text.apply("#multi")).isEqualTo("南瓜\n鸡蛋");
            assertThat(text.apply("#esc")).isEqualTo("w 50kg");
            assertThat(text.apply("#plain")).isEqualTo("one two");
            // an input's value is a String property: value="{{50}}" reads "50", as the SDK's value() gives it
            JsonNode input = c.call("Page.getElement", Map.of("pageId", page, "selector", "#weight"));
            JsonNode value = c.call("Element.getProperties", Map.of("pageId", page, "elementId", input.path("elementId").asText(),
                    "names", List.of("value"))).path("properties").get(0);
            assertThat(value.isTextual()).as("%s", value).isTrue();
            assertThat(value.asText()).isEqualTo("50");
            c.closeBlocking();
        }
    }

    static boolean pollData(AutoClient c, int page, String path, String expected) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (expected.equals(c.call("Page.getData", Map.of("pageId", page, "path", path)).path("data").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anAppOnErrorThatThrowsForATimersErrorDoesNotStopTheSession() throws Exception {
        // issue #12: "never silence": an error in App.onError, while a timer's error is handled, used to
        // escape every guard and end the runtime thread (no later request was answered)
        Path other = Files.createTempDirectory(scratch, "auto-onerror");
        TestApp.withPages(other, "pages/a/a").wechat()
                .file("app.js", "App({ onError(e) { throw new Error('onError too'); } });")
                .file("pages/a/a.wxml", "<view>{{n}}</view>")
                .file("pages/a/a.js", """
                        Page({ data: { n: 1 },
                          lateBoom() { return new Promise((resolve) => { setTimeout(() => { throw new Error('late boom'); }, 0);
                                                                         setTimeout(() => resolve('after'), 5); }); },
                        });""");
        try (AutoService s = start(other, List.of(), Duration.ofSeconds(5)); AutoClient c = new AutoClient(s.port())) {
            int page = c.call("App.getCurrentPage").path("pageId").asInt();
            assertThat(c.call("Page.callMethod", Map.of("pageId", page, "method", "lateBoom")).path("result").asText())
                    .isEqualTo("after");
            assertThatThrownBy(() -> c.call("Page.callMethod", Map.of("pageId", page, "method", "nope")))
                    .hasMessageContaining("nope");
            assertThat(s.session().current().events().snapshot()).anySatisfy(e ->
                    assertThat(e.str("message")).contains("App.onError threw").contains("onError too"));
            c.closeBlocking();
        }
    }

    @Test
    void aRequestPastItsTimeoutStopsItsTaskAndTheNextRequestIsAnswered() throws Exception {
        // issue #12: "never silence": the task budget is CPU time, and on a busy machine a runaway
        // evaluate got so little CPU that it ran on long after its request had timed out; every later
        // request waited behind it (the stalls seen after aRunawayEvaluate...). A budget of an hour
        // stands for that machine here: only the request's own timeout can stop the loop.
        Path other = Files.createTempDirectory(scratch, "auto-stall");
        TestApp.withPages(other, "pages/a/a").wechat().file("pages/a/a.js", "Page({});");
        MiniProgram program = MiniProgram.load(other);
        RunConfig config = Scenario.withFolderConfig(RunConfig.defaults(), program.folder());
        try (AutoService s = new AutoService(program, config, List.of(), Painter.NONE, new AutoService.Settings(0,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofMillis(1500)))) {
            s.start();
            try (AutoClient c = new AutoClient(s.port())) {
                assertThatThrownBy(() -> c.call("App.callFunction", Map.of("functionDeclaration", "() => { for (;;) {} }")))
                        .hasMessageContaining("evaluate did not finish within 2 s and was stopped");
                assertThat(c.call("App.callFunction", Map.of("functionDeclaration", "() => 1")).path("result").asInt()).isEqualTo(1);
                assertThat(c.call("App.getCurrentPage").path("path").asText()).isEqualTo("pages/a/a");
                c.closeBlocking();
            }
        }
    }

    @Test
    void anAlipayAppsCallsGoToMy() throws Exception {
        // issue #12: "callWxMethod (both namespaces: an Alipay app's calls go to my)"
        Path other = Files.createTempDirectory(scratch, "auto-alipay");
        TestApp.withPages(other, "pages/a/a").alipay()
                .file("pages/a/a.axml", "<view>{{n}}</view>")
                .file("pages/a/a.js", "Page({ data: { n: 1 } });");
        try (AutoService s = start(other, List.of(), Duration.ofSeconds(5)); AutoClient c = new AutoClient(s.port())) {
            c.call("App.callWxMethod", Map.of("method", "setStorageSync", "args", List.of(Map.of("key", "k", "data", "alipay"))));
            assertThat(c.call("App.callFunction", Map.of("functionDeclaration", "() => [typeof wx, my.getStorageSync({ key: 'k' }).data]"))
                    .path("result")).extracting(JsonNode::asText).containsExactly("undefined", "alipay");
            c.closeBlocking();
        }
    }

    /** Completes when {@code s} ends (on a thread of its own: the common pool may have one thread). */
    static CompletableFuture<Void> ended(AutoService s) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                s.awaitEnd();
                f.complete(null);
            } catch (InterruptedException e) {
                f.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return f;
    }

    @Test
    void toolCloseEndsTheService() throws Exception {
        // CONTRACT: "until Tool.close"; issue #12: "a closed socket or Tool.close ends the process"
        Path other = Files.createTempDirectory(scratch, "auto-close");
        TestApp.withPages(other, "pages/a/a").wechat().file("pages/a/a.js", "Page({});");
        try (AutoService s = start(other, List.of(), Duration.ofSeconds(5))) {
            AutoClient c = new AutoClient(s.port());
            CompletableFuture<Void> ended = ended(s);
            assertThat(ended).isNotDone();
            c.call("Tool.close");
            ended.get(10, TimeUnit.SECONDS);
            c.close();
        }
        try (AutoService s = start(other, List.of(), Duration.ofSeconds(5))) {
            AutoClient c = new AutoClient(s.port());
            CompletableFuture<Void> ended = ended(s);
            c.closeBlocking();
            ended.get(10, TimeUnit.SECONDS);
        }
    }
}
