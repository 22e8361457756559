package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 survey (wechat-app-mall {@code pages/to-pay-order}, vant's datetime picker:
 * {@code Cannot read property 'setColumnValues' of null}): a WeChat component's shadow tree is
 * built from its template with its initial data before {@code created} runs, and its properties
 * (their observers) come after {@code created} (glass-easel {@code Component.create}:
 * {@code tmplInst.initValues(data)}, then {@code triggerLifetime('created')}, then
 * {@code initPropValues}), so {@code selectComponent} in {@code created} and in the first
 * observers finds the component's own children. WeChat's lifetimes doc: in created "this.data is
 * the data defined in the Component constructor"; attached comes "after the component is fully
 * initialised and enters the page node tree", when "this.data has been initialised to the
 * component's current values"; components are created and attached before the page's onLoad.
 * Fixture: {@code src/test/resources/lifetimes-created}.
 */
class CreatedOrderTest {

    private static final Path APP = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources/lifetimes-created");

    @Test
    void createdAndTheFirstObserversFindTheComponentsOwnChildren() {
        TestApp.Run run = TestApp.of(APP).run("""
                {"steps": [
                  {"see": {"selector": "#d1 .shown", "text": "v5"}},
                  {"see": {"selector": "#p1 .inner-dial .shown", "text": "v7"}},
                  {"see": {"selector": "#p1 .looped .shown", "text": "loop1"}},
                  {"see": {"selector": "#p1 .note", "text": "set in created"}}
                ]}""");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().status()).as("%s", run).isEqualTo("ok");
        assertThat(run.logs()).as("%s", run).containsExactly(
                // a component with a child: the child first, then created (default data), then the properties
                "wheel created",
                "dial created [] sees wheel",
                "dial value 5 [top] sees wheel",
                // nested (panel > dial > wheel) and a wx:for of components, all built with the
                // panel's default data before the panel's created
                "wheel created",
                "dial created [] sees wheel",
                "wheel created", "wheel created", "wheel created",
                "ghost created",
                "panel created: dial with 1 wheel, 3 looped",
                "panel start 7 sees dial",
                // the panel renders again with its property: its dial hears the new value
                "dial value 7 [inner] sees wheel",
                // attached when the tree is built, parents first; before the page's onLoad
                "dial attached [top]", "panel attached", "dial attached [inner]",
                "page onLoad",
                "dial ready [top]", "panel ready", "dial ready [inner]",
                "page onReady");
    }

    @Test
    void propertyObserversRunAfterTheTemplateAndSetDataUpdatesTheTreeAtOnce() {
        // glass-easel's DataGroup: data observers, then "tell template engine what changed", then
        // "trigger prop observers (to simulating legacy behaviors)" — a property's observer sees
        // the components its new value renders (vant's picker reads its new columns there).
        // Attached hooks of a new subtree run in one go, in the tree's order, before the promise
        // jobs they queue.
        // A setData updates the component tree at once: the knob it adds is attached and found
        // before setData's caller goes on.
        TestApp.Run run = TestApp.of(APP).run("""
                {"page": "pages/rack/rack", "steps": [{"call": "grow"}, {"see": {"selector": ".knob-face", "text": "n"}}]}""");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly(
                // glass-easel hooks the template to the data before created: a setData there renders at once
                "rack created sees 1 knobs",
                "rack items 2, 3 knobs",
                // attached in the tree's order (the items' knobs come first in the template)
                "rack attached", "knob attached a", "knob attached b", "knob attached c",
                "rack job", "knob job a", "knob job b", "knob job c",
                "page onLoad",
                "knob attached n", "after setData 3 knobs", "knob job n");
    }

    @Test
    void aChildTheFirstRenderHadAndTheSecondDropsIsNeverAttachedNorDetached() {
        // glass-easel calls attached / detached only for a node that enters / leaves the page
        // tree: the ghost is created with the panel's default data and gone before the panel is placed
        TestApp.Run run = TestApp.of(APP).run("""
                {"steps": [{"notSee": {"selector": ".ghost"}}, {"see": {"selector": ".panel .note"}}]}""");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).contains("ghost created").doesNotContain("ghost attached", "ghost detached");
    }
}
