package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, warm runs: "create the next run's context on the second core while the current runs;
 * each run still gets a fresh context, never reuse a dirty one".
 */
class FreshContextsTest {

    @TempDir
    Path dir;

    @Test
    void contextsMadeAheadAreUsedAndEachRunStillStartsClean() {
        JsRuntime.prepareAhead();
        TestApp app = TestApp.withPages(dir, "pages/a/a").file("pages/a/a.js",
                "console.log(typeof globalThis.leaked, typeof [].leaked, typeof Object.prototype.leaked, JSON.parse('1'));\n"
                        + "globalThis.leaked = 1; Array.prototype.leaked = 1; Object.prototype.leaked = 1;\n"
                        + "JSON.parse = () => 'poisoned';\n"
                        + "Page({ onLoad() { console.log('loaded'); } });");
        int before = FreshContexts.TAKEN_AHEAD.get();
        for (int i = 0; i < 3; i++) {
            TestApp.Run run = app.run("{}");
            assertThat(run.errors()).as("%s", run).isEmpty();
            assertThat(run.logs()).as("run %d sees nothing of the run before", i)
                    .containsExactly("undefined undefined undefined 1", "loaded");
        }
        assertThat(FreshContexts.TAKEN_AHEAD.get() - before).as("runs that took a context made ahead").isEqualTo(3);
    }

    @Test
    void aContextMadeAheadHasOnlyPrimordialsRun() {
        FreshContexts.Fresh fresh = FreshContexts.make();
        try {
            assertThat(fresh.rt().hasMember("primordials")).isTrue();
            assertThat(fresh.context().eval("js", "typeof wx + typeof my + typeof App + typeof setTimeout").asString())
                    .as("nothing of the later bootstrap files has run")
                    .isEqualTo("undefinedundefinedundefined" + "undefined");
            assertThat(fresh.context().eval("js", "typeof Java + typeof Polyglot").asString()).isEqualTo("undefinedundefined");
        } finally {
            fresh.context().close(true);
        }
    }
}
