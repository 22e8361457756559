package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, picker-view headless: a scenario's {@code change} on a picker-view gives its
 * {@code bindchange} {@code detail.value}, the row of every column (WeChat docs: "滚动选择时触发
 * change事件，event.detail = {value}"), and the page re-renders from it. Fixture:
 * {@code src/test/resources/pickerview-app} (a date wheel whose days follow the month).
 */
class PickerViewScenarioTest {

    private static final Path APP = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources/pickerview-app");

    @Test
    void aChangeTurnsTheWheelAndTheDaysFollow() {
        TestApp.Run run = TestApp.of(APP).run(read(APP.resolve("scenarios/turn.json")));
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().status()).as("%s", run).isEqualTo("ok");
        // as the window does when the person turns the wheel: pickstart, pickend, then change
        // (bindpickstart "当滚动选择开始时候触发事件", bindpickend "当滚动选择结束时候触发事件"), so a
        // recorded session replays to the same transcript
        assertThat(run.events().stream().filter(e -> e.type().equals("console")).map(e -> String.valueOf(e.get("text"))))
                .containsSubsequence("pickstart", "pickend", "change [2,1,28]");
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
