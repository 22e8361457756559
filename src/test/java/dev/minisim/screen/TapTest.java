package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import dev.minisim.events.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT "Steps on the rendered page" and SPEC "Events", through whole headless runs. */
class TapTest {

    @TempDir
    Path dir;

    private TestApp wechat(String wxml, String js) {
        return TestApp.withPages(dir, "pages/index/index", "pages/next/next")
                .file("project.config.json", "{}")
                .file("pages/index/index.wxml", wxml)
                .file("pages/index/index.js", js)
                .file("pages/next/next.wxml", "<view>next page</view>")
                .file("pages/next/next.js", "Page({})");
    }

    private static List<String> handlers(TestApp.Run run) {
        return run.of("event").stream().map(e -> e.str("name") + ":" + e.str("handler")).toList();
    }

    @Test
    void tapBubblesFromTargetToRootAfterCaptureAndCarriesTheDataset() {
        // "capture listeners root→target, then bubble target→root"; "dataset: data- stripped, -x → X"
        TestApp.Run run = wechat("""
                <view id="outer" capture-bind:tap="cap" bindtap="outer">
                  <button id="go" data-order-id="{{42}}" bindtap="inner">Go</button>
                </view>""", """
                Page({
                  cap(e) { console.log('cap', e.currentTarget.id, e.target.id); },
                  inner(e) { console.log('inner', e.currentTarget.dataset.orderId, typeof e.currentTarget.dataset.orderId); },
                  outer(e) { console.log('outer', e.currentTarget.id, e.target.dataset.orderId); }
                })""").run("{\"steps\": [{\"tap\": \"#go\"}]}");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(handlers(run)).containsExactly("tap:cap", "tap:inner", "tap:outer");
        assertThat(run.logs()).containsExactly("cap outer go", "inner 42 number", "outer outer 42");
        Event first = run.of("event").get(1);
        assertThat(first.get("target")).isEqualTo(Map.of("id", "go", "dataset", Map.of("orderId", 42)));
    }

    @Test
    void catchStopsTheEvent() {
        // "catch stops"
        TestApp.Run run = wechat("<view bindtap=\"outer\"><text catchtap=\"inner\">x</text></view>",
                "Page({ inner() { console.log('inner'); }, outer() { console.log('outer'); } })")
                .run("{\"steps\": [{\"tap\": {\"text\": \"x\"}}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("inner");
    }

    @Test
    void setDataRendersAgainAndSeeFindsTheNewText() {
        // "setData re-renders what changed"; see / notSee
        TestApp.Run run = wechat("<view id=\"n\">count: {{n}}</view><button bindtap=\"add\">+1</button>"
                        + "<view wx:if=\"{{n > 1}}\" id=\"many\">many</view>",
                "Page({ data: { n: 0 }, add() { this.setData({ n: this.data.n + 1 }); } })")
                .run("""
                        {"steps": [{"see": {"text": "count: 0"}}, {"notSee": "#many"},
                                   {"tap": {"selector": "button", "text": "+1"}}, {"tap": "button"},
                                   {"see": {"selector": "#n", "text": "count: 2"}}, {"see": "#many"}]}""");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
    }

    @Test
    void aFailingSeeFailsTheRunLikeAFailedExpect() {
        TestApp.Run run = wechat("<view>hello</view>", "Page({})").run("{\"steps\": [{\"see\": {\"text\": \"bye\"}}]}");
        assertThat(run.result().exitCode()).isEqualTo(1);
        assertThat(run.last().get("status")).isEqualTo("failed");
        assertThat(run.result().problems()).anySatisfy(p -> assertThat(p).contains("expected to see").contains("bye"));
    }

    @Test
    void aTargetThatMatchesNothingIsAnErrorNamingTargetAndPageAndTheRunGoesOn() {
        // "A TARGET that matches nothing visible fails its step: an error naming the TARGET and the page"
        TestApp.Run run = wechat("<button bindtap=\"a\">A</button>", "Page({ a() { console.log('a'); } })")
                .run("{\"steps\": [{\"tap\": \"#nope\"}, {\"tap\": \"button\"}]}");
        assertThat(run.result().exitCode()).isEqualTo(1);
        assertThat(run.errors()).anySatisfy(m -> assertThat(m).contains("#nope").contains("pages/index/index"));
        assertThat(run.logs()).containsExactly("a");
        assertThat(run.last().type()).isEqualTo("end");
    }

    @Test
    void aHandlerThePageLacksIsAWarningNamingIt() {
        TestApp.Run run = wechat("<button bindtap=\"missing\">A</button>", "Page({})")
                .run("{\"steps\": [{\"tap\": \"button\"}]}");
        assertThat(run.of("warning")).anySatisfy(w -> assertThat(w.str("message")).contains("\"missing\""));
    }

    @Test
    void navigatorNavigates() {
        // "navigator navigates per open-type"
        TestApp.Run run = wechat("<navigator url=\"/pages/next/next\">next</navigator>", "Page({})")
                .run("{\"steps\": [{\"tap\": \"navigator\"}, {\"see\": {\"text\": \"next page\"}}]}");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.last().get("pages")).isEqualTo(List.of("pages/index/index", "pages/next/next"));
    }

