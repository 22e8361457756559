package dev.minisim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** CONTRACT.md: "expect a transcript event matching the given fields (subset match)". */
class ExpectationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean matches(String expected, String actual) throws Exception {
        JsonNode e = JSON.readTree(expected);
        JsonNode a = JSON.readTree(actual);
        return Expectation.matches(e, a);
    }

    @Test
    void objectsMatchAsSubsetsRecursivelyAndNumbersByValue() throws Exception {
        String event = "{\"type\":\"callback\",\"payload\":{\"authCode\":\"x\",\"n\":1.0,\"list\":[1,{\"a\":1,\"b\":2}]}}";
        assertThat(matches("{\"type\":\"callback\"}", event)).isTrue();
        assertThat(matches("{\"payload\":{\"n\":1}}", event)).isTrue();
        assertThat(matches("{\"payload\":{\"list\":[1,{\"a\":1}]}}", event)).isTrue();
        assertThat(matches("{\"payload\":{\"list\":[1]}}", event)).isFalse();
        assertThat(matches("{\"payload\":{\"authCode\":\"y\"}}", event)).isFalse();
        assertThat(matches("{\"missing\":1}", event)).isFalse();
        assertThat(matches("{\"missing\":null}", event)).isTrue();
    }
}
