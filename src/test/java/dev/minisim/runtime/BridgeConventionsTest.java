package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md, "Runtime conventions (both namespaces)". Navigation is the JSAPI used to exercise them. */
class BridgeConventionsTest {

    @TempDir
    Path dir;

    /** {@code body} run in a WeChat app (namespace {@code wx}). */
    private TestApp.Run run(String body) {
        return app(dir.resolve("wechat"), body).wechat().calling("go");
    }

    /** {@code body} run in an Alipay app (namespace {@code my}). */
    private TestApp.Run runAlipay(String body) {
        return app(dir.resolve("alipay"), body).alipay().calling("go");
    }

    private static TestApp app(Path folder, String body) {
        return TestApp.withPages(folder, "pages/a/a", "pages/b/b")
                .file("pages/a/a.js", "Page({ go() {\n" + body + "\n} });")
                .file("pages/b/b.js", "Page({});");
    }

    @Test
    void callbacksRunAsynchronouslySuccessThenCompleteWithTheSamePayload() {
        // "Callbacks run asynchronously, never inside the call: success or fail, then complete with the same payload"
        TestApp.Run run = run("let p;\nwx.navigateTo({ url: '/pages/b/b', success(r) { p = r; console.log('success', r.errMsg); },"
                + " complete(r) { console.log('complete', r === p); } });\nconsole.log('after call');");
        assertThat(run.logs()).as("%s", run).containsExactly("after call", "success navigateTo:ok", "complete true");
        assertThat(run.of("callback")).extracting(e -> e.get("callback")).containsExactly("success", "complete");
    }

    @Test
    void wxReturnsAPromiseOnlyWithoutCallbacks() {
        // "When none of success/fail/complete is given the call returns a Promise ... otherwise undefined"
        TestApp.Run run = run("const a = wx.navigateTo({ url: '/pages/b/b', success() {} });\n"
                + "const b = wx.navigateBack();\nconsole.log(typeof a, b instanceof Promise);\n"
                + "b.then(r => console.log('resolved', r.errMsg));");
        assertThat(run.logs()).as("%s", run).containsExactly("undefined true", "resolved navigateBack:ok");
        assertThat(run.of("promise")).extracting(e -> e.get("state")).containsExactly("resolved");
    }

