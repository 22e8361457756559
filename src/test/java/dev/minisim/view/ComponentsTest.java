package dev.minisim.view;

import static dev.minisim.view.ViewFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC "Pages on screen", custom components: props as camelCase, slots, owners, setData of a component. */
class ComponentsTest {

    /** A host whose components are tag → template, data = defaults then props. */
    static class FakeHost implements ComponentHost {
        final Map<String, String> templates = new HashMap<>();
        final Map<String, Map<String, Object>> defaults = new HashMap<>();
        final List<String> log = new ArrayList<>();
        int next = 1;

        FakeHost component(String tag, String template, String defaultsJson) {
            templates.put(tag, template);
            defaults.put(tag, ViewFixture.data(defaultsJson));
            return this;
        }

        @Override
        public boolean isComponent(String owner, String tag) {
            return templates.containsKey(tag);
        }

        @Override
        public Instance mount(String owner, String tag, Map<String, Object> props) {
            String id = "c" + next++;
            log.add("mount " + id + " " + tag + " by " + owner + " " + props);
            Map<String, Object> data = new LinkedHashMap<>(defaults.get(tag));
            data.putAll(props);
            return new Instance(id, templates.get(tag), data);
        }

        @Override
        public Map<String, Object> update(String instanceId, Map<String, Object> props) {
            log.add("update " + instanceId + " " + props);
            return new LinkedHashMap<>(props);
        }

        @Override
        public void unmount(String instanceId) {
            log.add("unmount " + instanceId);
        }
    }

    private static ViewFixture fixture(FakeHost host) {
        ViewFixture f = new ViewFixture();
        f.host = host;
        return f;
    }

    @Test
    @DisplayName("a component renders its template with its data; dash-case attributes as camelCase props; host attrs kept")
    void props() {
        FakeHost host = new FakeHost().component("my-card", "components/card/card.wxml", "{'size': 'm'}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.wxml", "<my-card id=\"c\" class=\"x\" card-title=\"{{t}}\" count=\"{{2}}\" data-k=\"1\" bind:pick=\"onPick\"/>")
                .file("components/card/card.wxml", "<view class=\"card {{size}}\" bindtap=\"toggle\">{{cardTitle}} x{{count}}</view>");
        VElement root = f.open("pages/p/p.wxml", "{'t': 'Hello'}");
        assertThat(host.log).containsExactly("mount c1 my-card by page {cardTitle=Hello, count=2}");
        VElement card = (VElement) root.children().get(0);
        assertThat(card.tag()).isEqualTo("my-card");
        assertThat(card.component()).isEqualTo("c1");
        assertThat(card.owner()).isEqualTo("page");
        assertThat(card.attrs()).containsEntry("id", "c").containsEntry("class", "x").containsEntry("card-title", "Hello");
        assertThat(card.bindings()).containsExactly(new Binding("pick", false, false, false, "onPick", "page"));
        VElement inner = (VElement) card.children().get(0);
        assertThat(inner.text()).isEqualTo("Hello x2");
        assertThat(inner.attr("class")).isEqualTo("card m");
        assertThat(inner.owner()).isEqualTo("c1");
        assertThat(inner.bindings()).containsExactly(new Binding("tap", false, false, false, "toggle", "c1"));
        assertThat(inner.file()).isEqualTo("components/card/card.wxml");
    }

    @Test
    @DisplayName("default and named slots: slot content rendered in the user's scope, owned by the user")
    void slots() {
        FakeHost host = new FakeHost().component("panel", "components/panel/panel.wxml", "{'title': 'T'}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.wxml", "<panel><text slot=\"head\" bindtap=\"h\">{{who}}</text><text>body {{who}}</text></panel>")
                .file("components/panel/panel.wxml", "<view class=\"head\"><slot name=\"head\"/></view>"
                        + "<view class=\"body\">{{title}}: <slot/></view>");
        VElement root = f.open("pages/p/p.wxml", "{'who': 'me'}");
        assertThat(body(root)).isEqualTo("""
                <panel>
                  <view class="head">
                    <text slot="head">me</text>
                  </view>
                  <view class="body">
                    T:
                    <text>body me</text>
                  </view>
                </panel>""");
        VElement headText = Selector.find(root, "text[slot=head]", null, 0).orElseThrow();
        assertThat(headText.owner()).isEqualTo("page");
        assertThat(headText.bindings()).extracting(Binding::owner).containsExactly("page");
    }

