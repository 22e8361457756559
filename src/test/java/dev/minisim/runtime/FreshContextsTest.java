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

    /**
     * Issue #11, round 2: the whole bootstrap runs in the context made ahead, and the run's host is
     * bound afterwards through one entry point; until then nothing of the run is there.
     */
    @Test
    void aContextMadeAheadHasTheBootstrapButNoRunYet() {
        FreshContexts.Fresh fresh = FreshContexts.make();
        try {
            assertThat(fresh.rt().hasMember("primordials")).isTrue();
            assertThat(fresh.context().eval("js", "typeof App + typeof Page + typeof Component + typeof setTimeout").asString())
                    .as("the bootstrap has run")
                    .isEqualTo("function".repeat(4));
            assertThat(fresh.context().eval("js", "typeof wx + typeof my").asString())
                    .as("the platform's namespace waits for the run's host")
                    .isEqualTo("undefinedundefined");
            assertThat(fresh.rt().getMember("bindHost").canExecute()).isTrue();
            assertThat(fresh.context().eval("js", "typeof Java + typeof Polyglot + typeof Graal").asString())
                    .isEqualTo("undefined".repeat(3));
        } finally {
            fresh.context().close(true);
        }
    }

    /** Issue #11, round 2: "bound afterwards through one late-binding entry point", once per context. */
    @Test
    void theHostIsBoundOnceAndTheEntryPointIsThenGone() {
        try (JsRuntime js = new JsRuntime(new PoisonedBuiltinsTest.BareHost())) {
            assertThat(js.internal("bindHost")).as("no second binding of a context").isNull();
            assertThat(js.internal("bindNamespace")).isNull();
            assertThat(js.internal("bindAutomation")).isNull();
            assertThat(js.context().eval("js", "typeof wx + typeof my").asString())
                    .as("BareHost's namespace is wx").isEqualTo("objectundefined");
        }
    }
}
