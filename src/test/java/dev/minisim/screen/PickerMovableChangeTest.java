package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACT "{"change": TARGET, "value": V} — picker ... fire change with detail.value = V" for the
 * pickers' other modes and movable-view (issue #10, paintgaps2): headless as in the window.
 */
class PickerMovableChangeTest {

    @TempDir
    Path dir;

    private TestApp.Run run(String wxml, String js, String steps) {
        return TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.wxml", wxml)
                .file("pages/index/index.js", js)
                .run("{\"steps\": " + steps + "}");
    }

    @Test
    void aMultiSelectorsChangeTurnsTheColumnsThatDifferFirst() {
        // the client fires columnchange for each column turned before the sheet's change
        TestApp.Run run = run("<picker id=\"p\" mode=\"multiSelector\" range=\"{{r}}\" value=\"{{v}}\" "
                        + "bindcolumnchange=\"col\" bindchange=\"ch\"><view>pick</view></picker>",
                """
                Page({ data: { r: [['a', 'b'], ['x', 'y', 'z']], v: [0, 2] },
                  col(e) { console.log('column', e.detail.column, e.detail.value); },
                  ch(e) { console.log('change', JSON.stringify(e.detail.value)); this.setData({ v: e.detail.value }); } })""",
                "[{\"change\": \"#p\", \"value\": [1, 2]}, {\"change\": \"#p\", \"value\": [0, 0]}]");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.logs()).containsExactly("column 0 1", "change [1,2]", "column 0 0", "column 1 0", "change [0,0]");
    }

    @Test
    void dateTimeAndRegionChangesCarryTheClientsValues() {
        TestApp.Run run = run("<picker id=\"d\" mode=\"date\" value=\"2024-01-01\" bindchange=\"ch\"><view>d</view></picker>"
                        + "<picker id=\"r\" mode=\"region\" bindchange=\"ch\"><view>r</view></picker>",
                "Page({ ch(e) { console.log(e.currentTarget.id, JSON.stringify(e.detail.value)); } })",
                "[{\"change\": \"#d\", \"value\": \"2025-06-30\"}, {\"change\": \"#r\", \"value\": [\"浙江省\", \"杭州市\", \"西湖区\"]}]");
        assertThat(run.logs()).as("%s", run).containsExactly("d \"2025-06-30\"", "r [\"浙江省\",\"杭州市\",\"西湖区\"]");
    }

    @Test
    void aMovableViewsChangeCarriesXYAndSource() {
        TestApp.Run run = run("<movable-area><movable-view id=\"m\" direction=\"all\" x=\"{{10}}\" bindchange=\"mv\">m</movable-view></movable-area>",
                "Page({ mv(e) { console.log(e.detail.x, e.detail.y, e.detail.source); } })",
                "[{\"change\": \"#m\", \"value\": {\"x\": 40, \"y\": 25}}]");
        assertThat(run.logs()).as("%s", run).containsExactly("40 25 touch");
        assertThat(run.of("event")).singleElement().satisfies(e -> assertThat(e.get("name")).isEqualTo("change"));
    }

    @Test
    void aMovableViewWithScaleZoomsAndTellsScaleNotChange() {
        // WeChat docs, movable-view: scale "是否支持双指缩放", bindscale "缩放过程中触发的事件，
        // event.detail = {x, y, scale}"; a scenario's change with {scale} zooms it and it stays so
        TestApp.Run run = run("<movable-area><movable-view id=\"m\" direction=\"all\" scale x=\"{{10}}\" y=\"{{20}}\" "
                        + "bindscale=\"sc\" bindchange=\"mv\">m</movable-view></movable-area>",
                "Page({ sc(e) { console.log('scale', e.detail.x, e.detail.y, e.detail.scale); }, mv(e) { console.log('change'); } })",
                "[{\"change\": \"#m\", \"value\": {\"scale\": 2}}, {\"change\": \"#m\", \"value\": {\"x\": 30, \"y\": 5, \"scale\": 1.5}}]");
        assertThat(run.logs()).as("%s", run).containsExactly("scale 10 20 2", "scale 30 5 1.5");
        assertThat(run.of("event")).extracting(e -> e.get("name")).containsExactly("scale", "scale");
    }
}
