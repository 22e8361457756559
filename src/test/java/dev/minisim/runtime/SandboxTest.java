package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brief: "The mini-program's JavaScript is untrusted: it must never reach Java classes, files ..." */
class SandboxTest {

    @TempDir
    Path dir;

    @Test
    void noJavaNoPolyglotNoLoaderNoProcessIsVisible() {
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js",
                "Page({ onLoad() { console.log([typeof Java, typeof Packages, typeof java, typeof Polyglot, typeof Graal,"
                        + " typeof load, typeof print, typeof process, typeof host, typeof rt].join()); } });").launch();
        assertThat(run.logs()).as("%s", run).containsExactly(
                "undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined");
    }

    @Test
    void theBridgeIsOutOfReachAndOnlyThePlatformsNamespaceIsThere() {
        // SPEC "Pages on screen": the platform follows from the folder; a WeChat app has wx, an Alipay app my
        String probe = "Page({ onLoad() { const names = Object.getOwnPropertyNames(globalThis).filter(n => /host|minisim/i.test(n));"
                + " console.log(names.length, typeof my, typeof wx, typeof (globalThis.wx || my).navigateTo); } });";
        TestApp.Run run = TestApp.withPages(dir.resolve("w"), "pages/a/a").wechat().file("pages/a/a.js", probe).launch();
        assertThat(run.logs()).as("%s", run).containsExactly("0 undefined object function");
        run = TestApp.withPages(dir.resolve("a"), "pages/a/a").alipay().file("pages/a/a.js", probe).launch();
        assertThat(run.logs()).as("%s", run).containsExactly("0 object undefined function");
    }

    @Test
    void aHostFunctionLeaksNoJavaObjectThroughItsPrototype() {
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js",
                "Page({ onLoad() { try { const c = require.constructor('return this')(); console.log(typeof c.Java); }"
                        + " catch (e) { console.log('refused', e.name); } } });").launch();
        assertThat(run.logs()).as("%s", run).containsExactly("undefined");
    }
}
