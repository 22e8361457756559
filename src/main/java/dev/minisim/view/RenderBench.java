package dev.minisim.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The render benchmark (docs/notes-issue-view.md, issue 9 "Speed"): first render of a 1,000-row
 * {@code wx:for} list, a {@code setData} of one row, and for comparison a {@code setData} that
 * every row reads (a whole re-render). Numbers, not assertions:
 * {@code java -cp target/minisim.jar dev.minisim.view.RenderBench [rows] [runs]}.
 */
public final class RenderBench {

    static final String TEMPLATE = """
            <view class="list">
              <view wx:for="{{list}}" wx:key="id" class="row {{item.id == selected ? 'on' : ''}}"
                    data-id="{{item.id}}" bindtap="pick">
                <image src="{{item.icon}}"/>
                <text class="name">{{index + 1}}. {{item.name}}</text>
                <text class="price" wx:if="{{item.price > 0}}">¥{{item.price}}</text>
                <text wx:else>free</text>
              </view>
            </view>
            """;

    private RenderBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        TemplateSource files = TemplateSource.of(Map.of("pages/list/list.wxml", TEMPLATE));

        long t0 = System.nanoTime();
        PageView first = new PageView(files, "pages/list/list.wxml", null, d -> { });
        first.render(data(rows, -1, 0));
        double cold = ms(System.nanoTime() - t0);

        measure(files, rows, Math.max(10, runs / 2)); // warm-up: the JIT compiles the renderer
        double[][] m = measure(files, rows, runs);
        double[] render = m[0];
        double[] oneRow = m[1];
        double[] allRows = m[2];
        System.out.printf("rows=%d runs=%d%n", rows, runs);
        System.out.printf("first render, first in this JVM: %.1f ms%n", cold);
        System.out.printf("first render: median %.1f ms, p90 %.1f ms%n", median(render), p90(render));
        System.out.printf("setData of one row: median %.2f ms, p90 %.2f ms%n", median(oneRow), p90(oneRow));
        System.out.printf("setData that every row reads: median %.1f ms, p90 %.1f ms%n", median(allRows), p90(allRows));
    }

    /** Each phase in its own loop: first renders, then one-row setData, then setData every row reads. */
    private static double[][] measure(TemplateSource files, int rows, int runs) {
        double[] render = new double[runs];
        double[] oneRow = new double[runs];
        double[] allRows = new double[runs];
        for (int r = 0; r < runs; r++) {
            Map<String, Object> d = data(rows, -1, 0);
            long s = System.nanoTime();
            new PageView(files, "pages/list/list.wxml", null, x -> { }).render(d);
            render[r] = ms(System.nanoTime() - s);
        }
        PageView view = new PageView(files, "pages/list/list.wxml", null, x -> { });
        view.render(data(rows, -1, 0));
        for (int r = 0; r < runs; r++) {
            Map<String, Object> changed = data(rows, (r * 37) % rows, 0);
            long s = System.nanoTime();
            view.update(VElement.PAGE, changed);
            oneRow[r] = ms(System.nanoTime() - s);
        }
        for (int r = 0; r < runs; r++) {
            Map<String, Object> selected = data(rows, -1, 1 + r);
            long s = System.nanoTime();
            view.update(VElement.PAGE, selected);
            allRows[r] = ms(System.nanoTime() - s);
        }
        return new double[][] {render, oneRow, allRows};
    }

    /** Rows as Jackson would read them from the page's JSON: fresh maps every time. */
    static Map<String, Object> data(int rows, int changedRow, int selected) {
        List<Object> list = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("name", i == changedRow ? "changed " + System.nanoTime() : "item " + i);
            row.put("icon", "/img/" + (i % 10) + ".png");
            row.put("price", i % 3 == 0 ? 0 : i * 1.5);
            list.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("list", list);
        data.put("selected", selected);
        return data;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double p90(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(s.length * 0.9))];
    }
}
