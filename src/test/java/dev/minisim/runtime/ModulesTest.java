package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md, "Modules: CommonJS ... and ES module syntax ... mixed in one app". */
class ModulesTest {

    /** Scratch folders of this class, removed after it (nothing left in the system temp folder). */
    @org.junit.jupiter.api.io.TempDir
    static Path scratch;

    @TempDir
    Path dir;

    private TestApp page(String pageJs) {
        return TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js", pageJs);
    }

    @Test
    void anImportOfACommonJsFileGetsModuleExportsAsDefaultAndItsNamesAsNamedImports() {
        TestApp.Run run = page("import cjs, { add } from '../../lib/cjs';\n"
                + "import * as ns from '../../lib/cjs.js';\n"
                + "Page({ onLoad() { console.log(cjs.add(1, 2), add(2, 3), ns.default === cjs, ns.add === add); } });")
                .file("lib/cjs.js", "exports.add = (a, b) => a + b;")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("3 5 true true");
    }

    @Test
    void aCalledImportStartingALineDoesNotContinueTheLineBeforeWithoutASemicolon() {
        // SPEC "Modules": ES module syntax runs as Babel's output would; a file without semicolons
        // (as WeChat's official demo writes them) whose statement starts with an imported call
        TestApp.Run run = page("import wrap from '../../lib/wrap'\n"
                + "const label = require('../../lib/label')\n"
                + "wrap({ onLoad() { console.log(label.text) } })\n"
                + "function g() {\n  const y = 'x'\n  wrap`t`\n}\n")
                .file("lib/wrap.js", "export default function wrap(o) { Page(o) }")
                .file("lib/label.js", "module.exports = { text: 'ok' }")
                .launch();
        assertThat(run.of("error")).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("ok");
    }

    @Test
    void editsAfterAnEmojiLandWhereTheyBelong() {
        // SPEC "Modules": the rewrite keeps the author's code; an emoji (two UTF-16 units, one code point)
        // before an imported name must not shift the edits
        TestApp.Run run = page("import { make } from '../../lib/make';\n"
                + "const icons = ['🐱', '🦊', '🍅'];\n"
                + "Page({ onLoad() { const m = make(icons.length);\n console.log(m, `${icons[2]}\n${make(1)}`); } });")
                .file("lib/make.js", "export const make = (n) => 'made' + n;")
                .launch();
        assertThat(run.of("error")).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("made3 🍅\nmade1");
    }

    @Test
    void aRequireOfAnEsModuleGetsItsExportsObjectDefaultIncluded() {
        TestApp.Run run = page("const m = require('../../lib/esm');\n"
                + "Page({ onLoad() { console.log(m.default(), m.named, m.__esModule, Object.keys(m).sort().join()); } });")
                .file("lib/esm.js", "export default function hello() { return 'hi'; }\nexport const named = 42;\n")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("hi 42 true default,named");
    }

    /**
     * Exports are live bindings, on the module object and through a named import alike (ES
     * modules and Babel's output agree): after {@code bump()} the imported {@code count} is 1.
     */
    @Test
    void everyExportFormWorksAndExportsAreLiveBindings() {
        TestApp.Run run = page("import def, { a, b, C, f, g, renamed, nsAll, x, y, rest, count, bump } from '/lib/all';\n"
                + "Page({ onLoad() { bump(); console.log(def, a, b, new C().k, f(), g(), renamed, nsAll.v, x, y, rest.z, count);"
                + " console.log(require('/lib/all').count); } });")
                .file("lib/all.js", "export const a = 1, b = 2;\n"
                        + "export class C { constructor() { this.k = 'c'; } }\n"
                        + "export function f() { return 'f'; }\n"
                        + "export async function h() {}\n"
                        + "const local = 'L';\nexport { local as renamed };\n"
                        + "export * as nsAll from './v';\n"
                        + "export * from './g';\n"
                        + "export const { x, y: [y], ...rest } = { x: 'x', y: ['y'], z: 'z' };\n"
                        + "export let count = 0;\nexport function bump() { count += 1; }\n"
                        + "export default 'D';\n")
                .file("lib/v.js", "export const v = 'v';")
                .file("lib/g.js", "export function g() { return 'g'; }\nexport default 'not re-exported';")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("D 1 2 c f g L v x y z 1", "1");
    }

    @Test
    void dynamicImportResolvesToTheNamespace() {
        TestApp.Run run = page("Page({ async onLoad() { const m = await import('../../lib/v'); console.log(m.v); } });")
                .file("lib/v.js", "export const v = 'dyn';")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("dyn");
    }

    @Test
    void requireAsyncResolvesToTheModuleAndRejectsWhenMissing() {
        TestApp.Run run = page("Page({ onLoad() { require.async('../../lib/v').then((m) => console.log(m.v));"
                + " require.async('./nope').catch((e) => console.log(e.code)); } });")
                .file("lib/v.js", "module.exports = { v: 'async' };")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("async", "MODULE_NOT_FOUND");
    }

