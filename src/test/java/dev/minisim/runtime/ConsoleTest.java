package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md: "console.log/info/warn/error/debug are captured with their page and source position ..." */
class ConsoleTest {

    @TempDir
    Path dir;

    @Test
    void argumentsAreFormattedAsADevtoolsConsoleWouldNeverAsObjectObject() {
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js",
                "Page({ onLoad() {\n  const o = { a: 1, 'b-c': [1, 'two', null, undefined], f() {} }; o.self = o;\n"
                        + "  console.log('text', 3, true, o, new Map([[1, 2]]), new Set(['x']));\n"
                        + "  console.warn(new TypeError('oops').message);\n"
                        + "  console.error('中文 ok', []);\n} });").launch();
        assertThat(run.logs()).as("%s", run).containsExactly(
                "text 3 true {a: 1, \"b-c\": [1, \"two\", null, undefined], f: [Function: f], self: [Circular]} Map(1) {1 => 2} Set(1) {\"x\"}",
                "oops", "中文 ok []");
        assertThat(run.of("console")).extracting(e -> e.str("level")).containsExactly("log", "warn", "error");
        assertThat(run.of("console")).extracting(e -> e.str("source"))
                .containsExactly("pages/a/a.js:3", "pages/a/a.js:4", "pages/a/a.js:5");
        assertThat(run.of("console")).extracting(e -> e.str("page")).containsOnly("pages/a/a");
    }

    @Test
    void anErrorIsShownWithItsStack() {
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js",
                "function thrower() { return new Error('deep'); }\nPage({ onLoad() { console.log(thrower()); } });").launch();
        assertThat(run.logs().get(0)).as("%s", run).startsWith("Error: deep\n").contains("at thrower (pages/a/a.js:1");
    }

    @Test
    void consoleFromAppCodeHasNoPageAndAHelperReportsTheCallingPage() {
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a")
                .file("app.js", "App({ onLaunch() { console.log('app'); } });")
                .file("utils/log.js", "module.exports = (m) => console.info(m);")
                .file("pages/a/a.js", "const log = require('../../utils/log');\nPage({ onLoad() { log('from page'); } });")
                .launch();
        assertThat(run.of("console").get(0).get("page")).as("%s", run).isNull();
        assertThat(run.of("console").get(1).get("page")).isEqualTo("pages/a/a");
        assertThat(run.of("console").get(1).get("source")).isEqualTo("utils/log.js:1");
    }
}
