package dev.minisim.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md, "navigateTo, EventChannel, plugin pages" (the page-to-page part). */
class EventChannelTest {

    @TempDir
    Path dir;

    /** A WeChat app whose page a does {@code opener} and page b {@code opened}. */
    private TestApp app(String opener, String opened) {
        return app(dir, opener, opened).wechat();
    }

    private static TestApp app(Path dir, String opener, String opened) {
        return TestApp.withPages(dir, "pages/a/a", "pages/b/b", "pages/c/c")
                .file("pages/a/a.js", "Page({\n" + opener + "\n});")
                .file("pages/b/b.js", "Page({\n" + opened + "\n});")
                .file("pages/c/c.js", "Page({ onLoad() { const ch = this.getOpenerEventChannel();"
                        + " console.log('c channel', typeof ch.emit, Object.keys(ch).length); } });");
    }

    @Test
    void successRunsAfterTheOpenedPagesOnLoadSoItsListenerHearsTheFirstEmit() {
        // "success runs after the opened page's onLoad, so a listener registered there hears the opener's first emit"
        TestApp.Run run = app("go() { wx.navigateTo({ url: '/pages/b/b', success: (res) => res.eventChannel.emit('hi', 1, {x: 2}) }); }",
                "onLoad() { this.getOpenerEventChannel().on('hi', (a, b) => console.log('heard', a, b.x)); }").calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly("heard 1 2");
        assertThat(run.of("channel").get(0).fields()).containsEntry("event", "hi").containsEntry("from", "pages/a/a")
                .containsEntry("to", "pages/b/b").containsEntry("delivered", 1)
                .containsEntry("args", java.util.List.of(1, java.util.Map.of("x", 2)));
    }

    @Test
    void theOpenersEventsListenToWhatTheOpenedPageEmits() {
        TestApp.Run run = app("go() { wx.navigateTo({ url: '/pages/b/b', events: { done(v) { console.log('done', v); } } }); }",
                "onLoad() { this.getOpenerEventChannel().emit('done', 'from b'); }").calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly("done from b");
        assertThat(run.of("console").get(0).get("page")).isEqualTo("pages/a/a");
    }

    @Test
    void earlyEmitsAreKeptUntilAListenerRegisters() {
        // "Emits that arrive before a listener exists are kept and delivered when one registers."
        TestApp.Run run = app("go() { wx.navigateTo({ url: '/pages/b/b', success: (res) => res.eventChannel.emit('early', 'x') }); }",
                "onLoad() { setTimeout(() => this.getOpenerEventChannel().on('early', (v) => console.log('late listener got', v)), 10); }")
                .run("{\"steps\": [{\"call\": \"go\"}, {\"wait\": 20}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("late listener got x");
        assertThat(run.of("channel")).extracting(e -> e.get("queued"), e -> e.get("replayed"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, null), org.assertj.core.groups.Tuple.tuple(null, true));
    }

    @Test
    void onceOffAndOffWithoutAFunction() {
        TestApp.Run run = app("go() { wx.navigateTo({ url: '/pages/b/b', success: (res) => {"
                        + " ['e', 'e', 'f', 'g'].forEach((n) => res.eventChannel.emit(n)); } }); }",
                "onLoad() { const ch = this.getOpenerEventChannel();\n"
                        + " ch.once('e', () => console.log('once e'));\n"
                        + " const f = () => console.log('f'); ch.on('f', f); ch.off('f', f);\n"
                        + " ch.on('g', () => console.log('g1')); ch.on('g', () => console.log('g2')); ch.off('g');\n"
                        + " ch.on('keep', () => {}); }").calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly("once e");
        assertThat(run.of("channel")).extracting(e -> e.get("event") + ":" + e.get("delivered"))
                .containsExactly("e:1", "e:0", "f:0", "g:0");
    }

    @Test
    void aPageNotOpenedByNavigateToGetsTheEmptyChannelAndNavigateBackHasNone() {
        // "A page that was not opened by navigateTo gets an empty channel whose methods are missing"; "navigateBack's result has no eventChannel"
        TestApp.Run run = app("go() { wx.redirectTo({ url: '/pages/c/c' }); }", "").calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly("c channel undefined 0");
        TestApp.Run back = app("go() { wx.navigateTo({ url: '/pages/b/b' }); }",
                "back() { wx.navigateBack({ success: (r) => console.log(JSON.stringify(r)) }); }")
                .calling("go", "back");
        assertThat(back.logs()).as("%s", back).containsExactly("{\"errMsg\":\"navigateBack:ok\"}");
    }

    @Test
    void alipaysNamespaceAndThePromiseStyleGiveTheChannel() {
        TestApp.Run run = app(dir.resolve("alipay"), "async go() { const r = await my.navigateTo({ url: '/pages/b/b' }); r.eventChannel.emit('p', 'promise');"
                        + " console.log(Object.keys(r).join()); }",
                "onLoad() { this.getOpenerEventChannel().on('p', (v) => console.log(v)); }").alipay().calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly("promise", "eventChannel");
    }

    @Test
    void afterRedirectToTheOldChannelIsClosedAndAnEmitOnItIsReported() {
        // "after redirectTo the old channel is closed and emitting on it is reported"
        TestApp.Run run = app("go() { wx.navigateTo({ url: '/pages/b/b', success: (res) => { this.ch = res.eventChannel; } }); },\n"
                        + "  later() { this.ch.emit('late'); }",
                "away() { wx.redirectTo({ url: '/pages/c/c' }); }")
                .run("{\"steps\": [{\"call\": \"go\"}, {\"call\": \"away\"}, {\"back\": 1}, {\"call\": \"later\"}]}");
        assertThat(run.errors()).as("%s", run).containsExactly("emit(\"late\") on a closed EventChannel: pages/b/b has left the stack");
        assertThat(run.of("error").get(0).get("source")).isEqualTo("pages/a/a.js:3");
        assertThat(run.of("channel").get(0).get("closed")).isEqualTo(true);
    }

    @Test
    void aListenerThatThrowsIsReportedAndTheOthersStillRun() {
        TestApp.Run run = app("go() { wx.navigateTo({ url: '/pages/b/b', success: (res) => res.eventChannel.emit('x') }); }",
                "onLoad() { const ch = this.getOpenerEventChannel();\n ch.on('x', () => { throw new Error('listener broke'); });\n"
                        + " ch.on('x', () => console.log('second listener ran')); }").calling("go");
        assertThat(run.errors()).as("%s", run).containsExactly("Error: listener broke (in EventChannel listener of \"x\")");
        assertThat(run.of("error").get(0).get("source")).isEqualTo("pages/b/b.js:3");
        assertThat(run.logs()).containsExactly("second listener ran");
    }
}
