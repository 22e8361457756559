package dev.minisim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.minisim.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue #11, item 4: the JSON Schema of scenario files (docs/scenario.schema.json), checked in so
 * that editors validate and complete scenarios, says what MiniSim's own validation
 * ({@link ScenarioParser}) says: every bundled sample's scenario passes both, and each scenario
 * below is accepted by both or rejected by both.
 */
class ScenarioSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of(System.getProperty("minisim.repo", "."));
    private static final Schema SCHEMA = schema();

    private static Schema schema() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(Files.readString(REPO.resolve("docs/scenario.schema.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> schemaErrors(String json) throws IOException {
        return SCHEMA.validate(JSON.readTree(json)).stream().map(Error::toString).toList();
    }

    @TestFactory
    @DisplayName("every bundled sample's scenario is valid for the schema and for MiniSim")
    Stream<DynamicTest> bundledScenarios() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(REPO.resolve("sample-miniapps"), 3)) {
            files = s.filter(p -> p.getParent().getFileName().toString().equals("scenarios") && p.toString().endsWith(".json"))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream().map(f -> DynamicTest.dynamicTest(REPO.resolve("sample-miniapps").relativize(f).toString(), () -> {
            assertThat(schemaErrors(Files.readString(f))).isEmpty();
            ScenarioParser.read(f);
        }));
    }

    /** Scenarios both must accept: every step kind, both TARGET forms, every top-level key. */
    private static final List<String> VALID = List.of(
            "{}",
            "{\"$schema\": \"../../docs/scenario.schema.json\", \"description\": \"d\", \"comment\": \"c\"}",
            "{\"page\": \"pages/a/a?x=1\", \"query\": {\"orderId\": \"42\", \"n\": 3}, \"profile\": \"kyc\", \"seed\": 7,"
                    + " \"user\": {\"nickName\": \"小明\"}, \"device\": {\"model\": \"X\"}, \"jumpToTimeout\": 500,"
                    + " \"now\": \"2026-11-22T10:00:00+08:00\"}",
            "{\"decisions\": {\"getAuthCode\": [\"allow\", {\"allow\": [\"auth_user\"]}, \"cancel\"], \"signContract\": \"6001\","
                    + " \"plugin\": [\"signSuccessCb\"], \"confirm\": [\"cancel\"]}}",
            "{\"requests\": [{\"url\": \"https://x.example/a\", \"method\": \"POST\", \"status\": 500, \"data\": {}},"
                    + " {\"callFunction\": \"login\", \"result\": {}}, {\"collection\": \"todos\", \"data\": []}]}",
            "{\"steps\": [{\"call\": \"onSign\", \"args\": [{\"type\": \"tap\"}], \"comment\": \"why\"}, {\"tap\": \"#b\"},"
                    + " {\"tap\": {\"text\": \"授权\"}}, {\"tap\": {\"selector\": \"button\", \"index\": 1}},"
                    + " {\"input\": \"input\", \"value\": \"abc\"}, {\"input\": {\"selector\": \"#n\"}, \"value\": 3},"
                    + " {\"change\": \"picker\", \"value\": [1, 2]}, {\"see\": \".ok\"}, {\"notSee\": {\"text\": \"x\"}},"
                    + " {\"wait\": 1500}, {\"wait\": 0.5}, {\"back\": 1}, {\"tab\": 1}, {\"tab\": \"日志\"}, {\"expect\": {\"type\": \"callback\"}, \"times\": 0},"
                    + " {\"expect\": {\"type\": \"anything\", \"x\": 1}}]}");

    /** Scenarios both must reject, each for one reason. */
    private static final List<String> INVALID = List.of(
            "[]",
            "{\"stepz\": []}",
            "{\"platform\": \"wechat\"}",
            "{\"page\": \"  \"}",
            "{\"page\": 3}",
            "{\"query\": \"x=1\"}",
            "{\"profile\": 2}",
            "{\"decisions\": [\"allow\"]}",
            "{\"decisions\": {\"getAuthcode\": [\"allow\"]}}",
            "{\"decisions\": {\"getAuthCode\": []}}",
            "{\"requests\": {\"url\": \"x\"}}",
            "{\"requests\": [{\"method\": \"GET\"}]}",
            "{\"requests\": [{\"url\": 3}]}",
            "{\"steps\": {\"call\": \"x\"}}",
            "{\"steps\": [\"tap #x\"]}",
            "{\"steps\": [{}]}",
            "{\"steps\": [{\"tapp\": \"#x\"}]}",
            "{\"steps\": [{\"tap\": \"#x\", \"call\": \"y\"}]}",
            "{\"steps\": [{\"call\": \"\"}]}",
            "{\"steps\": [{\"call\": \"x\", \"args\": 1}]}",
            "{\"steps\": [{\"tap\": \"#x\", \"times\": 1}]}",
            "{\"steps\": [{\"call\": \"x\", \"value\": 1}]}",
            "{\"steps\": [{\"tap\": \" \"}]}",
            "{\"steps\": [{\"tap\": 3}]}",
            "{\"steps\": [{\"tap\": {\"index\": 1}}]}",
            "{\"steps\": [{\"tap\": {\"selector\": \"#x\", \"nth\": 1}}]}",
            "{\"steps\": [{\"tap\": {\"selector\": \"#x\", \"index\": -1}}]}",
            "{\"steps\": [{\"tap\": {\"text\": 3}}]}",
            "{\"steps\": [{\"input\": \"#x\"}]}",
            "{\"steps\": [{\"input\": \"#x\", \"value\": true}]}",
            "{\"steps\": [{\"change\": \"#x\"}]}",
            "{\"steps\": [{\"wait\": -1}]}",
            "{\"steps\": [{\"wait\": \"1s\"}]}",
            "{\"steps\": [{\"back\": 0}]}",
            "{\"steps\": [{\"tab\": -1}]}",
            "{\"steps\": [{\"tab\": \" \"}]}",
            "{\"steps\": [{\"tab\": true}]}",
            "{\"steps\": [{\"expect\": {}}]}",
            "{\"steps\": [{\"expect\": \"callback\"}]}",
            "{\"steps\": [{\"expect\": {\"type\": \"x\"}, \"times\": -1}]}",
            "{\"seed\": \"x\"}",
            "{\"user\": \"小明\"}",
            "{\"device\": []}",
            "{\"jumpToTimeout\": -5}",
            "{\"now\": \"yesterday\"}");

    @TestFactory
    @DisplayName("valid for MiniSim and for the schema alike")
    Stream<DynamicTest> validForBoth() {
        return VALID.stream().map(json -> DynamicTest.dynamicTest(json, () -> {
            assertThat(schemaErrors(json)).isEmpty();
            ScenarioParser.parse(json, "s.json");
        }));
    }

    @TestFactory
    @DisplayName("invalid for MiniSim and for the schema alike")
    Stream<DynamicTest> invalidForBoth() {
        return INVALID.stream().map(json -> DynamicTest.dynamicTest(json, () -> {
            assertThat(schemaErrors(json)).as("schema errors").isNotEmpty();
            assertThatThrownBy(() -> ScenarioParser.parse(json, "s.json")).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("s.json:");
        }));
    }

    @Test
    @DisplayName("the schema's top-level keys and prompt kinds are the ones MiniSim knows")
    void sameNames() throws IOException {
        JsonNode schema = JSON.readTree(REPO.resolve("docs/scenario.schema.json").toFile());
        Set<String> kinds = new TreeSet<>();
        schema.at("/properties/decisions/propertyNames/enum").forEach(k -> kinds.add(k.asText()));
        assertThat(kinds).isEqualTo(new TreeSet<>(Scenario.PROMPT_KINDS));
        List<String> keys = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            // each key the schema allows is one the parser takes (a wrong type is what fails, not the key)
            try {
                ScenarioParser.parse("{\"" + key + "\": {\"no\": [1]}}", "s.json");
            } catch (BadInputException e) {
                assertThat(e.getMessage()).as(key).doesNotContain("unknown key");
            }
        }
        assertThatThrownBy(() -> ScenarioParser.parse("{\"nope\": 1}", "s.json")).hasMessageContaining("unknown key");
    }
}
