package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WeChat Component() {@code relations} (issue 9, "Custom components ... relations"): the cases the
 * public-app survey left open — links through a behavior ({@code target}, and relations a
 * behavior declares), components that appear later ({@code wx:if} turning on), and
 * {@code linkChanged} when a linked child moves. Each fixture is this test's own.
 */
class RelationsTest {

    @TempDir
    Path dir;

    private TestApp app(String pageWxml, String pageJs) {
        return TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-form\": \"/lib/form/index\","
                        + " \"my-input\": \"/lib/input/index\", \"my-check\": \"/lib/check/index\"}}")
                .file("pages/index/index.wxml", pageWxml)
                .file("pages/index/index.js", pageJs)
                .file("lib/form/index.wxml", "<view class=\"form\"><slot /></view>");
    }

    @Test
    void aTargetRelationLinksEveryComponentThatHasTheBehavior() {
        // WeChat docs, relations "target": every component node that has this behavior is linked;
        // the relation a behavior declares belongs to each component that uses it
        TestApp.Run run = app("<my-form><my-input name=\"a\"/><my-check name=\"b\"/></my-form>", "Page({})")
                .file("lib/field.js", """
                        module.exports = Behavior({
                          properties: { name: String },
                          relations: { '../form/index': { type: 'ancestor', linked(f) { console.log(this.data.name, 'in', f.is); } } },
                        });""")
                .file("lib/form/index.js", """
                        const field = require('../field');
                        Component({
                          relations: { fields: { type: 'descendant', target: field,
                            linked(child) { console.log('form linked', child.data.name); } } },
                          lifetimes: { ready() {
                            console.log('fields', this.getRelationNodes('fields').map((c) => c.data.name).join(','));
                          } },
                        });""")
                .file("lib/input/index.wxml", "<text>{{name}}</text>")
                .file("lib/input/index.js", "Component({ behaviors: [require('../field')] })")
                .file("lib/check/index.wxml", "<text>{{name}}</text>")
                .file("lib/check/index.js", "Component({ behaviors: [require('../field')] })")
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly(
                "form linked a", "a in lib/form/index", "form linked b", "b in lib/form/index", "fields a,b");
    }

    @Test
    void aComponentThatAppearsLaterIsLinkedBeforeItsReady() {
        // WeChat docs, relations "linked": triggered when the relation is set up in the page's
        // node tree, after the component's attached; a wx:if that turns on sets it up then
        TestApp.Run run = app("<my-form><my-input wx:if=\"{{shown}}\" name=\"late\"/></my-form><button bindtap=\"show\">show</button>",
                "Page({ data: { shown: false }, show() { this.setData({ shown: true }); } })")
                .file("lib/form/index.js", """
                        Component({
                          relations: { '../input/index': { type: 'child', linked(c) { console.log('form linked', c.data.name); } } },
                          methods: { count() { return this.getRelationNodes('../input/index').length; } },
                        });""")
                .file("lib/input/index.wxml", "<text>{{name}}</text>")
                .file("lib/input/index.js", """
                        Component({
                          properties: { name: String },
                          relations: { '../form/index': { type: 'parent', linked(f) { this.form = f; } } },
                          lifetimes: {
                            attached() { console.log('attached', !!this.form); },
                            ready() { console.log('ready', this.form.count()); },
                          },
                        });""")
                .run("{\"steps\": [{\"tap\": \"button\"}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("attached false", "form linked late", "ready 1");
    }

    @Test
    void aLinkedChildThatMovesRunsLinkChangedAndTheNodesFollowTheTree() {
        // WeChat docs, relations "linkChanged": triggered when the relation changes in the page's
        // node tree (a keyed item moved); getRelationNodes lists the children in tree order
        TestApp.Run run = app("<my-form><my-input wx:for=\"{{items}}\" wx:key=\"*this\" name=\"{{item}}\"/></my-form>"
                        + "<button bindtap=\"swap\">swap</button>",
                "Page({ data: { items: ['a', 'b'] }, swap() { this.setData({ items: ['b', 'a'] }, () => {"
                        + " console.log('now', this.selectComponent('my-form').names()); }); } })")
                .file("lib/form/index.js", """
                        Component({
                          relations: { '../input/index': { type: 'child',
                            linkChanged(c) { console.log('form linkChanged', c.data.name); } } },
                          methods: { names() { return this.getRelationNodes('../input/index').map((c) => c.data.name).join(','); } },
                        });""")
                .file("lib/input/index.wxml", "<text>{{name}}</text>")
                .file("lib/input/index.js", """
                        Component({
                          properties: { name: String },
                          relations: { '../form/index': { type: 'parent', linkChanged() { console.log('input linkChanged', this.data.name); } } },
                        });""")
                .run("{\"steps\": [{\"tap\": \"button\"}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly(
                "form linkChanged b", "input linkChanged b", "form linkChanged a", "input linkChanged a", "now b,a");
    }
}
