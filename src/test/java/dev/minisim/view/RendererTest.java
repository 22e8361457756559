package dev.minisim.view;

import static dev.minisim.view.ViewFixture.body;
import static dev.minisim.view.ViewFixture.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC "Pages on screen": control attributes, block, template, import, include, attributes and events. */
class RendererTest {

    @Test
    @DisplayName("wx:if/wx:elif/wx:else: else binds to the nearest preceding if among siblings, comments skipped")
    void ifElifElse() {
        String t = "<view wx:if=\"{{n == 1}}\">one</view><!-- c --><view wx:elif=\"{{n == 2}}\">two</view>\n"
                + "<!-- c --><view wx:else>many</view><view wx:if=\"{{false}}\">x</view><text wx:else>other</text>";
        assertThat(body(render(t, "{'n': 1}"))).isEqualTo("<view>one</view>\n<text>other</text>");
        assertThat(body(render(t, "{'n': 2}"))).isEqualTo("<view>two</view>\n<text>other</text>");
        assertThat(body(render(t, "{'n': 5}"))).isEqualTo("<view>many</view>\n<text>other</text>");
    }

    @Test
    @DisplayName("a:if/a:elif/a:else in .axml")
    void alipayIf() {
        VElement root = new ViewFixture().file("pages/p/p.axml", "<view a:if=\"{{ok}}\">yes</view><view a:else>no</view>")
                .open("pages/p/p.axml", "{'ok': false}");
        assertThat(body(root)).isEqualTo("<view>no</view>");
    }

    @Test
    @DisplayName("wx:for over an array, an object (item = value, index = key), a string, a number N, anything else nothing")
    void forOverKinds() {
        String t = "<text wx:for=\"{{v}}\">{{index}}={{item}};</text>";
        assertThat(render(t, "{'v': ['a', 'b']}").text()).isEqualTo("0=a;1=b;");
        assertThat(render(t, "{'v': {'x': 1, 'y': 2}}").text()).isEqualTo("x=1;y=2;");
        assertThat(render(t, "{'v': 'hi'}").text()).isEqualTo("0=h;1=i;");
        assertThat(render(t, "{'v': 3}").text()).isEqualTo("0=0;1=1;2=2;");
        assertThat(render(t, "{'v': null}").children()).isEmpty();
        assertThat(render(t, "{'v': true}").children()).isEmpty();
        assertThat(render(t, "{}").children()).isEmpty();
    }

    @Test
    @DisplayName("wx:for-item, wx:for-index, wx:key (*this too); nested loops")
    void forNames() {
        String t = "<view wx:for=\"{{rows}}\" wx:for-item=\"row\" wx:for-index=\"i\" wx:key=\"id\">"
                + "<text wx:for=\"{{row.tags}}\" wx:key=\"*this\">{{i}}.{{index}}:{{item}} </text></view>";
        VElement root = render(t, "{'rows': [{'id': 7, 'tags': ['a', 'b']}, {'id': 8, 'tags': ['c']}]}");
        assertThat(root.text()).isEqualTo("0.0:a 0.1:b 1.0:c");
    }

    @Test
    @DisplayName("wx:key written as {{item.id}} keys by id too (instances follow their row)")
    void keyInBraces() {
        ComponentsTest.FakeHost host = new ComponentsTest.FakeHost().component("row", "components/r/r.wxml", "{}");
        ViewFixture f = new ViewFixture();
        f.host = host;
        f.file("pages/p/p.wxml", "<row wx:for=\"{{list}}\" wx:key=\"{{item.id}}\" v=\"{{item.id}}\"/>")
                .file("components/r/r.wxml", "<text>{{v}}</text>");
        f.open("pages/p/p.wxml", "{'list': [{'id': 1}, {'id': 2}]}");
        f.update("page", "{'list': [{'id': 2}]}");
        assertThat(host.log).containsExactly("mount c1 row by page {v=1}", "mount c2 row by page {v=2}", "unmount c1");
    }

    @Test
    @DisplayName("on one element, for is outer and if is evaluated per item")
    void forOuterIfInner() {
        VElement root = render("<text wx:for=\"{{[1,2,3,4]}}\" wx:if=\"{{item % 2 == 0}}\">{{item}}</text>", "{}");
        assertThat(root.text()).isEqualTo("24");
    }

    @Test
    @DisplayName("<block> renders no node; hidden keeps the element and hides it")
    void blockAndHidden() {
        VElement root = render("<block wx:if=\"{{true}}\"><text>a</text><text hidden=\"{{h}}\">b</text></block>", "{'h': true}");
        assertThat(root.children()).hasSize(2);
        VElement b = (VElement) root.children().get(1);
        assertThat(b.attrs()).containsEntry("hidden", true);
        assertThat(b.hidden()).isTrue();
        assertThat(((VElement) root.children().get(0)).hidden()).isFalse();
    }

    @Test
    @DisplayName("<template name> / <template is data>: the template sees only its data")
    void templates() {
        String t = "<template name=\"row\"><text>{{title}}/{{secret}}/{{n}}</text></template>"
                + "<template is=\"{{kind}}\" data=\"{{...item, n: 5}}\"/><template is=\"row\" data=\"{{title: 't2'}}\"/>";
        VElement root = render(t, "{'kind': 'row', 'item': {'title': 't1'}, 'secret': 's'}");
        assertThat(body(root)).isEqualTo("<text>t1//5</text>\n<text>t2//</text>");
    }

