package dev.minisim.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md, "plugin://ALIAS/PAGE?query" and issue #4's bad input (seed 003). */
class PluginTest {

    @TempDir
    Path dir;

    private TestApp app(String body) {
        return TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\", \"pages/next/next\"],"
                        + " \"plugins\": {\"qys\": {\"version\": \"1.2.2\", \"provider\": \"wxaf8f505686ddf66a\"},"
                        + " \"other\": {\"version\": \"1.0.0\", \"provider\": \"wx-unknown\"}}}")
                .wechat()
                .file("pages/a/a.js", "Page({ go() {\n" + body + "\n} });")
                .file("pages/next/next.js", "Page({});");
    }

    private TestApp.Run failing(String url) {
        return app("wx.navigateTo({ url: '" + url + "', fail: (e) => console.log(e.errMsg) });").calling("go");
    }

    @Test
    void aWrongUrlIsTheFailResultAndNoPage() {
        assertThat(failing("plugin://undeclared/doc?ticket=t").logs()).containsExactly(
                "navigateTo:fail page \"plugin://undeclared/doc\" is not found in plugin: \"undeclared\" is not declared in "
                        + "app.json \"plugins\" (declared: qys, other)");
        assertThat(failing("plugin://other/doc?ticket=t").logs()).singleElement().asString()
                .startsWith("navigateTo:fail plugin \"other\" (provider wx-unknown) is not simulated by MiniSim; simulated: qyssdk-plugin");
        assertThat(failing("plugin://qys/nope?ticket=t").logs()).containsExactly(
                "navigateTo:fail page \"plugin://qys/nope\" is not found in plugin: qyssdk-plugin has pages doc, "
                        + "enterprise-auth, personal-auth, signature");
        assertThat(failing("plugin://qys/doc?env=cn").logs()).singleElement().asString()
                .startsWith("navigateTo:fail qyssdk-plugin/doc needs \"ticket\" in its query");
        assertThat(failing("plugin://qys/doc?ticket=t&env=prod").logs()).singleElement().asString()
                .startsWith("navigateTo:fail qyssdk-plugin/doc: env=prod is not one of com, cn");
        assertThat(failing("plugin://qys/signature?ticket=t&type=x").logs()).singleElement().asString()
                .startsWith("navigateTo:fail qyssdk-plugin/signature: type=x is not one of personalSignatureOpen");
        TestApp.Run malformed = failing("plugin://qys");
        assertThat(malformed.logs()).containsExactly("navigateTo:fail malformed plugin url \"plugin://qys\"; expected plugin://ALIAS/PAGE?query");
        assertThat(malformed.last().get("pages")).isEqualTo(List.of("pages/a/a"));
        assertThat(malformed.of("prompt")).isEmpty();
    }

    @Test
    void envDefaultsToProductionAndThePromptShowsWhatTheUserNeeds() {
        TestApp.Run run = app("wx.navigateTo({ url: 'plugin://qys/signature?ticket=T1&type=sealSignature' });")
                .run("{\"decisions\": {\"plugin\": [\"back\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(run.of("prompt").get(0).fields()).as("%s", run)
                .containsEntry("plugin", "qyssdk-plugin").containsEntry("pluginPage", "signature")
                .containsEntry("ticket", "T1").containsEntry("env", "com").containsEntry("pluginType", "sealSignature")
                .containsEntry("answers", List.of("signSuccessCb", "authSuccessCb", "authFailCb", "back"))
                .containsEntry("source", "pages/a/a.js:2");
        assertThat(run.last().get("pages")).isEqualTo(List.of("pages/a/a"));
    }

    @Test
    void eventsWithoutHasCbAreNeverCalledAndThePluginReturnsByItself() {
        // "hasCb (true when events are given; events without it are never called by the plugin, which then returns by itself — warn about it)"
        TestApp.Run run = app("wx.navigateTo({ url: 'plugin://qys/doc?ticket=T', events: { signSuccessCb() { console.log('never'); } } });")
                .run("{\"decisions\": {\"plugin\": [\"signSuccessCb\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(run.logs()).as("%s", run).isEmpty();
        assertThat(run.of("warning")).extracting(e -> e.str("message")).singleElement().asString()
                .startsWith("plugin://qys/doc was opened with events (signSuccessCb) but without hasCb=true");
        assertThat(run.last().get("pages")).isEqualTo(List.of("pages/a/a"));
    }

    @Test
    void aCallbackThatNeverAnswersWithJumpToIsReportedAfterTheConfiguredDelay() {
        // "A callback that never answers with jumpTo ... is reported after a configurable simulated delay"
        TestApp app = app("wx.navigateTo({ url: 'plugin://qys/doc?ticket=T&hasCb=true',"
                + " events: { signSuccessCb() { console.log('signed, but no jumpTo'); } } });");
        TestApp.Run run = app.run("{\"jumpToTimeout\": 500, \"decisions\": {\"plugin\": [\"signSuccessCb\"]},"
                + " \"steps\": [{\"call\": \"go\"}, {\"wait\": 499}, {\"expect\": {\"type\": \"error\"}, \"times\": 0}, {\"wait\": 1}]}");
        assertThat(run.errors()).as("%s", run).containsExactly("plugin://qys/doc emitted signSuccessCb but the host did not answer "
                + "with eventChannel.emit('jumpTo') within 500 ms (seed 003: 回调存在时必需调用); the plugin waits on its page");
        assertThat(run.of("error").get(0).t()).isEqualTo(500);
        assertThat(run.of("error").get(0).get("source")).isEqualTo("pages/a/a.js:2");
        assertThat(run.last().get("pages")).isEqualTo(List.of("pages/a/a", "plugin://qys/doc"));
        TestApp.Run ended = app.run("{\"decisions\": {\"plugin\": [\"signSuccessCb\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(ended.errors()).as("%s", ended).singleElement().asString().contains("by the end of the run");
    }

    @Test
    void jumpToNeedsAnAbsolutePathAndAnEmptySendNavigatePathDoesNothing() {
        TestApp.Run relative = app("let ch; wx.navigateTo({ url: 'plugin://qys/doc?ticket=T&hasCb=true',"
                + " events: { signSuccessCb() { ch.emit('jumpTo', 'pages/next/next'); } }, success(r) { ch = r.eventChannel; } });")
                .run("{\"decisions\": {\"plugin\": [\"signSuccessCb\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(relative.errors()).as("%s", relative).singleElement().asString()
                .startsWith("jumpTo(\"pages/next/next\"): the url must be an absolute page path");
        TestApp.Run empty = app("wx.navigateTo({ url: 'plugin://qys/doc?ticket=T&hasCb=true',"
                + " success(r) { r.eventChannel.emit('sendNavigatePaths', { success: '', fail: null }); } });")
                .run("{\"decisions\": {\"plugin\": [\"signSuccessCb\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(empty.of("warning")).extracting(e -> e.str("message")).as("%s", empty).singleElement().asString()
                .contains("sendNavigatePaths gave an empty success path, so the plugin does nothing and stays");
        assertThat(empty.last().get("pages")).isEqualTo(List.of("pages/a/a", "plugin://qys/doc"));
    }

    @Test
    void pluginPagesCountTowardsTheTenPageLimit() {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            steps.append("{\"call\": \"go\"},");
        }
        TestApp.Run run = TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\"], \"plugins\": {\"qys\": {\"provider\": \"wxaf8f505686ddf66a\"}}}")
                .file("pages/a/a.js", "Page({ go() { wx.navigateTo({ url: '/pages/a/a' }); },"
                        + " plugin() { wx.navigateTo({ url: 'plugin://qys/doc?ticket=T', fail: (e) => console.log(e.errMsg) }); } });")
                .run("{\"steps\": [" + steps + "{\"call\": \"plugin\"}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("navigateTo:fail webview count limit exceed");
        assertThat((List<?>) run.last().get("pages")).hasSize(10);
        assertThat(run.of("prompt")).isEmpty();
    }

    @Test
    void aDecisionThePluginPageCannotFinishWithIsAnErrorOfTheRun() {
        TestApp.Run run = app("wx.navigateTo({ url: 'plugin://qys/personal-auth?ticket=T&hasCb=true' });")
                .run("{\"decisions\": {\"plugin\": [\"signSuccessCb\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(run.errors()).as("%s", run).singleElement().asString()
                .endsWith("qyssdk-plugin/personal-auth finishes with authSuccessCb, authFailCb, or back");
    }
}
