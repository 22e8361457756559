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
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a", "pages/b/b").file("project.config.json", "{}")
                .file("pages/a/a.js", opener)
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

    /**
     * Issue #8, part 4, "breaks only itself", for what a user does on the screen: after the page
     * poisons every built-in the plumbing uses, a WeChat custom component (properties with type and
     * observer, observers, lifetimes, triggerEvent to the page, setData with a callback) still
     * mounts and works, a tap still calls the page's handler, and a see step still finds the text
     * re-rendered. The component mounts after the poisoning (wx:if), so components.js runs under it
     * from the first line.
     */
    @Test
    void afterPoisoningTapsCustomComponentsAndSeeStillWork() {
        String page = "Page({\n"
                + "  data: { shown: false, title: 'A', count: 0 },\n"
                + "  poison() {\n"
                + poisonAll(poisonedSources())
                + "  },\n"
                + "  show() { this.setData({ shown: true }); },\n"
                + "  add() { console.log('add'); this.setData({ count: this.data.count + 1 }); },\n"
                + "  picked(e) {\n"
                + "    console.log('picked', e.detail.n, e.type, this.selectComponent('#card').data.title);\n"
                + "    this.setData({ title: 'B' + e.detail.n });\n"
                + "  },\n"
                + "});\n";
        String card = "Component({\n"
                + "  properties: { title: { type: String, value: '', observer(v, old) { console.log('title', old, '->', v); } },\n"
                + "                size: { type: Number, value: 1 } },\n"
                + "  data: { n: 0, label: '' },\n"
                + "  observers: { 'title, n'(title, n) { this.setData({ label: title + '/' + n }); } },\n"
                + "  lifetimes: { created() { console.log('created'); }, attached() { console.log('attached', this.data.title, this.data.size); } },\n"
                + "  methods: {\n"
                + "    pick() {\n"
                + "      this.setData({ n: this.data.n + 1 }, () => { console.log('set', this.data.n); });\n"
                + "      this.triggerEvent('pick', { n: this.data.n });\n"
                + "    },\n"
                + "  },\n"
                + "});\n";
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"/components/card/card\"}}")
                .file("pages/index/index.wxml", "<view id=\"count\">count: {{count}}</view>"
                        + "<button id=\"add\" bindtap=\"add\">+1</button>"
                        + "<my-card wx:if=\"{{shown}}\" id=\"card\" title=\"{{title}}\" size=\"{{3}}\" bind:pick=\"picked\"/>")
                .file("pages/index/index.js", page)
                .file("components/card/card.json", "{\"component\": true}")
                .file("components/card/card.wxml", "<view class=\"card\"><text id=\"title\">title {{title}}</text>"
                        + "<text id=\"label\">label {{label}}</text><button id=\"pick\" bindtap=\"pick\">pick</button></view>")
                .file("components/card/card.js", card)
                .run("""
                        {"steps": [{"call": "poison"},
                                   {"tap": "#add"}, {"see": {"selector": "#count", "text": "count: 1"}},
                                   {"call": "show"}, {"see": {"selector": "#title", "text": "title A"}},
                                   {"tap": "#pick"}, {"see": {"selector": "#title", "text": "title B1"}},
                                   {"see": {"selector": "#label", "text": "label B1/1"}}, {"wait": 10}]}""");

        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.logs()).as("%s", run).containsExactly("add", "created", "title  -> A", "attached A 3",
                "picked 1 pick A", "title A -> B1", "set 1");
        assertThat(run.of("event")).as("%s", run).extracting(e -> e.str("name") + ":" + e.str("handler"))
                .contains("tap:add", "tap:pick", "pick:picked");
        assertThat(run.last().get("status")).as("%s", run).isEqualTo("ok");
    }

    /**
     * The same for an Alipay component: props with defaults, an onXxx prop as the parent's
     * handler, didMount and didUpdate, after the page poisoned every built-in the plumbing uses.
     */
    @Test
    void afterPoisoningAnAlipayComponentStillCallsItsParentThroughItsOnProp() {
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index")
                .file("mini.project.json", "{}")
                .file("pages/index/index.json", "{\"usingComponents\": {\"counter\": \"/components/counter/counter\"}}")
                .file("pages/index/index.axml", "<counter a:if=\"{{shown}}\" start=\"{{5}}\" onBump=\"bumped\"/>")
                .file("pages/index/index.js", "Page({ data: { shown: false },\n"
                        + "  poison() {\n" + poisonAll(poisonedSources()) + "  },\n"
                        + "  show() { this.setData({ shown: true }); },\n"
                        + "  bumped(n) { console.log('bumped', n); } })")
                .file("components/counter/counter.axml", "<button onTap=\"inc\">count {{n}}</button>")
                .file("components/counter/counter.js", """
                        Component({
                          props: { start: 0, onBump: () => {} },
                          data: { n: 0 },
                          didMount() { this.setData({ n: this.props.start }); console.log('mounted'); },
                          didUpdate(prevProps, prevData) { console.log('updated from', prevData.n); },
                          methods: { inc() { this.setData({ n: this.data.n + 1 }); this.props.onBump(this.data.n); } }
                        })""")
                .run("{\"steps\": [{\"call\": \"poison\"}, {\"call\": \"show\"}, {\"see\": {\"text\": \"count 5\"}},"
                        + " {\"tap\": {\"text\": \"count 5\"}}, {\"see\": {\"text\": \"count 6\"}}]}");

        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.logs()).as("%s", run).containsSubsequence("mounted", "bumped 6");
        assertThat(run.of("event")).as("%s", run).anySatisfy(e -> {
            assertThat(e.str("name")).isEqualTo("onBump");
            assertThat(e.str("handler")).isEqualTo("bumped");
        });
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
        try (JsRuntime js = new JsRuntime(new BareHost())) {
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

    /**
     * primordials.js writes its object out as one literal (issue #11) and lists the same members in
     * captured() for the poisoning above: the two must agree, name for name, and each written-out
     * entry must be the built-in it is named after (a copy-paste slip would capture the wrong one).
     */
    @Test
    void theWrittenOutPrimordialsAreExactlyTheCapturedList() throws IOException {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value problems = js.context().eval("js", ""
                    + "(p, captured) => {\n"
                    + "  const problems = [];\n"
                    + "  const named = new Set(['ObjectPrototype', 'ArrayPrototype', 'PromisePrototype', 'ErrorPrototype',\n"
                    + "    'RegExpPrototype', 'DatePrototype', 'MapPrototype', 'SetPrototype', 'NumberPrototype', 'StringPrototype',\n"
                    + "    'BooleanPrototype', 'SymbolIterator', 'SymbolToPrimitive', 'FunctionPrototype', 'BigIntPrototype',\n"
                    + "    'TypeErrorPrototype', 'RangeErrorPrototype', 'SafeMap', 'SafeSet', 'SafeWeakMap']);\n"
                    + "  const cap = (n) => n[0].toUpperCase() + n.slice(1);\n"
                    + "  for (const [path, prefix, members] of captured) {\n"
                    + "    const owner = path.split('.').reduce((o, k) => o[k], globalThis);\n"
                    + "    for (const m of members) {\n"
                    + "      const d = Object.getOwnPropertyDescriptor(owner, m);\n"
                    + "      if (!d) { problems.push(path + '.' + m + ' does not exist'); continue; }\n"
                    + "      const name = prefix === '' ? m : prefix + (d.get ? 'Get' : '') + cap(m);\n"
                    + "      named.add(name);\n"
                    + "      const v = p[name];\n"
                    // constructors are compared by presence only: the clock replaces the global Date later
                    + "      if (prefix === '' ? v === undefined : typeof v !== 'function') problems.push(name + ' missing');\n"
                    + "    }\n"
                    + "  }\n"
                    + "  for (const k of Object.keys(p)) if (!named.has(k)) problems.push(k + ' is not in captured()');\n"
                    + "  return problems.join('\\n');\n"
                    + "}").execute(js.internal("primordials"), js.internal("primordialCaptured"));
            assertThat(problems.asString()).isEmpty();
        }
        // and each written-out entry takes the built-in it is named after
        Pattern entry = Pattern.compile("^ {4}(\\w+): (?:uncurryThis\\(([\\w.]+)\\.(\\w+)\\)"
                + "|uncurryThis\\(getter\\(([\\w.]+), '(\\w+)'\\)\\)|bind\\.call\\(([\\w.]+)\\.(\\w+), ([\\w.]+)\\)),$",
                Pattern.MULTILINE);
        Matcher m = entry.matcher(read("primordials"));
        int seen = 0;
        List<String> wrong = new ArrayList<>();
        while (m.find()) {
            seen++;
            String name = m.group(1);
            String expected;
            if (m.group(2) != null) {
                expected = prefixOf(m.group(2)) + capital(m.group(3));
            } else if (m.group(4) != null) {
                expected = prefixOf(m.group(4)) + "Get" + capital(m.group(5));
            } else {
                expected = m.group(6).equals(m.group(8)) ? prefixOf(m.group(6)) + capital(m.group(7)) : "(bound to " + m.group(8) + ")";
            }
            if (!name.equals(expected)) {
                wrong.add(m.group());
            }
        }
        assertThat(seen).as("entries of primordials.js's literal").isGreaterThan(70);
        assertThat(wrong).isEmpty();
    }

    /** 'Array.prototype' -> 'ArrayPrototype', the prefix of its names in primordials.js. */
    private static String prefixOf(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            out.append(capital(part));
        }
        return out.toString();
    }

    private static String capital(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
     * bridge.js defines the platform's namespace global (wx or my).
     */
    private static final Set<String> BOOTSTRAP_TIME = Set.of(
            "bridge: Object.defineProperty(globalThis, ns, { value: namespace(ns), writable: true, configurable: true });");

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

        @org.graalvm.polyglot.HostAccess.Export
        public String apiKind(String ns, String name) {
            return null;
        }

        @org.graalvm.polyglot.HostAccess.Export
        public String apiObjectNames(String ns) {
            return "[]";
        }

        @org.graalvm.polyglot.HostAccess.Export
        public String callerOf(String stack) {
            return CallerFrames.callerOf(stack);
        }
    }
}
