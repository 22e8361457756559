package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #9, "Done when": "the transcript of a tapped flow matches the one of the same flow driven
 * by {@code call}" — for one real button of every bundled sample (sample-miniapps/*): tapping it
 * by its text writes the same transcript as calling its handler by name, apart from the lines that
 * only say how the step was given ({@code step}, {@code event}).
 */
class SampleTapVersusCallTest {

    @ParameterizedTest(name = "{0}: tap \"{1}\" = call {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sign-demo   | 开通免密支付     | onSign       | "signContract": ["allow"]
            auth-demo   | 授权 (回调)      | onAuthorize  | "getAuthCode": ["allow"]
            basics      | 详情             | openDetail   |
            plugin-demo | 签署（回调）     | basic        | "plugin": ["authSuccessCb"]
            ts-demo     | 加一个苹果       | addApple     |
            """)
    void aTappedButtonWritesTheSameTranscriptAsCallingItsHandler(String sample, String text, String handler, String decisions) {
        Path dir = Path.of(System.getProperty("minisim.repo", ".")).resolve("sample-miniapps").resolve(sample);
        String common = "\"decisions\": {" + (decisions == null ? "" : decisions) + "}, \"seed\": 7, \"now\": \"2026-11-22T10:00:00+08:00\"";
        TestApp.Run tapped = TestApp.of(dir).run("{" + common + ", \"steps\": [{\"tap\": {\"text\": \"" + text + "\"}}]}");
        TestApp.Run called = TestApp.of(dir).run("{" + common + ", \"steps\": [{\"call\": \"" + handler + "\", \"args\": [{}]}]}");
        assertThat(tapped.of("event")).as("%s", tapped).extracting(e -> e.str("handler")).contains(handler);
        assertThat(tapped.errors()).as("%s", tapped).isEmpty();
        assertThat(comparable(tapped)).as("%s", tapped).isEqualTo(comparable(called));
    }

    /** The transcript without what only says how the step was given (step lines, event lines). */
    private static List<String> comparable(TestApp.Run run) {
        return run.events().stream().filter(e -> !e.type().equals("step") && !e.type().equals("event"))
                .map(e -> e.type() + " " + new TreeMap<>(e.fields())).toList();
    }
}
