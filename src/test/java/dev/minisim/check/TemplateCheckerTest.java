package dev.minisim.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CONTRACT.md, check: "parse ... every listed page's ... template ... list every problem with its file and line". */
class TemplateCheckerTest {

    @Test
    void balancedTemplatesWithMustachesQuotesSelfClosingAndWxsPass() {
        String wxml = "<view class=\"a > b\" wx:if=\"{{x > 1 && y < 2}}\">\n"
                + "  <image src=\"{{src}}\" />\n  <input value='{{v}}'>\n  <!-- <view> in a comment -->\n"
                + "  <wxs module=\"m\">var a = 1 < 2; module.exports = { a: a };</wxs>\n"
                + "  <block wx:for=\"{{list}}\"><text>{{item.name}}</text></block>\n</view>\n";
        assertThat(TemplateChecker.check("t.wxml", wxml)).isEmpty();
    }

    @Test
    void aMisnestedCloseNamesBothLines() {
        assertThat(TemplateChecker.check("t.wxml", "<view>\n  <text>\n</view>"))
                .extracting(Problem::toString)
                .containsExactly("t.wxml:3: </view> found, but <text> (line 2) is not closed yet");
    }

    @Test
    void anUnterminatedTagIsReported() {
        assertThat(TemplateChecker.check("t.axml", "<view>\n<text class=\"x\"\n"))
                .extracting(Problem::toString).containsExactly("t.axml:2: tag <text> is not closed with '>'");
    }
}
