package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns that public mini-programs and their UI libraries rely on (issue 9, "tried as a new
 * user would"), each in a minimal fixture of its own.
 */
class PublicAppPatternsTest {

    @TempDir
    Path dir;

    @Test
    void alipayMixinsGiveTheirPropsDataMethodsAndHooksTheComponentsOwnLast() {
        // SPEC "Custom components": Alipay Component() ... with mixins, as antd-mini's value mixin is used
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index").alipay()
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-field\": \"/components/field/index\"}}")
                .file("pages/index/index.axml", "<my-field value=\"{{v}}\" />")
                .file("pages/index/index.js", "Page({ data: { v: 'a' }, onReady() { this.setData({ v: 'b' }); } })")
                .file("components/field/mixin.js", """
                        export default {
                          props: { value: 'none', size: 'm' },
                          data: { shown: '' },
                          methods: { getValue() { return this.props.value; } },
                          onInit() { console.log('mixin onInit'); },
                          deriveDataFromProps(next) { console.log('mixin derive', next.value); },
                          didMount() { console.log('mixin didMount', this.getValue()); },
                          didUpdate(prevProps) { console.log('mixin didUpdate', prevProps.value, this.getValue()); },
                        };""")
                .file("components/field/index.js", """
                        import mixin from './mixin';
                        Component({
                          mixins: [mixin],
                          onInit() { console.log('own onInit', this.props.size); },
                          didMount() { console.log('own didMount'); this.setData({ shown: this.getValue() }); },
                        });""")
                .file("components/field/index.axml", "<view class=\"shown\">{{shown}}</view>")
                .run("{\"steps\": [{\"see\": {\"selector\": \".shown\", \"text\": \"a\"}}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.logs()).as("%s", run).startsWith("mixin onInit", "own onInit m", "mixin derive a",
                "mixin didMount a", "own didMount").contains("mixin didUpdate a b");
    }

    @Test
    void alipayPagesLoadAndShowBeforeTheirComponentsMountAndWeChatComponentsAttachBeforeTheirPagesLoad() {
        // Alipay framework, page lifecycle: "app.onLaunch and app.onShow, then page.onLoad and
        // page.onShow complete the Page; then the view thread renders the initial data; then
        // page.onReady" — ant-mini-program/multiple-store-demo's counter component reads what its
        // page's onLoad stored (NaN when the component came first). WeChat (glass-easel): the
        // page's components are created and attached before its onLoad, ready before its onReady.
        TestApp.Run alipay = TestApp.withPages(dir.resolve("alipay"), "pages/index/index").alipay()
                .file("pages/index/index.json", "{\"usingComponents\": {\"counter\": \"/components/counter/index\"}}")
                .file("pages/index/index.axml", "<counter start=\"{{start}}\" />")
                .file("pages/index/index.js", "Page({ data: { start: 0 },"
                        + " onLoad() { console.log('page onLoad'); require('../../store.js').base = 40; this.setData({ start: 2 }); },"
                        + " onShow() { console.log('page onShow'); }, onReady() { console.log('page onReady'); } })")
                .file("components/counter/index.js", "Component({ props: { start: 0 },"
                        + " onInit() { console.log('onInit', require('../../store.js').base + this.props.start); },"
                        + " didMount() { console.log('didMount'); } })")
                .file("store.js", "module.exports = {};")
                .file("components/counter/index.axml", "<view>c</view>")
                .run("{\"steps\": []}");
        assertThat(alipay.logs()).as("%s", alipay).containsExactly("page onLoad", "page onShow", "onInit 42", "didMount",
                "page onReady");
        TestApp.Run wechat = TestApp.withPages(dir.resolve("wechat"), "pages/index/index").wechat()
                .file("pages/index/index.json", "{\"usingComponents\": {\"counter\": \"/components/counter/index\"}}")
                .file("pages/index/index.wxml", "<counter />")
                .file("pages/index/index.js", "Page({ onLoad() { console.log('page onLoad'); },"
                        + " onShow() { console.log('page onShow'); }, onReady() { console.log('page onReady'); } })")
                .file("components/counter/index.js", "Component({ lifetimes: { created() { console.log('created'); },"
                        + " attached() { console.log('attached'); }, ready() { console.log('ready'); } } })")
                .file("components/counter/index.wxml", "<view>c</view>")
                .run("{\"steps\": []}");
        assertThat(wechat.logs()).as("%s", wechat).containsExactly("created", "attached", "page onLoad", "page onShow", "ready",
                "page onReady");
    }

    @Test
    void aTapOnAComponentsElementLandsOnItsContent() {
        // CONTRACT "tap": the user taps what is on screen; a library button (<my-button> whose own
        // <button bindtap> calls triggerEvent('click')) answers a tap on its element or on its text
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-button\": \"/components/btn/index\"}}")
                .file("pages/index/index.wxml", "<my-button id=\"b\" bind:click=\"onClick\">Add</my-button><view class=\"n\">{{n}}</view>")
                .file("pages/index/index.js", "Page({ data: { n: 0 }, onClick(e) { this.setData({ n: this.data.n + 1 }); } })")
                .file("components/btn/index.wxml", "<button class=\"btn\" bindtap=\"{{ disabled ? '' : 'onTap' }}\">"
                        + "<view class=\"text\"><slot /></view></button>")
                .file("components/btn/index.js", "Component({ properties: { disabled: Boolean },"
                        + " methods: { onTap() { this.triggerEvent('click'); } } })")
                .run("""
                        {"steps": [{"tap": "my-button"}, {"see": {"selector": ".n", "text": "1"}},
                                   {"tap": {"text": "Add"}}, {"see": {"selector": ".n", "text": "2"}}]}""");
        assertThat(run.result().problems()).as("%s", run).isEmpty();
        assertThat(run.of("event")).extracting(e -> e.str("name") + ":" + e.str("handler"))
                .containsExactly("tap:onTap", "click:onClick", "tap:onTap", "click:onClick");
    }

    @Test
    void alipayPrevDataAndPrevPropsShareWhatDidNotChange() {
        // SPEC "Custom components": didUpdate(prevProps, prevData); in the client setData makes a new
        // this.data whose untouched parts are the old objects, and a prop the parent did not change
        // keeps its value, so identity comparisons (antd-mini's Collapse) settle instead of looping;
        // the template sees the props at the top level and as props (antd-mini writes {{className}}), and $id
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index").alipay()
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-list\": \"/components/list/index\"}}")
                .file("pages/index/index.axml", "<my-list items=\"{{items}}\" title=\"{{title}}\" />")
                .file("pages/index/index.js", "Page({ data: { items: [1, 2], title: 'a' }, onReady() { this.setData({ title: 'b' }); } })")
                .file("components/list/index.js", """
                        Component({
                          props: { items: [], title: '' },
                          data: { value: [0], heights: [] },
                          didMount() { this.setData({ heights: ['0px'] }); },
                          didUpdate(prevProps, prevData) {
                            const same = prevData.value === this.data.value && prevProps.items === this.props.items;
                            console.log('didUpdate', same, this.props.title);
                            if (!same) this.setData({ heights: this.data.heights.concat(['0px']) });
                          },
                        });""")
                .file("components/list/index.axml", "<view class=\"t\">{{title}} {{heights.length}}</view><view class=\"p\">{{props.title}}{{$id ? '' : 'no id'}}</view>")
                .run("{\"steps\": [{\"see\": {\"selector\": \".t\", \"text\": \"b 1\"}}, {\"see\": {\"selector\": \".p\", \"text\": \"b\"}}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().problems()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).isNotEmpty().allMatch(l -> l.equals("didUpdate true b"));
    }

    @Test
    void viewMethodsOfPagesAndComponentsKeepTheFlowGoingHeadless() {
        // README "Managers and factories": what needs layout warns and keeps the page running;
        // this.createIntersectionObserver (vant/antd Sticky) and this.animate (WeChat's demo) exist
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-sticky\": \"/components/sticky/index\"}}")
                .file("pages/index/index.wxml", "<my-sticky />")
                .file("pages/index/index.js", "Page({ onReady() { this.animate('.box', [{ opacity: 0 }], 100, () => console.log('animated'));"
                        + " this.createIntersectionObserver().relativeToViewport().observe('.box', () => {}); } })")
                .file("components/sticky/index.wxml", "<view class=\"box\" />")
                .file("components/sticky/index.js", "Component({ lifetimes: { attached() {"
                        + " this.createIntersectionObserver({}).relativeToViewport().observe('.box', () => {});"
                        + " this.clearAnimation('.box', () => console.log('cleared')); } } })")
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactlyInAnyOrder("cleared", "animated");
        assertThat(run.of("warning")).extracting(e -> e.str("message"))
                .anySatisfy(m -> assertThat(m).contains("animate(\".box\")"))
                .anySatisfy(m -> assertThat(m).contains("createIntersectionObserver"));
    }

    @Test
    void aCustomTabBarIsRenderedWithEachTabPageAndGetTabBarReturnsIt() {
        // issue 9: "tabBar.custom with custom-tab-bar and getTabBar()"; the tab bar's own tap
        // handler switches tabs, and the page it shows gets its own bar
        TestApp.Run run = TestApp.withAppJson(dir, """
                        {"pages": ["pages/home/home", "pages/cart/cart", "pages/detail/detail"],
                         "tabBar": {"custom": true, "list": [{"pagePath": "pages/home/home", "text": "Home"},
                                                             {"pagePath": "pages/cart/cart", "text": "Cart"}]}}""")
                .file("project.config.json", "{}")
                .file("custom-tab-bar/index.json", "{\"component\": true}")
                .file("custom-tab-bar/index.wxml", "<view class=\"bar\"><view wx:for=\"{{list}}\" wx:key=\"url\""
                        + " class=\"tab {{selected === index ? 'on' : ''}}\" data-url=\"{{item.url}}\" bindtap=\"go\">{{item.text}}</view></view>")
                .file("custom-tab-bar/index.js", "Component({ data: { selected: 0, list: [{ url: '/pages/home/home', text: 'Home' },"
                        + " { url: '/pages/cart/cart', text: 'Cart' }] },"
                        + " methods: { go(e) { wx.switchTab({ url: e.currentTarget.dataset.url }); } } })")
                .file("pages/home/home.wxml", "<view>home</view>")
                .file("pages/home/home.js", "Page({ onShow() { this.getTabBar().setData({ selected: 0 }); } })")
                .file("pages/cart/cart.wxml", "<view>cart</view>")
                .file("pages/cart/cart.js", "Page({ onShow() { const bar = this.getTabBar(); bar.setData({ selected: 1 });"
                        + " console.log('cart bar', bar.data.list.length); } })")
                .file("pages/detail/detail.wxml", "<view>detail</view>")
                .file("pages/detail/detail.js", "Page({ onLoad() { console.log('detail bar', this.getTabBar()); } })")
                .run("""
                        {"steps": [{"see": {"selector": ".tab.on", "text": "Home"}},
                                   {"tap": {"selector": ".tab", "text": "Cart"}},
                                   {"see": {"text": "cart"}}, {"see": {"selector": ".tab.on", "text": "Cart"}},
                                   {"call": "onShow"}]}""");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().problems()).as("%s", run).isEmpty();
        assertThat(run.of("navigate")).extracting(e -> e.str("action")).contains("switchTab");
        assertThat(run.logs()).as("%s", run).contains("cart bar 2");
        TestApp.Run detail = TestApp.withAppJson(dir, "{\"pages\": [\"pages/detail/detail\", \"pages/home/home\"],"
                + " \"tabBar\": {\"custom\": true, \"list\": [{\"pagePath\": \"pages/home/home\"}]}}").launch();
        assertThat(detail.logs()).as("%s", detail).containsExactly("detail bar null");
    }

    @Test
    void relationsLinkSlottedChildrenToTheirAncestor() {
        // issue 9: WeChat Component() "relations" (tdesign's tab-bar-item calls its tab bar through
        // them): the ancestor's and the child's linked run before ready; getRelationNodes lists the children
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-tabs\": \"/lib/tabs/index\", \"my-tab\": \"/lib/tab/index\"}}")
                .file("pages/index/index.wxml", "<my-tabs bind:change=\"onChange\"><my-tab name=\"a\">A</my-tab><my-tab name=\"b\">B</my-tab></my-tabs>"
                        + "<view class=\"now\">{{now}}</view>")
                .file("pages/index/index.js", "Page({ data: { now: '' }, onChange(e) { this.setData({ now: e.detail }); } })")
                .file("lib/tabs/index.wxml", "<view class=\"tabs\"><slot /></view>")
                .file("lib/tabs/index.js", """
                        Component({
                          relations: { '../tab/index': { type: 'descendant', linked(child) { console.log('tabs linked', child.data.name); } } },
                          lifetimes: { ready() { console.log('tabs has', this.getRelationNodes('../tab/index').length); } },
                          methods: { select(name) { this.triggerEvent('change', name); } },
                        });""")
                .file("lib/tab/index.wxml", "<view class=\"tab\" bindtap=\"onTap\"><slot /></view>")
                .file("lib/tab/index.js", """
                        Component({
                          properties: { name: String },
                          relations: { '../tabs/index': { type: 'ancestor', linked(parent) { this.parent = parent; } } },
                          methods: { onTap() { this.parent.select(this.data.name); } },
                        });""")
                .run("{\"steps\": [{\"tap\": {\"selector\": \"my-tab\", \"text\": \"B\"}}, {\"see\": {\"selector\": \".now\", \"text\": \"b\"}}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().problems()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("tabs linked a", "tabs linked b", "tabs has 2");
    }

    @Test
    void aLinkedComponentThatGoesIsUnlinkedOnBothSides() {
        // SPEC "relations": when a linked child leaves the tree, both unlinked hooks run and
        // getRelationNodes no longer lists it
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-list\": \"/lib/list/index\", \"my-item\": \"/lib/item/index\"}}")
                .file("pages/index/index.wxml", "<my-list><my-item wx:for=\"{{items}}\" wx:key=\"*this\" name=\"{{item}}\"/></my-list>"
                        + "<button bindtap=\"drop\">drop</button>")
                .file("pages/index/index.js", "Page({ data: { items: ['a', 'b'] }, drop() { this.setData({ items: ['a'] }); } })")
                .file("lib/list/index.wxml", "<view><slot /></view>")
                .file("lib/list/index.js", """
                        Component({
                          relations: { '../item/index': { type: 'child',
                            unlinked(child) { console.log('list unlinked', child.data.name, this.getRelationNodes('../item/index').length); } } },
                        });""")
                .file("lib/item/index.wxml", "<text>{{name}}</text>")
                .file("lib/item/index.js", """
                        Component({
                          properties: { name: String },
                          relations: { '../list/index': { type: 'parent', unlinked() { console.log('item unlinked', this.data.name); } } },
                        });""")
                .run("{\"steps\": [{\"tap\": \"button\"}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("list unlinked b 1", "item unlinked b");
    }
}