    @Test
    @DisplayName("<import src> is not transitive; paths relative or / from the root")
    void importNotTransitive() {
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<import src=\"../../common/a.wxml\"/><import src=\"/common/c\"/>"
                        + "<template is=\"a\"/><template is=\"c\"/><template is=\"b\"/>")
                .file("common/a.wxml", "<import src=\"b.wxml\"/><template name=\"a\"><text>A</text></template>")
                .file("common/b.wxml", "<template name=\"b\"><text>B</text></template>")
                .file("common/c.wxml", "<template name=\"c\"><text>C</text></template>");
        VElement root = f.open("pages/p/p.wxml", "{}");
        assertThat(root.text()).isEqualTo("AC");
        assertThat(f.diagnostics).anySatisfy(d -> assertThat(d.message()).contains("template \"b\" not found (it is in a file that an imported file imports"));
    }

    @Test
    @DisplayName("<include src> copies a file in, minus its <template> and <wxs>, in the includer's scope")
    void include() {
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<include src=\"/parts/head.wxml\"/><text>body</text>")
                .file("parts/head.wxml", "<template name=\"t\"><text>T</text></template>"
                        + "<wxs module=\"m\">module.exports = {};</wxs><text>head {{name}}</text>");
        VElement root = f.open("pages/p/p.wxml", "{'name': 'N'}");
        assertThat(body(root)).isEqualTo("<text>head N</text>\n<text>body</text>");
    }

    @Test
    @DisplayName("dataset: data- stripped, lower-cased, -x to X (data-alpha-beta → alphaBeta, data-alphaBeta → alphabeta), typed")
    void dataset() {
        VElement v = (VElement) render("<view data-alpha-beta=\"1\" data-alphaBeta=\"{{2}}\" data-id=\"{{id}}\"/>",
                "{'id': 42}").children().get(0);
        assertThat(v.dataset()).containsExactly(Map.entry("alphaBeta", "1"), Map.entry("alphabeta", 2), Map.entry("id", 42));
        assertThat(v.attrs()).containsKey("data-alpha-beta");
    }

    @Test
    @DisplayName("mark: (WeChat) on the element alone")
    void mark() {
        VElement v = (VElement) render("<view mark:row=\"{{3}}\" mark:name=\"x\"/>", "{}").children().get(0);
        assertThat(v.mark()).containsExactly(Map.entry("row", 3), Map.entry("name", "x"));
        assertThat(v.attrs()).isEmpty();
    }

    @Test
    @DisplayName("WeChat binds with bind, catch, mut-bind, capture-bind, capture-catch + the event name, optional colon")
    void wechatBindings() {
        VElement v = (VElement) render("<view bindtap=\"a\" catch:longpress=\"b\" mut-bind:tap=\"c\" capture-bind:touchstart=\"d\""
                + " capture-catch:tap=\"e\" bind:my-event=\"{{h}}\"/>", "{'h': 'dyn'}").children().get(0);
        assertThat(v.bindings()).containsExactly(
                new Binding("tap", false, false, false, "a", "page"),
                new Binding("longpress", false, true, false, "b", "page"),
                new Binding("tap", false, false, true, "c", "page"),
                new Binding("touchstart", true, false, false, "d", "page"),
                new Binding("tap", true, true, false, "e", "page"),
                new Binding("my-event", false, false, false, "dyn", "page"));
        assertThat(v.attrs()).isEmpty();
    }

    @Test
    @DisplayName("Alipay binds with on, catch, capture-on, capture-catch + capitalised name (onTap, catchTap)")
    void alipayBindings() {
        VElement root = new ViewFixture().file("pages/p/p.axml",
                "<button onTap=\"go\" catchLongTap=\"b\" capture-onTouchStart=\"c\" capture-catchTap=\"d\" open-type=\"x\"/>")
                .open("pages/p/p.axml", "{}");
        VElement v = (VElement) root.children().get(0);
        assertThat(v.bindings()).containsExactly(
                new Binding("tap", false, false, false, "go", "page"),
                new Binding("longTap", false, true, false, "b", "page"),
                new Binding("touchStart", true, false, false, "c", "page"),
                new Binding("tap", true, true, false, "d", "page"));
        assertThat(v.attrs()).containsOnlyKeys("open-type");
    }

    @Test
    @DisplayName("model:value is evaluated as value and recorded with its data path (CONTRACT input: model:value updates data)")
    void modelValue() {
        VElement v = (VElement) render("<input model:value=\"{{form.name}}\" bindinput=\"typed\"/>", "{'form': {'name': 'Li'}}")
                .children().get(0);
        assertThat(v.attrs()).containsEntry("value", "Li");
        assertThat(v.models()).containsEntry("value", "form.name");
    }

    @Test
    @DisplayName("the root is a page element (Alipay too), parent pointers set, file:line on elements")
    void rootAndParents() {
        VElement root = new ViewFixture().file("pages/p/p.axml", "<view>\n<text>x</text></view>").open("pages/p/p.axml", "{}");
        assertThat(root.tag()).isEqualTo("page");
        VElement view = (VElement) root.children().get(0);
        VElement text = (VElement) view.children().get(0);
        assertThat(text.parent()).isSameAs(view);
        assertThat(view.parent()).isSameAs(root);
        assertThat(text.file() + ":" + text.line()).isEqualTo("pages/p/p.axml:2");
        assertThat(List.of(view.owner(), text.owner())).containsOnly(VElement.PAGE);
    }

    @Test
    @DisplayName("a missing page template is an error diagnostic, not an exception")
    void missingTemplate() {
        ViewFixture f = new ViewFixture();
        VElement root = f.open("pages/none/none.wxml", "{}");
        assertThat(root.children()).isEmpty();
        assertThat(f.diagnostics).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.message()).contains("pages/none/none.wxml not found");
        });
    }
}
