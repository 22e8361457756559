package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import dev.minisim.app.Simulation;
import dev.minisim.events.Event;
import dev.minisim.program.MiniProgram;
import dev.minisim.api.RunConfig;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.user.PolicyDecisions;
import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10's tap bar ("a tap repaints within one frame"): the window paints at the end of the
 * re-render task a {@code setData} posts ({@link Screen#afterRender}), not one task later. The
 * listener runs once per re-render task, after the handler's whole task, with the tree already
 * re-rendered; a run with a listener writes the same transcript as one without.
 */
class AfterRenderTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            {"steps": [{"tap": "#twice"}, {"see": {"selector": "#n", "text": "n 3"}},
                       {"tap": "#later"}, {"see": {"selector": "#n", "text": "n 5"}}]}""";

    private TestApp app() {
        return TestApp.withPages(dir, "pages/index/index")
                .file("project.config.json", "{}")
                .file("pages/index/index.wxml", """
                        <view id="n">n {{n}}</view>
                        <button id="twice" bindtap="twice">t</button><button id="later" bindtap="later">l</button>""")
                .file("pages/index/index.js", """
                        Page({
                          data: { n: 1 },
                          twice() { this.setData({ n: 2 }); this.setData({ n: 3 }); },
                          later() { this.setData({ n: 4 }); setTimeout(() => this.setData({ n: 5 }), 0); },
                        })""");
    }

    @Test
    void theListenerRunsOncePerReRenderTaskWithTheTreeRenderedAndChangesNoTranscript() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Event> withListener = play(sim -> sim.screen().afterRender(() -> {
            int top = sim.router().top().id();
            // rendered(): the tree as last rendered, no pending re-render run by reading it
            seen.add(text(sim.screen().rendered(top).orElseThrow()));
        }));
        List<Event> without = play(sim -> { });
        // the handler's two setData: one re-render task, after the handler's task, showing the
        // last; the setTimeout's setData: a re-render task of its own
        assertThat(seen).as("texts of the tree at each re-render task's end").containsSubsequence("n 3", "n 4", "n 5");
        assertThat(seen).as("no re-render task shows the handler's first setData alone").doesNotContain("n 2");
        assertThat(seen.stream().filter(s -> s.equals("n 3")).count()).as("one re-render task for the handler's two setData")
                .isEqualTo(1);
        assertThat(comparable(withListener)).isEqualTo(comparable(without));
    }

    private List<Event> play(java.util.function.Consumer<Simulation> hook) throws Exception {
        TestApp app = app();
        MiniProgram program = MiniProgram.load(app.dir());
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        Scenario scenario = ScenarioParser.parse(SCENARIO, "scenario.json");
        var result = new ScenarioPlayer(Simulation.Options.headless(), Duration.ofSeconds(60)).play(program, scenario,
                scenario.apply(Scenario.withFolderConfig(RunConfig.defaults(), program.folder()), null, null),
                new PolicyDecisions(), events::add, new ScenarioPlayer.Observer() {
                    @Override
                    public void created(Simulation simulation) {
                        hook.accept(simulation);
                    }
                });
        assertThat(result.exitCode()).as("%s", events).isZero();
        return List.copyOf(events);
    }

    /** The text of the element with id "n". */
    private static String text(VElement root) {
        if ("n".equals(root.id())) {
            return root.text().trim();
        }
        for (VNode child : root.children()) {
            if (child instanceof VElement e) {
                String t = text(e);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The transcript without wall-clock fields (none are expected; kept comparable as other tests do). */
    private static List<String> comparable(List<Event> events) {
        return events.stream().map(e -> e.type() + " " + new TreeMap<>(e.fields())).toList();
    }
}
