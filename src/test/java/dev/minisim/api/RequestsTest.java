package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #3: "my.request/wx.request/my.httpRequest answered from the scenario's requests ..." and CONTRACT.md "requests". */
class RequestsTest {

    @TempDir
    Path dir;

    /** {@code body} in an app of the platform whose namespace it calls ({@code wx.} or {@code my.} first). */
    private TestApp.Run run(String body, String requests) {
        boolean wechat = body.indexOf("wx.") >= 0 && (body.indexOf("my.") < 0 || body.indexOf("wx.") < body.indexOf("my."));
        TestApp app = TestApp.withPages(dir.resolve(wechat ? "w" : "a"), "pages/a/a");
        return (wechat ? app.wechat() : app.alipay()).file("pages/a/a.js", "Page({ go() {\n" + body + "\n} });")
                .run("{\"requests\": " + requests + ", \"steps\": [{\"call\": \"go\"}, {\"wait\": 1000}]}");
    }

    @Test
    void aMockWithoutQueryMatchesAnyQueryAndTheMethodMustMatch() {
        TestApp.Run run = run("wx.request({ url: 'https://api.example/items?page=2', success: (r) => console.log(r.statusCode, JSON.stringify(r.data), r.errMsg) });\n"
                + "wx.request({ url: 'https://api.example/items', method: 'POST', fail: (e) => console.log(e.errMsg) });",
                "[{\"url\": \"https://api.example/items\", \"data\": [1, 2]}]");
        assertThat(run.logs()).as("%s", run).containsExactly("200 [1,2] request:ok",
                "request:fail network error (no mock)");
        assertThat(run.of("request")).extracting(e -> e.get("status"), e -> e.get("error"), e -> e.get("mock"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(200, null, true),
                        org.assertj.core.groups.Tuple.tuple(null, "no mock", false));
        assertThat(run.of("warning")).extracting(e -> e.str("message")).singleElement().asString()
                .startsWith("no mock answers POST https://api.example/items; add {\"url\": \"https://api.example/items\", \"method\": \"POST\"");
    }

    @Test
    void myFailsForNon2xxWhileWxSucceedsWithTheStatus() {
        String mock = "[{\"url\": \"https://api.example/x\", \"status\": 404, \"data\": \"not here\"}]";
        TestApp.Run run = run("my.request({ url: 'https://api.example/x', fail: (e) => console.log('my', e.error, e.status, e.data) });\n"
                + "my.httpRequest({ url: 'https://api.example/x' }).catch((e) => console.log('http', e.error));", mock);
        assertThat(run.logs()).as("%s", run).containsExactly("my 19 404 not here", "http 19");
        run = run("wx.request({ url: 'https://api.example/x', success: (r) => console.log('wx', r.statusCode, r.data) });", mock);
        assertThat(run.logs()).as("%s", run).containsExactly("wx 404 not here");
    }

    @Test
    void aMockCanDelayAndFailLikeTheNetwork() {
        TestApp.Run run = run("const t = Date.now();\n"
                + "my.request({ url: 'https://slow.example/', success: () => console.log('after', Date.now() - t) });\n"
                + "my.request({ url: 'https://down.example/', fail: (e) => console.log(e.error, e.errorMessage) });",
                "[{\"url\": \"https://slow.example/\", \"delay\": 800}, {\"url\": \"https://down.example/\", \"error\": \"timeout\"}]");
        assertThat(run.logs()).as("%s", run).containsExactly("13 timeout", "after 800");
    }

    @Test
    void theNetworkIsNeverReachedWithoutAMockOrAnAllowedHost() {
        TestApp.Run run = run("my.request({ url: 'http://127.0.0.1:9/', fail: (e) => console.log(e.error) });", "[]");
        assertThat(run.logs()).as("%s", run).containsExactly("12");
        assertThat(run.of("request").get(0).get("error")).isEqualTo("no mock");
    }

    @Test
    void aRequestTaskCanBeAbortedAsInTheClients() {
        TestApp.Run run = run("const task = wx.request({ url: 'https://api.example/x', fail: (e) => console.log(e.errMsg) });\n"
                + "task.abort();", "[{\"url\": \"https://api.example/x\"}]");
        assertThat(run.logs()).as("%s", run).containsExactly("request:fail abort");
        run = run("const p = my.request({ url: 'https://api.example/x' });\np.abort();\n"
                + "p.catch((e) => console.log(e.error, e.errorMessage));", "[{\"url\": \"https://api.example/x\"}]");
        assertThat(run.logs()).as("%s", run).containsExactly("9 abort");
    }
}
