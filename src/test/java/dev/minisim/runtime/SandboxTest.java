package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minisim.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brief: "The mini-program's JavaScript is untrusted: it must never reach Java classes, files ..." */
class SandboxTest {

    @TempDir
    Path dir;

    @Test
    void noJavaNoPolyglotNoLoaderNoProcessIsVisible() {
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js",
                "Page({ onLoad() { console.log([typeof Java, typeof Packages, typeof java, typeof javax, typeof Polyglot,"
                        + " typeof Graal, typeof load, typeof loadWithNewGlobal, typeof print, typeof printErr, typeof read,"
                        + " typeof readline, typeof readbuffer, typeof quit, typeof exit, typeof process, typeof host,"
                        + " typeof rt].join()); } });").launch();
        assertThat(run.logs()).as("%s", run).containsExactly(String.join(",", java.util.Collections.nCopies(18, "undefined")));
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

    // Issue #8 part 5: "Pin the Context to what it needs (SandboxPolicy.CONSTRAINED or the same list
    // checked by the builder; no blanket experimental options)."
    @Test
    void theContextIsBuiltUnderTheConstrainedPolicyWithExactlyTheListedOptions() {
        assertThat(Sandbox.POLICY).isEqualTo(SandboxPolicy.CONSTRAINED);
        assertThat(Sandbox.OPTIONS).isEqualTo(Map.of("js.load", "false", "js.print", "false", "js.console", "false",
                "js.unhandled-rejections", "handler", "js.locale", "zh-CN"));
        try (Context c = Sandbox.newContext()) {
            assertThat(c.eval("js", "[new Date(0).getHours(), Intl.DateTimeFormat().resolvedOptions().timeZone,"
                    + " Intl.DateTimeFormat().resolvedOptions().locale, typeof Java, typeof Polyglot, typeof load].join()")
                    .asString()).isEqualTo("8,Asia/Shanghai,zh-CN,undefined,undefined,undefined");
        }
    }

    @Test
    void theSharedEngineRefusesAContextThatAsksForMore() {
        // the policy is checked by GraalJS itself when a builder on the shared engine asks for more
        assertThatThrownBy(() -> constrained().allowIO(org.graalvm.polyglot.io.IOAccess.ALL).build().close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONSTRAINED");
        assertThatThrownBy(() -> constrained().allowCreateProcess(true).build().close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONSTRAINED");
        assertThatThrownBy(() -> constrained().allowHostAccess(HostAccess.ALL).build().close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONSTRAINED");
        assertThatThrownBy(() -> constrained().allowExperimentalOptions(true).option("js.timezone", "UTC").build().close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("js.timezone");
        // what the policy does not check (host class lookup, polyglot access) stays off by not being asked for
        try (Context c = Sandbox.newContext()) {
            assertThat(c.eval("js", "[typeof Java, typeof Polyglot, typeof Packages, typeof java].join()").asString())
                    .isEqualTo("undefined,undefined,undefined,undefined");
        }
    }

    private static Context.Builder constrained() {
        return Context.newBuilder("js").engine(Sandbox.engine()).sandbox(Sandbox.POLICY)
                .allowHostAccess(HostAccess.CONSTRAINED).out(java.io.OutputStream.nullOutputStream())
                .err(java.io.OutputStream.nullOutputStream());
    }

    @Test
    void thePageCannotReadAFileByImportingIt(@TempDir Path outside) throws Exception {
        // a module that would load fine if the context had IO: only the sandbox can refuse it
        Path secret = outside.resolve("secret.mjs");
        java.nio.file.Files.writeString(secret, "export const secret = 42;");
        TestApp.Run run = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js",
                "Page({ onLoad() { (0, eval)(\"import(" + TestApp.json(secret.toString()).replace("\"", "'")
                        + ")\").then((m) => console.log('read', m.secret), (e) => console.log('refused', e.name)); } });")
                .launch();
        assertThat(run.logs()).as("%s", run).singleElement().asString().startsWith("refused");
    }
}
