package dev.minisim.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CONTRACT, steps on the rendered page: TARGET selectors, text and index. */
class SelectorTest {

    private static final String PAGE = """
            <view class="form main" id="f">
              <view class="row"><button class="btn primary" data-kind="auth" form-type="submit">获取授权码</button></view>
              <view class="row"><button class="btn" data-kind="sign">签约</button></view>
              <view class="row" hidden><button class="btn">签约</button></view>
              <text>  Hello
                 world </text>
            </view>
            <button class="btn">outside</button>
            """;

    private static VElement page() {
        return ViewFixture.render(PAGE, "{}");
    }

    @Test
    @DisplayName("tag, #id, .class (several), [attr], [attr=value] quoted or not")
    void simple() {
        VElement root = page();
        assertThat(Selector.parse("button").selectAll(root)).hasSize(4);
        assertThat(Selector.parse("#f").selectAll(root)).extracting(VElement::tag).containsExactly("view");
        assertThat(Selector.parse(".btn.primary").selectAll(root)).hasSize(1);
        assertThat(Selector.parse("[form-type]").selectAll(root)).hasSize(1);
        assertThat(Selector.parse("[data-kind=sign]").selectAll(root)).extracting(VElement::text).containsExactly("签约");
        assertThat(Selector.parse("button[data-kind='auth']").selectAll(root)).extracting(VElement::text).containsExactly("获取授权码");
        assertThat(Selector.parse("[data-kind=\"auth\"]").selectAll(root)).hasSize(1);
    }

    @Test
    @DisplayName("descendant and child combinators, comma lists")
    void combinators() {
        VElement root = page();
        assertThat(Selector.parse(".form button").selectAll(root)).hasSize(3);
        assertThat(Selector.parse(".form > button").selectAll(root)).isEmpty();
        assertThat(Selector.parse("page > button").selectAll(root)).extracting(VElement::text).containsExactly("outside");
        assertThat(Selector.parse("#f>.row>button").selectAll(root)).hasSize(3);
        assertThat(Selector.parse("text, [form-type]").selectAll(root)).extracting(VElement::tag).containsExactly("button", "text");
    }

    @Test
    @DisplayName(".class matches a whole word of the class list, whatever the white space around it")
    void classWords() {
        VElement e = new VElement("view", "t.wxml", 1, VElement.PAGE);
        e.attrs().put("class", " a\tbtn-primary  btn\nz ");
        assertThat(Selector.parse(".btn").matches(e)).isTrue();
        assertThat(Selector.parse(".btn-primary.a.z").matches(e)).isTrue();
        assertThat(Selector.parse(".primary").matches(e)).isFalse();
        assertThat(Selector.parse(".bt").matches(e)).isFalse();
    }

    @Test
    @DisplayName("malformed selectors fail with what is wrong")
    void malformed() {
        assertThatThrownBy(() -> Selector.parse("button[")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad selector");
        assertThatThrownBy(() -> Selector.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Selector.parse(".a,,b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("TARGET text: whole normalised text equals T, the deepest such element; index: Nth in document order; hidden don't count")
    void find() {
        VElement root = page();
        assertThat(Selector.find(root, null, "获取授权码", 0)).get().extracting(VElement::tag).isEqualTo("button");
        assertThat(Selector.find(root, null, "Hello world", 0)).get().extracting(VElement::tag).isEqualTo("text");
        assertThat(Selector.find(root, ".row", "签约", 0)).get().extracting(VElement::tag).isEqualTo("view");
        assertThat(Selector.find(root, "button", "签约", 1)).isEmpty(); // the second one is hidden
        assertThat(Selector.find(root, ".btn", null, 2)).get().extracting(VElement::text).isEqualTo("outside");
        assertThat(Selector.find(root, "button", "nothing", 0)).isEmpty();
    }
    @Test
    @DisplayName("issue #9 Speed: the index of ids, classes and tags answers as the walk does, in document order")
    void theIndexAnswersAsTheWalk() {
        VElement root = ViewFixture.render(PAGE + "<view class=\" row  row\tlast \" id=\"f\"><text class=\"btn\">x</text></view>", "{}");
        SelectorIndex index = SelectorIndex.of(root);
        for (String s : java.util.List.of("button", "#f", ".btn", ".btn.primary", ".row", ".last", "view.row", ".row > .btn",
                ".form .btn", "#f .btn", "text.btn", ".ro", ".nothing", "[data-kind]", "*", ".row, button", "#nothing")) {
            Selector sel = Selector.parse(s);
            assertThat(index.selectAll(sel)).as(s).containsExactlyElementsOf(sel.selectAll(root));
        }
        assertThat(index.selectAll(Selector.parse(".row"))).as("a class written twice lists its element once").hasSize(4);
    }
}
