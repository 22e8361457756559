package dev.minisim.paint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.view.VElement;
import dev.minisim.view.VText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #10 part 1 (b): the HTML document written from the rendered tree. */
class PagePainterTest {

    private static VElement el(String tag, String owner, Object... attrs) {
        VElement e = new VElement(tag, "pages/index/index.wxml", 1, owner);
        for (int i = 0; i < attrs.length; i += 2) {
            e.attrs().put((String) attrs[i], attrs[i + 1]);
        }
        return e;
    }

    private static PagePainter painter(Map<String, String> files, boolean alipay) {
        return new PagePainter(PaintFiles.of(files), alipay, 375, id -> "components/card/card");
    }

    @Test
    void eachElementIsPaintedWithAnIdThatMapsBackToItsElement() {
        VElement root = el("page", VElement.PAGE);
        VElement button = el("button", VElement.PAGE, "type", "primary", "id", "go", "class", "big");
        button.append(new VText("开通"));
        root.append(el("view", VElement.PAGE, "class", "a b").append(button));
        PaintedPage p = painter(Map.of(), false).paint("pages/index/index", 1, root);
        assertThat(p.body()).contains("<wx-button ms-id=\"3\" id=\"go\" class=\"big\"").contains("type=\"primary\"")
                .contains(">开通</wx-button>").startsWith("<wx-page ms-id=\"1\"");
        assertThat(p.elements().get(3)).isSameAs(button);
        assertThat(p.idOf(button)).contains(3);
        assertThat(p.document()).contains("<!DOCTYPE html>").contains("window.minisim");
    }

    @Test
    void appStylesheetThenPageStylesheetAfterThePlatformsBase() {
        Map<String, String> files = Map.of("app.wxss", ".app-rule { color: red }", "pages/index/index.wxss", ".page-rule { color: blue }");
        PaintedPage p = painter(files, false).paint("pages/index/index", 1, el("page", VElement.PAGE));
        // the button of apps without app.json "style": "v2"; with it, WeUI 2's
        assertThat(p.css()).contains("wx-button[type=\"primary\"] { color: #fff; background-color: #1aad19; }")
                .doesNotContain("#07c160");
        PaintedPage v2 = painter(Map.of("app.json", "{\"style\": \"v2\"}"), false).paint("pages/index/index", 1, el("page", VElement.PAGE));
        assertThat(v2.css()).contains("wx-button[type=\"primary\"] { color: #fff; background-color: #07c160; }");
        assertThat(p.css().indexOf(".app-rule")).isGreaterThan(p.css().indexOf("wx-button[type")).isLessThan(p.css().indexOf(".page-rule"));
        PaintedPage ali = painter(Map.of("app.acss", ".x {}"), true).paint("pages/index/index", 1, el("page", VElement.PAGE));
        assertThat(ali.css()).contains("a-button[type=\"primary\"] { color: #fff; background-color: #1677ff;").contains(".x {}");
        assertThat(ali.body()).startsWith("<a-page ");
    }

    @Test
    void hiddenElementsAreNotShown() {
        VElement root = el("page", VElement.PAGE);
        root.append(el("view", VElement.PAGE, "hidden", true)).append(el("view", VElement.PAGE, "hidden", false));
        PaintedPage p = painter(Map.of(), false).paint("r", 1, root);
        assertThat(p.body()).contains("<wx-view ms-id=\"2\" hidden>").contains("<wx-view ms-id=\"3\">");
        assertThat(p.css()).contains("[hidden] { display: none !important; }");
    }

    @Test
    @DisplayName("issue #10: a scroll-view is as wide as its parent, as on the phone, also as a flex item (a tab bar's tabs spread over it)")
    void scrollViewIsAsWideAsItsParent() {
        PaintedPage p = painter(Map.of(), false).paint("r", 1, el("page", VElement.PAGE));
        assertThat(p.css()).contains("wx-scroll-view { overflow: hidden; position: relative; width: 100%; }");
    }

    @Test
    void componentElementsCarryScopedClassesAndExternalClassesTheirUsersName() {
        // WeChat's default styleIsolation: isolated; externalClasses reach the user's stylesheet
        VElement root = el("page", VElement.PAGE);
        VElement host = el("card", VElement.PAGE, "custom-class", "big", "class", "outer");
        host.component("c1");
        VElement inner = el("view", "c1", "class", "title big");
        root.append(host.append(inner));
        Map<String, String> files = Map.of("components/card/card.wxss", ".title { color: red }");
        PaintedPage p = painter(files, false).paint("r", 1, root);
        assertThat(p.body()).contains("<wx-card ms-id=\"2\" class=\"outer\" ms-host=\"x-components-card-card\">")
                .contains("class=\"x-components-card-card--title x-components-card-card--big big\"");
        assertThat(p.css()).contains(".x-components-card-card--title {color: red}");
        // addGlobalClass: the page's classes reach inside too
        Map<String, String> shared = Map.of("components/card/card.js", "Component({ options: { addGlobalClass: true } })");
        assertThat(painter(shared, false).paint("r", 1, root).body()).contains("class=\"x-components-card-card--title title");
    }

