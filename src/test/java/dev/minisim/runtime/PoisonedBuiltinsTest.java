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
    void afterPoisoningNavigationEventChannelsModulesComponentsAndTheConsoleStillWork() {
        String opener = "// made before the poisoning, shown after it\n"
                + "const shown = [new Map([[1, 'a']]), new Set([2]), new Date(0), new Error('shown'), /re/g, [1, [2, [3]]]];\n"
                + "Page({\n"
                + "  poison() {\n"
                + poisonAll(poisonedSources())
                + "  },\n"
                + "  go() {\n"
                + "    const util = require('../../util.js');\n"
                + "    console.log('util', util.twice(21));\n"
                + "    console.log(shown[0], shown[1], shown[2], shown[3], shown[4], shown[5]);\n"
                + "    console.count(); console.count();\n"
                + "    queueMicrotask(() => console.log('microtask'));\n"
                + "    wx.nextTick(() => console.log('tick'));\n"
                + "    wx.getStorage({ key: 'missing' });\n"
                + "    wx.navigateTo({ url: '/pages/b/b?n=1', events: { done(v) { console.log('done', v.from, getCurrentPages().length); } },\n"
                + "      success: (res) => { res.eventChannel.emit('hi', { x: 2 }); } });\n"
                + "  },\n"
                + "});\n";
        String opened = "Component({\n"
                + "  properties: { n: Number },\n"
                + "  data: { seen: [] },\n"
                + "  lifetimes: { attached() { console.log('attached', this.data.n); } },\n"
                + "  methods: {\n"
                + "    onLoad() {\n"
                + "      const ch = this.getOpenerEventChannel();\n"
                + "      ch.on('hi', (v) => { this.setData({ 'seen[0]': v.x }); ch.emit('done', { from: 'b' }); });\n"
                + "    },\n"
                + "  },\n"
                + "});\n";
        // the module is required after the poisoning: modules.js loads it then
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a", "pages/b/b").file("pages/a/a.js", opener)
                .file("pages/b/b.js", opened)
                .file("util.js", "module.exports = { twice: (n) => n * 2 };")
                .run("{\"steps\": [{\"call\": \"poison\"}, {\"call\": \"go\"}, {\"wait\": 10}]}");

        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).hasSize(8);
        assertThat(run.logs().get(1)).as("%s", run)
                .startsWith("Map(1) {1 => \"a\"} Set(1) {2} 1970-01-01T00:00:00.000Z Error: shown\n    at ")
                .contains("(pages/a/a.js:2:").endsWith(" /re/g [1, [2, [3]]]");
        assertThat(run.logs()).as("%s", run).element(0).isEqualTo("util 42");
        assertThat(run.logs().subList(2, 8)).as("%s", run)
                .containsExactly("default: 1", "default: 2", "microtask", "tick", "attached 1", "done b 2");
        assertThat(run.of("warning")).as("%s", run).extracting(e -> e.str("message")).singleElement().asString()
                .startsWith("Uncaught (in promise) wx.getStorage failed");
        assertThat(run.of("setData")).as("%s", run).extracting(e -> String.valueOf(e.get("data")))
                .containsExactly("{seen[0]=2}");
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

    /** The transcript's JSON encoder is JSON.stringify wherever the data has nothing MiniSim replaces. */
    @Test
    void theTranscriptEncoderAgreesWithJsonStringifyOnPlainData() {
        try (JsRuntime js = new JsRuntime(new Object())) {
            Value samples = js.context().eval("js", "class Money { constructor(n) { this.n = n; } toJSON(k) { return k + ':' + this.n; } }\n"
                    + "const o = Object.create(null); o.z = 1;\n"
                    + "[{ a: 1, b: [1, 'x', null, true, { c: undefined, s: Symbol('s') }, undefined], d: new Date(0),"
                    + " e: new Date(NaN), n: NaN, i: -Infinity, z: -0, q: 'quote\\\"\\\\\\n\\u2028\\ud800',"
                    + " boxed: [new Number(3), new String('s'), new Boolean(false)], m: new Map([[1, 2]]), s: new Set([1]),"
                    + " o, money: new Money(5), list: [new Money(6)], own: { toJSON() { return [1, 2]; } }, 'k\\u0000': 'x',"
                    + " re: /x/g, err: new Error('e'), typed: new Uint8Array([1, 2]) },"
                    + " [], {}, 'text', 42, true, null, [undefined, Symbol('t')], new Date(86400000)]");
            Value encode = js.internal("toJson");
            Value stringify = js.context().eval("js", "(v) => JSON.stringify(v)");
            for (long i = 0; i < samples.getArraySize(); i++) {
                Value v = samples.getArrayElement(i);
                assertThat(encode.execute(v).asString()).as("sample %d", i).isEqualTo(stringify.execute(v).asString());
            }
        }
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
        for (String file : JsRuntime.BOOTSTRAP_FILES) {
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

    /**
     * A static guard for the convention at the top of primordials.js: after primordials, no
     * bootstrap file names a built-in global it did not take from rt.primordials, calls a
     * built-in method by property (list.push, fn.call, re.test, promise.catch ...) or walks an
     * array with for...of. Crude (a text scan without comments and strings), but it catches the
     * habit before a page does.
     */
    /**
     * Lines that name a built-in but run only while the bootstrap loads, before any page code:
     * bridge.js defines the my/wx globals (kept as they are for the namespace rewrite's branch).
     */
    private static final Set<String> BOOTSTRAP_TIME = Set.of(
            "bridge: Object.defineProperty(globalThis, '', { value: my, writable: true, configurable: true });",
            "bridge: Object.defineProperty(globalThis, '', { value: wx, writable: true, configurable: true });");

    @Test
    void noBootstrapFileReachesABuiltInByName() throws IOException {
        List<String> globals = List.of("Object", "Array", "JSON", "Promise", "Reflect", "Math", "Symbol", "Date", "Map",
                "Set", "WeakMap", "Proxy", "Error", "TypeError", "SyntaxError", "RangeError", "Number", "String",
                "Boolean", "RegExp", "Function", "parseInt", "parseFloat", "isNaN");
        Pattern method = Pattern.compile("\\.(call|apply|bind|push|pop|shift|unshift|slice|splice|map|filter|some|every|"
                + "reduce|join|concat|indexOf|includes|find|test|exec|replace|split|substring|charAt|then|catch|finally|"
                + "keys|values|entries|assign|defineProperty|freeze|parse|stringify|toString)\\(");
        List<String> problems = new ArrayList<>();
        for (String file : JsRuntime.BOOTSTRAP_FILES) {
            if (file.equals("primordials") || file.equals("setup")) {
                continue;   // both run before any page code, and setup only deletes globals
            }
            String code = read(file);
            Set<String> taken = new TreeSet<>();
            Matcher m = Pattern.compile("const \\{([^}]*)\\} = rt\\.primordials").matcher(code);
            while (m.find()) {
                for (String name : m.group(1).split(",")) {
                    String n = name.strip();
                    taken.add(n.contains(":") ? n.substring(n.indexOf(':') + 1).strip() : n);
                }
            }
            // the destructuring itself names the built-ins: blank it, keeping the line numbers
            Matcher block = Pattern.compile("const \\{[^}]*\\} = rt\\.primordials;").matcher(code);
            code = block.replaceAll(r -> r.group().replaceAll("[^\\n]", " "));
            String[] lines = code.replaceAll("//[^\\n]*", "").replaceAll("'(?:[^'\\\\\\n]|\\\\.)*'", "''").split("\\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (BOOTSTRAP_TIME.contains(file + ": " + line.strip())) {
                    continue;
                }
                for (String g : globals) {
                    Matcher use = Pattern.compile("(?<![\\w.$])" + g + "\\b").matcher(line);
                    while (use.find()) {
                        boolean member = line.startsWith(".", use.end());
                        // a destructured constructor may be called or compared, not searched for members
                        if (!taken.contains(g) || member) {
                            problems.add(file + ".js:" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
                Matcher call = method.matcher(line);
                if (call.find()) {
                    problems.add(file + ".js:" + (i + 1) + ": " + line.strip());
                }
                if (line.matches(".*for \\((const|let|var) [^;]* of .*")) {
                    problems.add(file + ".js:" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(problems).as("built-ins reached by name instead of through rt.primordials").isEmpty();
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
