package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC "setData re-renders what changed", through whole headless runs: the screen renders from
 * its own copy of each owner's data with every setData's applied keys set on it.
 */
class SetDataRenderTest {

    @TempDir
    Path dir;

    private TestApp page(String wxml, String js) {
        return TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.wxml", wxml)
                .file("pages/index/index.js", js);
    }

    @Test
    void pathKeysOfAPageSetDataRenderNestedKeysIndexesNewKeysAndReplacedLists() {
        // "setData with path keys (a.b, list[0].c)"
        TestApp.Run run = page("""
                <view id="name">name {{user.name}} {{user.age}}</view>
                <view wx:for="{{list}}" wx:key="id" class="row">row {{item.t}}</view>
                <view id="fresh" wx:if="{{fresh}}">fresh {{fresh.x}}</view>
                <button id="nested" bindtap="nested">n</button><button id="index" bindtap="index">i</button>
                <button id="add" bindtap="add">a</button><button id="replace" bindtap="replace">r</button>""", """
                Page({
                  data: { user: { name: 'Ann', age: 3 }, list: [{ id: 1, t: 'a' }, { id: 2, t: 'b' }, { id: 3, t: 'c' }] },
                  nested() { this.setData({ 'user.name': 'Bob' }); },
                  index() { this.setData({ 'list[1].t': 'B', 'list[3]': { id: 4, t: 'd' } }); },
                  add() { this.setData({ 'fresh.x': 'yes' }); },
                  replace() { this.setData({ list: [{ id: 9, t: 'z' }] }); },
                })""").run("""
                {"steps": [{"tap": "#nested"}, {"see": {"selector": "#name", "text": "name Bob 3"}},
                           {"tap": "#index"}, {"see": {"text": "row a"}}, {"see": {"text": "row B"}},
                           {"see": {"text": "row c"}}, {"see": {"text": "row d"}}, {"notSee": {"text": "row b"}},
                           {"tap": "#add"}, {"see": {"selector": "#fresh", "text": "fresh yes"}},
                           {"tap": "#replace"}, {"see": {"text": "row z"}}, {"notSee": {"text": "row a"}},
                           {"notSee": {"text": "row d"}}]}""");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
    }

    @Test
    void aDirectChangeOfThisDataShowsOnlyWhenSetDataSendsIt() {
        // SPEC: the view renders what setData sent; assigning this.data.x alone renders nothing
        TestApp.Run run = page("""
                <view id="n">n {{n}}</view><view id="m">m {{m}}</view>
                <button id="poke" bindtap="poke">p</button><button id="other" bindtap="other">o</button>
                <button id="send" bindtap="send">s</button>""", """
                Page({
                  data: { n: 1, m: 1 },
                  poke() { this.data.n = 5; },
                  other() { this.setData({ m: 2 }); },
                  send() { this.setData({ n: this.data.n }); },
                })""").run("""
                {"steps": [{"tap": "#poke"}, {"see": {"selector": "#n", "text": "n 1"}},
                           {"tap": "#other"}, {"see": {"selector": "#m", "text": "m 2"}},
                           {"see": {"selector": "#n", "text": "n 1"}},
                           {"tap": "#send"}, {"see": {"selector": "#n", "text": "n 5"}}]}""");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
    }

    @Test
    void aComponentsSetDataRendersItsPathKeysAndWhatItsObserversSetInside() {
        // "observers run on setData"; an observer's setData of the same key inside the outer one wins
        TestApp.Run run = page("<counter></counter>", "Page({})")
                .file("pages/index/index.json", "{\"usingComponents\": {\"counter\": \"/components/counter/counter\"}}")
                .file("components/counter/counter.json", "{\"component\": true}")
                .file("components/counter/counter.wxml", """
                        <view id="v">value {{value}}</view><view id="deep">deep {{o.list[1].t}}</view>
                        <button id="big" bindtap="big">big</button><button id="deepen" bindtap="deepen">d</button>""")
                .file("components/counter/counter.js", """
                        Component({
                          data: { value: 0, o: { list: [{ t: 'x' }, { t: 'y' }] } },
                          observers: { value(v) { if (v > 10) this.setData({ value: 10 }); } },
                          methods: {
                            big() { this.setData({ value: 99 }); },
                            deepen() { this.setData({ 'o.list[1].t': 'Y' }); },
                          },
                        })""")
                .run("""
                        {"steps": [{"see": {"selector": "#v", "text": "value 0"}}, {"tap": "#deepen"},
                                   {"see": {"selector": "#deep", "text": "deep Y"}},
                                   {"tap": "#big"}, {"see": {"selector": "#v", "text": "value 10"}}]}""");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
    }
}
