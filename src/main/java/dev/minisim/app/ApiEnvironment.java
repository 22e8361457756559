package dev.minisim.app;

import dev.minisim.api.ApiEnv;
import dev.minisim.api.Codes;
import dev.minisim.api.Grants;
import dev.minisim.api.RunConfig;
import dev.minisim.events.EventStream;
import dev.minisim.program.MiniProgram;
import dev.minisim.program.PageInstance;
import dev.minisim.runtime.EventLoop;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import dev.minisim.frame.FrameState;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What JSAPIs use of the simulation ({@link ApiEnv}): the run's settings, codes and grants, the
 * launch options, prompts; and what they leave behind that others read (page titles).
 */
final class ApiEnvironment implements ApiEnv {

    private final Simulation sim;
    private final Codes codes;
    private final Grants grants = new Grants();
    private final FrameState frame;
    private Map<String, Object> launchOptions = Map.of();

    ApiEnvironment(Simulation sim) {
        this.sim = sim;
        this.codes = new Codes(sim.config().seed());
        this.frame = new FrameState(sim.program());
    }

    /** The options the app was launched with (App.onLaunch's argument), for getLaunchOptionsSync. */
    void launchedWith(Map<String, Object> options) {
        this.launchOptions = Map.copyOf(options);
    }

    /** The title setNavigationBarTitle gave page {@code pageId}, or null. */
    String titleOf(int pageId) {
        return frame.title(pageId);
    }

    @Override
    public FrameState frame() {
        return frame;
    }

    @Override
    public int topPageId() {
        PageInstance top = sim.router().top();
        return top == null ? -1 : top.id();
    }

    @Override
    public void startPullDownRefresh() {
        sim.loop().post(sim::pullDownRefreshByPage);
    }

    @Override
    public EventStream events() {
        return sim.events();
    }

    @Override
    public EventLoop loop() {
        return sim.loop();
    }

    @Override
    public MiniProgram program() {
        return sim.program();
    }

    @Override
    public RunConfig config() {
        return sim.config();
    }

    @Override
    public Codes codes() {
        return codes;
    }

    @Override
    public String topRoute() {
        return sim.router().topRoute();
    }

    @Override
    public Map<String, Object> launchOptions() {
        return launchOptions;
    }

    @Override
    public Grants grants() {
        return grants;
    }

    @Override
    public void setPageTitle(String title) {
        PageInstance top = sim.router().top();
        if (top != null) {
            frame.setTitle(top.id(), title);
        }
    }

    @Override
    public void warning(String message) {
        sim.guard().warning(message, null);
    }

    @Override
    public void prompt(Prompt prompt, Consumer<Decision> then) {
        sim.prompts().open(prompt, then);
    }

    @Override
    public void badDecision(Prompt prompt, Decision decision, String why) {
        sim.prompts().badDecision(prompt, decision, why);
    }
}
