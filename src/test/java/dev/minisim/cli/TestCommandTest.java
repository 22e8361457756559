package dev.minisim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CONTRACT.md, "test APP_DIR [SCENARIO...] [--junit FILE]", and issue #11: every scenario in one
 * process, one line per scenario, then "N passed, M failed"; exit 0 all passed, 1 any failed,
 * 2 bad input; an invalid file fails with its line while the others run.
 */
class TestCommandTest {

    @TempDir
    Path dir;

    private TestApp app() throws Exception {
        TestApp app = TestApp.withPages(dir.resolve("app"), "pages/a/a")
                .file("pages/a/a.js", "Page({ hi() { console.log('hi'); } });")
                .file("pages/a/a.wxml", "<view>hi</view>");
        Files.createDirectories(app.dir().resolve("scenarios"));
        return app;
    }

    private static void scenario(TestApp app, String name, String json) throws Exception {
        Files.writeString(app.dir().resolve("scenarios/" + name + ".json"), json);
    }

    private static final String PASSES = "{\"steps\": [{\"call\": \"hi\"}, {\"expect\": {\"type\": \"console\", \"text\": \"hi\"}}]}";

    @Test
    @DisplayName("every scenario of APP_DIR/scenarios runs, one line each in name order, then 'N passed, M failed'; exit 0")
    void allPassed() throws Exception {
        TestApp app = app();
        scenario(app, "b-second", PASSES);
        scenario(app, "a-first", "{\"steps\": [{\"call\": \"hi\"}]}");

        CliTest.Result r = CliTest.cli("test", app.dir().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("passed  a-first   +\\d+ ms");
        assertThat(lines.get(1)).matches("passed  b-second  +\\d+ ms");
        assertThat(lines.get(2)).isEqualTo("2 passed, 0 failed");
        assertThat(r.errLines()).isEmpty();
    }

    @Test
    @DisplayName("issue #11: scenarios in one process do not share state (module variables, globals, built-in prototypes, storage)")
    void scenariosInOneProcessDoNotShareState() throws Exception {
        // every run bumps a module-level counter, a global, a built-in prototype and storage; with
        // per-process caches (bootstrap sources, bundled profiles, the app's files) a leak would
        // show as a 2 in the second scenario
        TestApp app = TestApp.withPages(dir.resolve("app"), "pages/a/a")
                .file("pages/a/a.js", """
                        let n = 0;
                        const api = typeof wx !== 'undefined' ? wx : my;
                        Page({ hi() {
                          n++;
                          globalThis.g = (globalThis.g || 0) + 1;
                          const fresh = [].leak === undefined && ({}).leak === undefined;
                          Array.prototype.leak = 1;
                          Object.prototype.leak = 1;
                          api.setStorageSync('k', (api.getStorageSync('k') || 0) + 1);
                          console.log('n=' + n + ' g=' + globalThis.g + ' s=' + api.getStorageSync('k') + ' fresh=' + fresh);
                        } });
                        """)
                .file("pages/a/a.wxml", "<view>hi</view>");
        Files.createDirectories(app.dir().resolve("scenarios"));
        String once = "{\"steps\": [{\"call\": \"hi\"}, {\"expect\": {\"type\": \"console\", \"text\": \"n=1 g=1 s=1 fresh=true\"}}]}";
        scenario(app, "a-first", once);
        scenario(app, "b-second", once);
        scenario(app, "c-third", once);

        CliTest.Result r = CliTest.cli("test", app.dir().toString());

        assertThat(r.out()).as(r.toString()).endsWith("3 passed, 0 failed\n");
        assertThat(r.code()).isZero();
    }

    @Test
    @DisplayName("an invalid file is failed with its file:line and the others still run; a failed expect says which; exit 1")
    void invalidFileFailsWithItsLineAndTheOthersRun() throws Exception {
        TestApp app = app();
        scenario(app, "a-ok", PASSES);
        scenario(app, "b-invalid", "{\n  \"steps\": [\n    {\"tapp\": \"#x\"}\n  ]\n}");
        scenario(app, "c-expect", "{\"steps\": [\n {\"call\": \"hi\"},\n {\"expect\": {\"type\": \"console\", \"text\": \"bye\"}}\n]}");
        scenario(app, "d-ok", PASSES);

        CliTest.Result r = CliTest.cli("test", app.dir().toString());

        assertThat(r.code()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("passed  a-ok");
        assertThat(lines.get(1)).startsWith("failed  b-invalid")
                .contains(app.dir().resolve("scenarios/b-invalid.json") + ":3: step 1: unknown step kind \"tapp\"");
        assertThat(lines.get(2)).startsWith("failed  c-expect")
                .contains("c-expect.json:3: step 2: expected an event matching");
        assertThat(lines.get(3)).startsWith("passed  d-ok");
        assertThat(lines.get(4)).isEqualTo("2 passed, 2 failed");
    }

    @Test
    @DisplayName("--jobs 2 plays two scenarios at a time: the same lines, in file order, and the same exit status")
    void jobs() throws Exception {
        TestApp app = app();
        scenario(app, "a-ok", PASSES);
        scenario(app, "b-invalid", "{\"steps\": [{\"tapp\": 1}]}");
        scenario(app, "c-expect", "{\"steps\": [{\"call\": \"hi\"}, {\"expect\": {\"type\": \"console\", \"text\": \"bye\"}}]}");
        scenario(app, "d-ok", PASSES);
        scenario(app, "e-ok", PASSES);

        CliTest.Result one = CliTest.cli("test", app.dir().toString(), "--jobs", "1");
        CliTest.Result two = CliTest.cli("test", app.dir().toString(), "--jobs", "2");
        CliTest.Result byDefault = CliTest.cli("test", app.dir().toString());

        assertThat(two.code()).isEqualTo(one.code()).isEqualTo(1);
        assertThat(withoutTimes(two.out())).isEqualTo(withoutTimes(one.out()));
        assertThat(two.out()).endsWith("3 passed, 2 failed\n");
        assertThat(byDefault.code()).isEqualTo(1);
        assertThat(withoutTimes(byDefault.out())).isEqualTo(withoutTimes(one.out()));
    }

    @Test
    @DisplayName("issue #11 (warm runs): without --jobs, one scenario per core plays at a time, never more than there are scenarios")
    void jobsDefaultToTheCores() {
        assertThat(TestCommand.jobs(null, 2, 50)).isEqualTo(2);
        assertThat(TestCommand.jobs(null, 8, 3)).isEqualTo(3);
        assertThat(TestCommand.jobs(null, 1, 50)).isEqualTo(1);
        assertThat(TestCommand.jobs(null, 0, 50)).isEqualTo(1);
        assertThat(TestCommand.jobs(1, 8, 50)).isEqualTo(1);
        assertThat(TestCommand.jobs(4, 2, 50)).isEqualTo(4);
        assertThat(TestCommand.jobs(4, 2, 3)).isEqualTo(3);
    }

    private static List<String> withoutTimes(String out) {
        return out.lines().map(l -> l.replaceAll("\\s+\\d+ ms", " _ ms")).toList();
    }

    @Test
    @DisplayName("SCENARIO arguments choose the files; --junit writes one testcase per scenario, failures with why and the transcript")
    void namedScenariosAndJUnitXml() throws Exception {
        TestApp app = app();
        Path ok = dir.resolve("ok.json");
        Path bad = dir.resolve("bad.json");
        Files.writeString(ok, PASSES);
        Files.writeString(bad, "{\"steps\": [{\"call\": \"hi\"}, {\"expect\": {\"type\": \"console\", \"text\": \"bye\"}}]}");
        scenario(app, "not-chosen", "{\"steps\": [{\"call\": \"nope\"}]}");
        Path xml = dir.resolve("report.xml");

        CliTest.Result r = CliTest.cli("test", app.dir().toString(), ok.toString(), bad.toString(), "--junit", xml.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("not-chosen").endsWith("1 passed, 1 failed\n");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("app");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element passed = (Element) cases.item(0);
        Element failed = (Element) cases.item(1);
        assertThat(passed.getAttribute("name")).isEqualTo("ok");
        assertThat(passed.getElementsByTagName("failure").getLength()).isZero();
        assertThat(failed.getAttribute("name")).isEqualTo("bad");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("bad.json:1: step 2: expected an event matching");
        assertThat(failed.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("\"type\":\"console\"").contains("\"type\":\"end\",\"status\":\"failed\"");
    }

    @Test
    @DisplayName("bad input is exit 2 with one line: not a mini-program folder, or no scenarios")
    void badInput() throws Exception {
        CliTest.Result missing = CliTest.cli("test", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("minisim: " + dir.resolve("nope") + ": no such folder");

        TestApp app = app();
        CliTest.Result none = CliTest.cli("test", app.dir().toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.errLines()).singleElement().asString().contains("no scenario files");
    }
}
