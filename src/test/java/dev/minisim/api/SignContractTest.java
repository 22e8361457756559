package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md, "my.signContract" (seeds 000 and 001). */
class SignContractTest {

    @TempDir
    Path dir;

    private TestApp.Run run(String call, String decisions) {
        return TestApp.withPages(dir, "pages/a/a").alipay().file("pages/a/a.js", "Page({ go() {\n" + call + "\n} });")
                .run("{\"decisions\": {\"signContract\": " + decisions + "}, \"steps\": [{\"call\": \"go\"}]}");
    }

    @Test
    void theAuthorizationPageShowsTheUrlAndItsQuery() {
        // "opens an authorization page that shows the signStr URL and its query parameters (for example authId)"
        TestApp.Run run = run("my.signContract({ signStr: 'https://openauth.example/authentication.htm?authId=A%2FB&x=1' });",
                "[\"allow\"]");
        assertThat(run.of("prompt").get(0).fields()).as("%s", run)
                .containsEntry("url", "https://openauth.example/authentication.htm")
                .containsEntry("query", Map.of("authId", "A/B", "x", "1"));
    }

    @Test
    void successGivesAuthStateAndA32CharacterAuthCode() {
        // "Success: {authState, authCode}; authState at most 256 characters, authCode at most 32."
        TestApp.Run run = run("my.signContract({ signStr: 'https://openauth.example/a.htm?authId=x', success: (r) =>"
                + " console.log(r.authState, r.authCode.length, /^[0-9A-F]{32}$/.test(r.authCode)) });", "[\"allow\"]");
        assertThat(run.logs()).as("%s", run).containsExactly("x 32 true");
    }

    @Test
    void eachErrorCodeFailsWithErrorAndErrMessage() {
        // "Fail: {error, errMessage} with error 6001 user cancels, 6002 network error, 7001 result unknown, 7002 sign fails."
        TestApp.Run run = run("for (let i = 0; i < 5; i++) my.signContract({ signStr: 'https://o.example/a?authId=1',"
                + " fail: (e) => console.log(JSON.stringify(e)) });", "[\"6001\", \"6002\", \"7001\", \"7002\", \"cancel\"]");
        assertThat(run.logs()).as("%s", run).containsExactly(
                "{\"error\":\"6001\",\"errMessage\":\"User cancels the sign process.\"}",
                "{\"error\":\"6002\",\"errMessage\":\"The sign fails because of network error.\"}",
                "{\"error\":\"7001\",\"errMessage\":\"The result of the sign is unknown, it may be successful.\"}",
                "{\"error\":\"7002\",\"errMessage\":\"The sign fails.\"}",
                "{\"error\":\"6001\",\"errMessage\":\"User cancels the sign process.\"}");
    }

    @Test
    void aMissingOrNonStringSignStrFailsWithoutAPage() {
        // "signStr (String, required) ... Missing or not a string: fail, no page."
        TestApp.Run run = run("my.signContract({ fail: (e) => console.log(e.error, e.errMessage) });\n"
                + "my.signContract({ signStr: 42 }).catch((e) => console.log(e.error, e.errMessage));", "[\"allow\"]");
        assertThat(run.logs()).as("%s", run).containsExactly(
                "2 parameter error: signStr (String) is required, the authorization URL from the merchant server's consult call; it is missing",
                "2 parameter error: signStr (String) is required, the authorization URL from the merchant server's consult call; found 42");
        assertThat(run.of("prompt")).isEmpty();
    }
}
