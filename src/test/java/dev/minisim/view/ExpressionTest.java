package dev.minisim.view;

import static dev.minisim.view.ViewFixture.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC "Pages on screen", the {{ }} sentence: literals, paths, operators, literals with spread. */
class ExpressionTest {

    private static final String DATA = "{'a': {'b': [10, {'c': 'x'}]}, 'n': 3, 's': 'str', 'z': null, 'k': 'b', 'f': 1.5}";

    @Test
    @DisplayName("literals: numbers, strings in both quotes, true/false/null/undefined")
    void literals() {
        assertThat(eval("1", "{}")).isEqualTo(1);
        assertThat(eval("1.25", "{}")).isEqualTo(1.25);
        assertThat(eval("'a\"b'", "{}")).isEqualTo("a\"b");
        assertThat(eval("\"it's\"", "{}")).isEqualTo("it's");
        assertThat(eval("true", "{}")).isEqualTo(true);
        assertThat(eval("null", "{}")).isNull();
        assertThat(eval("undefined", "{}")).isSameAs(JsValues.UNDEFINED);
    }

    @Test
    @DisplayName("paths a.b / a[i] / a['x']; a path through null or undefined gives undefined, never an error")
    void paths() {
        assertThat(eval("a.b[0]", DATA)).isEqualTo(10);
        assertThat(eval("a.b[1].c", DATA)).isEqualTo("x");
        assertThat(eval("a['b'][1]['c']", DATA)).isEqualTo("x");
        assertThat(eval("a[k].length", DATA)).isEqualTo(2);
        assertThat(eval("s.length", DATA)).isEqualTo(3);
        assertThat(eval("z.y.x", DATA)).isSameAs(JsValues.UNDEFINED);
        assertThat(eval("nothing.here[3].at.all", DATA)).isSameAs(JsValues.UNDEFINED);
    }

    @Test
    @DisplayName("unary ! - + typeof and arithmetic with JS semantics")
    void unaryAndArithmetic() {
        assertThat(eval("!n", DATA)).isEqualTo(false);
        assertThat(eval("-n", DATA)).isEqualTo(-3);
        assertThat(eval("+'4' + 1", DATA)).isEqualTo(5);
        assertThat(eval("typeof s", DATA)).isEqualTo("string");
        assertThat(eval("typeof missing", DATA)).isEqualTo("undefined");
        assertThat(eval("typeof z", DATA)).isEqualTo("object");
        assertThat(eval("n * 2 + 1", DATA)).isEqualTo(7);
        assertThat(eval("n / 2", DATA)).isEqualTo(1.5);
        assertThat(eval("7 % 4", DATA)).isEqualTo(3);
        assertThat(eval("(1 + 2) * 3", DATA)).isEqualTo(9);
        assertThat(eval("'n=' + n", DATA)).isEqualTo("n=3");
        assertThat(eval("1 + '2'", DATA)).isEqualTo("12");
        assertThat(eval("f + f", DATA)).isEqualTo(3);
        assertThat(eval("'x' + missing", DATA)).isEqualTo("xundefined");
        assertThat(eval("'x' + z", DATA)).isEqualTo("xnull");
    }

    @Test
    @DisplayName("comparison == != === !== < > <= >=")
    void comparison() {
        assertThat(eval("n == '3'", DATA)).isEqualTo(true);
        assertThat(eval("n === '3'", DATA)).isEqualTo(false);
        assertThat(eval("n !== 3", DATA)).isEqualTo(false);
        assertThat(eval("z == undefined", DATA)).isEqualTo(true);
        assertThat(eval("z === undefined", DATA)).isEqualTo(false);
        assertThat(eval("z != 0", DATA)).isEqualTo(true);
        assertThat(eval("n < 10 && n >= 3 && n <= 3 && n > 2", DATA)).isEqualTo(true);
        assertThat(eval("'10' < '9'", DATA)).isEqualTo(true);
        assertThat(eval("'10' < 9", DATA)).isEqualTo(false);
    }

    @Test
    @DisplayName("&& || ?? return operands; ternary")
    void logical() {
        assertThat(eval("n && s", DATA)).isEqualTo("str");
        assertThat(eval("z || 'dflt'", DATA)).isEqualTo("dflt");
        assertThat(eval("0 || ''", DATA)).isEqualTo("");
        assertThat(eval("0 ?? 5", DATA)).isEqualTo(0);
        assertThat(eval("z ?? 5", DATA)).isEqualTo(5);
        assertThat(eval("n > 2 ? 'big' : n > 1 ? 'mid' : 'small'", DATA)).isEqualTo("big");
    }