    @Test
    @DisplayName("slot names written with data: content for slot{{i}} lands in the slot named so; the rest keep their fallback")
    void slotNamesWithData() {
        // issue 9 survey: Alipay's component2 demo writes <slot name="slot{{item}}"> in a for and
        // gives <view slot="slot{{item}}" a:for=...> content; each piece lands in its own slot
        FakeHost host = new FakeHost().component("rows", "components/r/r.axml", "{'n': 3}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.axml", "<rows><text slot=\"s{{item}}\" a:for=\"{{2}}\">got {{item}}</text></rows>")
                .file("components/r/r.axml", "<view a:for=\"{{n}}\"><slot name=\"s{{item}}\">none</slot></view>");
        VElement root = f.open("pages/p/p.axml", "{}");
        assertThat(body(root)).isEqualTo("""
                <rows>
                  <view>
                    <text slot="s0">got 0</text>
                  </view>
                  <view>
                    <text slot="s1">got 1</text>
                  </view>
                  <view>none</view>
                </rows>""");
    }

    @Test
    @DisplayName("setData of a component re-renders its subtree only; slot content stays")
    void componentSetData() {
        FakeHost host = new FakeHost().component("counter", "components/c/c.wxml", "{'n': 0}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.wxml", "<view id=\"top\">{{title}}</view><counter><text>slot {{title}}</text></counter>")
                .file("components/c/c.wxml", "<text id=\"n\">{{n}}</text><slot/>");
        VElement root = f.open("pages/p/p.wxml", "{'title': 'A'}");
        VElement top = (VElement) root.children().get(0);
        VElement counter = (VElement) root.children().get(1);
        f.update("c1", "{'n': 5}");
        assertThat(root.children().get(0)).isSameAs(top);
        assertThat(root.children().get(1)).isSameAs(counter);
        assertThat(counter.text()).isEqualTo("5slot A");
        assertThat(f.view().element("c1")).containsSame(counter);
        assertThat(host.log).containsExactly("mount c1 counter by page {}");
    }

    @Test
    @DisplayName("re-renders reuse instances by position; changed props go to update; instances gone are unmounted")
    void lifecycleByPosition() {
        FakeHost host = new FakeHost().component("item", "components/i/i.wxml", "{}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.wxml", "<item wx:for=\"{{list}}\" wx:key=\"id\" label=\"{{item.name}}\"/>")
                .file("components/i/i.wxml", "<text>{{label}}</text>");
        VElement root = f.open("pages/p/p.wxml", "{'list': [{'id': 1, 'name': 'a'}, {'id': 2, 'name': 'b'}]}");
        assertThat(root.text()).isEqualTo("ab");
        f.update("page", "{'list': [{'id': 2, 'name': 'B'}, {'id': 3, 'name': 'c'}]}");
        assertThat(root.text()).isEqualTo("Bc");
        assertThat(host.log).containsExactly(
                "mount c1 item by page {label=a}",
                "mount c2 item by page {label=b}",
                "update c2 {label=B}",
                "mount c3 item by page {label=c}",
                "unmount c1");
    }

    @Test
    @DisplayName("nested components: the inner one's owner is the outer instance; removing the outer unmounts both")
    void nested() {
        FakeHost host = new FakeHost().component("outer", "components/o/o.wxml", "{}")
                .component("inner", "components/in/in.wxml", "{}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.wxml", "<outer wx:if=\"{{show}}\"/>")
                .file("components/o/o.wxml", "<inner v=\"{{1}}\"/>")
                .file("components/in/in.wxml", "<text>in {{v}}</text>");
        VElement root = f.open("pages/p/p.wxml", "{'show': true}");
        assertThat(root.text()).isEqualTo("in 1");
        assertThat(host.log).containsExactly("mount c1 outer by page {}", "mount c2 inner by c1 {v=1}");
        f.update("page", "{'show': false}");
        assertThat(root.children()).isEmpty();
        assertThat(host.log.subList(2, host.log.size())).containsExactlyInAnyOrder("unmount c1", "unmount c2");
        f.update("c2", "{'v': 2}"); // a setData after detached is ignored, as in the client
        assertThat(root.children()).isEmpty();
        assertThat(f.diagnostics).isEmpty();
    }

    @Test
    @DisplayName("Alipay: props.onXxx are the parent's handlers (passed as props, kept as bindings)")
    void alipayHandlerProps() {
        FakeHost host = new FakeHost().component("my-btn", "components/b/b.axml", "{}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.axml", "<my-btn text=\"Go\" onTap=\"handleTap\"/>")
                .file("components/b/b.axml", "<button onTap=\"click\">{{text}}</button>");
        VElement root = f.open("pages/p/p.axml", "{}");
        assertThat(host.log).containsExactly("mount c1 my-btn by page {text=Go, onTap=handleTap}");
        VElement button = Selector.find(root, "button", "Go", 0).orElseThrow();
        assertThat(button.bindings()).containsExactly(new Binding("tap", false, false, false, "click", "c1"));
    }

