package dev.minisim.paint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.view.VElement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #10 (paintgaps2): the markup the painter writes for the pickers' sheets, movable-views and
 * swipers with {@code display-multiple-items} (page.js acts on it in the window).
 */
class PagePainterBuiltinsTest {

    private static VElement el(String tag, Object... attrs) {
        VElement e = new VElement(tag, "pages/index/index.wxml", 1, VElement.PAGE);
        for (int i = 0; i < attrs.length; i += 2) {
            e.attrs().put((String) attrs[i], attrs[i + 1]);
        }
        return e;
    }

    private static String paint(VElement child) {
        return paint(child, (e, a) -> e.attrs().get(a));
    }

    private static String paint(VElement child, PagePainter.ControlValues values) {
        VElement root = el("page");
        root.append(child);
        return new PagePainter(PaintFiles.of(Map.of()), false, 375, id -> id).values(values).paint("r", 1, root).body();
    }

    /** The sheet JSON as it is in the attribute (HTML-unescaped). */
    private static String sheet(String body) {
        int at = body.indexOf("ms-picker=\"");
        assertThat(at).as("ms-picker in " + body).isPositive();
        int end = body.indexOf('"', at + 11);
        return body.substring(at + 11, end).replace("&quot;", "\"").replace("&amp;", "&");
    }

    @Test
    @DisplayName("issue #10: picker multiSelector — its columns (range-key read) and the rows selected, for the sheet")
    void multiSelectorColumns() {
        VElement p = el("picker", "mode", "multiSelector", "range-key", "name",
                "range", List.of(List.of(Map.of("name", "A"), Map.of("name", "B")), List.of(Map.of("name", "x"), Map.of("name", "y"), Map.of("name", "z"))),
                "value", List.of(1.0, 2.0));
        assertThat(sheet(paint(p))).isEqualTo("{\"mode\":\"multiSelector\",\"cols\":[{\"l\":[\"A\",\"B\"],\"v\":[\"0\",\"1\"]},"
                + "{\"l\":[\"x\",\"y\",\"z\"],\"v\":[\"0\",\"1\",\"2\"]}],\"sel\":[1, 2],\"start\":\"\",\"end\":\"\"}");
    }

    @Test
    @DisplayName("issue #10: picker date — years from start to end, the month's days, fields=month leaves the days out; a selector keeps its own list")
    void dateAndTimeColumns() {
        String date = sheet(paint(el("picker", "mode", "date", "value", "2024-02-10", "start", "2023-01-01", "end", "2025-12-31")));
        assertThat(date).contains("\"l\":[\"2023年\",\"2024年\",\"2025年\"]").contains("\"29日\"").doesNotContain("\"30日\"")
                .contains("\"sel\":[1, 1, 9]").contains("\"start\":\"2023-01-01\"");
        String month = sheet(paint(el("picker", "mode", "date", "fields", "month", "value", "2024-02", "start", "2024-01", "end", "2024-12")));
        assertThat(month).doesNotContain("日").contains("\"sel\":[0, 1]");
        String time = sheet(paint(el("picker", "mode", "time", "value", "09:05")));
        assertThat(time).contains("\"sel\":[9, 5]").contains("\"23\"").contains("\"59\"");
        // the user's choice (Screen.current) wins over the rendered value
        String chosen = sheet(paint(el("picker", "mode", "time", "value", "09:05"), (e, a) -> a.equals("value") ? "18:30" : e.attrs().get(a)));
        assertThat(chosen).contains("\"sel\":[18, 30]");
        // a selector: one column, its sheet too (its hidden list stays as the value's record)
        String selector = paint(el("picker", "range", List.of("a", "b"), "value", 1));
        assertThat(sheet(selector)).isEqualTo("{\"mode\":\"selector\",\"cols\":[{\"l\":[\"a\",\"b\"],\"v\":[\"0\",\"1\"]}],"
                + "\"sel\":[1],\"start\":\"\",\"end\":\"\"}");
        assertThat(selector).contains("ms-picker-select");
    }

    @Test
    @DisplayName("issue #10: picker region — the provinces with the value's city and district, custom-item first")
    void regionColumns() {
        String region = sheet(paint(el("picker", "mode", "region", "value", List.of("浙江省", "杭州市", "西湖区"), "custom-item", "全部")));
        assertThat(region).startsWith("{\"mode\":\"region\",\"cols\":[{\"l\":[\"全部\",\"北京市\"")
                .contains("{\"l\":[\"全部\",\"杭州市\"]").contains("{\"l\":[\"全部\",\"西湖区\"]").contains("\"sel\":[11, 1, 1]");
    }

