package dev.minisim.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC "Pages on screen": "Parsing is tolerant, as the vendors' compilers are". */
class TemplateParserTest {

    private static TNode.Element first(Template t) {
        return (TNode.Element) t.nodes.get(0);
    }

    @Test
    @DisplayName("valueless attributes (wx:else, checked, scroll-y: value true)")
    void valuelessAttributes() {
        VElement root = ViewFixture.render("<scroll-view scroll-y><checkbox checked/></scroll-view>", "{}");
        VElement sv = (VElement) root.children().get(0);
        assertThat(sv.attrs()).containsEntry("scroll-y", true);
        assertThat(((VElement) sv.children().get(0)).attrs()).containsEntry("checked", true);
    }

    @Test
    @DisplayName("unquoted values and attributes with no space between them")
    void unquotedAndNoSpace() {
        Template t = TemplateParser.parse("a.wxml", "<view id=a class=\"b\"data-x='1'style={{s}}>x</view>");
        TNode.Element e = first(t);
        assertThat(e.raw("id")).isEqualTo("a");
        assertThat(e.raw("class")).isEqualTo("b");
        assertThat(e.raw("data-x")).isEqualTo("1");
        assertThat(e.raw("style")).isEqualTo("{{s}}");
        assertThat(t.diagnostics()).isEmpty();
    }

    @Test
    @DisplayName("duplicate attributes (warning)")
    void duplicateAttribute() {
        Template t = TemplateParser.parse("a.wxml", "<view\n class=\"a\" class=\"b\"></view>");
        assertThat(first(t).raw("class")).isEqualTo("a");
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo("a.wxml:2");
            assertThat(d.message()).contains("duplicate attribute class");
        });
    }

    @Test
    @DisplayName("&& and < inside attribute values and inside {{ }}")
    void operatorsInsideValuesAndText() {
        VElement root = ViewFixture.render(
                "<view wx:if=\"{{a && b < 3}}\" data-n=\"{{b > 1 && a}}\">{{b < 3 && a ? 'yes' : 'no'}}</view>",
                "{'a': true, 'b': 2}");
        VElement v = (VElement) root.children().get(0);
        assertThat(v.text()).isEqualTo("yes");
        assertThat(v.dataset()).containsEntry("n", true);
    }

    @Test
    @DisplayName("self-closing custom tags and void elements closed or not")
    void selfClosingAndVoid() {
        Template t = TemplateParser.parse("a.wxml",
                "<my-card/><view><input value=\"1\"><image src=\"a.png\"></image><icon type=\"x\"/>t</view>");
        assertThat(t.diagnostics()).isEmpty();
        assertThat(first(t).tag).isEqualTo("my-card");
        assertThat(first(t).children).isEmpty();
        TNode.Element view = (TNode.Element) t.nodes.get(1);
        assertThat(view.children).extracting(n -> n instanceof TNode.Element e ? e.tag : "text")
                .containsExactly("input", "image", "icon", "text");
    }

    @Test
    @DisplayName("entities and comments")
    void entitiesAndComments() {
        VElement root = ViewFixture.render("<!-- a <view> in a comment --><text>a &amp; b &lt;c&gt; &#20320;&#x597D;</text>", "{}");
        assertThat(root.children()).hasSize(1);
        assertThat(((VElement) root.children().get(0)).text()).isEqualTo("a & b <c> 你好");
    }

    @Test
    @DisplayName("stray or missing end tags (warning with file:line)")
    void strayAndMissingEndTags() {
        Template t = TemplateParser.parse("p.wxml", "<view>\n<text>a</view>\n</span>\n<view>b");
        assertThat(t.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "p.wxml:2: warning: <text> is not closed before </view> at line 2",
                "p.wxml:3: warning: stray end tag </span> (no <span> is open)",
                "p.wxml:4: warning: <view> is not closed (missing </view>)");
        assertThat(t.nodes).hasSize(2);
    }

    @Test
    @DisplayName("the parser never throws on bad templates")
    void neverThrows() {
        for (String bad : List.of("<", "<view", "<view a=\"", "{{", "<view>{{a</view>", "</>", "<<>>", "<view a=>",
                "<wxs module=\"m\">var x = 1 < 2;", "<!--", "<view {{a}}>", "&#xZZ;&bogus;")) {
            Template t = TemplateParser.parse("bad.wxml", bad);
            assertThat(t.file()).isEqualTo("bad.wxml");
        }
        assertThat(TemplateParser.parse("bad.wxml", "<view a=\"").diagnostics()).isNotEmpty();
    }

    @Test
    @DisplayName("wxs content is script: '<' inside it is not a tag")
    void wxsContentIsRaw() {
        Template t = TemplateParser.parse("a.wxml", "<wxs module=\"m\">var a = 1 <b; module.exports = {};</wxs><view/>");
        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.nodes).hasSize(2);
    }

    @Test
    @DisplayName("each node knows its file:line; tags() lists elements for check")
    void linesAndTags() {
        Template t = TemplateParser.parse("pages/a/a.axml", "<view>\n  <button onTap=\"go\">\n go</button>\n</view>");
        assertThat(t.dialect()).isEqualTo(Dialect.AXML);
        assertThat(t.tags()).extracting(Template.Tag::name, Template.Tag::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("view", 1), org.assertj.core.groups.Tuple.tuple("button", 2));
        assertThat(t.tags().get(1).attrs()).containsEntry("onTap", "go");
    }

    @Test
    @DisplayName("handlers() lists the bindings of either dialect with their lines (for check)")
    void handlers() {
        Template wx = TemplateParser.parse("a.wxml", "<view bindtap=\"a\">\n<button catch:longpress=\"b\" data-x=\"1\"/></view>");
        assertThat(wx.handlers()).containsExactly(
                new Template.Handler("view", 1, "bindtap", "tap", "a"),
                new Template.Handler("button", 2, "catch:longpress", "longpress", "b"));
        Template my = TemplateParser.parse("a.axml", "<view onTap=\"go\" bindtap=\"x\" catchLongTap=\"{{h}}\"/>");
        assertThat(my.handlers()).containsExactly(
                new Template.Handler("view", 1, "onTap", "tap", "go"),
                new Template.Handler("view", 1, "catchLongTap", "longTap", "{{h}}"));
    }

    @Test
    @DisplayName("a slash with a space before '>' still self-closes; a stray slash is no attribute")
    void looseSlash() {
        Template t = TemplateParser.parse("a.wxml", "<my-icon name=\"x\" / ><view a / b>t</view>");
        assertThat(t.diagnostics()).isEmpty();
        assertThat(first(t).attrs).extracting(a -> a.name).containsExactly("name");
        TNode.Element view = (TNode.Element) t.nodes.get(1);
        assertThat(view.attrs).extracting(a -> a.name).containsExactly("a", "b");
        assertThat(view.children).hasSize(1);
    }
}
