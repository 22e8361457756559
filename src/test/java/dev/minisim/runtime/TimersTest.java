package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC.md: "Timers: setTimeout, setInterval, clearTimeout, clearInterval, Promise microtasks in ECMAScript order." */
class TimersTest {

    @TempDir
    Path dir;

    private TestApp.Run run(String onLoad, String scenario) {
        return TestApp.withPages(dir, "pages/a/a")
                .file("pages/a/a.js", "Page({ onLoad() {\n" + onLoad + "\n} });")
                .run(scenario);
    }

    @Test
    void microtasksRunBeforeTimersAndTimersInDueOrder() {
        TestApp.Run run = run("setTimeout(() => console.log('t20'), 20);\nsetTimeout(() => console.log('t0'), 0);\n"
                + "setTimeout(() => console.log('t10'), 10);\nPromise.resolve().then(() => console.log('micro'));\n"
                + "queueMicrotask(() => console.log('micro2'));\nconsole.log('sync');", "{\"steps\": [{\"wait\": 50}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("sync", "micro", "micro2", "t0", "t10", "t20");
    }

    @Test
    void simulatedTimeJumpsFromTimerToTimerAndDateNowFollowsIt() {
        TestApp.Run run = run("const start = Date.now();\n"
                + "setTimeout(() => console.log('at', Date.now() - start, new Date().getTime() - start), 60000);",
                "{\"steps\": [{\"wait\": 59999}, {\"expect\": {\"type\": \"console\"}}, {\"wait\": 1}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("at 60000 60000");
        assertThat(run.of("console").get(0).t()).isEqualTo(60000);
        assertThat(run.last().get("status")).isEqualTo("failed");
    }

    @Test
    void nowFixesTheSimulatedWallClockSoDatesAreReproducible() {
        TestApp.Run run = run("console.log(new Date().toISOString());\nsetTimeout(() => console.log(Date.now()), 1500);",
                "{\"now\": \"2026-11-22T10:00:00+08:00\", \"steps\": [{\"wait\": 1500}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("2026-11-22T02:00:00.000Z", "1795312801500");
    }

    @Test
    void clearedTimersAndIntervalsNeverFireAgain() {
        TestApp.Run run = run("let n = 0;\nconst i = setInterval(() => { n++; console.log('tick', n); if (n === 3) clearInterval(i); }, 100);\n"
                + "const t = setTimeout(() => console.log('never'), 50);\nclearTimeout(t);",
                "{\"steps\": [{\"wait\": 1000}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("tick 1", "tick 2", "tick 3");
        assertThat(run.last().get("pendingTimers")).isEqualTo(0);
    }

    @Test
    void timersDueLaterWaitForAWaitStep() {
        TestApp.Run run = run("setTimeout(() => console.log('later'), 10);", "{}");
        assertThat(run.logs()).as("%s", run).isEmpty();
        assertThat(run.last().get("pendingTimers")).isEqualTo(1);
    }

    @Test
    void aSelfReschedulingZeroDelayTimerIsClampedAndDoesNotFreezeTheRun() {
        TestApp.Run run = run("let n = 0;\nconst again = () => { n++; setTimeout(again, 0); };\nagain();\n"
                + "setTimeout(() => console.log('ran', n > 5 && n < 100), 100);", "{\"steps\": [{\"wait\": 100}]}");
        assertThat(run.logs()).as("%s", run).containsExactly("ran true");
    }
}
