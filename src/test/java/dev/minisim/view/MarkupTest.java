package dev.minisim.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CONTRACT "Rendered markup". */
class MarkupTest {

    @Test
    @DisplayName("mini-program tag names, evaluated attributes incl. data-*, no control syntax nor bindings, closed, escaped, indented")
    void markup() {
        VElement root = ViewFixture.render("""
                <import src="x.wxml"/>
                <wxs module="m">module.exports = {};</wxs>
                <block wx:if="{{ok}}">
                  <view id="v" class="a {{cls}}" data-n="{{3}}" data-flag="{{false}}" hidden="{{false}}" bindtap="go" wx:key="k">
                    <text>{{msg}}</text>
                    <button disabled type="primary">Buy &amp; go</button>
                    <input value="{{quote}}"/>
                  </view>
                </block>
                """, "{'ok': true, 'cls': 'b', 'msg': '1 < 2 & 3 > 2', 'quote': 'say \\\"hi\\\"'}");
        assertThat(Markup.write(root)).isEqualTo("""
                <page>
                  <view id="v" class="a b" data-n="3" data-flag="false">
                    <text>1 &lt; 2 &amp; 3 &gt; 2</text>
                    <button disabled type="primary">Buy &amp; go</button>
                    <input value="say &quot;hi&quot;"></input>
                  </view>
                </page>
                """);
    }

    @Test
    @DisplayName("long text goes on its own line; hidden true is written")
    void longTextAndHidden() {
        VElement root = ViewFixture.render("<view hidden><text>" + "word ".repeat(20) + "</text></view>", "{}");
        assertThat(Markup.write(root)).isEqualTo("<page>\n  <view hidden>\n    <text>\n      "
                + "word ".repeat(20).trim() + "\n    </text>\n  </view>\n</page>\n");
    }
}
