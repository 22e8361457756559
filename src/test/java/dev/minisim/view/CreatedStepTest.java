package dev.minisim.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The renderer's side of WeChat's creation order (glass-easel {@code Component.create}: the
 * template instantiated with the component's own data, then {@code created}, then the properties;
 * its DataGroup runs a property's observer after the template update): {@link ComponentHost}'s
 * mount → template → created → template again → rendered steps, and setData during a pass
 * rendering a settled component at once.
 */
class CreatedStepTest {

    /** Components as tag → template; mount gives the defaults, created adds the props. */
    static final class TwoStepHost implements ComponentHost {
        final Map<String, String> templates = new HashMap<>();
        final Map<String, Map<String, Object>> defaults = new HashMap<>();
        final Map<String, String> tags = new HashMap<>();
        final List<String> log = new ArrayList<>();
        PageView view;
        /** Runs inside created of the instance of this tag (a lifetime's side effects). */
        final Map<String, Runnable> onCreated = new HashMap<>();
        int next = 1;

        TwoStepHost component(String tag, String template, String defaultsJson) {
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
            tags.put(id, tag);
            log.add("mount " + id + " " + tag);
            return new Instance(id, templates.get(tag), new LinkedHashMap<>(defaults.get(tag)));
        }

        @Override
        public Map<String, Object> created(String id, Map<String, Object> props) {
            log.add("created " + id + " sees [" + text(id) + "]");
            Runnable r = onCreated.get(tags.get(id));
            if (r != null) {
                r.run();
            }
            if (props.isEmpty()) {
                return null;
            }
            Map<String, Object> data = new LinkedHashMap<>(defaults.get(tags.get(id)));
            data.putAll(props);
            return data;
        }

        @Override
        public Map<String, Object> rendered(String id) {
            log.add("rendered " + id + " sees [" + text(id) + "]");
            return null;
        }

        @Override
        public Map<String, Object> update(String id, Map<String, Object> props) {
            log.add("update " + id + " " + props);
            Map<String, Object> data = new LinkedHashMap<>(defaults.get(tags.get(id)));
            data.putAll(props);
            return data;
        }

        @Override
        public void unmount(String id) {
            log.add("unmount " + id);
        }

        private String text(String id) {
            return view.element(id).map(VElement::text).orElse("?").trim();
        }
    }

    private static ViewFixture fixture(TwoStepHost host) {
        ViewFixture f = new ViewFixture();
        f.host = host;
        return f;
    }

    @Test
    @DisplayName("created sees the template built with the default data and its child created; then the props render")
    void createdSeesItsChildren() {
        TwoStepHost host = new TwoStepHost()
                .component("outer", "c/outer.wxml", "{'label': 'default'}")
                .component("inner", "c/inner.wxml", "{'word': 'none'}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.wxml", "<outer label=\"{{l}}\"/>")
                .file("c/outer.wxml", "<view>{{label}}</view>/<inner word=\"{{label}}\"/>")
                .file("c/inner.wxml", "<text>{{word}}</text>");
        VElement root = openWithView(f, host, "{'l': 'real'}");
        assertThat(host.log).containsExactly(
                "mount c1 outer",
                "mount c2 inner",
                "created c2 sees [none]",
                "rendered c2 sees [default]",
                "created c1 sees [default/default]",
                "update c2 {word=real}",
                "rendered c2 sees [real]",
                "rendered c1 sees [real/real]");
        assertThat(root.text().trim()).isEqualTo("real/real");
    }

    @Test
    @DisplayName("a child only the default data renders goes when the props render")
    void aChildOfTheDefaultDataGoes() {
        TwoStepHost host = new TwoStepHost()
                .component("outer", "c/outer.wxml", "{'on': false}")
                .component("ghost", "c/ghost.wxml", "{}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.wxml", "<outer on=\"{{true}}\"/>")
                .file("c/outer.wxml", "<ghost wx:if=\"{{!on}}\"/><view>on {{on}}</view>")
                .file("c/ghost.wxml", "<text>boo</text>");
        VElement root = openWithView(f, host, "{}");
        assertThat(host.log).contains("mount c2 ghost", "unmount c2");
        assertThat(root.text().trim()).isEqualTo("on true");
    }

    @Test
    @DisplayName("during a pass, an update of a settled component renders at once; one around the position waits")
    void nestedUpdateOfASettledComponent() {
        TwoStepHost host = new TwoStepHost()
                .component("first", "c/first.wxml", "{'n': 0}")
                .component("second", "c/second.wxml", "{}");
        ViewFixture f = fixture(host)
                .file("pages/p/p.wxml", "<first/>+<second/>")
                .file("c/first.wxml", "<text>n={{n}}</text>")
                .file("c/second.wxml", "<text>second</text>");
        // second's created sets first's data (as selectComponent('.first').setValues(...) would)
        // and reads first's element right after: it must show the new value
        List<String> seen = new ArrayList<>();
        host.onCreated.put("second", () -> {
            host.view.update("c1", ViewFixture.data("{'n': 5}"));
            seen.add(host.view.element("c1").map(VElement::text).orElse("?").trim());
        });
        VElement root = openWithView(f, host, "{}");
        assertThat(seen).containsExactly("n=5");
        assertThat(root.text().trim()).isEqualTo("n=5+second");
    }

    /** Opens pages/p/p.wxml with the host knowing the view (its steps read elements). */
    private static VElement openWithView(ViewFixture f, TwoStepHost host, String json) {
        PageView view = new PageView(TemplateSource.of(f.files), "pages/p/p.wxml", host, f.diagnostics::add);
        host.view = view;
        return view.render(ViewFixture.data(json));
    }
}
