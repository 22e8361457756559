package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8, part 4: "The plumbing captures the built-ins it uses once, before any app code runs
 * (as Node's primordials do), so a page that poisons JSON, Promise.prototype.then,
 * Array.prototype.push or Object.prototype.toJSON breaks only itself: JSAPI callbacks are still
 * delivered, later steps still call the page, the transcript still ends with end. A test poisons
 * every built-in the plumbing uses." The list poisoned is primordials.js's own, so it stays in
 * sync with what the bootstrap captures.
 */
class PoisonedBuiltinsTest {

    private static final List<String> BOOTSTRAP = List.of("primordials", "inspect", "console", "timers", "random",
            "modules", "framework", "components", "event-channel", "bridge", "cloud", "managers", "selector-query", "setup");

    @TempDir
    Path dir;

    /** "owner member" pairs, as primordials.js lists them (rt.primordialSources). */
    private static List<String> poisonedSources() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value list = js.internal("primordialSources");
            List<String> out = new ArrayList<>();
            for (long i = 0; i < list.getArraySize(); i++) {
                out.add(list.getArrayElement(i).asString());
            }
            return out;
        }
    }

    /** Page code that overwrites each listed built-in with a function that throws. */
    private static String poisonAll(List<String> sources) {
        StringBuilder js = new StringBuilder()
                .append("    const def = Object.defineProperty, E = Error, ITER = Symbol.iterator;\n")
                .append("    const ARRAY_ITERATOR = Object.getPrototypeOf([][Symbol.iterator]());\n")
                .append("    const poison = (owner, key, label) => def(owner, key, { configurable: true, writable: true,\n")
                .append("      value: function poisoned() { throw new E('poisoned ' + label); } });\n")
                // every owner is looked up before anything is poisoned (Object itself is on the list)
                .append("    const targets = [\n");
        for (String s : sources) {
            String owner = s.substring(0, s.indexOf(' '));
            String member = s.substring(s.indexOf(' ') + 1);
            String ownerJs = owner.equals("%ArrayIteratorPrototype%") ? "ARRAY_ITERATOR" : owner;
            String keyJs = member.equals("@@iterator") ? "ITER" : "'" + member + "'";
            js.append("      [").append(ownerJs).append(", ").append(keyJs).append(", '").append(s).append("'],\n");
        }
        return js.append("    ];\n")
                .append("    for (let i = 0; i < targets.length; i++) poison(targets[i][0], targets[i][1], targets[i][2]);\n")
                .toString();
    }

    @Test
    void theListCoversWhatTheBugReportNamed() {
        assertThat(poisonedSources()).contains("JSON parse", "JSON stringify", "Promise.prototype then",
                "Array.prototype push", "Object.prototype toJSON", "Object keys", "Function.prototype call",
                "Function.prototype apply", "Function.prototype bind", "Map.prototype get", "Map.prototype set",
                "Reflect apply", "Object assign", "Object defineProperty", "RegExp.prototype exec",
                "Array.prototype @@iterator", "globalThis Promise", "globalThis Map");
    }

    @Test
    void aPageThatPoisonsEveryBuiltInThePlumbingUsesBreaksOnlyItself() {
        String page = "Page({\n"
                + "  data: { step: 'start' },\n"
                + "  onLoad() { my.setStorageSync({ key: 'k', data: 'stored' }); },\n"
                + "  poison() {\n"
                + poisonAll(poisonedSources())
                + "    console.log('poisoned', { a: [1, 'x'], d: undefined });\n"
                + "    const info = my.getSystemInfoSync();\n"
                + "    console.log('system', typeof info, typeof info.platform);\n"
                + "    my.getStorage({ key: 'k', success: (res) => { console.log('storage', res.data); } });\n"
                + "    my.request({ url: 'https://api.example/x', success: (r) => { console.log('request', r.status, r.data.n); } });\n"
                + "    setTimeout(() => { console.log('timer'); }, 10);\n"
                + "    this.setData({ step: 'poisoned', list: [1, 2] });\n"
                + "  },\n"
                + "  after() { console.log('after'); this.setData({ step: 'after' }); },\n"
                + "});\n";
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js", page)
                .run("{\"requests\": [{\"url\": \"https://api.example/x\", \"data\": {\"n\": 7}}],"
                        + " \"steps\": [{\"call\": \"poison\"}, {\"call\": \"after\"}, {\"wait\": 100}]}");

        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("poisoned {a: [1, \"x\"], d: undefined}",
                "system object string", "storage stored", "request 200 7", "after", "timer");
        assertThat(run.of("setData")).as("%s", run).extracting(e -> String.valueOf(e.get("data")))
                .containsExactly("{step=poisoned, list=[1, 2]}", "{step=after}");
        assertThat(run.of("callback")).as("%s", run).extracting(e -> e.str("api") + " " + e.str("callback"))
                .containsExactly("getStorage success", "request success");
        assertThat(run.last().type()).isEqualTo("end");
        assertThat(run.last().get("status")).as("%s", run).isEqualTo("ok");
    }

    @Test
    void aPoisonedToJsonOnEveryObjectDoesNotReachTheTranscriptButTheDataOwnToJsonDoes() {
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js", "Page({ go() {\n"
                + "  Object.prototype.toJSON = () => 'POISON';\n"
                + "  Array.prototype.toJSON = () => 'POISON';\n"
                + "  JSON.stringify = () => { throw new Error('poisoned stringify'); };\n"
                + "  const own = { secret: 1, toJSON() { return { shown: true }; } };\n"
                + "  this.setData({ list: [1, { b: 2 }], own, when: new Date(0) });\n"
                + "} });").calling("go");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(String.valueOf(run.of("setData").get(0).get("data")))
                .isEqualTo("{list=[1, {b=2}], own={shown=true}, when=1970-01-01T00:00:00.000Z}");
    }

    /** Every name a bootstrap file takes from rt.primordials exists there (a typo fails here, not in a page). */
    @Test
    void everyNameTheBootstrapTakesFromPrimordialsIsCaptured() throws IOException {
        Set<String> captured = new TreeSet<>();
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value p = js.context().eval("js", "(p) => Object.keys(p)").execute(js.internal("primordials"));
            for (long i = 0; i < p.getArraySize(); i++) {
                captured.add(p.getArrayElement(i).asString());
            }
        }
        Pattern taken = Pattern.compile("const \\{([^}]*)\\} = rt\\.primordials");
        Set<String> used = new TreeSet<>();
        for (String file : BOOTSTRAP) {
            Matcher m = taken.matcher(read(file));
            while (m.find()) {
                for (String name : m.group(1).split(",")) {
                    String n = name.strip().split(":")[0].strip();
                    if (!n.isEmpty()) {
                        used.add(n);
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(captured).containsAll(used);
    }

    private static String read(String file) throws IOException {
        try (InputStream in = JsRuntime.class.getResourceAsStream("js/" + file + ".js")) {
            assertThat(in).as("bootstrap file %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The least a host must answer for the bootstrap to load: which namespace, and no API in it. */
    public static final class BareHost {
        @org.graalvm.polyglot.HostAccess.Export
        public String namespace() {
            return "wx";
        }

        @org.graalvm.polyglot.HostAccess.Export
        public String apiTable(String ns) {
            return "{}";
        }
    }
}
