package dev.minisim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mount benchmark's mini-program (docs/benchmarks.md, issue #9 "Speed"): one WeChat page
 * whose initial {@code data} holds a list of {@code rows} objects ({@code {id, name, price,
 * tags[2], info{city, ok}}}, about 100 bytes of JSON each, as a region or product list), of which
 * it renders the first 20; a scenario taps a row (a {@code setData} of one path key) and checks
 * the page. Written to a fresh temporary folder; its page's JSON size is {@link #dataKilobytes}.
 */
final class BigDataApp {

    final Path dir;
    final Path scenario;
    final int rows;

    private BigDataApp(Path dir, int rows) {
        this.dir = dir;
        this.scenario = dir.resolve("mount.json");
        this.rows = rows;
    }

    static BigDataApp write(int rows) {
        try {
            Path dir = Files.createTempDirectory("minisim-bench-");
            BigDataApp app = new BigDataApp(dir, rows);
            Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/list/list\"]}");
            Files.writeString(dir.resolve("app.js"), "App({});");
            Path page = Files.createDirectories(dir.resolve("pages/list"));
            Files.writeString(page.resolve("list.json"), "{}");
            Files.writeString(page.resolve("list.js"), """
                    const row = (i) => ({ id: i, name: 'item ' + i, price: i * 1.5, tags: ['a' + i, 'b'],
                      info: { city: 'city ' + (i %% 50), ok: i %% 2 === 0 } });
                    const list = [];
                    for (let i = 0; i < %d; i++) list.push(row(i));
                    const shown = [];
                    for (let i = 0; i < 20 && i < list.length; i++) shown.push(row(i));
                    Page({
                      data: { list, shown, taps: 0 },
                      pick(e) {
                        const taps = this.data.taps + 1;
                        this.setData({ taps, ['shown[' + e.currentTarget.dataset.i + '].name']: 'picked' });
                      },
                    });
                    """.formatted(rows));
            Files.writeString(page.resolve("list.wxml"), """
                    <view class="taps">{{taps}}</view>
                    <view wx:for="{{shown}}" wx:key="id" class="row" data-i="{{index}}" bindtap="pick">
                      <text>{{item.name}}</text> <text>{{item.info.city}}</text> <text>¥{{item.price}}</text>
                    </view>
                    """);
            Files.writeString(app.scenario, """
                    {"steps": [{"tap": ".row"}, {"see": {"selector": ".taps", "text": "1"}},
                               {"see": {"selector": ".row text", "text": "picked"}}]}
                    """);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the page's initial data as JSON, in KB (the list and its first 20 again). */
    double dataKilobytes() {
        long bytes = 0;
        for (int i = 0; i < rows; i++) {
            bytes += row(i).length() + 1;
        }
        for (int i = 0; i < Math.min(20, rows); i++) {
            bytes += row(i).length() + 1;
        }
        return bytes / 1024.0;
    }

    private static String row(int i) {
        double price = i * 1.5;
        String p = price == Math.rint(price) ? String.valueOf((long) price) : String.valueOf(price);
        return "{\"id\":" + i + ",\"name\":\"item " + i + "\",\"price\":" + p + ",\"tags\":[\"a" + i + "\",\"b\"],"
                + "\"info\":{\"city\":\"city " + (i % 50) + "\",\"ok\":" + (i % 2 == 0) + "}}";
    }

    /** Removes the folder (best effort: it is a temporary one). */
    void delete() {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left in the temporary folder
        }
    }
}