    @Test
    @DisplayName("array and object literals, shorthand and spread ({{...o, a, b: 1}}, later keys win)")
    void literalsWithSpread() {
        assertThat(eval("[1, n, s]", DATA)).isEqualTo(List.of(1, 3, "str"));
        assertThat(eval("{x: 1, 'y': n}", DATA)).isEqualTo(Map.of("x", 1, "y", 3));
        Object o = eval("...o, n, b: 1", "{'o': {'b': 0, 'n': 9, 'c': 2}, 'n': 3}");
        assertThat(o).isEqualTo(Map.of("b", 1, "n", 3, "c", 2));
        assertThat(eval("n, s", DATA)).isEqualTo(Map.of("n", 3, "s", "str"));
        assertThat(eval("...z", DATA)).isEqualTo(Map.of());
    }

    @Test
    @DisplayName("template strings, as Alipay's templates (ant-design-mini) write them")
    void templateStrings() {
        assertThat(eval("`a-${n}-${s + '!'}`", DATA)).isEqualTo("a-3-str!");
        assertThat(eval("n > 2 ? `big-${a.b[1].c}` : ''", DATA)).isEqualTo("big-x");
        assertThat(eval("`${missing}|${ {x: 1}.x }`", DATA)).isEqualTo("undefined|1");
        VElement root = new ViewFixture().file("pages/p/p.axml", "<view class=\"{{`item-${kind}`}}\" style=\"{{w ? `width: ${w}px;` : ''}}\"/>")
                .open("pages/p/p.axml", "{'kind': 'on', 'w': 10}");
        VElement v = (VElement) root.children().get(0);
        assertThat(v.attrs()).containsEntry("class", "item-on").containsEntry("style", "width: 10px;");
    }

    @Test
    @DisplayName("text renders undefined and null as '' (glass-easel); numbers as JS String() does")
    void textRendering() {
        VElement root = ViewFixture.render("<text>[{{missing}}|{{z}}|{{1.0}}|{{f}}|{{0.1 + 0.2}}|{{1e21}}|{{a.b}}]</text>",
                "{'z': null, 'f': 2.50, 'a': {'b': [1, 2]}}");
        assertThat(((VElement) root.children().get(0)).text()).isEqualTo("[||1|2.5|0.30000000000000004|1e+21|1,2]");
    }

    @Test
    @DisplayName("an attribute exactly \"{{expr}}\" keeps its type; mixed text and \"{{x}} \" are strings")
    void typedAttributes() {
        VElement root = ViewFixture.render(
                "<view data-n=\"{{1}}\" data-b=\"{{flag}}\" data-o=\"{{o}}\" data-m=\"n{{1}}\" data-s=\"{{1}} \" data-u=\"a{{missing}}b\"/>",
                "{'flag': false, 'o': {'x': 1}}");
        VElement v = (VElement) root.children().get(0);
        assertThat(v.dataset()).containsEntry("n", 1).containsEntry("b", false).containsEntry("o", Map.of("x", 1))
                .containsEntry("m", "n1").containsEntry("s", "1 ").containsEntry("u", "ab");
    }

    @Test
    @DisplayName("a broken expression: that element renders blank, with a warning naming file:line")
    void brokenExpression() {
        ViewFixture f = new ViewFixture().file("pages/p/p.wxml", "<view>a</view>\n<view class=\"{{a +}}\">b</view>\n<view>c</view>");
        VElement root = f.open("pages/p/p.wxml", "{}");
        assertThat(ViewFixture.body(root)).isEqualTo("<view>a</view>\n<view>c</view>");
        assertThat(f.diagnostics).anySatisfy(d -> {
            assertThat(d.source()).isEqualTo("pages/p/p.wxml:2");
            assertThat(d.message()).contains("broken expression {{a +}}");
        });
    }

    @Test
    @DisplayName("function calls work only on WXS/SJS modules (anything else renders empty, with a warning)")
    void callsOfNonModules() {
        ViewFixture f = new ViewFixture().file("pages/p/p.wxml", "<text>[{{s.toUpperCase()}}]</text>");
        VElement root = f.open("pages/p/p.wxml", "{'s': 'abc'}");
        assertThat(root.text()).isEqualTo("[]");
        assertThat(f.diagnostics).anySatisfy(d -> assertThat(d.message()).contains("only functions of WXS/SJS modules"));
    }
}