    @Test
    void imagesFromTheAppFolderAreDataUrlsNetworkImagesArePlaceholders() {
        VElement root = el("page", VElement.PAGE);
        root.append(el("image", VElement.PAGE, "src", "/images/a.png", "mode", "aspectFill"))
                .append(el("image", VElement.PAGE, "src", "https://cdn.example/b.png"))
                .append(el("image", VElement.PAGE, "src", "../../../../etc/x.png"));
        PaintedPage p = painter(Map.of("images/a.png", "PNG"), false).paint("r", 1, root);
        assertThat(p.body()).contains("background-image:url(&quot;data:image/png;base64,UE5H&quot;);background-size:cover")
                .contains("ms-img-placeholder\" title=\"https://cdn.example/b.png\"").contains("ms-img-placeholder\" title=\"../../../../etc/x.png\"");
        assertThat(p.body()).doesNotContain("src=\"https://");
    }

    @Test
    void builtInsAreDrawnAsTheClientDrawsThem() {
        VElement root = el("page", VElement.PAGE);
        root.append(el("input", VElement.PAGE, "value", "备注", "placeholder", "写点什么"))
                .append(el("switch", VElement.PAGE, "checked", true))
                .append(el("slider", VElement.PAGE, "value", 30, "show-value", true))
                .append(el("progress", VElement.PAGE, "percent", 40))
                .append(el("button", VElement.PAGE, "size", "mini", "loading", true, "plain", true))
                .append(el("picker", VElement.PAGE, "range", List.of("甲", "乙"), "value", 1));
        String body = painter(Map.of(), false).paint("r", 1, root).body();
        assertThat(body).contains("<input class=\"ms-field\" type=\"text\" value=\"备注\" placeholder=\"写点什么\">")
                .contains("<wx-switch ms-id=\"3\" checked><i class=\"ms-switch\"></i>")
                .contains("ms-slider-fill\" style=\"width:30%").contains("<span class=\"ms-slider-value\">30</span>")
                .contains("ms-progress-fill\" style=\"width:40%")
                .contains("size=\"mini\"").contains("<i class=\"ms-loading\"></i>")
                .contains("<option value=\"1\" selected>乙</option>");
    }

    @Test
    void richTextKeepsOnlySafeMarkup() {
        VElement root = el("page", VElement.PAGE);
        root.append(el("rich-text", VElement.PAGE, "nodes",
                "<p class=\"x\" onclick=\"evil()\">Hi <b>there</b></p><script>alert(1)</script><img src=\"https://x/y.png\" onerror=\"e()\"><a href=\"javascript:x\">l</a>"));
        String body = painter(Map.of(), false).paint("r", 1, root).body();
        assertThat(body).contains("<p class=\"x\">Hi <b>there</b></p>").contains("<a>l</a>")
                .doesNotContain("onclick").doesNotContain("script").doesNotContain("onerror").doesNotContain("javascript:");
    }

    @Test
    void aRepaintOfOneChangedRowPatchesThatRowOnly() {
        // "a one-row setData should not reload the whole document"
        PagePainter painter = painter(Map.of(), false);
        VElement root = el("page", VElement.PAGE);
        VElement row1 = el("view", VElement.PAGE);
        VElement row2 = el("view", VElement.PAGE);
        row1.append(new VText("one"));
        row2.append(new VText("two"));
        root.append(row1).append(row2);
        PaintedPage before = painter.paint("r", 1, root);
        row2.children().clear();
        row2.append(new VText("TWO"));
        PaintedPage after = painter.paint("r", 1, root);
        assertThat(after.patchesFrom(before)).hasValueSatisfying(patches -> {
            assertThat(patches).hasSize(1);
            assertThat(patches.get(0).id()).isEqualTo(after.idOf(row2).orElseThrow());
            assertThat(patches.get(0).html()).isEqualTo("<wx-view ms-id=\"3\">TWO</wx-view>");
        });
        assertThat(painter.paint("r", 2, root).patchesFrom(after)).as("another page loads a new document").isEmpty();
    }
}
