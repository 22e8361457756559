package dev.minisim.paint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC "Styles": rpx, @import, app then page, page as the root, component styles isolated; issue #10 part 1. */
class WxssTranslatorTest {

    private final List<String> warnings = new ArrayList<>();

    private WxssTranslator translator(Map<String, String> files) {
        return new WxssTranslator(PaintFiles.of(files), "wx-", 375, warnings::add);
    }

    @Test
    void rpxIsScreenWidthOver750Px() {
        // "rpx = screenWidth/750 px (375 -> 0.5px)"
        String css = translator(Map.of()).translate(".a { width: 750rpx; margin: 10rpx -3rpx; font-size: 28rpx; }", "x.wxss", null);
        assertThat(css).contains("width: 375px").contains("margin: 5px -1.5px").contains("font-size: 14px").doesNotContain("rpx");
        String wide = new WxssTranslator(PaintFiles.of(Map.of()), "wx-", 414, w -> { }).rpx("100rpx");
        assertThat(wide).isEqualTo("55.2px");
    }

    @Test
    void tagSelectorsNameThePaintedElementsAndPageIsTheRoot() {
        String css = translator(Map.of()).translate("page { background: #eee } view > text, .x button:not(.y) { color: red }", "p.wxss", null);
        assertThat(css).contains("wx-page {background: #eee}").contains("wx-view > wx-text, .x wx-button:not(.y)");
    }

    @Test
    void importsAreReadInPlaceRelativeOrFromTheRootAndNeverOutside() {
        Map<String, String> files = Map.of(
                "pages/a/a.wxss", "@import \"../../common/base.wxss\";\n@import '/common/two.wxss';\n@import \"../../../etc/passwd\";\n.page { color: red }",
                "common/base.wxss", ".base { margin: 20rpx }",
                "common/two.wxss", ".two { padding: 2px }");
        String css = translator(files).translateFile("pages/a/a.wxss", null);
        assertThat(css).contains(".base {margin: 10px}").contains(".two {padding: 2px}").contains(".page {color: red}");
        assertThat(css.indexOf(".base")).isLessThan(css.indexOf(".page"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("pages/a/a.wxss:3:").contains("outside the mini-program folder"));
    }

    @Test
    void componentClassesAreRenamedIntoTheComponentsScope() {
        // "component styles isolated (a component's classes only match inside it)"
        String css = translator(Map.of()).translate(".title { color: red } :host { display: block } .a .b view { x: y }",
                "components/card/card.wxss", "x-components-card-card");
        assertThat(css).contains(".x-components-card-card--title {color: red}")
                .contains("[ms-host~=\"x-components-card-card\"] {display: block}")
                .contains(".x-components-card-card--a .x-components-card-card--b wx-view");
    }

    @Test
    void brokenCssIsToleratedWithWarningsNamingFileAndLine() {
        String css = translator(Map.of()).translate(".ok { color: red }\n}\n.nest { color: blue; .inner { x: y } }\n.open { color: green",
                "pages/b/b.wxss", null);
        assertThat(css).contains(".ok {color: red}").contains(".nest {color: blue;").doesNotContain(".inner");
        assertThat(css).contains(".open {color: green}");
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("pages/b/b.wxss:2:").contains("unexpected '}'"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("pages/b/b.wxss:3:").contains("nested rule"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("pages/b/b.wxss:4:").contains("never closed"));
    }

    @Test
    void mediaBlocksAreTranslatedInsideAndKeyframesKept() {
        String css = translator(Map.of()).translate("@media (min-width: 100px) { view { width: 100rpx } }\n"
                + "@keyframes spin { from { transform: rotate(0) } to { transform: translateX(20rpx) } }", "a.wxss", null);
        assertThat(css).contains("@media (min-width: 100px) {\nwx-view {width: 50px}").contains("@keyframes spin")
                .contains("translateX(10px)");
    }

    @Test
    void urlsAreTheAppsOwnFilesAsDataUrlsAndNeverTheNetwork() {
        Map<String, String> files = Map.of("images/bg.png", "PNG");
        String css = translator(files).translate(".a { background: url(../../images/bg.png) } .b { background-image: url('https://cdn.example/x.png') }"
                + " .c { background: url(/../outside.png) }", "pages/a/a.wxss", null);
        assertThat(css).contains(".a {background: url(\"data:image/png;base64,UE5H\")}")
                .contains(".b {background-image: none}").contains(".c {background: none}").doesNotContain("cdn.example");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue #10 gaps: an icon font embedded as a data: URL of any font type is kept; sources that cannot load leave the src list")
    void embeddedIconFontsAreKeptAndUnloadableSourcesDropped() {
        String css = translator(Map.of("fonts/icons.ttf", "TTF")).translate("""
                @font-face { font-family: "iconfont";
                  src: url('//at.alicdn.com/t/font_1.eot?t=1') format('embedded-opentype'), /* IE */
                  url('data:application/x-font-woff2;charset=utf-8;base64,d09GMgAB') format('woff2'),
                  url('//at.alicdn.com/t/font_1.woff?t=1') format('woff'),
                  url('/fonts/icons.ttf') format('truetype'),
                  url('//at.alicdn.com/t/font_1.svg#iconfont') format('svg');
                }
                @font-face { font-family: "cdn-only"; src: url(https://cdn.example/a.woff2) format("woff2"); }""", "app.wxss", null);
        assertThat(css).contains("url(\"data:application/x-font-woff2;charset=utf-8;base64,d09GMgAB\") format('woff2'),")
                .contains("url(\"data:font/ttf;base64,VFRG\") format('truetype')\n")
                .doesNotContain("alicdn").doesNotContain("none format").doesNotContain("'truetype'),");
        // a font only on the network: the src list is empty (invalid, so the rule is ignored), never fetched
        assertThat(css).contains("font-family: \"cdn-only\"; src: ;").doesNotContain("cdn.example");
        // ... and says so where it is written, once per such font
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("app.wxss:8: @font-face \"cdn-only\" has no source MiniSim can load")
                .contains("put the font file in the mini-program folder");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue #10 (fidelity4): an @font-face whose only loadable source is WOFF2 says its glyphs show as boxes (JavaFX's WebKit has no WOFF2); one with a woff too does not")
    void aWoff2OnlyFontSaysItCannotBeDrawn() {
        translator(Map.of()).translate("""
                @font-face { font-family: "icons2";
                  src: url('//cdn.example/f.eot') format('embedded-opentype'),
                  url('data:application/x-font-woff2;charset=utf-8;base64,d09GMgAB') format('woff2'),
                  url('//cdn.example/f.woff') format('woff');
                }
                @font-face { font-family: "both"; src: url('data:font/woff2;base64,d09GMgAB'), url('data:font/woff;base64,d09GRgAB'); }""",
                "pages/e/e.wxss", null);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("pages/e/e.wxss:1: @font-face \"icons2\" has only a WOFF2 source")
                .contains("give it a woff, ttf or otf source too");
        assertThat(WxssTranslator.onlyWoff2("src: url(\"/f/a.woff2?v=1\")")).isTrue();
        assertThat(WxssTranslator.onlyWoff2("src: url(\"/f/a.ttf\") format('truetype')")).isFalse();
    }
}
