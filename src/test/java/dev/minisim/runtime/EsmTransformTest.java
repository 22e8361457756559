package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The lexing EsmTransform must get right so that only real module syntax is rewritten. */
class EsmTransformTest {

    @Test
    void codeWithoutModuleSyntaxIsLeftAlone() {
        String src = "const s = 'import x from \"y\"';\n// export default 1\nconst t = `export ${'import'}`;\n"
                + "const r = /import\\/export/g;\nobj.import(1); obj.export = 2; a?.import;\n";
        assertThat(EsmTransform.toCommonJs(src)).isEqualTo(src);
    }

    @Test
    void everyLineKeepsItsNumber() {
        String src = "import {\n  a,\n  b as c,\n} from './m';\nexport {\n  a,\n};\nthrow 1;\n";
        String out = EsmTransform.toCommonJs(src);
        assertThat(out.lines().count()).isEqualTo(src.lines().count());
        assertThat(out.lines().toList().get(7)).isEqualTo("throw 1;");
    }

    @Test
    void nestedTemplatesAndRegexLiteralsDoNotHideARealImport() {
        String src = "const a = `x${`y${1}`}` / 2;\nconst re = /[/]import/;\nimport z from './z';\n";
        assertThat(EsmTransform.toCommonJs(src)).contains("const __m1=require(\"./z\");const z=__esm.def(__m1);");
    }

    @Test
    void malformedModuleSyntaxNamesItsLine() {
        assertThatThrownBy(() -> EsmTransform.toCommonJs("const a = 1;\nimport { a from './x';\n"))
                .isInstanceOf(EsmTransform.SyntaxProblem.class)
                .satisfies(e -> assertThat(((EsmTransform.SyntaxProblem) e).line()).isEqualTo(2));
    }
}
