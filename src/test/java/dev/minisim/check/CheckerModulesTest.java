package dev.minisim.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import dev.minisim.program.MiniProgram;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}: "the modules it requires or imports exist inside the folder", found by the same
 * parser that runs the modules (issue 8: "check uses the same parser").
 */
class CheckerModulesTest {

    @TempDir
    Path dir;

    private List<String> check(TestApp app) throws Exception {
        return Checker.check(MiniProgram.load(app.dir())).stream().map(Problem::toString)
                .filter(p -> !p.contains("has no template")).toList();
    }

    @Test
    void requiresInsideStringsCommentsAndTemplatesAreNotModules() throws Exception {
        TestApp app = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js", """
                // const old = require('./gone');
                /* import x from './gone-too'; */
                const help = "call require('./not-a-module') to load it";
                const tpl = `import y from './nor-this'`;
                const re = /require\\('x'\\)/;
                const real = require('./missing');
                Page({});
                """);
        assertThat(check(app)).containsExactly("pages/a/a.js:6: cannot find module './missing'");
    }

    @Test
    void importsReExportsAndDynamicImportsAreFollowedWithTheirLines() throws Exception {
        TestApp app = TestApp.withPages(dir, "pages/a/a")
                .file("pages/a/a.js", "import { a } from '../../lib/ok';\n\nexport * from './nope1';\n"
                        + "export { b } from './nope2';\nimport('./nope3');\nPage({});\n")
                .file("lib/ok.js", "import './deep-missing';\nexport const a = 1;\n");
        assertThat(check(app)).containsExactlyInAnyOrder(
                "lib/ok.js:1: cannot find module './deep-missing'",
                "pages/a/a.js:3: cannot find module './nope1'",
                "pages/a/a.js:4: cannot find module './nope2'",
                "pages/a/a.js:5: cannot find module './nope3'");
    }

    @Test
    void typeScriptPagesAreCheckedAndTypeOnlyImportsLoadNothing() throws Exception {
        TestApp app = TestApp.withPages(dir, "pages/a/a")
                .file("pages/a/a.ts", "import type { T } from './types-only';\nimport { f } from './missing';\n\n"
                        + "const n: number = f();\nPage({});\n");
        assertThat(check(app)).containsExactly("pages/a/a.ts:2: cannot find module './missing'");
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLine() throws Exception {
        TestApp app = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js", "import x from './x';\n\nconst = 1;\n");
        assertThat(check(app)).singleElement().asString().startsWith("pages/a/a.js:3: SyntaxError");
    }
    @Test
    void aBadPageJsonIsOneProblemWithItsLine() throws Exception {
        // CONTRACT check: "the page's .json is valid JSON" — one problem per file, at its line, however
        // many checks read the file (the template's components, the page, its components)
        TestApp app = TestApp.withPages(dir, "pages/a/a", "pages/b/b")
                .file("pages/a/a.js", "Page({});\n").file("pages/a/a.wxml", "<view>a</view>\n").file("pages/a/a.json", "")
                .file("pages/b/b.js", "Page({});\n").file("pages/b/b.wxml", "<view>b</view>\n")
                .file("pages/b/b.json", "{\n  \"usingComponents\": {\n    \"x\": \"./x\",\n  }\n}\n");
        assertThat(check(app)).containsExactlyInAnyOrder(
                "pages/a/a.json:1: is empty; expected JSON",
                "pages/b/b.json:4: column 3: invalid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name");
    }
}
