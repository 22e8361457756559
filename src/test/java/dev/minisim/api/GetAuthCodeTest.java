package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import dev.minisim.events.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md, "my.getAuthCode" (seeds 002 and 004), and the simulated user of issue #3. */
class GetAuthCodeTest {

    @TempDir
    Path dir;

    private TestApp app(String body) {
        return TestApp.withPages(dir, "pages/a/a").alipay().file("pages/a/a.js", "Page({ go() {\n" + body + "\n} });");
    }

    private static Map<?, ?> payload(TestApp.Run run, String callback) {
        return (Map<?, ?>) run.of("callback").stream().filter(e -> callback.equals(e.get("callback")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + callback + " callback\n" + run)).get("payload");
    }

    @Test
    void scopesDefaultToAuthBaseAndSilentScopesGetNoPrompt() {
        // "scopes: String or Array of String; default auth_base" / "Silent scopes give no prompt"
        TestApp.Run run = app("my.getAuthCode({ success: (r) => console.log(r.authSuccessScopes.join()) });\n"
                + "my.getAuthCode({ scopes: ['USER_ID', 'HASH_LOGIN_ID'], success: (r) => console.log(r.authSuccessScopes.join()) });")
                .calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly("auth_base", "USER_ID,HASH_LOGIN_ID");
        assertThat(run.of("prompt")).isEmpty();
    }