    @Test
    void inputFiresInputWithDetailValueAndModelValueUpdatesData() {
        // "input fires with detail.value; model:value updates the page's data"
        TestApp.Run run = wechat("<input id=\"name\" model:value=\"{{name}}\" bindinput=\"typed\"/><view>hi {{name}}</view>",
                "Page({ data: { name: '' }, typed(e) { console.log('typed', e.detail.value); } })")
                .run("{\"steps\": [{\"input\": \"#name\", \"value\": \"张三\"}, {\"see\": {\"text\": \"hi 张三\"}}]}");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.logs()).containsExactly("typed 张三");
    }

    @Test
    void aSubmitButtonSubmitsItsFormWithTheNamedFields() {
        // "form collects named fields on submit (detail.value)"
        TestApp.Run run = wechat("""
                <form bindsubmit="save">
                  <input name="city" value="杭州"/>
                  <switch name="agree"/>
                  <checkbox-group name="tags"><checkbox value="a" checked/><checkbox value="b"/></checkbox-group>
                  <button form-type="submit">save</button>
                </form>""", "Page({ save(e) { console.log(JSON.stringify(e.detail.value)); } })")
                .run("{\"steps\": [{\"tap\": \"switch\"}, {\"tap\": {\"selector\": \"checkbox\", \"index\": 1}},"
                        + " {\"tap\": {\"text\": \"save\"}}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("{\"city\":\"杭州\",\"agree\":true,\"tags\":[\"a\",\"b\"]}");
    }

    @Test
    void componentPropertiesTriggerEventAndLifetimesInTheClientsOrder() {
        // "lifetimes created → attached → ready"; "triggerEvent reaches the parent's bind:name"
        TestApp.Run run = wechat("<my-card title=\"{{t}}\" bind:pick=\"picked\"><text>slot {{t}}</text></my-card>",
                "Page({ data: { t: 'A' }, onLoad() { console.log('page load'); }, onReady() { console.log('page ready'); },"
                        + " picked(e) { console.log('picked', e.detail.n, e.type); this.setData({ t: 'B' }); } })")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"/components/card/card\"}}")
                .file("components/card/card.json", "{\"component\": true}")
                .file("components/card/card.wxml", "<view class=\"card\"><text id=\"title\">{{title}}</text>"
                        + "<button id=\"pick\" bindtap=\"pick\">pick</button><slot></slot></view>")
                .file("components/card/card.js", """
                        Component({
                          properties: { title: { type: String, value: '', observer(v, old) { console.log('title', old, '->', v); } } },
                          lifetimes: { created() { console.log('created'); }, attached() { console.log('attached', this.data.title); },
                                       ready() { console.log('ready'); } },
                          methods: { pick() { this.triggerEvent('pick', { n: 7 }); } }
                        })""")
                .run("{\"steps\": [{\"tap\": \"#pick\"}, {\"see\": {\"selector\": \"#title\", \"text\": \"B\"}},"
                        + " {\"see\": {\"text\": \"slot B\"}}]}");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.logs()).containsExactly("created", "title  -> A", "attached A", "page load", "ready", "page ready",
                "picked 7 pick", "title A -> B");
    }

    @Test
    void alipayComponentCallsTheParentsHandlerThroughItsOnProp() {
        // Alipay: "props.onXxx are the parent's handlers"; didMount; target.dataset vs targetDataset
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("mini.project.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"counter\": \"/components/counter/counter\"}}")
                .file("pages/index/index.axml", "<view data-from=\"outer\" onTap=\"outer\"><counter start=\"{{5}}\" onBump=\"bumped\"/>"
                        + "<text data-x=\"inner\">tap me</text></view>")
                .file("pages/index/index.js", "Page({ bumped(n) { console.log('bumped', n); },"
                        + " outer(e) { console.log(e.target.dataset.from, e.target.targetDataset.x); } })")
                .file("components/counter/counter.axml", "<button onTap=\"inc\">count {{n}}</button>")
                .file("components/counter/counter.js", """
                        Component({
                          props: { start: 0, onBump: () => {} },
                          data: { n: 0 },
                          didMount() { this.setData({ n: this.props.start }); console.log('mounted'); },
                          didUpdate(prevProps, prevData) { console.log('updated from', prevData.n); },
                          methods: { inc() { this.setData({ n: this.data.n + 1 }); this.props.onBump(this.data.n); } }
                        })""")
                .run("{\"steps\": [{\"tap\": {\"text\": \"count 5\"}}, {\"see\": {\"text\": \"count 6\"}},"
                        + " {\"tap\": {\"text\": \"tap me\"}}]}");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.logs()).containsSubsequence("mounted", "bumped 6", "outer inner");
        assertThat(run.of("event")).anySatisfy(e -> {
            assertThat(e.str("name")).isEqualTo("onBump");
            assertThat(e.str("handler")).isEqualTo("bumped");
            assertThat(e.str("component")).isEqualTo("components/counter/counter");
        });
    }

    @Test
    void buttonOpenTypeGetPhoneNumberIsAPromptTheScenarioAnswers() {
        // "button open-type opens the client's prompt ... each a prompt kind the simulated user answers"
        TestApp app = wechat("<button open-type=\"getPhoneNumber\" bindgetphonenumber=\"phone\">phone</button>",
                "Page({ phone(e) { console.log(e.detail.errMsg); } })");
        TestApp.Run allow = app.run("{\"decisions\": {\"getPhoneNumber\": [\"allow\"]}, \"steps\": [{\"tap\": \"button\"}]}");
        assertThat(allow.logs()).as("%s", allow).containsExactly("getPhoneNumber:ok");
        assertThat(allow.of("prompt")).singleElement().satisfies(p -> assertThat(p.str("kind")).isEqualTo("getPhoneNumber"));
        TestApp.Run deny = app.run("{\"decisions\": {\"getPhoneNumber\": [\"deny\"]}, \"steps\": [{\"tap\": \"button\"}]}");
        assertThat(deny.logs()).containsExactly("getPhoneNumber:fail user deny");
    }

    @Test
    void createSelectorQueryAnswersFromThePageModelAndItsCallbacksRun() {
        // issue #9: "Layout queries ... answer from the page model (ids, datasets, properties; zero-size
        // rects with a warning headless), and their callbacks run"
        TestApp.Run run = wechat("<view id=\"box\" data-kind=\"card\">a</view><view class=\"row\">1</view><view class=\"row\">2</view>",
                """
                Page({ onReady() {
                  wx.createSelectorQuery()
                    .select('#box').boundingClientRect((r) => console.log('rect', r.id, r.dataset.kind, r.width))
                    .selectAll('.row').fields({ id: true, dataset: true })
                    .selectViewport().scrollOffset()
                    .exec((res) => console.log('exec', res.length, res[1].length, res[2].scrollTop));
                } })""").launch();
        assertThat(run.logs()).as("%s", run).containsExactly("rect box card 0", "exec 3 2 0");
        assertThat(run.of("warning")).anySatisfy(w -> assertThat(w.str("message")).contains("zero-size"));
    }

    @Test
    void aTappedFlowWritesTheSameTranscriptAsTheSameFlowDrivenByCall() throws Exception {
        // issue #9, "Done when": "the transcript of a tapped flow matches the one of the same flow driven by call"
        Path sample = Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps/sign-demo");
        String decisions = "\"decisions\": {\"signContract\": [\"allow\"]}, \"seed\": 7, \"now\": \"2026-11-22T10:00:00+08:00\"";
        TestApp.Run tapped = TestApp.of(sample).run("{" + decisions + ", \"steps\": [{\"tap\": {\"text\": \"开通免密支付\"}}]}");
        TestApp.Run called = TestApp.of(sample).run("{" + decisions + ", \"steps\": [{\"call\": \"onSign\", \"args\": [{}]}]}");
        assertThat(tapped.of("event")).extracting(e -> e.str("handler")).containsExactly("onSign");
        assertThat(comparable(tapped)).isEqualTo(comparable(called));
    }

    /** The transcript without what only says how the step was given (step lines, event lines, seq). */
    private static List<String> comparable(TestApp.Run run) {
        return run.events().stream().filter(e -> !e.type().equals("step") && !e.type().equals("event"))
                .map(e -> e.type() + " " + new java.util.TreeMap<>(e.fields()).toString()).toList();
    }

    @Test
    void badTemplatesAndThrowingComponentsAreProblemsOfTheirPageAndTheRunGoesOn() {
        // issue #9 "Bad input": a broken expression blanks its element with a warning naming file:line; a
        // component that throws in a lifetime is an error of its page; none of it loses the transcript's end
        TestApp.Run run = wechat("<view id=\"broken\">{{ a + }}</view>\n<boom/>\n<button bindtap=\"hi\">hi</button>",
                "Page({ hi() { console.log('still tappable'); } })")
                .file("pages/index/index.json", "{\"usingComponents\": {\"boom\": \"/components/boom/boom\"}}")
                .file("components/boom/boom.wxml", "<view>boom</view>")
                .file("components/boom/boom.js", "Component({ lifetimes: { attached() { throw new Error('kaput'); } } })")
                .run("{\"steps\": [{\"tap\": \"button\"}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("still tappable");
        assertThat(run.of("warning")).anySatisfy(w -> assertThat(w.str("source")).startsWith("pages/index/index.wxml:1"));
        assertThat(run.of("error")).anySatisfy(e -> {
            assertThat(e.str("message")).contains("kaput");
            assertThat(e.str("page")).isEqualTo("pages/index/index");
            assertThat(e.str("source")).startsWith("components/boom/boom.js:1");
        });
        assertThat(run.last().type()).isEqualTo("end");
    }

    @Test
    void externalClassesTakeTheClassesTheUserGives() {
        // SPEC "Custom components. WeChat Component({... externalClasses ...})"
        TestApp.Run run = wechat("<my-btn custom-class=\"big red\">go</my-btn>", "Page({})")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-btn\": \"/components/btn/btn\"}}")
                .file("components/btn/btn.wxml", "<view class=\"btn custom-class\"><slot/></view>")
                .file("components/btn/btn.js", "Component({ externalClasses: ['custom-class'] })")
                .run("{\"steps\": [{\"see\": {\"selector\": \".btn.big.red\", \"text\": \"go\"}}]}");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
    }

    @Test
    void aComponentsQuerySeesTheSlotContentInsideIt() {
        // issue #9 "Layout queries": a component measuring what its user put in its slot
        TestApp.Run run = wechat("<pop><text id=\"inner\">hi</text></pop>", "Page({})")
                .file("pages/index/index.json", "{\"usingComponents\": {\"pop\": \"/components/pop/pop\"}}")
                .file("components/pop/pop.wxml", "<view id=\"box\"><slot/></view>")
                .file("components/pop/pop.js", "Component({ lifetimes: { ready() { this.createSelectorQuery()"
                        + ".select('#box > *').fields({ id: true }).exec((r) => console.log('slot child', r[0] && r[0].id)); } } })")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("slot child inner");
    }
    @Test
    void aComponentsQueryFindsItsOwnElementsOnlyWhereverItSits() {
        // issue #9 "Layout queries" (and Speed: a component's query looks inside its own element only):
        // two instances of one component each find their own rows, not the page's nor the other's
        TestApp.Run run = wechat("<view class=\"row\" id=\"page-row\"/><item name=\"a\"/><view><item name=\"b\"/></view>", "Page({})")
                .file("pages/index/index.json", "{\"usingComponents\": {\"item\": \"/components/item/item\"}}")
                .file("components/item/item.wxml", "<view class=\"row\" id=\"{{name}}-1\"/><view class=\"row\" id=\"{{name}}-2\"/>")
                .file("components/item/item.js", "Component({ properties: { name: String }, lifetimes: { ready() {"
                        + " this.createSelectorQuery().selectAll('.row').fields({ id: true })"
                        + ".exec((r) => console.log(this.data.name, r[0].map((x) => x.id).join(','))); } } })")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactlyInAnyOrder("a a-1,a-2", "b b-1,b-2");
    }
}
