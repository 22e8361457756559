package dev.minisim.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minisim.BadInputException;
import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC "Pages on screen" / issue 8: "Only the platform's own namespace exists (the platform follows
 * from the folder, a minisim.json platform key overrides)."
 */
class PlatformTest {

    @TempDir
    Path dir;

    private MiniProgram load(TestApp app) throws BadInputException {
        return MiniProgram.load(app.dir());
    }

    private TestApp app(String name) {
        return TestApp.withPages(dir.resolve(name), "pages/a/a").file("pages/a/a.js", "Page({});");
    }

    @Test
    void theIdesProjectFileSaysThePlatform() throws Exception {
        MiniProgram wechat = load(app("w").file("project.config.json", "{\"appid\": \"wx1\"}"));
        assertThat(wechat.platform()).isEqualTo(Platform.WECHAT);
        assertThat(wechat.platformGuess()).isEmpty();
        MiniProgram alipay = load(app("a").file("mini.project.json", "{}"));
        assertThat(alipay.platform()).isEqualTo(Platform.ALIPAY);
        assertThat(alipay.platformGuess()).isEmpty();
    }

    @Test
    void withoutAProjectFileTheTemplatesSayIt() throws Exception {
        assertThat(load(app("w").file("pages/a/a.wxml", "<view/>").file("pages/a/a.wxss", "")).platform())
                .isEqualTo(Platform.WECHAT);
        MiniProgram alipay = load(app("a").file("pages/a/a.axml", "<view/>").file("pages/a/a.acss", ""));
        assertThat(alipay.platform()).isEqualTo(Platform.ALIPAY);
        assertThat(alipay.platformGuess()).isEmpty();
        // templates decide when a folder carries both IDEs' project files (uni-app style outputs)
        assertThat(load(app("both").file("project.config.json", "{}").file("mini.project.json", "{}")
                .file("pages/a/a.axml", "<view/>")).platform()).isEqualTo(Platform.ALIPAY);
    }

    @Test
    void minisimJsonOverridesTheFolder() throws Exception {
        MiniProgram p = load(app("o").file("project.config.json", "{}").file("pages/a/a.wxml", "<view/>")
                .file("minisim.json", "{\"platform\": \"alipay\"}"));
        assertThat(p.platform()).isEqualTo(Platform.ALIPAY);
        TestApp.Run run = app("o2").file("project.config.json", "{}").file("minisim.json", "{\"platform\": \"alipay\"}")
                .file("pages/a/a.js", "Page({ onLoad() { console.log(typeof my, typeof wx); } });").launch();
        assertThat(run.logs()).as("%s", run).containsExactly("object undefined");
    }

    @Test
    void aBadPlatformInMinisimJsonIsBadInputNamingTheFile() {
        assertThatThrownBy(() -> load(app("bad").file("minisim.json", "{\"platform\": \"weixin\"}")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("minisim.json").hasMessageContaining("\"platform\" must be \"wechat\" or \"alipay\"");
    }

    @Test
    void aScenarioCannotChooseThePlatform() {
        assertThatThrownBy(() -> dev.minisim.scenario.ScenarioParser.parse("{\"platform\": \"wechat\"}", "s.json"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("belongs in the folder's minisim.json");
    }

    @Test
    void aFolderThatSaysNothingIsAGuessByItsScriptsAndTheRunWarns() throws Exception {
        TestApp scripts = app("s").file("pages/a/a.js", "Page({ onLoad() { wx.showToast({ title: 'x' }); console.log(typeof wx); } });");
        assertThat(load(scripts).platform()).isEqualTo(Platform.WECHAT);
        TestApp.Run run = scripts.launch();
        assertThat(run.logs()).as("%s", run).containsExactly("object");
        assertThat(run.of("warning")).extracting(e -> e.str("message")).singleElement().asString()
                .contains("running it as a WeChat mini-program (wx) because its scripts call wx most")
                .contains("{\"platform\": \"wechat\"}");
        MiniProgram nothing = load(app("n"));
        assertThat(nothing.platform()).isEqualTo(Platform.ALIPAY);
        assertThat(nothing.platformGuess()).get().asString().contains("nothing in the folder says which");
    }

    @Test
    void theOtherPlatformsNamespaceIsAnErrorWithAHintNamingWhatDecidedThePlatform() {
        TestApp.Run run = app("h").file("project.config.json", "{}")
                .file("pages/a/a.js", "Page({ onLoad() { const enemy = 1; my.getAuthCode({}); } });").launch();
        assertThat(run.errors()).as("%s", run).singleElement().asString().contains("my is not defined");
        assertThat(run.of("warning")).extracting(e -> e.str("message")).containsExactly("`my` is Alipay's namespace; "
                + "this folder runs as a WeChat mini-program (project.config.json), whose scripts see only `wx`. "
                + "If it is an Alipay mini-program, say so in minisim.json: {\"platform\": \"alipay\"}");
        assertThat(Platform.WECHAT.otherNamespaceHint("ReferenceError: enemy is not defined", "x")).isEmpty();
        assertThat(Platform.ALIPAY.otherNamespaceHint("ReferenceError: wx is not defined", "mini.project.json"))
                .get().asString().startsWith("`wx` is WeChat's namespace; this folder runs as an Alipay mini-program (mini.project.json)");
    }
}
