package dev.minisim.app;

import static dev.minisim.app.Json.json;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.SyncApi;
import dev.minisim.events.EventStream;
import dev.minisim.program.PageInstance;
import dev.minisim.runtime.EventLoop;
import dev.minisim.runtime.JsWorld;
import dev.minisim.screen.ScreenHost;
import dev.minisim.view.TemplateSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What the screen uses of the simulation: the JS world, the guard, files, components, the top page. */
final class ScreenWiring implements ScreenHost {

    private final Simulation sim;

    ScreenWiring(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public JsWorld js() {
        return sim.guard().world();
    }

    @Override
    public <T> T guard(String page, Supplier<T> body) {
        return sim.guard().guard(page, body);
    }

    @Override
    public void warning(String message, String source, String page) {
        sim.events().emit("warning", "message", message, "source", source, "page", page);
    }

    @Override
    public void error(String message, String source, String page) {
        sim.guard().error(message, source, page);
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
    public TemplateSource templates() {
        return sim.files()::read;
    }

    @Override
    public boolean customTabBar(String route) {
        return sim.components().customTabBar(route);
    }

    @Override
    public boolean alipay() {
        return sim.alipay();
    }

    @Override
    public Optional<String> component(String ownerPath, String tag) {
        return sim.components().componentFor(ownerPath, tag);
    }

    @Override
    public Shown top() {
        PageInstance top = sim.router().top();
        return top == null ? null : new Shown(top.id(), top.route(), sim.pluginRuntime().isPlugin(top));
    }

    @Override
    public ApiEnv env() {
        return sim.env();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> windowSize() {
        SyncApi info = sim.apis().sync("wx", "getWindowInfo");
        try {
            Object v = info == null ? null : info.call("wx", NullNode.getInstance());
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (SyncApi.ApiException e) {
            return Map.of();
        }
    }

    @Override
    public void callApi(String page, String api, Map<String, Object> args) {
        guard(page, () -> js().invokeApi(alipay() ? "my" : "wx", api, json(args)));
    }
}
