package dev.minisim.runtime.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 8: the transform keeps the author's lines, is cached, and stays off plain CommonJS. */
class ModuleTransformTest {

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("'%s' in%n%s", needle, text).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void plainCommonJsIsNotParsedAtAll() {
        // "keep it off the path of apps that do not need it"
        for (String cjs : List.of("module.exports = { a: 1 };",
                "class A { #import() {} static export() {} }\nmodule.exports = A;",
                "exports.imported = require('./x');")) {
            assertThat(ModuleTransform.needsTransform("lib/x.js", cjs)).as(cjs).isFalse();
            assertThat(ModuleTransform.toCommonJs("lib/x.js", cjs)).isSameAs(cjs);
        }
    }

    @Test
    void theCheapTestErrsTowardsParsingAndAParsedCommonJsFileComesBackUnchanged() {
        for (String cjs : List.of("// we export a helper\nmodule.exports = function () { return 'import'; };\n",
                "const loader = { import(x) { return x; } };\nloader.import('y');\nmodule.exports = loader;\n")) {
            assertThat(ModuleTransform.needsTransform("lib/x.js", cjs)).as(cjs).isTrue();
            assertThat(ModuleTransform.toCommonJs("lib/x.js", cjs)).isEqualTo(cjs);
        }
        assertThat(ModuleTransform.needsTransform("lib/x.ts", "module.exports = 1;")).isTrue();
        assertThat(ModuleTransform.needsTransform("lib/x.js", "import x from 'y'")).isTrue();
    }

    @Test
    void everyStatementStaysOnItsLine() {
        String src = "import a, {\n  b,\n} from './a';\n\nexport default function () {\n  return 'line6';\n}\n"
                + "[1].forEach(() => 'line8');\nexport const c = `line9\nline10`, d = /re10,x/;\nexport { a as e };\n"
                + "console.log(b, 'line12');\n";
        String out = ModuleTransform.toCommonJs("x.js", src);
        assertThat(out.lines().count()).isEqualTo(src.lines().count());
        for (int line : new int[] {6, 8, 9, 10, 12}) {
            assertThat(lineOf(out, "line" + line)).isEqualTo(line);
        }
        assertThat(lineOf(out, "/re10,x/")).isEqualTo(10);
    }

    @Test
    void typeScriptIsLaidBackOnItsOwnLinesTemplateLiteralsIntact() {
        String src = "enum E {\n  A,\n  B,\n}\n\ninterface I { x: number }\nconst t: string = `first\n  second\nthird`;\n"
                + "class P {\n  constructor(private readonly x: number) {}\n  get(): number { return this.x; } // line12\n}\n"
                + "export const marker14 = new P(E.B).get() as number;\n";
        String out = ModuleTransform.toCommonJs("x.ts", src);
        assertThat(out).contains("`first\n  second\nthird`");
        assertThat(lineOf(out, "`first")).isEqualTo(7);
        assertThat(lineOf(out, "return this.x")).isEqualTo(12);
        assertThat(lineOf(out, "new P(")).isEqualTo(14);
        assertThat(out).doesNotContain("interface", "private readonly", ": number");
    }

    @Test
    void transformsAreCachedByContent() {
        String src = "export const cached = 'yes';\n";
        assertThat(ModuleTransform.toCommonJs("a.js", src)).isSameAs(ModuleTransform.toCommonJs("b/other.js", new String(src)));
    }

    @Test
    void aSyntaxErrorCarriesTheLineOfTheAuthorsFile() {
        assertThatThrownBy(() -> ModuleTransform.toCommonJs("x.js", "const a = 1;\nimport { a from './x';\n"))
                .isInstanceOfSatisfying(ModuleTransform.SyntaxProblem.class, p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.getMessage()).startsWith("SyntaxError: Expected ','");
                });
        assertThatThrownBy(() -> ModuleTransform.toCommonJs("x.ts", "let a: number = 1;\n\nlet b: = 2;\n"))
                .isInstanceOfSatisfying(ModuleTransform.SyntaxProblem.class, p -> assertThat(p.line()).isEqualTo(3));
    }
}
