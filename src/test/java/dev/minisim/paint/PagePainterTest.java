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

    /** A page re-rendered the way the view does it: new elements for the page's own template, the same root. */
    private static VElement rerender(VElement root, boolean done) {
        root.children().clear();
        VElement list = el("view", VElement.PAGE, "class", "page");
        VElement title = el("text", VElement.PAGE);
        title.append(new VText("首页"));
        VElement row = el("view", VElement.PAGE, "class", done ? "todo done" : "todo");
        VElement mark = el("text", VElement.PAGE);
        mark.append(new VText(done ? "✓" : "○"));
        VElement name = el("text", VElement.PAGE);
        name.append(new VText("买牛奶"));
        row.append(mark).append(name);
        root.append(list.append(title).append(row));
        return row;
    }

    @Test
    @DisplayName("issue #10 \"a tap repaints within one frame\": a re-render's new elements keep their painted ids, so a toggled row is patched, not the page")
    void aReRenderedPageKeepsItsIdsAndPatchesOnlyTheToggledRow() {
        PagePainter painter = painter(Map.of(), false);
        VElement root = el("page", VElement.PAGE);
        rerender(root, false);
        PaintedPage before = painter.paint("r", 1, root);
        VElement row = rerender(root, true);
        PaintedPage after = painter.paint("r", 1, root);
        // the row's class changed (its attributes only) and its mark's text: two patches, neither
        // replaces the page's view; the row keeps its place in the document
        assertThat(after.idOf(row)).isEqualTo(before.idOf(before.elements().values().stream()
                .filter(e -> "todo".equals(e.attrs().get("class"))).findFirst().orElseThrow()));
        assertThat(after.patchesFrom(before)).hasValueSatisfying(patches -> {
            assertThat(patches).extracting(PaintedPage.Patch::attrsOnly).containsExactly(true, false);
            assertThat(patches.get(0).html()).isEqualTo("<wx-view ms-id=\"4\" class=\"todo done\"></wx-view>");
            assertThat(patches.get(1).html()).isEqualTo("<wx-text ms-id=\"5\">✓</wx-text>");
        });
        // the elements of the new tree answer for the ids (a tap on the row reaches the new row)
        assertThat(after.elements().get(4)).isSameAs(row);
    }

    @Test
    @DisplayName("issue #10: an id held by an element still in the tree is never given to a new one standing where it stood")
    void anIdInUseIsNotReusedByPlace() {
        PagePainter painter = painter(Map.of(), false);
        VElement root = el("page", VElement.PAGE);
        VElement kept = el("view", VElement.PAGE);
        root.append(kept);
        PaintedPage before = painter.paint("r", 1, root);
        int keptId = before.idOf(kept).orElseThrow();
        // a new element now stands first (same tag, same template line), the old one second
        VElement fresh = el("view", VElement.PAGE);
        root.children().clear();
        root.append(fresh).append(kept);
        PaintedPage after = painter.paint("r", 1, root);
        assertThat(after.idOf(kept)).contains(keptId);
        assertThat(after.idOf(fresh)).isNotEqualTo(after.idOf(kept)).isPresent();
        assertThat(after.body()).containsOnlyOnce("ms-id=\"" + keptId + "\"");
    }

    // ---------------------------------------------------------------- issue #10's paint gaps

    private static VElement text(VElement e, String t) {
        e.append(new VText(t));
        return e;
    }

    @Test
    @DisplayName("issue #10 gaps: hover-class — a button's default button-hover (20/70 ms), a view's own classes and times, none, disabled")
    void hoverClassesAndTimesAreGivenToThePaintedElement() {
        VElement root = el("page", VElement.PAGE);
        root.append(text(el("button", VElement.PAGE), "b"))
                .append(el("view", VElement.PAGE, "hover-class", "pressed dark", "hover-stay-time", 300, "hover-stop-propagation", true))
                .append(el("view", VElement.PAGE))
                .append(el("button", VElement.PAGE, "hover-class", "none"))
                .append(el("button", VElement.PAGE, "disabled", true))
                .append(el("navigator", VElement.PAGE));
        String body = painter(Map.of(), false).paint("r", 1, root).body();
        assertThat(body).contains("<wx-button ms-id=\"2\" ms-hover=\"button-hover\" ms-hover-start=\"20\" ms-hover-stay=\"70\">")
                .contains("<wx-view ms-id=\"3\" ms-hover=\"pressed dark\" ms-hover-start=\"50\" ms-hover-stay=\"300\" ms-hover-stop>")
                .contains("<wx-view ms-id=\"4\">").contains("<wx-button ms-id=\"5\">").contains("<wx-button ms-id=\"6\" disabled>")
                .contains("<wx-navigator ms-id=\"7\" ms-hover=\"navigator-hover\" ms-hover-start=\"50\" ms-hover-stay=\"600\">");
        // the clients' pressed looks are in the base stylesheet
        PaintedPage p = painter(Map.of(), false).paint("r", 1, root);
        assertThat(p.css()).contains("wx-button[type=\"primary\"].button-hover { color: rgba(255,255,255,.6); background-color: #179b16; }")
                .contains(".navigator-hover {");
    }

    @Test
    @DisplayName("issue #10 gaps: hover-class inside an isolated component names the component's scoped class")
    void hoverClassOfAComponentIsScoped() {
        VElement root = el("page", VElement.PAGE);
        VElement host = el("card", VElement.PAGE);
        host.component("c1");
        root.append(host.append(el("view", "c1", "hover-class", "on")));
        String body = painter(Map.of(), false).paint("r", 1, root).body();
        assertThat(body).contains("ms-hover=\"" + PaintedClasses.scoped(PaintedClasses.scopeOf("components/card/card"), "on") + "\"");
    }

    @Test
    @DisplayName("issue #10 gaps: placeholder-class takes the page's rules for the class; placeholder-style (rpx) too; the clients' default class")
    void placeholderClassAndStyleStyleThePlaceholderOnly() {
        VElement root = el("page", VElement.PAGE);
        root.append(el("input", VElement.PAGE, "placeholder", "Name", "placeholder-class", "hint"))
                .append(el("input", VElement.PAGE, "placeholder", "Phone", "placeholder-style", "color: green; font-size: 28rpx"))
                .append(el("textarea", VElement.PAGE, "placeholder", "Note"));
        Map<String, String> files = Map.of("pages/index/index.wxss",
                ".hint { color: red }\n.other, .hint { font-style: italic }\n.hint-not { color: blue }\n.textarea-placeholder { color: gray }");
        String body = painter(files, false).paint("pages/index/index", 1, root).body();
        assertThat(body).contains("<style>[ms-id=\"2\"] > .ms-field::-webkit-input-placeholder { color: red;font-style: italic }")
                .doesNotContain("blue")
                .contains("<style>[ms-id=\"3\"] > .ms-field::-webkit-input-placeholder { color: green; font-size: 14px }")
                .contains("<style>[ms-id=\"4\"] > .ms-field::-webkit-input-placeholder { color: gray }");
        // the style element cannot end its rule or its element
        VElement evil = el("page", VElement.PAGE);
        evil.append(el("input", VElement.PAGE, "placeholder-style", "color:red}</style><script>x()</script>"));
        assertThat(painter(Map.of(), false).paint("r", 1, evil).body()).doesNotContain("<script>").doesNotContain("red}");
    }

    private static VElement swiper(Object... attrs) {
        VElement sw = el("swiper", VElement.PAGE, attrs);
        for (int i = 0; i < 4; i++) {
            sw.append(text(el("swiper-item", VElement.PAGE), "item" + i));
        }
        return sw;
    }

    @Test
    @DisplayName("issue #10 gaps: swiper — the current item shown, the one before it beside it, dots in the given colours")
    void swiperShowsItsCurrentItemAndDots() {
        VElement root = el("page", VElement.PAGE);
        root.append(swiper("current", 2, "indicator-dots", true, "indicator-active-color", "#07c160", "interval", 3000,
                "autoplay", true));
        String body = painter(Map.of(), false).paint("r", 1, root).body();
        assertThat(body).contains("ms-count=\"4\" ms-index=\"2\" ms-autoplay=\"3000\" ms-duration=\"500\"")
                .contains("<wx-swiper-item ms-id=\"3\" ms-item=\"0\">")
                .contains("<wx-swiper-item ms-id=\"4\" ms-item=\"1\" ms-before>")
                .contains("<wx-swiper-item ms-id=\"5\" ms-item=\"2\" ms-current>")
                .contains("<span class=\"ms-dots\"><i></i><i></i><i class=\"ms-dot-on\" style=\"background:#07c160\"></i><i></i></span>");
        // circular: the last item lies before the first
        VElement circ = el("page", VElement.PAGE);
        circ.append(swiper("circular", true));
        assertThat(painter(Map.of(), false).paint("r", 1, circ).body()).contains("ms-item=\"3\" ms-before>")
                .contains("ms-item=\"0\" ms-current>").contains(" ms-circular");
    }

    @Test
    @DisplayName("issue #10 gaps: a swiper the person moved shows the item they moved it to (Screen.current), not its template's current")
    void swiperFollowsTheUsersSwipe() {
        VElement root = el("page", VElement.PAGE);
        VElement sw = swiper("current", 0);
        root.append(sw);
        PagePainter painter = painter(Map.of(), false).values((e, attr) -> e == sw && attr.equals("current") ? 3 : e.attrs().get(attr));
        assertThat(painter.paint("r", 1, root).body()).contains("ms-index=\"3\"").contains("ms-item=\"3\" ms-current>");
    }

    @Test
    @DisplayName("issue #10 gaps: scroll-view — scroll-top (rpx), scroll-left, scroll-into-view, animation and its bound scroll events for page.js")
    void scrollViewCarriesWhereToScrollAndWhichEventsItHears() {
        VElement root = el("page", VElement.PAGE);
        VElement sv = el("scroll-view", VElement.PAGE, "scroll-y", true, "scroll-top", "200rpx", "scroll-into-view", "row3",
                "scroll-with-animation", true, "lower-threshold", 100);
        sv.bindings().add(new dev.minisim.view.Binding("scroll", false, false, false, "onScroll", VElement.PAGE));
        sv.bindings().add(new dev.minisim.view.Binding("scrollToLower", false, false, false, "onLower", VElement.PAGE));
        root.append(sv).append(el("scroll-view", VElement.PAGE, "scroll-x", true, "scroll-left", 30));
        String body = painter(Map.of(), false).paint("r", 1, root).body();
        assertThat(body).contains("ms-scroll-top=\"100\" ms-into-view=\"row3\" ms-lower=\"100\" ms-animated ms-on=\"scroll scrollToLower\"")
                .contains("<wx-scroll-view ms-id=\"3\" scroll-x ms-scroll-left=\"30\">");
    }

    @Test
    @DisplayName("issue #10 gaps: the page's onReachBottomDistance (page json, else app.json, else 50) and the window-only mark")
    void pageCarriesItsReachBottomDistanceAndTheLiveMark() {
        Map<String, String> files = Map.of("pages/index/index.json", "{\"onReachBottomDistance\": 120}",
                "app.json", "{\"window\": {\"onReachBottomDistance\": 80}}");
        assertThat(painter(files, false).paint("pages/index/index", 1, el("page", VElement.PAGE)).body())
                .startsWith("<wx-page ms-id=\"1\" ms-reach-bottom=\"120\">");
        assertThat(painter(files, false).paint("pages/other/other", 1, el("page", VElement.PAGE)).body())
                .startsWith("<wx-page ms-id=\"1\" ms-reach-bottom=\"80\">");
        assertThat(painter(Map.of(), false).live(true).paint("r", 1, el("page", VElement.PAGE)).body())
                .startsWith("<wx-page ms-id=\"1\" ms-reach-bottom=\"50\" ms-live>");
    }

    @Test
    @DisplayName("issue #10 gaps: <icon> types drawn as the clients draw them (SVG, no glyph to miss); an unknown type draws nothing")
    void iconTypesAreDrawn() {
        VElement root = el("page", VElement.PAGE);
        for (String t : List.of("success", "info", "warn", "waiting", "cancel", "download", "search", "clear", "success_no_circle")) {
            root.append(el("icon", VElement.PAGE, "type", t, "size", "60rpx"));
        }
        root.append(el("icon", VElement.PAGE, "type", "nonsense"));
        String body = painter(Map.of(), false).paint("r", 1, root).body();
        assertThat(body.split("<svg class=\"ms-icon-svg\" viewBox=\"0 0 24 24\" width=\"30\" height=\"30\"", -1)).hasSize(10);
        assertThat(body).contains("<i class=\"ms-icon ms-icon-search\"><svg").contains("<wx-icon ms-id=\"11\" type=\"nonsense\"></wx-icon>");
        // a filled circle with a white mark, except the bare marks
        assertThat(body.substring(body.indexOf("ms-icon-success\""))).startsWith("ms-icon-success\"><svg")
                .contains("<circle cx=\"12\" cy=\"12\" r=\"12\" fill=\"currentColor\"/><path d=\"M6.5 12.4");
    }

    @Test
    @DisplayName("issue #10 gaps: canvas, video, map... are labelled placeholders of the clients' default sizes")
    void placeholdersSayWhatTheyStandForAtTheClientsSize() {
        VElement root = el("page", VElement.PAGE);
        root.append(el("canvas", VElement.PAGE, "canvas-id", "chart")).append(el("video", VElement.PAGE, "src", "https://v.example/a.mp4"))
                .append(el("map", VElement.PAGE, "latitude", 23.1, "longitude", 113.3));
        PaintedPage p = painter(Map.of(), false).paint("r", 1, root);
        assertThat(p.body()).contains("<b>canvas</b><span class=\"ms-placeholder-what\">chart</span><span class=\"ms-placeholder-size\">300 × 150</span>")
                .contains("<b>video</b><span class=\"ms-placeholder-what\">https://v.example/a.mp4</span><span class=\"ms-placeholder-size\">300 × 225</span>")
                .contains("<b>map</b>");
        assertThat(p.css()).contains("wx-canvas, wx-map { display: block; width: 300px; height: 150px;")
                .contains("wx-video, wx-live-player, wx-live-pusher { display: inline-block; width: 300px; height: 225px;");
    }
}