    @Test
    @DisplayName("a component's setData during its mount (a lifetime) is applied right after the pass")
    void setDataDuringMount() {
        ViewFixture f = new ViewFixture();
        FakeHost host = new FakeHost() {
            @Override
            public Instance mount(String owner, String tag, Map<String, Object> props) {
                Instance i = super.mount(owner, tag, props);
                f.view().update(i.id(), Map.of("n", 9)); // attached() { this.setData({n: 9}) }
                return i;
            }
        }.component("counter", "components/c/c.wxml", "{'n': 0}");
        f.host = host;
        f.file("pages/p/p.wxml", "<counter/>").file("components/c/c.wxml", "<text>{{n}}</text>");
        VElement root = f.open("pages/p/p.wxml", "{}");
        assertThat(root.text()).isEqualTo("9");
    }

    @Test
    @DisplayName("a component that renders itself without end is cut with a warning, not a stack overflow")
    void endlessRecursion() {
        FakeHost host = new FakeHost().component("tree-node", "components/t/t.wxml", "{}");
        ViewFixture f = fixture(host).file("pages/p/p.wxml", "<tree-node/>")
                .file("components/t/t.wxml", "<view><tree-node/></view>");
        f.open("pages/p/p.wxml", "{}");
        assertThat(f.diagnostics).anySatisfy(d -> assertThat(d.message()).contains("nest deeper than"));
    }

    @Test
    @DisplayName("externalClasses: the class names stand for the classes the user gives (SPEC: externalClasses)")
    void externalClasses() {
        FakeHost host = new FakeHost() {
            @Override
            public List<String> externalClasses(String instanceId) {
                return List.of("custom-class", "icon-class");
            }
        }.component("van-button", "components/b/b.wxml", "{}");
        ViewFixture f = fixture(host).file("pages/p/p.wxml", "<van-button custom-class=\"big {{c}}\">Go</van-button>")
                .file("components/b/b.wxml", "<button class=\"van-button custom-class\"><text class=\"icon-class x\"/><slot/></button>");
        VElement root = f.open("pages/p/p.wxml", "{'c': 'red'}");
        assertThat(Selector.find(root, "button.van-button.big.red", "Go", 0)).isPresent();
        assertThat(Selector.parse("text").selectAll(root)).extracting(e -> e.attr("class")).containsExactly("x");
    }

    @Test
    @DisplayName("Alipay slot-scope: the user's content renders at the slot with the slot's props; a slot's own content is its fallback")
    void alipayScopedSlotsAndFallback() {
        FakeHost host = new FakeHost().component("my-list", "components/l/l.axml", "{'rows': [{'n': 'a'}, {'n': 'b'}], 'more': 'More'}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.axml", "<my-list><view slot=\"row\" slot-scope=\"props\">{{prefix}}{{props.item.n}}{{props.index}}</view></my-list>")
                .file("components/l/l.axml", "<view a:for=\"{{rows}}\"><slot name=\"row\" item=\"{{item}}\" index=\"{{index}}\"/></view>"
                        + "<slot name=\"footer\"><text>{{more}}</text></slot>");
        VElement root = f.open("pages/p/p.axml", "{'prefix': '#'}");
        assertThat(body(root)).isEqualTo("""
                <my-list>
                  <view>
                    <view slot="row">#a0</view>
                  </view>
                  <view>
                    <view slot="row">#b1</view>
                  </view>
                  <text>More</text>
                </my-list>""");
        VElement first = Selector.find(root, "[slot=row]", null, 0).orElseThrow();
        assertThat(first.owner()).isEqualTo("page");
        f.update("page", "{'prefix': '@'}");
        assertThat(root.text()).isEqualTo("@a0@b1More");
    }

    @Test
    @DisplayName("Alipay $slots: a component's template sees which slots its user fills ($default, named, slot-scope), as mini-antui's a:if=\"{{$slots.prefix}}\" reads it")
    void alipaySlotsSaysWhichSlotsAreFilled() {
        FakeHost host = new FakeHost().component("my-item", "components/i/i.axml", "{}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.axml", "<my-item><view slot=\"prefix\">P</view>Label</my-item>"
                        + "<my-item>  </my-item>"
                        + "<my-item a:if=\"{{more}}\"><view slot=\"extra\" slot-scope=\"s\">E</view></my-item>")
                .file("components/i/i.axml", "<view a:if=\"{{$slots.prefix}}\" class=\"prefix\"><slot name=\"prefix\"/></view>"
                        + "<view a:if=\"{{$slots.$default}}\" class=\"label\"><slot/></view>"
                        + "<view a:if=\"{{$slots.extra}}\" class=\"extra\"><slot name=\"extra\"/></view>");
        VElement root = f.open("pages/p/p.axml", "{'more': false}");
        // the first fills prefix and the default slot; the second only holds spaces: no slot filled
        assertThat(Selector.parse(".prefix").selectAll(root)).hasSize(1);
        assertThat(Selector.parse(".label").selectAll(root)).hasSize(1);
        assertThat(Selector.parse(".extra").selectAll(root)).isEmpty();
        assertThat(root.text()).contains("P").contains("Label");
        // slot-scope content fills its slot too
        f.update("page", "{'more': true}");
        assertThat(Selector.parse(".extra").selectAll(root)).hasSize(1);
    }
}