    @Test
    void myAlwaysReturnsAPromiseAndItsFailPayloadHasErrorAndErrorMessage() {
        // "my.*: fail payloads are {error, errorMessage}. Every call also returns a Promise, with or without callbacks"
        TestApp.Run run = runAlipay("const p = my.navigateTo({ url: '/nowhere', fail(e) { console.log('fail', e.error, e.errorMessage); } });\n"
                + "console.log(p instanceof Promise);\np.catch(e => console.log('caught too', e.error));");
        assertThat(run.logs()).as("%s", run).containsExactly("true", "fail 3 page \"nowhere\" is not found", "caught too 3");
        assertThat(run.of("warning")).isEmpty();
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void aThrowingCallbackIsReportedToAppOnErrorAndCompleteStillRuns() {
        // "A callback that throws is reported as a script error of that page (and to App.onError if defined);
        //  it never stops the simulator or skips complete."
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a", "pages/b/b").wechat()
                .file("app.js", "App({ onError(msg) { console.log('onError:', msg.split('\\n')[0]); } });")
                .file("pages/a/a.js", "Page({ go() { wx.navigateTo({ url: '/pages/b/b',\n"
                        + "  success() { throw new Error('bad success'); },\n  complete() { console.log('complete ran'); } }); } });")
                .file("pages/b/b.js", "Page({});")
                .calling("go");
        assertThat(run.errors()).as("%s", run).containsExactly("Error: bad success (in wx.navigateTo success callback)");
        assertThat(run.of("error").get(0).get("source")).isEqualTo("pages/a/a.js:2");
        assertThat(run.of("error").get(0).get("page")).isEqualTo("pages/a/a");
        assertThat(run.logs()).containsExactly("onError: Error: bad success", "complete ran");
    }

    @Test
    void anUnheardJsapiRejectionIsAWarningButTheScriptsOwnIsAnError() {
        // "A JSAPI Promise that rejects while nobody listens ... is reported as a warning ...
        //  an unhandled rejection of the script's own Promise, is an error."
        TestApp.Run run = runAlipay("my.navigateTo({ url: '/nowhere' });\nPromise.reject(new Error('mine'));");
        assertThat(run.of("warning")).extracting(e -> e.str("message")).as("%s", run)
                .containsExactly("Uncaught (in promise) my.navigateTo failed: {error: 3, errorMessage: \"page \\\"nowhere\\\" is not found\"}");
        assertThat(run.errors()).containsExactly("Error: mine (in unhandled promise rejection)");
    }

    @Test
    void anUnsupportedApiFailsClearlyIsRecordedAndThePageKeepsRunning() {
        // "An API the simulator does not implement is present as a function that fails with
        //  'not supported in the simulator' and is listed in the transcript"
        TestApp.Run run = run("wx.openBluetoothAdapter({ fail: (e) => console.log(e.errMsg) });\n"
                + "try { wx.getBatteryInfoSync(); } catch (e) { console.log(e.message); }\nconsole.log('still here');");
        assertThat(run.logs()).as("%s", run).containsExactly("wx.getBatteryInfoSync is not supported in the simulator",
                "still here", "openBluetoothAdapter:fail not supported in the simulator");
        assertThat(run.of("warning")).extracting(e -> e.str("message")).containsExactly(
                "wx.openBluetoothAdapter is not supported in the simulator", "wx.getBatteryInfoSync is not supported in the simulator");
        assertThat(run.of("api")).extracting(e -> e.str("api")).containsExactly("openBluetoothAdapter", "getBatteryInfoSync");
    }

    @Test
    void anUnsupportedFactoryReturnsAnObjectThatWarnsAndChainsAndTheUpdateManagerHasNoUpdate() {
        // createIntersectionObserver: a factory MiniSim does not implement (createSelectorQuery is implemented)
        TestApp.Run run = run("const o = wx.createIntersectionObserver(this);\n"
                + "const r = o.relativeToViewport().observe('#a', (res) => console.log('never'));\n"
                + "console.log(r === o);\n"
                + "const um = wx.getUpdateManager();\n"
                + "um.onCheckForUpdate((res) => console.log('hasUpdate', res.hasUpdate));\n"
                + "um.onUpdateReady(() => console.log('never either'));");
        assertThat(run.logs()).as("%s", run).containsExactly("true", "hasUpdate false");
        assertThat(run.of("warning")).extracting(e -> e.str("message")).containsExactly(
                "wx.createIntersectionObserver is not supported in the simulator",
                "wx.createIntersectionObserver().relativeToViewport is not supported in the simulator",
                "wx.createIntersectionObserver().observe is not supported in the simulator");
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void theApiEventShowsArgumentsWithFunctionsAsPlaceholders() {
        TestApp.Run run = run("wx.navigateTo({ url: '/pages/b/b', success() {} });");
        assertThat(run.of("api").get(0).get("args"))
                .isEqualTo(java.util.Map.of("url", "/pages/b/b", "success", "[Function]"));
        assertThat(run.of("api").get(0).get("ns")).isEqualTo("wx");
        assertThat(run.of("api").get(0).get("page")).isEqualTo("pages/a/a");
    }

    @Test
    void thenableProbesOnTheNamespacesStayUndefined() {
        TestApp.Run run = run("console.log(typeof wx.then, typeof wx.toJSON, typeof wx.default, 'navigateTo' in wx);");
        assertThat(run.logs()).as("%s", run).isEqualTo(List.of("undefined undefined undefined true"));
        run = runAlipay("console.log(typeof my.then, typeof my.toJSON, typeof my.default, 'navigateTo' in my);");
        assertThat(run.logs()).as("%s", run).isEqualTo(List.of("undefined undefined undefined true"));
    }
}
