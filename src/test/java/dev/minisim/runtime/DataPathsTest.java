package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.runtime.PoisonedBuiltinsTest.BareHost;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 ("avoid RegExp/TRegex in bootstrap"): setData's path keys are split by a hand scanner
 * instead of {@code /([^.[\]]+)|\[(\d+)\]/g}; it must split every key exactly as that expression's
 * successive matches did.
 */
class DataPathsTest {

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
}
