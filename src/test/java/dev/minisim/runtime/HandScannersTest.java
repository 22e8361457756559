package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.runtime.PoisonedBuiltinsTest.BareHost;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 ("avoid RegExp/TRegex in bootstrap"): the bootstrap's regular expressions that ran in
 * every scenario (setData's path keys, the caller's file:line of every API call, console.log's
 * object keys) are hand scanners now (the caller's, in Java: CallerFrames); each must answer exactly
 * as its expression did.
 */
class HandScannersTest {

    @Test
    void theScannerSplitsEveryPathAsTheRegularExpressionDid() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value byRegex = js.context().eval("js", "(path) => { const parts = []; const re = /([^.[\\]]+)|\\[(\\d+)\\]/g; let m;"
                    + " while ((m = re.exec(path)) !== null) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);"
                    + " return JSON.stringify(parts); }");
            Value parsePath = js.internal("parsePath");
            String[] paths = {"a", "a.b", "list[0]", "list[12].name", "a.b[0].c[1][2]", "l.3", "a[x]", "a[]", "a[1",
                "a]b", "[0]", "[0].a", ".a..b.", "a[-1]", "a[01]", "a[1a]", "a[[1]]", "a.[2]", "", "[]", "]]", "名字.值[3]",
                "a b.c d", "😀.x[0]", "a[9999999999999999999]", "a[1][", "x.y]z[4]w"};
            for (String p : paths) {
                String scanned = js.context().eval("js", "JSON.stringify").execute(parsePath.execute(p)).asString();
                assertThat(scanned).as("'%s'", p).isEqualTo(byRegex.execute(p).asString());
            }
        }
    }

    @Test
    void theCallersFileAndLineAreFoundAsTheRegularExpressionFoundThem() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value byRegex = js.context().eval("js", "(line) => { const m = /\\(?([^()\\s]+):(\\d+):\\d+\\)?\\s*$/.exec(line);"
                    + " return m ? m[1] + ':' + m[2] : null; }");

            String[] lines = {"    at onSign (pages/index/index.js:12:5)", "    at pages/index/index.js:3:1", "    at <js> :program(app.js:1:1)",
                "    at f (minisim:bridge.js:40:7)", "Error", "    at x (C:/apps/a b/p.js:1:2)", "    at x (a.js:1:2) ", "at (a.js:1:2))",
                "a.js:1:2 )", "a.js:12:x", "a.js::3", ":1:2", "a:1:2:3", "x (y:1)", "", "  ", "(a.js:1:2)	 ", "a.js:1:2　",
                "名.js:7:8", "at f(a.js:1:2)", "a(b:1:2", "x y.js:3:4", "(:1:2)", "a.js:1:", "a.js:01:002"};
            for (String l : lines) {
                Value regex = byRegex.execute(l);
                assertThat(CallerFrames.frameOf(l)).as("'%s'", l).isEqualTo(regex.isNull() ? null : regex.asString());
            }
        }
    }

    /** SPEC: API and console calls carry their source position: the first frame that is not MiniSim's. */
    @Test
    void theCallerIsTheFirstFrameOutsideMiniSimsOwnScripts() {
        String stack = "Error\n    at rt.callerSource (minisim:inspect.js:262:12)\n    at callAsync (minisim:bridge.js:40:7)\n"
                + "    at Object.request (minisim:bridge.js:98:48)\n    at onSign (pages/index/index.js:17:29)\n"
                + "    at minisim:framework.js:120:3";
        assertThat(CallerFrames.callerOf(stack)).isEqualTo("pages/index/index.js:17");
        assertThat(CallerFrames.callerOf("Error\n    at f (minisim:bridge.js:40:7)\n    at <js> :program(minisim:x.js:1:1)")).isNull();
        assertThat(CallerFrames.callerOf("Error: pages/a.js:1:2")).as("the message line is not a frame").isNull();
        assertThat(CallerFrames.callerOf("Error\n    at x (名字/页.js:3:4)\r")).isEqualTo("名字/页.js:3");
        assertThat(CallerFrames.callerOf("")).isNull();
        assertThat(CallerFrames.callerOf(null)).isNull();
    }

    @Test
    void identifierKeysAreTheOnesTheRegularExpressionAccepted() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value byRegex = js.context().eval("js", "(k) => /^[A-Za-z_$][\\w$]*$/.test(k)");
            Value isIdentifier = js.internal("isIdentifier");
            for (String k : new String[] {"a", "A1", "_x", "$", "$1_b", "1a", "", "a-b", "a b", "ä", "名字", "a\n", "__proto__", "9", "z_Z9$"}) {
                assertThat(isIdentifier.execute(k).asBoolean()).as("'%s'", k).isEqualTo(byRegex.execute(k).asBoolean());
            }
        }
    }

    @Test
    void cloudFactoriesAndObserverPathsAreTheOnesTheRegularExpressionsFound() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value factoryByRegex = js.context().eval("js", "(k) => /^(create[A-Z]\\w*|get\\w*(Manager|Context))$/.test(k)");
            Value isFactory = js.internal("isCloudFactory");
            for (String k : new String[] {"createCloudContext", "create", "createx", "createX", "create_X", "getManager", "getXManager",
                "getContext", "getFooContext", "getFooContext2", "get-Manager", "getmanager", "gets", "callFunction", "getTempFileURL",
                "xgetManager", "createX-y", "get_Context", "getContextManager", "createÄ", "getManagerContext"}) {
                assertThat(isFactory.execute(k).asBoolean()).as("'%s'", k).isEqualTo(factoryByRegex.execute(k).asBoolean());
            }
            Value dotsByRegex = js.context().eval("js", "(p) => p.replace(/\\[(\\d+)\\]/g, '.$1')");
            Value bracketsToDots = js.internal("bracketsToDots");
            for (String p : new String[] {"list[0].a", "a", "a[1][2]", "a[x]", "a[]", "a[1", "[3]", "a[12]b[3]", "a[[1]]", "a]1[", "", "x[0][y][1]"}) {
                assertThat(bracketsToDots.execute(p).asString()).as("'%s'", p).isEqualTo(dotsByRegex.execute(p).asString());
            }
        }
    }
}
