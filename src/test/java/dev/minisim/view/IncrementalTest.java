package dev.minisim.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC "Pages on screen": "setData re-renders what changed"; issue 9: one row's setData is not a re-render of the list. */
class IncrementalTest {

    static Map<String, Object> rows(int n, int changed, String newName) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("name", i == changed ? newName : "row " + i);
            list.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("list", list);
        data.put("selected", 3);
        return data;
    }

    static final String LIST = "<view class=\"list\"><view wx:for=\"{{list}}\" wx:key=\"id\" class=\"row {{item.id == selected ? 'on' : ''}}\""
            + " data-id=\"{{item.id}}\" bindtap=\"pick\"><text>{{index}}. {{item.name}}</text></view></view>";

    @Test
    @DisplayName("a setData of one row of a 1,000-row wx:for reuses the other rows' nodes")
    void oneRowOfMany() {
        PageView view = new PageView(TemplateSource.of(Map.of("pages/p/p.wxml", LIST)), "pages/p/p.wxml", null, d -> { });
        VElement root = view.render(rows(1000, -1, ""));
        VElement list = (VElement) root.children().get(0);
        List<VNode> before = new ArrayList<>(list.children());
        view.update(VElement.PAGE, rows(1000, 500, "changed"));
        VElement list2 = (VElement) root.children().get(0);
        assertThat(list2.children()).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            if (i == 500) {
                assertThat(list2.children().get(i)).isNotSameAs(before.get(i));
                assertThat(((VElement) list2.children().get(i)).text()).isEqualTo("500. changed");
            } else {
                assertThat(list2.children().get(i)).as("row %d", i).isSameAs(before.get(i));
            }
        }
        assertThat(list2.children()).allSatisfy(n -> assertThat(n.parent()).isSameAs(list2));
    }

    @Test
    @DisplayName("a row reading page data outside its item re-renders when that data changes")
    void rowsReadOuterData() {
        PageView view = new PageView(TemplateSource.of(Map.of("pages/p/p.wxml", LIST)), "pages/p/p.wxml", null, d -> { });
        VElement root = view.render(rows(10, -1, ""));
        VElement list = (VElement) root.children().get(0);
        List<VNode> before = new ArrayList<>(list.children());
        Map<String, Object> data = rows(10, -1, "");
        data.put("selected", 4);
        view.update(VElement.PAGE, data);
        VElement list2 = (VElement) root.children().get(0);
        assertThat(((VElement) list2.children().get(4)).attr("class")).isEqualTo("row on");
        assertThat(((VElement) list2.children().get(3)).attr("class")).isEqualTo("row ");
        // every row read `selected`, so each was rendered again
        assertThat(list2.children().get(0)).isNotSameAs(before.get(0));
    }

    @Test
    @DisplayName("inserting a row at the front shifts index: keyed rows that show index re-render, with the right text")
    void insertionShiftsIndex() {
        PageView view = new PageView(TemplateSource.of(Map.of("pages/p/p.wxml", LIST)), "pages/p/p.wxml", null, d -> { });
        VElement root = view.render(rows(3, -1, ""));
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) rows(3, -1, "").get("list");
        list.add(0, Map.of("id", 99, "name", "new"));
        view.update(VElement.PAGE, Map.of("list", list, "selected", 3));
        assertThat(root.text()).isEqualTo("0. new1. row 02. row 13. row 2");
    }
}
