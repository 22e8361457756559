package dev.minisim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.view.ComponentHost;
import dev.minisim.view.PageView;
import dev.minisim.view.Selector;
import dev.minisim.view.TemplateSource;
import dev.minisim.view.VElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, part 4 (the brief's rule for recorded taps): "the most stable target — an id selector
 * if the element has an id, else a selector/text+index that the scenario's TARGET rules resolve to
 * that same element, verified by resolving it back at record time".
 */
class TargetPickerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static VElement render(String template) {
        return new PageView(TemplateSource.of(Map.of("pages/p/p.wxml", template)), "pages/p/p.wxml", ComponentHost.NONE,
                d -> { }).render(Map.of());
    }

    private static List<VElement> all(VElement root, String tag) {
        List<VElement> out = new ArrayList<>();
        root.walk(e -> {
            if (e.tag().equals(tag)) {
                out.add(e);
            }
        });
        return out;
    }

    /** The target resolved with the scenario's own rules. */
    private static Optional<VElement> resolve(VElement root, JsonNode target) {
        if (target.isTextual()) {
            return Selector.find(root, target.asText(), null, 0);
        }
        return Selector.find(root, target.path("selector").asText(null), target.path("text").asText(null),
                target.path("index").asInt(0));
    }

    @Test
    void anIdWinsAndEveryTargetResolvesBackToItsElement() throws Exception {
        VElement root = render("""
                <view class="page">
                  <button id="pay" class="primary">付款</button>
                  <button class="row">删除</button>
                  <button class="row">删除</button>
                  <view class="row" data-i="1">删除</view>
                  <view hidden>删除</view>
                  <input name="remark"/>
                  <input/>
                </view>""");
        List<VElement> buttons = all(root, "button");
        assertThat(TargetPicker.forAction(root, buttons.get(0), true)).contains(JSON.readTree("\"#pay\""));
        // same text twice: the second needs its index
        assertThat(TargetPicker.forAction(root, buttons.get(1), true))
                .contains(JSON.readTree("{\"selector\": \"button\", \"text\": \"删除\"}"));
        assertThat(TargetPicker.forAction(root, buttons.get(2), true))
                .contains(JSON.readTree("{\"selector\": \"button\", \"text\": \"删除\", \"index\": 1}"));
        // a field is named by its name, not by its (changing) text; a bare one by its tag and index
        List<VElement> inputs = all(root, "input");
        assertThat(TargetPicker.forAction(root, inputs.get(0), false)).contains(JSON.readTree("\"input[name=remark]\""));
        assertThat(TargetPicker.forAction(root, inputs.get(1), false))
                .contains(JSON.readTree("{\"selector\": \"input\", \"index\": 1}"));
        root.walk(e -> {
            if (!e.hidden()) {
                for (boolean tap : new boolean[] {true, false}) {
                    Optional<JsonNode> t = TargetPicker.forAction(root, e, tap);
                    assertThat(t).as("a target for %s", e).isPresent();
                    assertThat(resolve(root, t.get())).as("%s resolves to %s", t.get(), e).containsSame(e);
                }
            }
        });
    }

    @Test
    void aHiddenElementHasNoTarget() {
        // nothing a TARGET names can be hidden (CONTRACT: "A TARGET that matches nothing visible fails")
        VElement root = render("<view><view hidden><button>x</button></view></view>");
        assertThat(TargetPicker.forAction(root, all(root, "button").get(0), true)).isEmpty();
    }

    @Test
    void aSeeTargetAlwaysCarriesTheText() throws Exception {
        VElement root = render("<view><view class=\"outcome\">signed</view><view>signed</view></view>");
        List<VElement> views = all(root, "view");
        assertThat(TargetPicker.forSee(root, views.get(1)))
                .contains(JSON.readTree("{\"selector\": \"view.outcome\", \"text\": \"signed\"}"));
        assertThat(TargetPicker.forSee(root, views.get(2)))
                .contains(JSON.readTree("{\"selector\": \"view\", \"text\": \"signed\", \"index\": 1}"));
    }
}
