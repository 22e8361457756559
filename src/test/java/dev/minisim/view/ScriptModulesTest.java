package dev.minisim.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC "Pages on screen": WXS (inline and src) and SJS (import-sjs, export default), isolated, ES5 + getDate/getRegExp. */
class ScriptModulesTest {

    @Test
    @DisplayName("WXS inline and src modules, with require of another .wxs; calls take and return data")
    void wxsModules() {
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<wxs module=\"fmt\" src=\"../../utils/fmt.wxs\"/>\n"
                        + "<wxs module=\"inl\">module.exports = { twice: function (x) { return x * 2; }, k: 'K' };</wxs>\n"
                        + "<text>{{fmt.price(cents)}} {{inl.twice(n)}} {{inl.k}} {{fmt.names(list).length}}</text>")
                .file("utils/fmt.wxs", "var money = require('./money.wxs');\n"
                        + "module.exports = { price: function (c) { return money.yuan(c); },\n"
                        + " names: function (l) { return l.map(function (o) { return o.name; }); } };")
                .file("utils/money.wxs", "module.exports.yuan = function (c) { return '¥' + (c / 100).toFixed(2); };");
        VElement root = f.open("pages/p/p.wxml", "{'cents': 1234, 'n': 21, 'list': [{'name': 'a'}, {'name': 'b'}]}");
        assertThat(root.text()).isEqualTo("¥12.34 42 K 2");
        assertThat(f.diagnostics).isEmpty();
    }

    @Test
    @DisplayName("issue #9 Speed: data passed to a module call arrives as it is (JSON in one parse, or member by member)")
    void dataArgumentsArriveAsTheyAre() {
        // each argument: its own keys in order, its values' types, integers as integers, escapes kept;
        // a function or undefined inside (not JSON) takes the member-by-member way with the same result
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<wxs module=\"m\">module.exports = { d: function (v) {\n"
                        + " if (typeof v === 'function') return 'fn';\n"
                        + " if (v === null || typeof v !== 'object') return typeof v + ':' + (typeof v === 'string' ? JSON.stringify(v) : v);\n"
                        + " var keys = Object.keys(v), out = [];\n"
                        + " for (var i = 0; i < keys.length; i++) out.push(keys[i] + '=' + module.exports.d(v[keys[i]]));\n"
                        + " return (Array.isArray(v) ? 'A' : 'O') + '(' + out.join(',') + ')'; } };</wxs>\n"
                        + "<text>{{m.d(plain)}}|{{m.d([withFn, m.d])}}</text>");
        VElement root = f.open("pages/p/p.wxml", "{'plain': {'b': [1, 2.5, -3, 1e20, true, null], 'a': 'q\\\"\\\\\\n\\u0001é', '10': {}},"
                + " 'withFn': {'x': [1, 'y'], 'k': 2}}");
        assertThat(root.text()).isEqualTo("O(10=O(),b=A(0=number:1,1=number:2.5,2=number:-3,3=number:100000000000000000000,"
                + "4=boolean:true,5=object:null),a=string:\"q\\\"\\\\\\n\\u0001é\")|A(0=O(x=A(0=number:1,1=string:\"y\"),k=number:2),1=fn)");
        assertThat(f.diagnostics).isEmpty();
    }

    @Test
    @DisplayName("issue #9 Speed: one data object is one JS value in the calls of one render, a fresh one in the next")
    void oneObjectIsOneValueWithinARender() {
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<wxs module=\"m\">module.exports = { seen: function (o) {"
                        + " o.calls = (o.calls || 0) + 1; return o.calls; } };</wxs>"
                        + "<text>{{m.seen(obj)}} {{m.seen(obj)}} {{m.seen(other)}}</text>");
        assertThat(f.open("pages/p/p.wxml", "{'obj': {'a': 1}, 'other': {'a': 1}}").text()).isEqualTo("1 2 1");
        assertThat(f.update("page", "{'obj': {'a': 2}, 'other': {'a': 1}}").text()).isEqualTo("1 2 1");
    }

    @Test
    @DisplayName("issue #10: in WXS x.constructor is the type name ('Array', 'Object', ...), so a class helper required across files can tell arrays from objects")
    void wxsConstructorIsTheTypeName() {
        // a block-element-modifier class helper of our own: 'kind' checks constructor across a require,
        // 'flags' lists an object's keys from JSON.stringify; strings and comments naming .constructor stay as written
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<wxs module=\"cls\" src=\"../../wxs/cls.wxs\"/>\n"
                        + "<view class=\"{{cls.block('btn', [kind, size, { wide: wide, off: off }])}}\">"
                        + "{{cls.names([[], {}, 'a', 1, true, cls.block, null])}}</view>")
                .file("wxs/kind.wxs", "// x.constructor in a comment\n"
                        + "module.exports = { list: function (v) { return !!v && v\n  .constructor === 'Array'; },\n"
                        + " text: '.constructor' };")
                .file("wxs/cls.wxs", "var kind = require('./kind.wxs');\n"
                        + "function flags(o) { return JSON.stringify(o).replace(getRegExp('[{}\"]', 'g'), '').split(',')"
                        + ".filter(function (p) { return p.split(':')[1] === 'true'; }).map(function (p) { return p.split(':')[0]; }); }\n"
                        + "function walk(out, c) { if (!c) return;\n"
                        + " if (typeof c === 'string') out.push(c);\n"
                        + " else if (kind.list(c)) c.forEach(function (x) { walk(out, x); });\n"
                        + " else if (c.constructor === 'Object') flags(c).forEach(function (k) { out.push(k); }); }\n"
                        + "module.exports = {\n"
                        + " block: function (name, conf) { var mods = []; walk(mods, conf);"
                        + " return [name].concat(mods.map(function (m) { return name + '--' + m; })).join(' '); },\n"
                        + " names: function (l) { return l.map(function (x) { return x == null ? 'null' : x.constructor; }).join(',') + kind.text; } };");
        VElement root = f.open("pages/p/p.wxml", "{'kind': 'primary', 'size': '', 'wide': true, 'off': false}");
        VElement view = (VElement) root.children().get(0);
        assertThat(view.attr("class")).isEqualTo("btn btn--primary btn--wide");
        assertThat(view.text()).isEqualTo("Array,Object,String,Number,Boolean,Function,null.constructor");
        assertThat(f.diagnostics).isEmpty();
    }

    @Test
    @DisplayName("issue #10: a WXS string keeps the backslash of an escape JS does not define, so getRegExp('\\\\d+') matches digits")
    void wxsUnknownEscapesKeepTheirBackslash() {
        // a unit helper of our own: a bare number gets 'px', a length with a unit stays; JS escapes keep their meaning
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<wxs module=\"u\" src=\"/u.wxs\"/>"
                        + "<text>{{u.px(12)}} {{u.px('1.5')}} {{u.px('3em')}} {{u.esc}}</text>")
                .file("u.wxs", "var NUM = getRegExp('^-?\\d+(\\.\\d+)?$');\n"
                        + "module.exports = { px: function (v) { return NUM.test('' + v) ? v + 'px' : v; },\n"
                        + " esc: [\"a\\x42c\", 'it\\'s', '\\u0041', \"\\\\s\"].join('|') };");
        assertThat(f.open("pages/p/p.wxml", "{}").text()).isEqualTo("12px 1.5px 3em aBc|it's|A|\\s");
        assertThat(f.diagnostics).isEmpty();
    }

    @Test
    @DisplayName("WXS has getDate() and getRegExp()")
    void wxsGlobals() {
        VElement root = ViewFixture.render("<wxs module=\"d\">module.exports = {\n"
                + " y: function (t) { return getDate(t).getUTCFullYear(); },\n"
                + " ok: function (s) { return getRegExp('^a+$', 'i').test(s); } };</wxs>"
                + "<text>{{d.y(0)}} {{d.ok('AAA')}} {{d.ok('b')}}</text>", "{}");
        assertThat(root.text()).isEqualTo("1970 true false");
    }

    @Test
    @DisplayName("Alipay SJS: <import-sjs name from>, export default, import of another .sjs")
    void sjsModules() {
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.axml", "<import-sjs name=\"u\" from=\"./u.sjs\"/><text>{{u.label(3)}}</text>")
                .file("pages/p/u.sjs", "import base from '/lib/base.sjs';\nexport default { label: (n) => base.prefix + n };")
                .file("lib/base.sjs", "export default { prefix: 'No.' };");
        VElement root = f.open("pages/p/p.axml", "{}");
        assertThat(root.text()).isEqualTo("No.3");
        assertThat(f.diagnostics).isEmpty();
    }

    @Test
    @DisplayName("modules are isolated from the page's JS world and from each other; no Java reachable")
    void isolation() {
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<wxs module=\"a\">globalThis.leak = 1; module.exports = { t: function () {"
                        + " return [typeof wx, typeof my, typeof Page, typeof Java, typeof require('x')].join(','); } };</wxs>"
                        + "<wxs module=\"b\">module.exports = { t: function () { return typeof leak; } };</wxs>"
                        + "<text>{{a.t()}}|{{b.t()}}</text>");
        VElement root = f.open("pages/p/p.wxml", "{}");
        // require of a module that does not exist throws inside the call: the call renders empty
        assertThat(root.text()).isEqualTo("|undefined");
        assertThat(f.diagnostics).anySatisfy(d -> assertThat(d.message()).contains("cannot find module 'x'"));
        ViewFixture g = new ViewFixture().file("pages/p/p.wxml", "<wxs module=\"a\">module.exports = { t: function () {"
                + " return [typeof wx, typeof my, typeof Page, typeof Java, typeof getApp].join(','); } };</wxs><text>{{a.t()}}</text>");
        assertThat(g.open("pages/p/p.wxml", "{}").text()).isEqualTo("undefined,undefined,undefined,undefined,undefined");
    }

    @Test
    @DisplayName("a module that throws: a warning with file:line, the page still renders")
    void throwingModule() {
        ViewFixture f = new ViewFixture()
                .file("pages/p/p.wxml", "<wxs module=\"m\" src=\"m.wxs\"/><text>a{{m.boom()}}b</text>")
                .file("pages/p/m.wxs", "module.exports = {\n boom: function () {\n throw new Error('nope'); } };");
        VElement root = f.open("pages/p/p.wxml", "{}");
        assertThat(root.text()).isEqualTo("ab");
        assertThat(f.diagnostics).anySatisfy(d -> {
            assertThat(d.source()).isEqualTo("pages/p/p.wxml:1");
            assertThat(d.message()).contains("nope").contains("pages/p/m.wxs:3");
        });
    }

    @Test
    @DisplayName("a module call that never ends is stopped; the page renders and later calls give undefined at once")
    void endlessLoop() {
        ViewFixture f = new ViewFixture().file("pages/p/p.wxml", "<wxs module=\"m\">module.exports = { spin: function () {"
                + " while (true) {} }, ok: function () { return 'ok'; } };</wxs>"
                + "<text wx:for=\"{{3}}\">[{{m.spin()}}]</text><text>{{m.ok()}}</text>");
        VElement root = f.open("pages/p/p.wxml", "{}");
        assertThat(root.text()).isEqualTo("[][][]");
        assertThat(f.diagnostics).anySatisfy(d -> assertThat(d.message()).contains("was stopped (an endless loop?)"));
    }

    @Test
    @DisplayName("a module file that is missing: an error naming it, and its calls say the module did not load")
    void missingModule() {
        ViewFixture f = new ViewFixture().file("pages/p/p.axml", "<import-sjs name=\"u\" from=\"./u.sjs\"/>\n<text>[{{u.f(1)}}]</text>");
        VElement root = f.open("pages/p/p.axml", "{}");
        assertThat(root.text()).isEqualTo("[]");
        assertThat(f.diagnostics).extracting(Diagnostic::toString).containsExactly(
                "pages/p/p.axml:1: warning: module pages/p/u.sjs not found",
                "pages/p/p.axml:2: warning: u.f(1) calls module u, which did not load or has no such function (it renders empty)");
    }

    @Test
    @DisplayName("a module whose exports refer to themselves still loads: a cycle becomes null, shared objects are copied")
    void cyclicExports() {
        VElement root = ViewFixture.render("<wxs module=\"m\">var s = { k: 's' }; var u = { k: 'v', s1: s, s2: s };"
                + " u.a = u; u.b = u; u.c = [u, u]; module.exports = u;</wxs>"
                + "<text>{{m.k}}|{{m.a}}|{{m.c.length}}|{{m.s1.k}}{{m.s2.k}}</text>", "{}");
        assertThat(root.text()).isEqualTo("v||2|ss");
    }
}
