package dev.minisim.app;

import dev.minisim.plugin.PluginRuntime;
import dev.minisim.program.NavigationException;
import dev.minisim.program.PageInstance;
import dev.minisim.runtime.EventLoop;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import java.util.List;
import java.util.function.Consumer;

/** What the simulated plugins use of the simulation: prompts, the router, and their opener's channel. */
final class PluginWiring implements PluginRuntime.Host {

    private final Simulation sim;

    PluginWiring(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public void warning(String message) {
        sim.env().warning(message);
    }

    @Override
    public void prompt(Prompt prompt, Consumer<Decision> then) {
        sim.env().prompt(prompt, then);
    }

    @Override
    public void badDecision(Prompt prompt, Decision decision, String why) {
        sim.env().badDecision(prompt, decision, why);
    }

    @Override
    public EventLoop loop() {
        return sim.loop();
    }

    @Override
    public void emitToOpener(PageInstance pluginPage, String event) {
        sim.guard().guard(pluginPage.route(), () -> sim.guard().world().pluginEmit(pluginPage.id(), event));
    }

    @Override
    public void leave(List<PageInstance> pages, String url) throws NavigationException {
        sim.afterShown(sim.router().leave(pages, url));
    }

    @Override
    public void openNext(PageInstance from, String url, int eventsKey) throws NavigationException {
        sim.afterShown(sim.router().navigateTo(url, new OpenedBy.Plugin(from, eventsKey)));
    }

    @Override
    public void back() throws NavigationException {
        sim.router().navigateBack(1);
    }

    @Override
    public boolean live(PageInstance page) {
        return sim.pages().live(page);
    }

    @Override
    public void error(String message, String source, String page) {
        sim.guard().error(message, source, page);
    }
}