    @Test
    void aMixedRequestPromptsOnlyTheNonSilentScopesAndGrantsBoth() {
        TestApp.Run run = app("my.getAuthCode({ scopes: ['auth_base', 'auth_user'], success(r) {} });")
                .run("{\"decisions\": {\"getAuthCode\": [\"allow\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(run.of("prompt").get(0).get("scopes")).as("%s", run).isEqualTo(List.of("auth_user"));
        assertThat(run.of("prompt").get(0).get("silentScopes")).isEqualTo(List.of("auth_base"));
        assertThat(payload(run, "success").get("authSuccessScopes")).isEqualTo(List.of("auth_base", "auth_user"));
    }

    @Test
    void eachGrantHasAFreshAuthCodeOfTheProfilesShape() {
        // "authCode: a fresh opaque code per grant (seed 002 shows 32 characters)"
        TestApp.Run run = app("for (let i = 0; i < 3; i++) my.getAuthCode({ success: (r) => console.log(r.authCode) });").calling("go");
        assertThat(run.logs()).as("%s", run).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("[0-9A-Za-z]{32}"));
        TestApp.Run kyc = app("my.getAuthCode({ scopes: 'USER_LOGIN_ID', success: (r) => console.log(r.authCode) });")
                .run("{\"profile\": \"kyc\", \"decisions\": {\"getAuthCode\": [\"allow\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(kyc.logs()).as("%s", kyc).singleElement().asString().matches("[0-9]{13}");
    }

    @Test
    void theSameSeedGivesTheSameCodesSoATranscriptIsReproducible() {
        // "with an option for fixed codes so a test can be reproducible"
        TestApp app = app("my.getAuthCode({ success: (r) => console.log(r.authCode) });");
        String scenario = "{\"seed\": 1234, \"steps\": [{\"call\": \"go\"}]}";
        assertThat(app.run(scenario).logs()).isEqualTo(app.run(scenario).logs());
        assertThat(app.run(scenario).logs()).isNotEqualTo(app.run("{\"seed\": 99, \"steps\": [{\"call\": \"go\"}]}").logs());
    }

    @Test
    void getAuthCodeIsAlipaysOnlyAWeChatAppHasNoSuchApi() {
        // issue 8: each namespace holds exactly the client's API names; WeChat's typings have no getAuthCode
        TestApp.Run run = TestApp.withPages(dir.resolve("w"), "pages/a/a").wechat().file("pages/a/a.js",
                "Page({ onLoad() { console.log(typeof wx.getAuthCode, 'getAuthCode' in wx, wx.canIUse('getAuthCode'), typeof my); } });")
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("undefined false false undefined");
    }

    @Test
    void badArgumentsGetThePlatformsFailResultNeverAJavaException() {
        // "Wrong types, missing required fields, unknown scopes, non-function callbacks: the platform's fail result"
        TestApp.Run run = app("const log = (e) => console.log(e.error + ' ' + e.errorMessage);\n"
                + "my.getAuthCode({ scopes: 42, fail: log });\n"
                + "my.getAuthCode({ scopes: [1], fail: log });\n"
                + "my.getAuthCode({ scopes: 'NOPE', fail: log });\n"
                + "my.getAuthCode('auth_user').catch(log);\n"
                + "my.getAuthCode({ success: 'not a function' }).then((r) => console.log('ok', r.authSuccessScopes));")
                .calling("go");
        assertThat(run.logs()).as("%s", run).containsExactly(
                "2 parameter error: scopes must be a String or an Array of String, found 42",
                "2 parameter error: scopes must be strings, found 1",
                "2 parameter error: unknown scope \"NOPE\" for wallet profile default; its scopes: auth_base, USER_ID, "
                        + "USER_LOGIN_ID, HASH_LOGIN_ID, auth_user, USER_NAME, USER_AVATAR, USER_GENDER, USER_BIRTHDAY, "
                        + "USER_NATIONALITY, USER_CONTACTINFO, NOTIFICATION_INBOX, AGREEMENT_PAY",
                "2 parameter error: getAuthCode expects an object such as {scopes: ['auth_user']}",
                "ok [\"auth_base\"]");
        assertThat(run.errors()).isEmpty();
    }

    @Test
    void anAnswerThatDoesNotFitThePromptIsAnErrorOfTheRunNamingTheCall() {
        TestApp.Run run = app("my.getAuthCode({ scopes: 'auth_user' });")
                .run("{\"decisions\": {\"getAuthCode\": [{\"allow\": [\"USER_NAME\"]}]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(run.errors()).as("%s", run).containsExactly("decision {\"allow\":[\"USER_NAME\"]} (from the scenario) "
                + "cannot answer the getAuthCode prompt: \"USER_NAME\" was not asked for; the prompt shows auth_user");
        assertThat(run.of("error").get(0).get("source")).isEqualTo("pages/a/a.js:2");
        TestApp.Run code = app("my.getAuthCode({ scopes: 'auth_user' });")
                .run("{\"decisions\": {\"getAuthCode\": [\"6001\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(code.errors()).singleElement().asString().contains("an error code of profile default (3, 1000, 1001, 1002, 1003, 2001)");
        assertThat(code.result().exitCode()).isEqualTo(1);
    }

    @Test
    void aPromptWithNoDecisionLeftEndsTheRunWithExitOneNeverAHang() {
        // "A prompt with no answer left in a headless run ends the run with exit 1 and a clear message"
        TestApp.Run run = app("my.getAuthCode({ scopes: 'auth_user', complete() { console.log('answered'); } });")
                .run("{\"decisions\": {\"getAuthCode\": [\"allow\"]}, \"steps\": [{\"call\": \"go\"}, {\"call\": \"go\"}]}");
        // the last decision repeats (CONTRACT.md), so both prompts are answered
        assertThat(run.logs()).as("%s", run).containsExactly("answered", "answered");
        TestApp.Run none = app("my.getAuthCode({ scopes: 'auth_user' });").run("{\"steps\": [{\"call\": \"go\"}, {\"call\": \"go\"}]}");
        assertThat(none.errors()).as("%s", none).singleElement().asString().startsWith("no decision for the getAuthCode prompt");
        assertThat(none.of("step")).hasSize(1);
        assertThat(none.last().get("status")).isEqualTo("error");
        assertThat(none.result().exitCode()).isEqualTo(1);
    }

    @Test
    void thePageUnderThePromptIsHiddenAndShownAgain() {
        // "While an authorization prompt or the sign page covers a page, that page gets onHide, and onShow again"
        TestApp.Run run = app("my.getAuthCode({ scopes: 'auth_user', success() { console.log('success'); } });")
                .run("{\"decisions\": {\"getAuthCode\": [\"allow\"]}, \"steps\": [{\"call\": \"go\"}]}");
        List<String> order = run.events().stream().filter(e -> List.of("prompt", "decision", "lifecycle", "callback").contains(e.type()))
                .dropWhile(e -> !e.type().equals("prompt"))
                .map(e -> e.type() + (e.get("hook") != null ? " " + e.get("hook") : "")).toList();
        assertThat(order).as("%s", run).containsExactly("prompt", "lifecycle onHide", "decision", "lifecycle onShow", "callback");
    }

    @Test
    void aPageThatPromptsAgainInOnShowIsShownLoopingAndStopped() {
        // "a page that asks again in onShow is shown looping, and the loop is reported and bounded"
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").alipay().file("pages/a/a.js",
                "Page({ onShow() {\n  my.getAuthCode({ scopes: 'auth_user' });\n} });")
                .run("{\"decisions\": {\"getAuthCode\": [\"cancel\"]}}");
        assertThat(run.of("prompt")).as("%s", run).hasSize(4);
        assertThat(run.errors()).singleElement().asString()
                .startsWith("pages/a/a opens the getAuthCode prompt again from onShow, which the prompt's own close triggers");
        assertThat(run.of("error").get(0).get("source")).isEqualTo("pages/a/a.js:2");
        assertThat(run.last().type()).isEqualTo("end");
    }

    @Test
    void aStandingPolicyAnswersWhenTheScenarioHasNoDecisionAndSaysSo() {
        TestApp app = app("my.getAuthCode({ scopes: 'auth_user', fail: (e) => console.log(e.error) });");
        dev.minisim.user.PolicyDecisions policy = new dev.minisim.user.PolicyDecisions();
        policy.set("getAuthCode", com.fasterxml.jackson.databind.node.TextNode.valueOf("1002"));
        TestApp.Run run = app.run("{\"steps\": [{\"call\": \"go\"}]}", policy);
        assertThat(run.logs()).as("%s", run).containsExactly("1002");
        Event decision = run.of("decision").get(0);
        assertThat(decision.get("source")).isEqualTo("policy");
        assertThat(decision.get("decision")).isEqualTo("1002");
    }

    @Test
    void getAuthUserInfoNeedsAnAuthUserGrant() {
        TestApp.Run run = app("my.getAuthUserInfo({ fail: (e) => console.log('before', e.error, e.errorMessage) });\n"
                + "my.getAuthCode({ scopes: 'auth_user', success() {\n"
                + "  my.getAuthUserInfo({ success: (u) => console.log('after', u.nickName, u.avatar) }); } });")
                .run("{\"user\": {\"nickName\": \"阿花\"}, \"decisions\": {\"getAuthCode\": [\"allow\"]}, \"steps\": [{\"call\": \"go\"}]}");
        assertThat(run.logs()).as("%s", run).containsExactly(
                "before 3 ERROR_CODE_UNKNOWN_ERROR: the user has not granted auth_user; call my.getAuthCode({scopes: 'auth_user'}) first",
                "after 阿花 https://minisim.invalid/avatar/default.png");
    }

    @Test
    void aUsersOwnWalletProfileFileIsLoadedLikeTheBundledOnes() throws Exception {
        // "Profiles are data (a file each), so a user can add their wallet's."
        Path wallet = dir.resolve("my-wallet.json");
        java.nio.file.Files.writeString(wallet, "{\"name\": \"mine\", \"scopes\": {\"PAY\": \"pay\"}, \"errors\": {\"9\": \"Nope\"},"
                + " \"cancelCode\": \"9\", \"denyCode\": \"9\", \"refusedScopeCode\": \"77\", \"authCode\": {\"length\": 4, \"alphabet\": \"x\"}}");
        TestApp.Run run = app("my.getAuthCode({ scopes: 'PAY', success: (r) => console.log(r.authCode), fail: (e) => console.log(e.error, JSON.stringify(e.authErrorScopes)) });")
                .run("{\"profile\": \"" + wallet + "\", \"decisions\": {\"getAuthCode\": [\"allow\", \"deny\"]}, \"steps\": [{\"call\": \"go\"}, {\"call\": \"go\"}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("xxxx", "9 {\"PAY\":\"77\"}");
    }
}
