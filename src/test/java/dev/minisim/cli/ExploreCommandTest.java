package dev.minisim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT.md, "Commands" (explore) and "Explore": standard output, --json, --html, --max, --kinds, exit codes. */
class ExploreCommandTest {

    private static final String OK_APP = "src/test/resources/explore/auth-sign";
    private static final String BUG_APP = "src/test/resources/explore/auth-sign-bug";

    @TempDir
    Path dir;

    @Test
    @DisplayName("CONTRACT: standard output has one line per branch (its answers and outcome), then a summary; exit 0 when every branch is ok")
    void linesAndSummary() {
        CliTest.Result r = CliTest.cli("explore", OK_APP, "--scenario", OK_APP + "/scenarios/start.json");

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(22);
        assertThat(lines.get(0)).startsWith("ok      getAuthCode=allow signContract=allow  pages: pages/index/index  text: \"signed as auth_user+USER_NAME 开始\"");
        assertThat(lines).contains("ok      getAuthCode=deny/cancel/1001  pages: pages/index/index  text: \"auth failed 1001 开始\"");
        assertThat(lines.get(21)).isEqualTo("21 branches: 21 ok, 0 failed");
    }

    @Test
    @DisplayName("CONTRACT: --json writes {branches: [{path: [{kind, decision, answers}], status, errors: [{message, source}], pages}], total, failed}; exit 1 on any error")
    void jsonShape() throws Exception {
        Path json = dir.resolve("tree.json");
        CliTest.Result r = CliTest.cli("explore", BUG_APP, "--scenario", BUG_APP + "/scenarios/start.json", "--json", json.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        // a branch that is not ok says its outcome and its first problem on its own line
        assertThat(r.out().lines().toList().get(1)).isEqualTo("error   getAuthCode=allow signContract=cancel/6001  pages: "
                + "pages/index/index  text: \"idle 开始\"  error: pages/index/index.js:11: TypeError: Cannot read property "
                + "'length' of undefined (in my.signContract fail callback)");
        assertThat(r.out().lines().toList().get(21)).isEqualTo("21 branches: 9 ok, 12 failed");
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        assertThat(names(root)).containsExactly("branches", "total", "failed");
        assertThat(root.path("total").asInt()).isEqualTo(21);
        assertThat(root.path("failed").asInt()).isEqualTo(12);
        JsonNode first = root.path("branches").get(0);
        assertThat(names(first)).containsExactly("path", "status", "errors", "pages");
        assertThat(names(first.path("path").get(0))).containsExactly("kind", "decision", "answers");
        JsonNode failing = root.path("branches").get(1);
        assertThat(failing.path("path").get(1).path("kind").asText()).isEqualTo("signContract");
        assertThat(failing.path("path").get(1).path("decision").asText()).isEqualTo("cancel");
        assertThat(failing.path("path").get(1).path("answers").toString()).isEqualTo("[\"cancel\",\"6001\"]");
        assertThat(failing.path("status").asText()).isEqualTo("error");
        assertThat(names(failing.path("errors").get(0))).containsExactly("message", "source");
        assertThat(failing.path("errors").get(0).path("source").asText()).isEqualTo("pages/index/index.js:11");
        assertThat(failing.path("pages").toString()).isEqualTo("[\"pages/index/index\"]");
        JsonNode deny = root.path("branches").get(15);
        assertThat(deny.path("path").get(0).path("answers").toString()).isEqualTo("[\"deny\",\"cancel\",\"1001\"]");
    }

    @Test
    @DisplayName("issue #13: --html is a self-contained report, failing branches first, each with its errors and the transcript excerpt that led there")
    void htmlReport() throws Exception {
        Path html = dir.resolve("report.html");
        CliTest.Result r = CliTest.cli("explore", BUG_APP, "--scenario", BUG_APP + "/scenarios/start.json", "--html", html.toString(),
                "--no-thumbnails");

        assertThat(r.code()).isEqualTo(1);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("src=\"http")
                .as("--no-thumbnails").doesNotContain("data:image/png");
        int firstError = page.indexOf("class=\"b error\"");
        int firstOk = page.indexOf("class=\"b ok\"");
        assertThat(firstError).isPositive().isLessThan(firstOk);
        String failing = page.substring(firstError, page.indexOf("</div></div>", firstError));
        assertThat(failing).contains("pages/index/index.js:11", "TypeError", "&quot;type&quot;:&quot;callback&quot;",
                "signContract");
        assertThat(page).contains("<h2>Tree</h2>");
    }

    @Test
    @DisplayName("issue #13: \"where the window can paint off screen, a thumbnail of each leaf's page\" — by default in --html")
    void htmlReportHasThumbnailsByDefault() throws Exception {
        Path html = dir.resolve("thumbs.html");
        CliTest.Result r = CliTest.cli("explore", OK_APP, "--scenario", OK_APP + "/scenarios/start.json", "--max", "2",
                "--html", html.toString());

        assertThat(r.code()).isZero();
        String page = Files.readString(html);
        assertThat(page.split("src=\"data:image/png;base64,", -1)).as("one picture per leaf").hasSize(3);
    }

    @Test
    @DisplayName("issue #13: --max N bounds the branches and the summary says it stopped early")
    void max() {
        CliTest.Result r = CliTest.cli("explore", OK_APP, "--scenario", OK_APP + "/scenarios/start.json", "--max", "3");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).hasSize(5);
        assertThat(r.out()).contains("3 branches: 3 ok, 0 failed\nstopped early after 3 branches (--max 3)");
    }

    @Test
    @DisplayName("CONTRACT exit status 2: not a mini-program folder, an unknown --kinds, --max 0")
    void badInput() {
        assertThat(CliTest.cli("explore", dir.resolve("nothing").toString()).code()).isEqualTo(2);
        CliTest.Result kinds = CliTest.cli("explore", OK_APP, "--kinds", "getAuthCode,teleport");
        assertThat(kinds.code()).isEqualTo(2);
        assertThat(kinds.err()).contains("--kinds teleport: not a prompt kind");
        assertThat(CliTest.cli("explore", OK_APP, "--max", "0").code()).isEqualTo(2);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
