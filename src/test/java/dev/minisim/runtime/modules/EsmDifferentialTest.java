package dev.minisim.runtime.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, "Prove it with a differential test": each tricky module below, and every ES module of
 * the bundled samples, gives the same console output, exports and registrations under MiniSim's
 * transform as under GraalJS evaluating the file as a native ES module (SPEC "Modules").
 */
class EsmDifferentialTest {

    /** Helper modules every tricky case may import. */
    private static final Map<String, String> HELPERS = Map.of(
            "helper.js", "export const value = 21;\nexport function helper() { return 'helped'; }\n"
                    + "export function whoAmI() { return this === undefined ? 'no this' : 'this leaked'; }\n"
                    + "export default 'helper default';\n",
            "counter.js", "export let count = 0;\nexport function bump() { count += 1; }\n",
            "cjs.js", "// CommonJS: module.exports is what a default import gets\n"
                    + "module.exports = { a: 'from cjs', get n() { return 3; } };\n",
            "loader.js", "// CommonJS with a class method named import\n"
                    + "class Loader { import(x) { return 'imported ' + x; } export() { return 'exported'; } }\n"
                    + "module.exports = new Loader();\n");

    static Stream<Arguments> trickyModules() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("a regex after ) in an if", "const s = 'a{';\nlet hits = 0;\nif (s) /[{]/.test(s) && hits++;\n"
                + "export const found = hits;\n");
        cases.put("a regex after } of a block and of a function", "function g() {}\n/}/.test('}') && console.log('after fn');\n"
                + "{ }\n/[}]/g.test('}') && console.log('after block');\nexport { g };\n");
        cases.put("a regex holding a backtick", "export const re = /`[^`]*`/;\nconsole.log('a `b` c'.match(re)[0]);\n");
        cases.put("i++ / 2 is a division", "let i = 4;\nexport const half = i++ / 2;\nexport const j = i / 1 / 5;\n"
                + "console.log(half, j, i);\n");
        cases.put("export default function(){} then a line starting with [",
                "export default function () { return 'd'; }\n[1, 2].forEach((n) => console.log('n', n));\n");
        cases.put("export default class {} then (function(){})()",
                "export default class { hi() { return 'hi'; } }\n(function () { console.log('iife ran'); })();\n");
        cases.put("a regex with a comma in an export const", "export const re = /a,b/, other = 2;\n"
                + "console.log(re.test('a,b'), other);\n");
        cases.put("a CommonJS class method named import", "import loader from './loader';\n"
                + "console.log(loader.import('x'), loader.export());\n");
        cases.put("a private #import()", "export class P { #import() { return 'private'; } run() { return this.#import(); } }\n"
                + "console.log(new P().run());\nconst o = { import: 1, export: 2 };\nconsole.log(o.import + o.export);\n");
        cases.put("imports used before their statement", "console.log(helper(), value, def);\n"
                + "export const early = value * 2;\nimport def, { helper, value } from './helper';\n");
        cases.put("live bindings", "import { count, bump } from './counter';\nconsole.log(count);\nbump();\n"
                + "console.log(count);\nexport { count };\n");
        cases.put("a local shadows an import; shorthand properties; calls get no this",
                "import { value, whoAmI } from './helper';\nfunction twice(value) { return value * 2; }\n"
                + "console.log(twice(3), value, JSON.stringify({ value }), whoAmI());\n");
        cases.put("export default of an arrow and of an anonymous class expression",
                "export default (() => 'arrow');\nexport const C = class {};\nconsole.log(typeof this);\n");
        // issue mobx (food-diary's store: a mobx observable whose getters read this.currentDate):
        // `this` in an object literal's getter or setter is the object, not the module's undefined
        cases.put("this in an object literal's getter and setter", "export const o = { x: 2, get twice() { return this.x * 2; },"
                + " set twice(v) { this.x = v / 2; } };\no.twice = 10;\nconsole.log(o.twice, o.x, typeof this);\n");
        cases.put("export * and renamed re-exports", "export * from './helper';\nexport { default as helperDefault, value as v } from './helper';\n"
                + "export * as counter from './counter';\n");
        cases.put("export of an import, export as default", "import { helper } from './helper';\nconst local = 'L';\n"
                + "export { helper, local as default };\n");
        cases.put("an import of CommonJS gets module.exports as default", "import cjs from './cjs';\n"
                + "console.log(cjs.a, cjs.n);\nexport { cjs };\n");
        cases.put("words import and export in strings, templates and comments",
                "// import x from 'nowhere'\nconst t = `export ${1 + 1} import`;\n/* export default 3 */\n"
                + "export const s = \"import { a } from 'b'\" + t;\n");
        cases.put("non-ASCII text before and in exports", "// 中文注释\nconst 名字 = '值';\nexport { 名字 };\n"
                + "export const greet = () => '你好 ' + 名字;\n");
        cases.put("destructuring exports and function declarations hoisted", "console.log(later());\n"
                + "export function later() { return 'hoisted'; }\nexport const { a, b: [bb], ...rest } = { a: 1, b: [2], c: 3 };\n");
        cases.put("a file that relies on ASI around its imports and calls an imported function first on a line",
                "const a = 1\nimport { helper } from './helper'\n(function () { console.log('iife', a) })()\n"
                + "const b = 2\n\nhelper()\nconsole.log(b)\nconst c = [3]\nexport { c }\n[4].forEach((n) => console.log(n))\n");
        cases.put("generators, async and classes with extends as default", "import { helper } from './helper';\n"
                + "export default class extends Array { static tag() { return helper(); } }\n"
                + "export function* gen() { yield 1; }\nexport async function later() { return 2; }\n");
        List<Arguments> args = new ArrayList<>();
        cases.forEach((name, code) -> args.add(Arguments.of(name, code)));
        return args.stream();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("trickyModules")
    void aTrickyModuleBehavesAsANativeEsModule(String name, String code) throws IOException {
        for (Map.Entry<String, String> h : HELPERS.entrySet()) {
            Files.writeString(dir.resolve(h.getKey()), h.getValue(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("main.js"), code, StandardCharsets.UTF_8);
        List<String> expected = TwoLoaders.nativeEsm(dir, "main.js");
        assertThat(expected).as("native run of %s", name).noneMatch(l -> l.startsWith("threw"));
        assertThat(TwoLoaders.miniSim(dir, "main.js")).as("MiniSim run of %s", name).isEqualTo(expected);
    }

    static Stream<Arguments> sampleModules() throws IOException {
        Path samples = Path.of(System.getProperty("minisim.repo", "."), "sample-miniapps");
        List<Arguments> args = new ArrayList<>();
        try (Stream<Path> apps = Files.list(samples)) {
            for (Path app : apps.sorted().toList()) {
                Path root = app.resolve("miniprogram").toFile().isDirectory() ? app.resolve("miniprogram") : app;
                for (String file : TwoLoaders.esModules(root)) {
                    args.add(Arguments.of(app.getFileName() + "/" + file, root, file));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleModules")
    void everyEsModuleOfTheSamplesBehavesAsANativeEsModule(String name, Path root, String file) {
        List<String> expected = TwoLoaders.nativeEsm(root, file);
        assertThat(expected).as("native run of %s", name).noneMatch(l -> l.startsWith("threw"));
        assertThat(TwoLoaders.miniSim(root, file)).as("MiniSim run of %s", name).isEqualTo(expected);
    }

    /**
     * The same comparison over public mini-programs fetched by hand (never committed): run with
     * {@code -Dminisim.differential.dirs=/path/one,/path/two}, each a mini-program root.
     */
    @TestFactory
    Stream<DynamicTest> everyEsModuleOfTheFoldersGivenBehavesAsANativeEsModule() throws IOException {
        String dirs = System.getProperty("minisim.differential.dirs", "");
        Assumptions.assumeFalse(dirs.isBlank(), "no -Dminisim.differential.dirs given");
        List<DynamicTest> tests = new ArrayList<>();
        for (String d : dirs.split(",")) {
            Path root = Path.of(d.trim());
            for (String file : TwoLoaders.esModules(root)) {
                if (file.contains("node_modules/")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(root.getFileName() + "/" + file, () -> {
                    List<String> expected = TwoLoaders.nativeEsm(root, file);
                    // nothing to compare where native ES modules cannot run the file: a CommonJS
                    // dependency's named exports, `module` in an ES module, TypeScript, npm names
                    Assumptions.assumeFalse(expected.get(0).startsWith("threw"), () -> "native: " + expected.get(0));
                    assertThat(TwoLoaders.miniSim(root, file)).as(file).isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theSamplesHaveEsModulesToCompare() throws IOException {
        assertThat(sampleModules().count()).isGreaterThanOrEqualTo(5);
    }
}
