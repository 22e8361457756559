package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import dev.minisim.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More patterns of UI libraries found by the issue 9 survey of public mini-programs (antd-mini,
 * vant, tdesign, WeChat's demo), each in a minimal fixture of its own.
 */
class LibraryPatternsTest {

    @TempDir
    Path dir;

    @Test
    void aQueryMadeWhileThePageMountsAnswersFromThatPage() {
        // issue 9, "Layout queries ... answer from the page model, and their callbacks run": a
        // component that queries from onInit (antd-mini's Popover measures its slot content so)
        // while its page is being launched or navigated to gets that page's elements
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index", "pages/next/next").alipay()
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-pop\": \"/c/pop/index\"}}")
                .file("pages/index/index.axml", "<my-pop><text>first</text></my-pop><button onTap=\"go\">go</button>")
                .file("pages/index/index.js", "Page({ go() { my.navigateTo({ url: '/pages/next/next' }); } })")
                .file("pages/next/next.json", "{\"usingComponents\": {\"my-pop\": \"/c/pop/index\"}}")
                .file("pages/next/next.axml", "<view><my-pop><text>second</text></my-pop></view>")
                .file("pages/next/next.js", "Page({})")
                .file("c/pop/index.axml", "<view class=\"pop\"><view id=\"kids-{{$id}}\"><slot/></view></view>")
                .file("c/pop/index.js", """
                        Component({
                          onInit() {
                            my.createSelectorQuery().select('#kids-' + this.$id + ' > *').fields({ id: true, properties: ['class'] })
                              .select('#kids-' + this.$id).boundingClientRect()
                              .exec((r) => console.log('found', r[0] !== null, r[1] && r[1].id === 'kids-' + this.$id));
                          },
                        });""")
                .run("{\"steps\": [{\"tap\": \"button\"}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("found true true", "found true true");
    }

    @Test
    void aComponentInSlotContentThatIsNotPlacedStillFindsItsOwnElements() {
        // issue 9 survey (tdesign's cascader puts its tabs in a popup that renders its slot only
        // when open; the tabs measure themselves on attached): the slot content's components are
        // created as in the client, and a query in(component) looks in that component's own tree
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-popup\": \"/c/popup/index\", \"my-tabs\": \"/c/tabs/index\"}}")
                .file("pages/index/index.wxml", "<my-popup><my-tabs/></my-popup>")
                .file("pages/index/index.js", "Page({})")
                .file("c/popup/index.wxml", "<view wx:if=\"{{open}}\"><slot/></view>")
                .file("c/popup/index.js", "Component({ data: { open: false } })")
                .file("c/tabs/index.wxml", "<view class=\"tabs\" id=\"t\">tabs</view>")
                .file("c/tabs/index.js", """
                        Component({
                          lifetimes: { attached() {
                            this.createSelectorQuery().select('.tabs').boundingClientRect((r) => console.log('tabs', r && r.id)).exec();
                          } },
                        });""")
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("tabs t");
    }

    /** What {@code render} prints for the app in {@link #dir} after its launch. */
    private String render() throws Exception {
        Path scenario = dir.resolve("render.json");
        Files.writeString(scenario, "{\"steps\": []}");
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Main.execute("render", dir.toString(), "--scenario", scenario.toString(), "--transcript", dir.resolve("t.jsonl").toString());
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    @Test
    void abstractNodesRenderTheComponentTheUserNamesOrTheDefault() throws Exception {
        // WeChat docs, abstract nodes (componentGenerics): <selectable-group generic:selectable="my-radio">
        // makes <selectable> in the group's template render my-radio (from the user's
        // usingComponents); with no generic: attribute, the json's "default" renders
        TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"group\": \"/c/group/index\", \"my-radio\": \"/c/radio/index\"}}")
                .file("pages/index/index.wxml", "<group generic:selectable=\"my-radio\" label=\"a\"/><group label=\"b\"/>")
                .file("pages/index/index.js", "Page({})")
                .file("c/group/index.json", "{\"component\": true, \"componentGenerics\": {\"selectable\": {\"default\": \"../plain/index\"}}}")
                .file("c/group/index.wxml", "<view class=\"group\"><selectable name=\"{{label}}\"/></view>")
                .file("c/group/index.js", "Component({ properties: { label: String } })")
                .file("c/radio/index.wxml", "<text class=\"radio\">radio {{name}}</text>")
                .file("c/radio/index.js", "Component({ properties: { name: String } })")
                .file("c/plain/index.wxml", "<text class=\"plain\">plain {{name}}</text>")
                .file("c/plain/index.js", "Component({ properties: { name: String } })");
        String html = render();
        assertThat(html).contains("<selectable name=\"a\"> <text class=\"radio\">radio a</text> </selectable>")
                .contains("<selectable name=\"b\"> <text class=\"plain\">plain b</text> </selectable>")
                .doesNotContain("generic:");
    }

    @Test
    void aVirtualHostIsNoNodeAndItsStyleGoesToItsStyleProperty() throws Exception {
        // WeChat docs, "virtualHost": the component's own node is virtual; class and style on it
        // no longer apply, a style property receives style, externalClasses ['class'] receives class
        TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-cell\": \"/c/cell/index\"}}")
                .file("pages/index/index.wxml", "<view class=\"list\"><my-cell class=\"big\" style=\"color: red\" title=\"t\"/></view>")
                .file("pages/index/index.js", "Page({})")
                .file("c/cell/index.wxml", "<view class=\"cell class\" style=\"{{style}}\">{{title}}</view>")
                .file("c/cell/index.js", "Component({ options: { virtualHost: true }, externalClasses: ['class'],"
                        + " properties: { title: String, style: String } })");
        String html = render();
        assertThat(html).contains("<view class=\"list\"> <view class=\"cell big\" style=\"color: red\">t</view> </view>")
                .doesNotContain("<my-cell");
    }

    @Test
    void aFailedRequireAsyncRejectsWithModAndErrMsg() {
        // WeChat docs, subpackage async require: require.async(path).catch(({mod, errMsg}) => ...);
        // WeChat's official demo logs both when its route builder file is not there
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index").wechat()
                .file("pages/index/index.wxml", "<view/>")
                .file("lib/ok.js", "module.exports = { v: 1 };")
                .file("pages/index/index.js", """
                        require.async('../../lib/nowhere.js').catch(({ mod, errMsg }) => console.log('failed', mod, !!errMsg));
                        require.async('../../lib/ok.js').then((m) => console.log('loaded', m.v));
                        Page({});
                        """)
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactlyInAnyOrder("failed ../../lib/nowhere.js true", "loaded 1");
    }

    @Test
    void groupSetDataRunsItsCallbackAndTheSetDataCallsInItRender() {
        // WeChat docs, Component instance groupSetData(callback): the callback runs at once and its
        // setData calls are drawn together (vant's tabs use it where the SDK version has it)
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-tabs\": \"/c/tabs/index\"}}")
                .file("pages/index/index.wxml", "<my-tabs/>")
                .file("pages/index/index.js", "Page({})")
                .file("c/tabs/index.wxml", "<view class=\"now\">{{a}}-{{b}}</view>")
                .file("c/tabs/index.js", """
                        Component({
                          data: { a: 0, b: 0 },
                          lifetimes: { ready() {
                            this.groupSetData(() => { this.setData({ a: 1 }); this.setData({ b: 2 }); });
                            console.log('after', this.data.a, this.data.b);
                          } },
                        });""")
                .run("{\"steps\": [{\"see\": {\"selector\": \".now\", \"text\": \"1-2\"}}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().problems()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("after 1 2");
    }
}
