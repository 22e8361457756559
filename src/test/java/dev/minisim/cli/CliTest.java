package dev.minisim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT.md, "Commands" and "Exit status", and issue #2's "Bad input" list. */
class CliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.startsWith("WARNING")).toList();
        }
    }

    static synchronized Result cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path scenario(String json) throws Exception {
        Path f = dir.resolve("scenario.json");
        Files.writeString(f, json);
        return f;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TestApp app() {
        return TestApp.withPages(dir.resolve("app"), "pages/a/a")
                .file("pages/a/a.js", "Page({ hi() { console.log('hi'); } });")
                .file("pages/a/a.wxml", "<view>hi</view>");
    }

    @Test
    void runWritesTheTranscriptToStandardOutputEndingWithEnd() throws Exception {
        Result r = cli("run", app().dir().toString(), "--scenario",
                scenario("{\"steps\": [{\"call\": \"hi\"}, {\"expect\": {\"type\": \"console\", \"text\": \"hi\"}}]}").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("{\"seq\":1,\"t\":0,\"type\":\"lifecycle\"");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"seq\":" + lines.size() + ",").contains("\"type\":\"end\",\"status\":\"ok\"");
        assertThat(r.errLines()).isEmpty();
    }

    @Test
    void runWritesTheTranscriptToAFileWhenAsked() throws Exception {
        Path out = dir.resolve("t.jsonl");
        Result r = cli("run", app().dir().toString(), "--transcript", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllLines(out)).last().asString().contains("\"type\":\"end\"");
    }

    @Test
    void aFailedExpectIsExitOneWithTheStepAndTheClosestEvent() throws Exception {
        Result r = cli("run", app().dir().toString(), "--scenario",
                scenario("{\n\"steps\": [\n  {\"call\": \"hi\"},\n  {\"expect\": {\"type\": \"console\", \"text\": \"bye\"}}\n]}").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).contains("\"status\":\"failed\"");
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("minisim: " + dir.resolve("scenario.json") + ":4: step 2: expected an event matching")
                .contains("the last \"console\" event was").contains("\"text\":\"hi\"");
    }

    @Test
    void badInputIsExitTwoWithOneLineNamingTheFile() throws Exception {
        Result missing = cli("run", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("minisim: " + dir.resolve("nope") + ": no such folder");

        Files.createDirectories(dir.resolve("empty"));
        Result noApp = cli("run", dir.resolve("empty").toString());
        assertThat(noApp.code()).isEqualTo(2);
        assertThat(noApp.errLines()).singleElement().asString().endsWith("not a mini-program folder (no app.json)");

        TestApp broken = TestApp.withAppJson(dir.resolve("broken"), "{\n  \"pages\": [\"pages/a/a\",]\n}");
        Result badJson = cli("check", broken.dir().toString());
        assertThat(badJson.code()).isEqualTo(2);
        assertThat(badJson.errLines()).singleElement().asString().startsWith("minisim: app.json:2: column ")
                .contains("invalid JSON");

        Result badScenario = cli("run", app().dir().toString(), "--scenario",
                scenario("{\"steps\": [\n  {\"call\": \"hi\"},\n  {\"tapp\": \"#x\"}\n]}").toString());
        assertThat(badScenario.code()).isEqualTo(2);
        assertThat(badScenario.errLines()).containsExactly("minisim: " + dir.resolve("scenario.json")
                + ":3: step 2: unknown step kind \"tapp\"; a step is one of call, tap, input, change, see, notSee, wait, back, expect");
        assertThat(badScenario.out().lines()).last().asString().contains("\"type\":\"end\",\"status\":\"error\"");

        Result notJson = cli("run", app().dir().toString(), "--scenario", scenario("{\"steps\": [}").toString());
        assertThat(notJson.code()).isEqualTo(2);
        assertThat(notJson.errLines()).singleElement().asString().contains("scenario.json:1: column").contains("invalid JSON");
    }

    @Test
    void aMissingMethodAndATapEndTheRunWithExitOneAndAClearMessage() throws Exception {
        Result r = cli("run", app().dir().toString(), "--scenario", scenario("{\"steps\": [{\"call\": \"nope\"}]}").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString()
                .endsWith("step 1: page pages/a/a (pages/a/a.js) has no method \"nope\"; its methods: hi");
        assertThat(r.out()).contains("\"type\":\"end\",\"status\":\"error\"");

        Result tap = cli("run", app().dir().toString(), "--scenario", scenario("{\"steps\": [{\"tap\": \"#go\"}]}").toString());
        assertThat(tap.code()).isEqualTo(1);
        // CONTRACT: "A TARGET that matches nothing visible fails its step: an error naming the TARGET and the page"
        assertThat(tap.errLines()).singleElement().asString()
                .endsWith("step 1: tap \"#go\": nothing visible on page pages/a/a matches");
    }

    @Test
    void aSyntaxErrorInAPageIsExitOneNamingFileAndLineAndTheTranscriptStillEnds() throws Exception {
        TestApp app = app().file("pages/a/a.js", "Page({\n  hi() {\n    console.log('x'\n  },\n});");
        Result r = cli("run", app.dir().toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).contains("minisim: pages/a/a.js:4: SyntaxError: Expected , but found }");
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).contains("\"type\":\"end\"");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void checkListsEveryProblemWithFileAndLine() {
        TestApp app = TestApp.withPages(dir.resolve("c"), "pages/a/a", "pages/b/b", "pages/gone/gone")
                .file("pages/a/a.js", "const u = require('../../utils/u');\nPage({\n  x() {\n    return (;\n  },\n});")
                .file("pages/a/a.wxml", "<view>\n  <text>{{a < b ? 'x' : 'y'}}</text>\n  <view>\n</view>")
                .file("pages/b/b.js", "import { t } from './missing';\n// require('./also-missing') is only a comment\nPage({});")
                .file("pages/b/b.axml", "<view></text>")
                .file("pages/b/b.json", "{ \"usingComponents\": { \"x\": \"/components/x/x\", \"p\": \"plugin://nope/comp\" } }");
        Result r = cli("check", app.dir().toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out().lines()).contains(
                "pages/a/a.js:4: SyntaxError: Expected an operand but found ;",
                "pages/a/a.wxml:1: <view> is not closed (missing </view>)",
                "pages/b/b.js:1: cannot find module './missing'",
                "pages/b/b.axml:1: stray end tag </text> (no <text> is open)",
                "pages/b/b.axml:1: <view> is not closed (missing </view>)",
                "pages/b/b.json:1: component \"x\" (/components/x/x) not found",
                "pages/b/b.json:1: component \"p\" comes from plugin \"nope\", which app.json does not declare in \"plugins\"",
                "app.json:1: page \"pages/gone/gone\" is listed but pages/gone/gone.js does not exist",
                "8 problems found in " + real(app.dir()));
    }

    @Test
    void checkOnACleanFolderIsExitZero() {
        Result r = cli("check", app().dir().toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("ok: 1 pages checked");
    }

    @Test
    void decideMocksAndSeedConfigureTheRunFromTheCommandLine() throws Exception {
        TestApp app = TestApp.withPages(dir.resolve("cfg"), "pages/a/a").alipay().file("pages/a/a.js",
                "Page({ async go() {\n  const r = await my.request({ url: 'https://api.example/x' });\n"
                        + "  const a = await my.getAuthCode({ scopes: 'auth_user' });\n  console.log(r.data.v, a.authCode); } });");
        Path mocks = dir.resolve("mocks.json");
        Files.writeString(mocks, "{\"requests\": [{\"url\": \"https://api.example/x\", \"data\": {\"v\": 7}}]}");
        Path sc = scenario("{\"steps\": [{\"call\": \"go\"}]}");
        String[] args = {"run", app.dir().toString(), "--scenario", sc.toString(), "--decide", "getAuthCode=allow",
                "--mocks", mocks.toString(), "--seed", "5"};
        Result first = cli(args);
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("\"decision\":\"allow\",\"source\":\"policy\"").contains("\"text\":\"7 ");
        assertThat(cli(args).out()).isEqualTo(first.out());
        Result bad = cli("run", app.dir().toString(), "--decide", "getAuthcode=allow");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.errLines()).contains("minisim: --decide getAuthcode=allow: expected KIND=ANSWER with KIND one of "
                + "getAuthCode, signContract, plugin, confirm, modal, actionSheet, authorize, getUserProfile, getPhoneNumber, "
                + "getUserInfo, chooseAvatar, getAuthorize");
    }

    @Test
    void theFoldersMinisimJsonDecideIsTheStandingPolicyOfRunTooAndTheCommandLineWins() throws Exception {
        // README: "a standing policy ... the folder's minisim.json: {"decide": {...}} (the command line wins)"
        TestApp app = TestApp.withPages(dir.resolve("folderpolicy"), "pages/a/a").alipay()
                .file("minisim.json", "{\"decide\": {\"getAuthCode\": \"deny\"}}")
                .file("pages/a/a.js", "Page({ onLoad() { my.getAuthCode({ scopes: 'auth_user' })"
                        + ".then((r) => console.log('code', r.authCode.length), (e) => console.log('refused', e.error)); } });");
        Result folder = cli("run", app.dir().toString());
        assertThat(folder.code()).as(folder.toString()).isZero();
        assertThat(folder.out()).contains("\"decision\":\"deny\",\"source\":\"policy\"").contains("\"text\":\"refused ");
        Result line = cli("run", app.dir().toString(), "--decide", "getAuthCode=allow");
        assertThat(line.out()).as(line.toString()).contains("\"decision\":\"allow\",\"source\":\"policy\"").contains("\"text\":\"code ");
        Path sc = scenario("{\"steps\": [{\"expect\": {\"type\": \"decision\", \"decision\": \"deny\", \"source\": \"policy\"}}]}");
        Result suite = cli("test", app.dir().toString(), sc.toString());
        assertThat(suite.code()).as("test follows minisim.json's decide too: %s", suite).isZero();
    }

    @Test
    void helpAndVersionWorkAsAPicocliToolsDo() {
        assertThat(cli("--version").out()).startsWith("minisim ");
        Result help = cli("run", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--scenario=FILE").contains("--transcript=FILE").contains("Exit status:");
        assertThat(cli("run").code()).isEqualTo(2);
    }
}
