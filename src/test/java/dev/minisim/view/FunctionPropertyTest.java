package dev.minisim.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 survey (EastWorld's wechat-app-mall, vant's calendar: {@code this.data.formatter is not
 * a function}): WeChat's Component docs — since base library 2.0.9 data and properties may hold
 * functions, so a function in the page's data written as a property value
 * ({@code formatter="{{ formatter }}"}, as vant documents it) reaches the component as that
 * function, also when the component passes it on to its own child. Fixture:
 * {@code src/test/resources/fidelity3-fnprop}.
 */
class FunctionPropertyTest {

    private static final Path APP = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources/fidelity3-fnprop");

    @Test
    void aFunctionInDataReachesTheComponentAndItsChild() {
        TestApp.Run run = TestApp.of(APP).run("""
                {"steps": [
                  {"see": {"selector": "#plain .cell", "text": "day 1"}},
                  {"see": {"selector": "#nested .cell", "text": "#2"}},
                  {"see": {"selector": "#looped .cell", "text": "day 3"}},
                  {"tap": ".swap"},
                  {"see": {"selector": "#plain .cell", "text": "swapped 1"}},
                  {"see": {"selector": "#looped .cell", "text": "swapped 3"}}
                ]}""");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().status()).as("%s", run).isEqualTo("ok");
    }
}