    @Test
    void aFileMayMixImportWithModuleExports() {
        TestApp.Run run = page("const u = require('../../lib/mixed');\nPage({ onLoad() { console.log(u.twice(4)); } });")
                .file("lib/mixed.js", "import { a } from './v';\nmodule.exports = { twice: (n) => n * a };")
                .file("lib/v.js", "export const a = 2;")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("8");
    }

    @Test
    void resolutionImpliesJsJsonAndIndexAndFindsBareNamesInMiniprogramNpm() {
        // "relative, /x from the mini-program root, .js and index.js implied, bare names from miniprogram_npm/"
        TestApp.Run run = page("const a = require('../../lib');\nconst cfg = require('/config.json');\n"
                + "const pkg = require('tiny-pkg');\nconst nm = require('nm-only');\nconst sib = require('sib.js');\n"
                + "Page({ onLoad() { console.log(a.name, cfg.env, pkg.name, nm.name, sib.name); } });")
                .file("lib/index.js", "module.exports = { name: 'index' };")
                .file("config.json", "{\"env\": \"test\"}")
                .file("miniprogram_npm/tiny-pkg/index.js", "module.exports = { name: 'npm' };")
                .file("node_modules/nm-only/package.json", "{\"main\": \"dist/main.js\"}")
                .file("node_modules/nm-only/dist/main.js", "module.exports = { name: 'node_modules' };")
                .file("pages/a/sib.js", "module.exports = { name: 'sibling' };")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("index test npm node_modules sibling");
    }

    @Test
    void circularCommonJsRequiresSeeThePartialExportsAsNodeDoes() {
        TestApp.Run run = page("const a = require('../../lib/a');\nPage({ onLoad() { console.log(a.fromB, a.done); } });")
                .file("lib/a.js", "exports.done = false;\nconst b = require('./b');\nexports.fromB = b.sawA;\nexports.done = true;")
                .file("lib/b.js", "const a = require('./a');\nexports.sawA = a.done;")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("false true");
    }

    @Test
    void aModuleOutsideTheFolderDoesNotExistForTheScriptSymlinksIncluded() throws Exception {
        // "Resolved paths never leave the folder — symlinks included."
        Path outside = Files.createTempDirectory(scratch, "minisim-outside");
        Files.writeString(outside.resolve("secret.js"), "module.exports = 'secret';");
        TestApp app = page("Page({ onLoad() {\n"
                + " for (const p of ['../../../secret', '/../secret', '../../link/secret', '../../linkfile']) {\n"
                + "   try { console.log(require(p)); } catch (e) { console.log(e.code); } } } });");
        Files.createSymbolicLink(app.dir().resolve("link"), outside);
        Files.createSymbolicLink(app.dir().resolve("linkfile.js"), outside.resolve("secret.js"));
        TestApp.Run run = app.launch();
        assertThat(run.logs()).as("%s", run).containsExactly("MODULE_NOT_FOUND", "MODULE_NOT_FOUND",
                "MODULE_NOT_FOUND", "MODULE_NOT_FOUND");
    }

    @Test
    void aMissingModuleIsAnErrorWithTheRequiringFileAndLine() {
        TestApp.Run run = page("// line 1\nconst x = require('./nope');\nPage({});").launch();
        assertThat(run.errors()).as("%s", run).hasSize(2)
                .last().isEqualTo("cannot launch: page \"pages/a/a\" failed to load (see the error above)");
        assertThat(run.of("error").get(0).get("message")).isEqualTo("Error: Cannot find module './nope' from pages/a/a.js");
        assertThat(run.of("error").get(0).get("source")).isEqualTo("pages/a/a.js:2");
    }

    @Test
    void errorsInAnEsModuleKeepTheAuthorsLineNumbers() {
        TestApp.Run run = page("import {\n  a,\n} from '../../lib/v';\n\nPage({ onLoad() {\n  null.boom;\n} });")
                .file("lib/v.js", "export const a = 1;")
                .launch();
        assertThat(run.of("error").get(0).get("source")).as("%s", run).isEqualTo("pages/a/a.js:6");
    }

    @Test
    void pageFilesNotListedInAppJsonNeverRun() {
        TestApp.Run run = page("Page({});").file("pages/extra/extra.js", "console.log('should not run'); Page({});").launch();
        assertThat(run.logs()).as("%s", run).isEmpty();
    }

    @Test
    void theRootComesFromProjectConfigMiniprogramRoot() {
        TestApp app = TestApp.withAppJson(dir, "{}")
                .file("project.config.json", "{\"miniprogramRoot\": \"miniprogram/\"}")
                .file("miniprogram/app.json", "{\"pages\": [\"pages/i/i\"]}")
                .file("miniprogram/pages/i/i.js", "Page({ onLoad() { console.log(this.route); } });");
        TestApp.Run run = app.launch();
        assertThat(run.logs()).as("%s", run).containsExactly("pages/i/i");
    }
}
