package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.runtime.PoisonedBuiltinsTest.BareHost;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #9 "Speed" (a page whose initial data is big mounts in seconds): rt.toJson goes through
 * the engine's native JSON.stringify when that gives the same result, and through the careful
 * interpreted encoder otherwise; these pin that the result is the careful one in every case the
 * native way would change. The per-instance copy of a definition's data (deepClone) is pinned
 * too: a JSON copy was tried for it and measured no faster in a cold run (docs/notes-issue-mount.md).
 */
class NativeJsonPathsTest {

    private static String toJson(JsRuntime js, String expr) {
        return js.internal("toJson").execute(js.context().eval("js", "(" + expr + ")")).asString();
    }

    @Test
    @DisplayName("toJson: functions, bigints, cycles, an EventChannel-like tag and dates read as the careful encoder writes them")
    void toJsonKeepsTheTranscriptsReplacements() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            assertThat(toJson(js, "{ f() {}, n: 12345678901234567890n, l: [() => 1, undefined], d: new Date(0), x: NaN }"))
                    .isEqualTo("{\"f\":\"[Function]\",\"n\":\"12345678901234567890\",\"l\":[\"[Function]\",null],"
                            + "\"d\":\"1970-01-01T00:00:00.000Z\",\"x\":null}");
            assertThat(toJson(js, "(() => { const o = { a: 1, list: [] }; o.list.push(o); o.self = o; return o; })()"))
                    .isEqualTo("{\"a\":1,\"list\":[\"[Circular]\"],\"self\":\"[Circular]\"}");
            // the same object twice, not inside itself, is no cycle
            assertThat(toJson(js, "(() => { const s = { k: 1 }; return [s, s]; })()")).isEqualTo("[{\"k\":1},{\"k\":1}]");
            assertThat(toJson(js, "undefined")).isEqualTo("null");
            assertThat(toJson(js, "() => 1")).isEqualTo("\"[Function]\"");
        }
    }

    @Test
    @DisplayName("toJson: a page that changes what JSON.stringify looks up on the built-ins does not change the transcript")
    void toJsonIgnoresChangedBuiltIns() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            js.context().eval("js", "Date.prototype.toISOString = () => 'POISON';"
                    + "Number.prototype.valueOf = () => 666; String.prototype.toString = () => 'POISON';"
                    + "Date.prototype.toJSON = () => 'POISON'; BigInt.prototype.toJSON = () => 'POISON';");
            assertThat(toJson(js, "{ d: new Date(0), n: new Number(3), s: new String('s'), b: 5n }"))
                    .isEqualTo("{\"d\":\"1970-01-01T00:00:00.000Z\",\"n\":3,\"s\":\"s\",\"b\":\"5\"}");
        }
    }

    /** One value that each of the built-ins below changes, were the native way taken. */
    private static final String EVERY_KIND = "{ o: {}, a: [1], f() {}, b: 5n, d: new Date(0), n: new Number(3), s: new String('s') }";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Object.prototype.toJSON = () => 'POISON'",
        "Array.prototype.toJSON = () => 'POISON'",
        "Function.prototype.toJSON = () => 'POISON'",
        "BigInt.prototype.toJSON = () => 'POISON'",
        "Date.prototype.toJSON = () => 'POISON'",
        "Date.prototype.toISOString = () => 'POISON'",
        "Date.prototype.valueOf = () => NaN",
        // not writable: defined
        "Object.defineProperty(Date.prototype, Symbol.toPrimitive, { value: () => NaN })",
        "Number.prototype.valueOf = () => 666",
        "Number.prototype[Symbol.toPrimitive] = () => 666",
        "String.prototype.toString = () => 'POISON'",
        "String.prototype[Symbol.toPrimitive] = () => 'POISON'",
    })
    @DisplayName("toJson: each built-in JSON.stringify looks up, changed alone, sends it to the careful encoder")
    void eachLookedUpBuiltInAlone(String change) {
        // the fast path's check reads the fourteen one by one (inspect.js, builtInsAsBooted): each that
        // JSON.stringify can be seen to use alone is pinned here (Number's toString and String's valueOf
        // are asked only after the other one failed, so they are checked but cannot be seen alone)
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            String before = toJson(js, EVERY_KIND);
            assertThat(before).isEqualTo("{\"o\":{},\"a\":[1],\"f\":\"[Function]\",\"b\":\"5\","
                    + "\"d\":\"1970-01-01T00:00:00.000Z\",\"n\":3,\"s\":\"s\"}");
            js.context().eval("js", change);
            assertThat(toJson(js, EVERY_KIND)).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("deepClone: JSON-like data is copied whole; two copies share nothing")
    void deepCloneOfPlainData() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value check = js.context().eval("js", "(clone) => {"
                    + " const src = JSON.parse('{\"list\": [{\"id\": 1, \"tags\": [\"a\"], \"info\": {\"ok\": true, \"n\": null}}],"
                    + " \"s\": \"x\", \"__proto__\": {\"p\": 1}}');"
                    + " const a = clone(src), b = clone(src);"
                    + " a.list[0].tags.push('b'); a.list[0].info.ok = false; a.__proto__.p = 2;"
                    + " return [JSON.stringify(b), JSON.stringify(src), a.list !== src.list, Object.keys(a).join(','),"
                    + "   Object.getPrototypeOf(a) === Object.prototype].join('|'); }");
            String original = "{\"list\":[{\"id\":1,\"tags\":[\"a\"],\"info\":{\"ok\":true,\"n\":null}}],\"s\":\"x\",\"__proto__\":{\"p\":1}}";
            assertThat(check.execute(js.internal("deepClone")).asString())
                    .isEqualTo(original + "|" + original + "|true|list,s,__proto__|true");
        }
    }

    @Test
    @DisplayName("deepClone: what JSON would change is copied as it is (dates, functions, undefined, NaN, -0, holes, sharing, classes)")
    void deepCloneOfWhatJsonWouldChange() {
        try (JsRuntime js = new JsRuntime(new BareHost())) {
            Value check = js.context().eval("js", "(clone) => {"
                    + " const shared = { k: 1 }; class P { constructor() { this.v = 1; } }; const f = () => 1;"
                    + " const cases = [{ d: new Date(5) }, { f }, { u: undefined }, { n: NaN }, { z: -0 }, { i: Infinity },"
                    + "   { h: [1, , 3] }, { a: shared, b: shared }, { p: new P() }, { r: /x/g }, { big: 1n },"
                    + "   Object.assign([1], { extra: 2 })];"
                    + " const out = [];"
                    + " for (const c of cases) {"
                    + "   const x = clone(c);"
                    + "   out.push(x.d instanceof Date && x.d.getTime() === 5 && x.d !== c.d"
                    + "     || x.f === f || ('u' in x && x.u === undefined) || Number.isNaN(x.n) || Object.is(x.z, -0) || x.i === Infinity"
                    + "     || (x.h && x.h.length === 3 && !(1 in x.h)) || (x.a && x.a === x.b && x.a !== shared)"
                    + "     || (x.p && x.p.v === 1 && x.p !== c.p) || x.r === c.r || x.big === 1n || (x.extra === 2 && x.length === 1));"
                    + " }"
                    + " const cyc = { n: 1 }; cyc.self = cyc; const y = clone(cyc);"
                    + " out.push(y.self === y && y !== cyc);"
                    + " return out.join(','); }");
            assertThat(check.execute(js.internal("deepClone")).asString())
                    .isEqualTo("true,true,true,true,true,true,true,true,true,true,true,true,true");
        }
    }
}
