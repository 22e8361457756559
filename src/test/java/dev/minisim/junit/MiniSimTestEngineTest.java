package dev.minisim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Issue #11, item 5: a JUnit Platform engine that discovers {@code scenarios/*.json} under a
 * configured folder and reports each as a test (driven here through the engine API, as a build
 * tool's launcher drives it).
 */
class MiniSimTestEngineTest {

    @TempDir
    Path dir;

    private void app(String name, String... scenarios) throws Exception {
        TestApp app = TestApp.withPages(dir.resolve("apps/" + name), "pages/a/a")
                .file("pages/a/a.js", "Page({ hi() { console.log('hi'); } });")
                .file("pages/a/a.wxml", "<view>hi</view>");
        Files.createDirectories(app.dir().resolve("scenarios"));
        for (int i = 0; i < scenarios.length; i += 2) {
            Files.writeString(app.dir().resolve("scenarios/" + scenarios[i] + ".json"), scenarios[i + 1]);
        }
    }

    private static final String PASSES = "{\"steps\": [{\"call\": \"hi\"}, {\"expect\": {\"type\": \"console\", \"text\": \"hi\"}}]}";
    private static final String FAILS = "{\"steps\": [{\"call\": \"hi\"}, {\"expect\": {\"type\": \"console\", \"text\": \"bye\"}}]}";

    record Finished(String name, TestExecutionResult.Status status, String message) {
    }

    private static EngineDiscoveryRequest request(DiscoverySelector... selectors) {
        return new EngineDiscoveryRequest() {
            @Override
            public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> type) {
                return List.of(selectors).stream().filter(type::isInstance).map(type::cast).toList();
            }

            @Override
            public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> type) {
                return List.of();
            }

            @Override
            public ConfigurationParameters getConfigurationParameters() {
                return new ConfigurationParameters() {
                    @Override
                    public Optional<String> get(String key) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Boolean> getBoolean(String key) {
                        return Optional.empty();
                    }

                    @Override
                    public <T> Optional<T> get(String key, Function<String, T> transformer) {
                        return Optional.empty();
                    }

                    @Override
                    @SuppressWarnings("deprecation")
                    public int size() {
                        return 0;
                    }

                    @Override
                    public java.util.Set<String> keySet() {
                        return java.util.Set.of();
                    }
                };
            }
        };
    }

    private static List<Finished> execute(TestDescriptor root) {
        List<Finished> finished = new ArrayList<>();
        EngineExecutionListener listener = new EngineExecutionListener() {
            @Override
            public void executionFinished(TestDescriptor d, TestExecutionResult result) {
                if (d.isTest()) {
                    finished.add(new Finished(d.getDisplayName(), result.getStatus(),
                            result.getThrowable().map(Throwable::getMessage).orElse("")));
                }
            }

            @Override
            public void reportingEntryPublished(TestDescriptor d, ReportEntry entry) {
            }
        };
        @SuppressWarnings("deprecation")
        ExecutionRequest request = new ExecutionRequest(root, listener, request().getConfigurationParameters());
        new MiniSimTestEngine().execute(request);
        return finished;
    }

    @Test
    @DisplayName("a folder of mini-programs: each scenarios/*.json is a test under its app; a failed one says why, with the transcript")
    void discoversAndRunsEveryScenario() throws Exception {
        app("one", "a", PASSES, "b", FAILS);
        app("two", "c", PASSES);
        Files.createDirectories(dir.resolve("apps/not-an-app/scenarios"));

        TestDescriptor root = new MiniSimTestEngine().discover(request(DiscoverySelectors.selectDirectory(dir.resolve("apps").toFile())),
                UniqueId.forEngine(MiniSimTestEngine.ID));

        assertThat(root.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("one", "two");
        assertThat(root.getDescendants()).filteredOn(TestDescriptor::isTest).extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder("a", "b", "c");
        List<Finished> results = execute(root);
        assertThat(results).extracting(Finished::name, Finished::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", TestExecutionResult.Status.SUCCESSFUL),
                org.assertj.core.groups.Tuple.tuple("b", TestExecutionResult.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("c", TestExecutionResult.Status.SUCCESSFUL));
        assertThat(results.get(1).message()).contains("b.json:1: step 2: expected an event matching")
                .contains("transcript:").contains("\"type\":\"end\",\"status\":\"failed\"");
    }

    @Test
    @DisplayName("a class marked @MiniSimScenarios: the folders it names; an invalid scenario is a failed test with its line")
    void markedClassAndInvalidFile() throws Exception {
        app("one", "bad", "{\n\"steps\": [\n {\"tapp\": 1}\n]}");
        TestDescriptor root = new MiniSimTestEngine().discover(request(DiscoverySelectors.selectClass(SampleLike.class)),
                UniqueId.forEngine(MiniSimTestEngine.ID));
        // SampleLike names a folder relative to the working directory: the repository's samples
        assertThat(root.getChildren()).singleElement().extracting(TestDescriptor::getDisplayName).isEqualTo("SampleLike");
        assertThat(root.getDescendants()).filteredOn(TestDescriptor::isTest).extracting(TestDescriptor::getDisplayName)
                .contains("success", "allow", "cart");

        TestDescriptor one = new MiniSimTestEngine().discover(request(DiscoverySelectors.selectFile(
                dir.resolve("apps/one/scenarios/bad.json").toFile())), UniqueId.forEngine(MiniSimTestEngine.ID));
        List<Finished> results = execute(one);
        assertThat(results).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(f.message()).contains("bad.json:3: step 1: unknown step kind \"tapp\"");
        });
    }

    @Test
    @DisplayName("a class without the mark and a folder without mini-programs give no tests")
    void nothingToDiscover() {
        TestDescriptor root = new MiniSimTestEngine().discover(request(DiscoverySelectors.selectClass(MiniSimTestEngineTest.class),
                DiscoverySelectors.selectDirectory(dir.toFile())), UniqueId.forEngine(MiniSimTestEngine.ID));
        assertThat(root.getChildren()).isEmpty();
    }

    @MiniSimScenarios("sample-miniapps")
    static final class SampleLike {
    }
}