    @Test
    @DisplayName("issue #10: a hostile range cannot end the attribute or the element")
    void pickerLabelsAreEscaped() {
        String body = paint(el("picker", "mode", "multiSelector", "range", List.of(List.of("\"><script>x</script>"))));
        assertThat(body).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    @DisplayName("issue #10: movable-view at its x / y (rpx converted), its direction, disabled as none, out-of-bounds")
    void movableViewPlacement() {
        String body = paint(el("movable-area").append(el("movable-view", "direction", "horizontal", "x", 30, "y", "100rpx",
                "style", "width: 50px;")));
        assertThat(body).contains("ms-movable=\"horizontal\"").contains("ms-x=\"30\"").contains("ms-y=\"50\"")
                .contains("style=\"width: 50px;-webkit-transform:translate(30px,50px);transform:translate(30px,50px)\"");
        assertThat(paint(el("movable-view", "direction", "all", "disabled", true, "out-of-bounds", true)))
                .contains("ms-movable=\"none\"").contains(" ms-oob");
        // where the person left it (Screen.current) wins over the template's x
        assertThat(paint(el("movable-view", "direction", "all", "x", 5), (e, a) -> a.equals("x") ? 90 : e.attrs().get(a)))
                .contains("ms-x=\"90\"");
    }

    @Test
    @DisplayName("issue #10: movable-view with scale — at its scale-value within scale-min .. scale-max (defaults 0.5 and 10), marked for page.js")
    void movableViewScale() {
        // WeChat docs: scale-value "定义缩放倍数，取值范围为 0.5 - 10"
        String body = paint(el("movable-view", "direction", "all", "scale", true, "scale-value", 2, "x", 10));
        assertThat(body).contains("transform:translate(10px,0px) scale(2)").contains("ms-scale=\"2\"")
                .contains("ms-scale-range=\"0.5,10\"");
        assertThat(paint(el("movable-view", "scale", true, "scale-value", 20, "scale-max", 4))).contains("scale(4)");
        // as the person left it (Screen.current) wins over the template's
        assertThat(paint(el("movable-view", "scale", true, "scale-value", 2), (e, a) -> a.equals("scale-value") ? 3 : e.attrs().get(a)))
                .contains("scale(3)");
        // without scale, no zoom and nothing for page.js
        assertThat(paint(el("movable-view", "scale-value", 2))).doesNotContain("scale(").doesNotContain("ms-scale");
    }

    @Test
    @DisplayName("issue #10: picker-view — each column a wheel with the mask and the indicator (their style, rpx converted, and class), value as the person left it")
    void pickerViewWheels() {
        // WeChat docs, picker-view: indicator-style "设置选择器中间选中框的样式", mask-style "设置蒙层的样式";
        // value "数组中的数字依次表示 picker-view 内的 picker-view-column 选择的第几项"
        VElement pv = el("picker-view", "value", List.of(1.0, 2.0), "indicator-style", "height: 100rpx;",
                "indicator-class", "band", "mask-style", "opacity: .5", "mask-class", "fade");
        VElement years = el("picker-view-column");
        years.append(el("view")).append(el("view"));
        pv.append(years).append(el("picker-view-column"));
        String body = paint(pv);
        assertThat(body).contains("ms-pv=\"[1,2]\"").contains("<div class=\"ms-pv-wrap\">");
        assertThat(body.split("ms-pv-col", -1)).hasSize(3);
        assertThat(body).contains("<div class=\"ms-pv-mask fade\" style=\"opacity: .5\"></div>"
                + "<div class=\"ms-pv-ind band\" style=\"height: 50px;\"></div><div class=\"ms-pv-content\">");
        // the value as the person left it (Screen.current) wins over the template's
        assertThat(paint(pv, (e, a) -> e == pv && a.equals("value") ? List.of(0, 0) : e.attrs().get(a))).contains("ms-pv=\"[0,0]\"");
        // a column outside a picker-view is no wheel
        assertThat(paint(el("picker-view-column"))).doesNotContain("ms-pv");
    }

    @Test
    @DisplayName("issue #10: swiper display-multiple-items — marked for page.js, and the last item shown is the last one")
    void swiperShowingSeveralItems() {
        VElement sw = el("swiper", "display-multiple-items", 3, "current", 4);
        for (int i = 0; i < 5; i++) {
            sw.append(el("swiper-item"));
        }
        String body = paint(sw);
        assertThat(body).contains("ms-multi=\"3\"").contains("ms-index=\"2\"");
    }

    @Test
    @DisplayName("issue #10: app.json useExtendedLib weui — the client's WeUI stylesheet comes before app.wxss (its SVG icons kept); not without it, nor for Alipay")
    void extendedWeuiStylesheet() {
        Map<String, String> files = Map.of("app.json", "{\"pages\": [\"r\"], \"useExtendedLib\": {\"weui\": \"latest\"}}",
                "app.wxss", ".mine { color: red }");
        String css = new PagePainter(PaintFiles.of(files), false, 375, id -> id).paint("r", 1, el("page")).css();
        assertThat(css).contains(".weui-cell {").contains("wx-page {--weui-BTN-HEIGHT:48")
                .contains("url(\"data:image/svg+xml");
        assertThat(css.indexOf(".weui-cell {")).isLessThan(css.indexOf(".mine"));
        String without = new PagePainter(PaintFiles.of(Map.of("app.json", "{}")), false, 375, id -> id).paint("r", 1, el("page")).css();
        assertThat(without).doesNotContain(".weui-cell");
        String alipay = new PagePainter(PaintFiles.of(files), true, 375, id -> id).paint("r", 1, el("page")).css();
        assertThat(alipay).doesNotContain(".weui-cell");
        // an app's own @import of MiniSim's folder name reads nothing else; an app's own SVG data URL is
        // drawn as any image (WebKit draws SVG images inert: SvgImagesTest)
        String own = new PagePainter(PaintFiles.of(Map.of("app.wxss", "@import \"/$minisim/weui/other.wxss\";\n.x { background: url('data:image/svg+xml,<svg/>') }")),
                false, 375, id -> id).paint("r", 1, el("page")).css();
        assertThat(own).doesNotContain(".weui-cell").contains("url(\"data:image/svg+xml,<svg/>\")");
    }

    // ---------------------------------------------------------------- fidelity4: the official demos' gaps

    private static String paintOn(boolean alipay, VElement child) {
        VElement root = el("page");
        root.append(child);
        return new PagePainter(PaintFiles.of(Map.of()), alipay, 375, id -> id).paint("r", 1, root).body();
    }

    private static VElement with(VElement parent, VElement... children) {
        for (VElement c : children) {
            parent.append(c);
        }
        return parent;
    }

    @Test
    @DisplayName("issue #10 (fidelity4): a page-container shows nothing until `show`; then its children sit in a panel at its position over a mask")
    void pageContainerIsAPopup() {
        String hidden = paint(with(el("page-container", "show", false), el("button")));
        assertThat(hidden).contains("ms-position=\"bottom\"").doesNotContain("ms-show");
        String shown = paint(with(el("page-container", "show", true, "position", "right", "round", true,
                "custom-style", "padding: 20rpx", "overlay-style", "background: rgba(255,255,255,.5)", "z-index", 300), el("button")));
        assertThat(shown).contains(" ms-show").contains("ms-position=\"right\"").contains(" ms-round")
                .contains("<div class=\"ms-pc-mask\" style=\"z-index:300;background: rgba(255,255,255,.5)\"></div>")
                .contains("<div class=\"ms-pc-panel\" style=\"z-index:300;padding: 10px\"><wx-button");
        assertThat(shown.indexOf("</wx-button></div></wx-page-container>")).isPositive();
        assertThat(paint(el("page-container", "show", true, "overlay", false, "position", "sideways")))
                .contains(" ms-no-overlay").contains("ms-position=\"bottom\"");
        String css = PagePainter.resource("base.css");
        assertThat(css).contains("P-page-container { display: none; }").contains("P-page-container[ms-show] { display: block;");
    }

    @Test
    @DisplayName("issue #10 (fidelity4): WeChat's scroll-view holds its children in a block of its own (its display:flex lays out nothing of theirs) unless enable-flex; Alipay's holds them itself")
    void weChatScrollViewContent() {
        assertThat(paintOn(false, with(el("scroll-view", "scroll-y", true), el("view"))))
                .contains("<div class=\"ms-sv-in\"><wx-view").contains("</wx-view></div></wx-scroll-view>");
        assertThat(paintOn(false, with(el("scroll-view", "scroll-x", true, "enable-flex", true), el("view"))))
                .doesNotContain("ms-sv-in");
        assertThat(paintOn(true, with(el("scroll-view", "scroll-y", true), el("view")))).doesNotContain("ms-sv-in");
        assertThat(PagePainter.resource("base.css")).contains(".ms-sv-in { display: block; width: 100%;");
    }

    @Test
    @DisplayName("issue #10 (fidelity4): a radio-group shows one radio chosen, the last checked one (the group unchecks the one before); a radio alone keeps its own")
    void radioGroupShowsOneChosen() {
        String body = paint(with(el("view"),
                with(el("radio-group"), el("radio", "id", "a", "checked", "true"), with(el("label"), el("radio", "id", "b", "checked", true)),
                        el("radio", "id", "c")),
                el("radio", "id", "alone", "checked", true)));
        assertThat(radioTag(body, "a")).doesNotContain(" checked");
        assertThat(radioTag(body, "b")).contains(" checked");
        assertThat(radioTag(body, "c")).doesNotContain(" checked");
        assertThat(radioTag(body, "alone")).contains(" checked");
        // what the person chose (Screen.current) decides, as before
        String chosen = paint(with(el("radio-group"), el("radio", "id", "a"), el("radio", "id", "b", "checked", true)),
                (e, a) -> a.equals("checked") && e.tag().equals("radio") ? (Object) "a".equals(e.id()) : e.attrs().get(a));
        assertThat(radioTag(chosen, "a")).contains(" checked");
        assertThat(radioTag(chosen, "b")).doesNotContain(" checked");
    }

    /** The opening tag of the radio whose id is {@code value}. */
    private static String radioTag(String body, String value) {
        int at = body.indexOf("id=\"" + value + "\"");
        assertThat(at).as("radio " + value + " in " + body).isPositive();
        int start = body.lastIndexOf("<wx-radio", at);
        return body.substring(start, body.indexOf('>', at) + 1);
    }

    @Test
    @DisplayName("issue #10 (fidelity4): progress takes WeChat's older `color`, border-radius and font-size; slider its track colour")
    void progressAndSliderColours() {
        String progress = paint(el("progress", "percent", 80, "color", "#10AEFF", "border-radius", "4", "show-info", true, "font-size", "12"));
        assertThat(progress).contains("ms-progress-fill\" style=\"width:80%;background:#10AEFF;border-radius:4px\"")
                .contains("<span class=\"ms-progress-info\" style=\"font-size:12px\">80%</span>");
        assertThat(paint(el("progress", "percent", 50, "color", "red", "activeColor", "blue")))
                .contains("background:blue").doesNotContain("background:red");
        assertThat(paint(el("slider", "value", 10, "backgroundColor", "#ccc")))
                .contains("<span class=\"ms-slider-track\" style=\"background:#ccc\"");
    }

    @Test
    @DisplayName("issue #10 (fidelity4): Alipay's checkbox carries a-checkbox, a-checkbox-checked, a-checkbox-disabled, which libraries style by (mini-antui's am-checkbox)")
    void alipayCheckboxStateClasses() {
        assertThat(paintOn(true, el("checkbox", "class", "box", "checked", true, "disabled", true)))
                .contains("class=\"box a-checkbox a-checkbox-checked a-checkbox-disabled\"");
        assertThat(paintOn(true, el("checkbox"))).contains("class=\"a-checkbox\"");
        assertThat(paintOn(false, el("checkbox", "checked", true))).doesNotContain("a-checkbox");
    }

    @Test
    @DisplayName("issue #10 (fidelity4): an editor is a block (it was painted as an empty inline: its page's border and height showed nothing) with its placeholder")
    void editorIsABlockWithItsPlaceholder() {
        assertThat(paint(el("editor", "placeholder", "Write here...")))
                .contains("<div class=\"ms-editor-in\"><span class=\"ms-editor-ph\">Write here...</span></div></wx-editor>");
        assertThat(PagePainter.resource("base.css")).contains("P-editor { display: block;");
    }

    @Test
    @DisplayName("issue #10 (fidelity4): Alipay's style given as an object is its declarations (mini-antui's amount-input hides its placeholder so); WeChat's stays text")
    void alipayStyleObject() {
        Map<String, Object> style = new java.util.LinkedHashMap<>();
        style.put("visibility", "hidden");
        style.put("marginTop", "10rpx");
        style.put("color", null);
        assertThat(paintOn(true, el("text", "style", style))).contains("style=\"visibility: hidden; margin-top: 5px\"");
        assertThat(paintOn(false, el("text", "style", style))).doesNotContain("margin-top");
    }
}
