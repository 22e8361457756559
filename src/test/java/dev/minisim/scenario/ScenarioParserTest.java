package dev.minisim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minisim.BadInputException;
import org.junit.jupiter.api.Test;

/** CONTRACT.md, "Scenario file (JSON)". */
class ScenarioParserTest {

    @Test
    void theContractsExampleParses() throws Exception {
        Scenario s = ScenarioParser.parse("""
                {
                  "page": "pages/index/index",
                  "query": {"orderId": "42"},
                  "profile": "default",
                  "decisions": {
                    "getAuthCode": ["allow", {"allow": ["auth_user"]}, "cancel"],
                    "signContract": ["allow", "6001"],
                    "plugin": ["signSuccessCb"]
                  },
                  "requests": [
                    {"url": "https://merchant.example/consult", "method": "POST", "status": 200,
                     "data": {"signStr": "https://openauth.example/authentication.htm?authId=FBF1"}}
                  ],
                  "steps": [
                    {"call": "onSign", "args": [{"type": "tap"}]},
                    {"tap": "#sign-button"},
                    {"wait": 1500},
                    {"back": 1},
                    {"expect": {"type": "callback", "api": "signContract", "callback": "success"}}
                  ]
                }""", "s.json");
        assertThat(s.page()).isEqualTo("pages/index/index");
        assertThat(s.query()).containsEntry("orderId", "42");
        assertThat(s.decisions().get("getAuthCode")).hasSize(3);
        assertThat(s.requests()).hasSize(1);
        assertThat(s.steps()).extracting(Step::line).containsExactly(15, 16, 17, 18, 19);
        assertThat(s.steps().get(0)).isInstanceOfSatisfying(Step.Call.class, c -> {
            assertThat(c.method()).isEqualTo("onSign");
            assertThat(c.args()).containsExactly(java.util.Map.of("type", "tap"));
        });
        assertThat(s.steps().get(2)).isEqualTo(new Step.Wait(3, 17, s.steps().get(2).source(), 1500));
    }

    @Test
    void mistakesAreNamedWithFileLineAndWhatToWrite() {
        assertThatThrownBy(() -> ScenarioParser.parse("{\"stepz\": []}", "s.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("s.json:1: unknown key \"stepz\"; a scenario has page, query, profile, decisions, requests, steps");
        assertThatThrownBy(() -> ScenarioParser.parse("{\"steps\": [\n{\"wait\": -1}]}", "s.json"))
                .hasMessage("s.json:2: step 1: \"wait\" must be a number of milliseconds");
        assertThatThrownBy(() -> ScenarioParser.parse("{\"steps\": [{\"call\": \"a\", \"back\": 1}]}", "s.json"))
                .hasMessage("s.json:1: step 1 has both \"call\" and \"back\"; one kind per step");
        assertThatThrownBy(() -> ScenarioParser.parse("{\"steps\": [{\"expect\": {}}]}", "s.json"))
                .hasMessageContaining("\"expect\" must be an object of event fields");
        assertThatThrownBy(() -> ScenarioParser.parse("{\"decisions\": {\"getAuthCode\": []}}", "s.json"))
                .hasMessage("s.json:1: decisions for \"getAuthCode\" is empty; give at least one answer");
        assertThatThrownBy(() -> ScenarioParser.parse("{\"decisions\":\n {\"getAuthcode\": [\"allow\"]}}", "s.json"))
                .hasMessageStartingWith("s.json:2: unknown prompt kind \"getAuthcode\" in decisions; the kinds are getAuthCode, ");
        assertThatThrownBy(() -> ScenarioParser.parse("{\"steps\": [{\"expect\": {\"type\": \"x\"}, \"times\": -1}]}", "s.json"))
                .hasMessage("s.json:1: step 1: \"times\" must be a count, 0 or more");
    }
}
