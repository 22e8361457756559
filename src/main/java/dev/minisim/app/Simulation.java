package dev.minisim.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import dev.minisim.api.Codes;
import dev.minisim.api.Grants;
import dev.minisim.api.JsApi;
import dev.minisim.api.RunConfig;
import dev.minisim.api.StandardApis;
import dev.minisim.api.SyncApi;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import dev.minisim.user.SimulatedUser;
import java.util.function.Consumer;
import dev.minisim.events.EventStream;
import dev.minisim.plugin.PluginRuntime;
import dev.minisim.plugin.PluginTarget;
import dev.minisim.plugin.Plugins;
import dev.minisim.runtime.EventLoop;
import dev.minisim.runtime.JsRuntime;
import dev.minisim.runtime.ModuleFiles;
import dev.minisim.runtime.ScriptError;
import dev.minisim.runtime.modules.ModuleTransform;
import dev.minisim.runtime.Watchdog;
import dev.minisim.screen.Screen;
import dev.minisim.screen.ScreenHost;
import dev.minisim.view.TemplateSource;
import dev.minisim.view.VElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A running mini-program: its context, event loop, router and JSAPIs, and the one event stream
 * everything it does goes to. Headless runs and the window drive the same class.
 *
 * <p>Threading: everything here runs on the event loop's owner thread; other threads hand work
 * over with {@link EventLoop#post}.
 */
public final class Simulation implements AutoCloseable {

    /** How a run is set up. */
    public record Options(boolean simulatedClock, Duration taskBudget, double heapLimit) {
        public static Options headless() {
            return new Options(true, Duration.ofSeconds(5), 0.8);
        }

        public Options withTaskBudget(Duration budget) {
            return new Options(simulatedClock, budget, heapLimit);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MiniProgram program;
    private final Options options;
    private final EventLoop loop;
    private final EventStream events;
    private final ModuleFiles files;
    private final ApiRegistry apis = new ApiRegistry();
    private final Router router;
    private final long epoch;
    private final Map<Integer, Long> timers = new HashMap<>();
    private final Map<Integer, PageInstance> livePages = new HashMap<>();
    private final Map<Integer, String> titles = new HashMap<>();
    private final Set<Integer> readied = new HashSet<>();
    private final Set<String> loadedComponents = new HashSet<>();
    private final RunConfig config;
    private final Codes codes;
    private final Env env;
    private final SimulatedUser user = new SimulatedUser();
    private final Plugins plugins;
    private final PluginRuntime pluginRuntime;
    private final Grants grants = new Grants();
    private Map<String, Object> launchOptions = Map.of();
    private final Prompts prompts;
    private final Screen screen;
    private JsRuntime js;
    private Watchdog watchdog;
    private String activePage;
    private int nextPageId;
    private int errors;
    private boolean inOnError;

    public Simulation(MiniProgram program, Options options) {
        this(program, options, RunConfig.defaults());
    }

    public Simulation(MiniProgram program, Options options, RunConfig config) {
        this.program = program;
        this.options = options;
        this.config = config;
        this.epoch = config.now() != null ? config.now() : System.currentTimeMillis();
        this.codes = new Codes(config.seed());
        this.loop = new EventLoop(options.simulatedClock());
        this.events = new EventStream(loop::now);
        this.files = new ModuleFiles(program.root());
        this.router = new Router(program, new RouterPages());
        this.env = new Env();
        this.prompts = new Prompts(this);
        this.screen = new Screen(new ScreenSide());
        this.plugins = Plugins.bundled();
        config.plugins().forEach(plugins::add);
        this.pluginRuntime = new PluginRuntime(new PluginSide(), config.jumpToTimeout());
        NavigationApis.register(apis, router, loop, this::afterShown);
        StandardApis.register(apis, env);
    }

    /** The simulated user: the player adds a scenario's decisions and the standing policy. */
    public SimulatedUser user() {
        return user;
    }

    public RunConfig config() {
        return config;
    }

    /** The pages on screen: rendered templates, components, taps. */
    public Screen screen() {
        return screen;
    }

    public ApiEnv env() {
        return env;
    }

    /**
     * Something happened after which the run cannot go on meaningfully (a prompt nobody can
     * answer, a prompt loop): an error; a headless run stops there and writes its end.
     */
    public void abort(String message, String source) {
        error(message, source, activePage);
        if (loop.simulated()) {
            loop.stop();
        }
    }

    public MiniProgram program() {
        return program;
    }

    public EventStream events() {
        return events;
    }

    public EventLoop loop() {
        return loop;
    }

    public Router router() {
        return router;
    }

    /** Where more JSAPIs are registered before {@link #start}. */
    public ApiRegistry apis() {
        return apis;
    }

    /** Uncaught script errors so far. */
    public int errors() {
        return errors;
    }

    // ------------------------------------------------------------------ launch

    /** Creates the context and runs app.js; owner thread. */
    public void start() {
        program.platformGuess().ifPresent(why -> warning(why, null));
        js = new JsRuntime(new HostBridge(), config.seed());
        loop.markLaunch();
        watchdog = new Watchdog(js.context(), options.taskBudget(), options.heapLimit());
        Optional<String> app = files.script("app");
        if (app.isPresent()) {
            guard(null, () -> js.call("require", app.get()));
            if (!js.call("hasApp").asBoolean()) {
                warning(app.get() + " did not call App(); getApp() returns undefined", app.get());
            }
        }
    }

    /**
     * Launches as the client does: App.onLaunch, App.onShow, then the page's onLoad, onShow and
     * (as its own task) onReady. A page that does not exist goes to App.onPageNotFound if there is
     * one, and is an error otherwise.
     */
    public void launch(String route, Map<String, String> query) {
        Map<String, Object> launchOptions = new LinkedHashMap<>();
        launchOptions.put("path", route);
        launchOptions.put("query", query);
        launchOptions.put("scene", 1001);
        launchOptions.put("referrerInfo", Map.of());
        this.launchOptions = Map.copyOf(launchOptions);
        appHook("onLaunch", launchOptions);
        appHook("onShow", launchOptions);
        try {
            afterShown(router.launch(route, query));
        } catch (NavigationException e) {
            boolean handled = Boolean.TRUE.equals(guard(null, () -> js.call("callAppHook", "onPageNotFound",
                    json(Map.of("path", route, "query", query, "isEntryPage", true))).asBoolean()));
            if (!handled) {
                error("cannot launch: " + e.getMessage(), "app.json", null);
            }
        }
    }

    private void appHook(String hook, Object arg) {
        events.emit("lifecycle", "target", "app", "hook", hook, "options", arg);
        guard(null, () -> js.call("callAppHook", hook, json(arg)));
    }

    /** Runs the page's onReady as its own task, after the navigation's callbacks. */
    private void afterShown(PageInstance page) {
        if (page == null) {
            return;
        }
        loop.post(() -> {
            if (pluginRuntime.isPlugin(page)) {
                if (readied.add(page.id())) {
                    pluginRuntime.shown(page);
                }
            } else if (livePages.containsKey(page.id()) && readied.add(page.id())) {
                pageHook(page, "onReady", null);
            }
        });
    }

    /** The end of a run: what is still pending and wrong is reported (a plugin waiting for jumpTo). */
    public void finish() {
        pluginRuntime.finish();
    }

    // ------------------------------------------------------------------ what scenario steps do

    /**
     * Calls a method of the top page as a tap on its element would; returns a message when the
     * page has no such method.
     */
    public Optional<String> callMethod(String name, List<Object> args) {
        PageInstance top = router.top();
        if (top == null) {
            return Optional.of("no page is showing");
        }
        Boolean called = guard(top.route(), () -> js.call("callMethod", top.id(), name, json(args)).asBoolean());
        if (called == null || called) {
            return Optional.empty();
        }
        String names = guard(top.route(), () -> js.call("methodNames", top.id()).asString());
        return Optional.of("page " + top.route() + " (" + top.route() + ".js) has no method \"" + name
                + "\"" + (names == null || names.isEmpty() ? "" : "; its methods: " + names));
    }

    /** The user presses back {@code n} times' worth (one navigateBack of delta n). */
    public Optional<String> back(int n) {
        try {
            router.navigateBack(n);
            return Optional.empty();
        } catch (NavigationException e) {
            return Optional.of(e.getMessage());
        }
    }

    boolean live(PageInstance page) {
        return livePages.containsKey(page.id());
    }

    void hook(PageInstance page, String hook) {
        pageHook(page, hook, null);
    }

    String activePage() {
        return activePage;
    }

    /** What the window shows now; runtime thread only. */
    public ViewState viewState() {
        PageInstance top = router.top();
        List<String> stack = router.stack().stream().map(PageInstance::route).toList();
        if (top == null || js == null) {
            return new ViewState(stack, "null", List.of(), program.title());
        }
        if (pluginRuntime.isPlugin(top)) {
            return new ViewState(stack, "null", List.of(), top.route());
        }
        String data = guard(top.route(), () -> js.call("pageData", top.id()).asString());
        String names = guard(top.route(), () -> js.call("methodNames", top.id()).asString());
        List<String> methods = names == null || names.isBlank() ? List.of() : List.of(names.split(", "));
        return new ViewState(stack, data == null ? "null" : data, methods,
                titles.getOrDefault(top.id(), pageTitle(top.route())));
    }

    /** navigationBarTitleText (WeChat) or defaultTitle (Alipay) of the page, else the app's. */
    private String pageTitle(String route) {
        return files.read(route + ".json").map(Simulation::tree)
                .map(n -> n.path("navigationBarTitleText").asText(n.path("defaultTitle").asText("")))
                .filter(t -> !t.isBlank()).orElse(program.title());
    }

    /** The page's current data as JSON, for the window and for tests. */
    public String pageData(PageInstance page) {
        return guard(page.route(), () -> js.call("pageData", page.id()).asString());
    }

    // ------------------------------------------------------------------ running JS safely

    /**
     * Runs JS for {@code page}: the watchdog times it, and an error it throws is reported as an
     * error of that page (and to App.onError) instead of escaping. Returns null after an error.
     */
    public <T> T guard(String page, Supplier<T> body) {
        String saved = activePage;
        activePage = page;
        boolean outermost = watchdog.enter();
        try {
            return body.get();
        } catch (PolyglotException e) {
            if (!outermost) {
                throw e;
            }
            if (e.isInterrupted() || e.isCancelled()) {
                ScriptError where = ScriptError.of(e);
                String what = watchdog.reason() == Watchdog.Reason.MEMORY
                        ? "script used too much memory and was stopped"
                        : "script ran longer than " + watchdog.budgetMillis() + " ms and was stopped (an endless loop?)";
                report(new ScriptError(what, where.source(), null), page);
            } else if (e.isHostException()) {
                report(new ScriptError("internal simulator error: " + e.asHostException(), null, null), page);
            } else {
                report(ScriptError.of(e), page);
            }
            return null;
        } finally {
            if (outermost) {
                watchdog.exit();
            }
            activePage = saved;
        }
    }

    private void guard(String page, Runnable body) {
        guard(page, () -> {
            body.run();
            return null;
        });
    }

    private void report(ScriptError e, String page) {
        errors++;
        events.emit("error", "message", e.message(), "source", e.source(), "page", page, "stack", e.stack());
        if (inOnError || js == null) {
            return;
        }
        inOnError = true;
        try {
            // App.onError gets the error's own text and stack, as in the client
            String text = e.stack() != null ? e.stack() : e.message();
            guard(page, () -> js.call("callAppHook", "onError", json(text)));
        } finally {
            inOnError = false;
        }
    }

    /** An error of the mini-program that is not a thrown exception (a missing page file). */
    public void error(String message, String source, String page) {
        report(new ScriptError(message, source, null), page);
    }

    public void warning(String message, String source) {
        events.emit("warning", "message", message, "source", source, "page", activePage);
    }

    /** Why {@code spec} does not resolve, in the words a developer needs. */
    private String notFound(String spec, String from) {
        return "Cannot find module '" + spec + "' from " + from;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** JSON from the script as a tree, for the JSAPIs. */
    static JsonNode tree(String json) {
        try {
            return json == null ? NullNode.getInstance() : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return NullNode.getInstance();
        }
    }

    /** JSON from the script as plain maps, lists and values, for events. */
    static Object plain(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        loop.stop();
        if (watchdog != null) {
            watchdog.close();
        }
        if (js != null) {
            try {
                js.close();
            } catch (RuntimeException e) {
                // a context stopped mid-task may refuse a clean close; it is gone either way
            }
        }
    }

    // ------------------------------------------------------------------ pages, for the router

    private void pageHook(PageInstance page, String hook, Object arg) {
        events.emit("lifecycle", "target", "page", "page", page.route(), "hook", hook,
                "query", hook.equals("onLoad") ? arg : null);
        if (!pluginRuntime.isPlugin(page)) {
            if (hook.equals("onReady")) {
                screen.pageReady(page.id());       // components are ready before their page
            }
            guard(page.route(), () -> js.call("callHook", page.id(), hook, arg == null ? null : json(arg)));
            if (hook.equals("onShow") || hook.equals("onHide")) {
                screen.pageShown(page.id(), hook.equals("onShow"));
            }
        }
    }

    private final class RouterPages implements Router.Pages {
        @Override
        public PageInstance create(String route, Map<String, String> query, OpenedBy by) throws NavigationException {
            String file = files.script(route).orElse(route + ".js");
            if (files.inside(file).isEmpty()) {
                error("page \"" + route + "\" is listed in app.json but " + file + " does not exist", "app.json", route);
                throw new NavigationException("page \"" + route + "\" is not found");
            }
            int before = errors;
            guard(route, () -> js.call("require", file));
            if (errors > before) {
                throw new NavigationException("page \"" + route + "\" failed to load (see the error above)");
            }
            Value kind = guard(route, () -> js.call("pageKind", route));
            if (kind == null || kind.isNull()) {
                error(file + " did not call Page() or Component()", file, route);
                throw new NavigationException("page \"" + route + "\" did not register itself");
            }
            loadComponents(route, route, new HashSet<>());
            int id = ++nextPageId;
            PageInstance page = new PageInstance(id, route, query);
            Value made = guard(route, () -> js.call("createPage", id, route, json(query)));
            if (made == null) {
                throw new NavigationException("page \"" + route + "\" failed to load (see the error above)");
            }
            livePages.put(id, page);
            if (by instanceof OpenedBy.Navigate n) {
                String opener = router.topRoute();
                guard(route, () -> js.call("attachOpened", n.callId(), id, route, opener));
            }
            // the first render builds the page's components (created, attached) before its onLoad
            screen.pageCreated(id, route);
            return page;
        }

        @Override
        public PageInstance createPlugin(String url, OpenedBy by) throws NavigationException {
            PluginTarget target = plugins.resolve(url, program);
            int id = ++nextPageId;
            PageInstance page = new PageInstance(id, target.route(), target.query());
            livePages.put(id, page);
            String opener = router.topRoute();
            if (by instanceof OpenedBy.Navigate n) {
                guard(opener, () -> js.call("attachPlugin", n.callId(), id, target.route(), opener));
                pluginRuntime.opened(page, target, n.events(), null, opener, n.source());
            } else if (by instanceof OpenedBy.Plugin p) {
                // the events given with jumpTo are the host page's functions: its end of the new link
                String host = pluginRuntime.hostRoute(p.from());
                guard(host, () -> js.call("chainPlugin", host, p.eventsKey(), id, target.route()));
                pluginRuntime.opened(page, target, List.of(), p.from(), host, null);
            } else {
                pluginRuntime.opened(page, target, List.of(), null, opener, null);
            }
            return page;
        }

        @Override
        public void hook(PageInstance page, String hook, Object argument) {
            pageHook(page, hook, argument);
        }

        @Override
        public void destroy(PageInstance page) {
            livePages.remove(page.id());
            guard(page.route(), () -> js.call("closeChannelOf", page.id()));
            if (pluginRuntime.isPlugin(page)) {
                pluginRuntime.unloaded(page);
            } else {
                screen.pageDestroyed(page.id());
                guard(page.route(), () -> js.call("dropPage", page.id()));
            }
        }

        @Override
        public void navigated(String action, PageInstance from, PageInstance to, String url) {
            events.emit("navigate", "action", action, "from", from == null ? null : from.route(),
                    "to", to == null ? null : to.route(), "url", url);
        }
    }

    /**
     * Runs the scripts of the custom components a page or component uses (usingComponents in its
     * .json and in app.json), so their Component() calls happen as in the client. Rendering them
     * comes with page templates.
     */
    private void loadComponents(String owner, String page, Set<String> seen) {
        List<String> specs = new ArrayList<>();
        for (String jsonFile : List.of(owner + ".json", "app.json")) {
            files.read(jsonFile).map(Simulation::tree).ifPresent(node ->
                    node.path("usingComponents").fields().forEachRemaining(e -> specs.add(e.getValue().asText())));
        }
        for (String spec : specs) {
            if (spec.startsWith("plugin://") || spec.isBlank()) {
                continue;
            }
            Optional<String> resolved = files.resolve(owner + ".js", spec);
            if (resolved.isEmpty() || !ModuleFiles.isScript(resolved.get())) {
                String saved = activePage;
                activePage = page;
                warning("component \"" + spec + "\" used by " + owner + ": " + notFound(spec, owner + ".js"),
                        owner + ".json");
                activePage = saved;
                continue;
            }
            String file = resolved.get();
            if (seen.add(file) && loadedComponents.add(file)) {
                guard(page, () -> js.call("require", file));
                loadComponents(file.substring(0, file.length() - 3), page, seen);
            }
        }
    }

    // ------------------------------------------------------------------ what JSAPIs use

    /** What the simulated plugins use of the simulation. */
    private final class PluginSide implements PluginRuntime.Host {
        @Override
        public ApiEnv env() {
            return env;
        }

        @Override
        public void emitToOpener(PageInstance pluginPage, String event) {
            guard(pluginPage.route(), () -> js.call("pluginEmit", pluginPage.id(), event));
        }

        @Override
        public void leave(List<PageInstance> pages, String url) throws NavigationException {
            afterShown(router.leave(pages, url));
        }

        @Override
        public void openNext(PageInstance from, String url, int eventsKey) throws NavigationException {
            afterShown(router.navigateTo(url, new OpenedBy.Plugin(from, eventsKey)));
        }

        @Override
        public void back() throws NavigationException {
            router.navigateBack(1);
        }

        @Override
        public boolean live(PageInstance page) {
            return livePages.containsKey(page.id());
        }

        @Override
        public void error(String message, String source, String page) {
            Simulation.this.error(message, source, page);
        }
    }

    private final class Env implements ApiEnv {
        @Override
        public EventStream events() {
            return events;
        }

        @Override
        public EventLoop loop() {
            return loop;
        }

        @Override
        public MiniProgram program() {
            return program;
        }

        @Override
        public RunConfig config() {
            return config;
        }

        @Override
        public Codes codes() {
            return codes;
        }

        @Override
        public String topRoute() {
            return router.topRoute();
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
            PageInstance top = router.top();
            if (top != null) {
                titles.put(top.id(), title);
            }
        }

        @Override
        public void warning(String message) {
            Simulation.this.warning(message, null);
        }

        @Override
        public void prompt(Prompt prompt, Consumer<Decision> then) {
            prompts.open(prompt, then);
        }

        @Override
        public void badDecision(Prompt prompt, Decision decision, String why) {
            prompts.badDecision(prompt, decision, why);
        }
    }

    /** True for an Alipay mini-program (SPEC: the platform follows from the folder, minisim.json overrides). */
    boolean alipay() {
        return program.platform() == Platform.ALIPAY;
    }

    /** What the screen uses of the simulation. */
    private final class ScreenSide implements ScreenHost {
        @Override
        public Value js(String function, Object... args) {
            return js.call(function, args);
        }

        @Override
        public <T> T guard(String page, Supplier<T> body) {
            return Simulation.this.guard(page, body);
        }

        @Override
        public void warning(String message, String source, String page) {
            events.emit("warning", "message", message, "source", source, "page", page);
        }

        @Override
        public void error(String message, String source, String page) {
            Simulation.this.error(message, source, page);
        }

        @Override
        public EventStream events() {
            return events;
        }

        @Override
        public EventLoop loop() {
            return loop;
        }

        @Override
        public TemplateSource templates() {
            return files::read;
        }

        @Override
        public boolean customTabBar(String route) {
            return hasCustomTabBar() && program.isTabPage(route);
        }

        @Override
        public boolean alipay() {
            return Simulation.this.alipay();
        }

        @Override
        public Optional<String> component(String ownerPath, String tag) {
            return componentFor(ownerPath, tag);
        }

        @Override
        public PageInstance top() {
            return router.top();
        }

        @Override
        public boolean isPlugin(PageInstance page) {
            return pluginRuntime.isPlugin(page);
        }

        @Override
        public ApiEnv env() {
            return env;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> windowSize() {
            SyncApi info = apis.sync("wx", "getWindowInfo");
            try {
                Object v = info == null ? null : info.call("wx", NullNode.getInstance());
                return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            } catch (SyncApi.ApiException e) {
                return Map.of();
            }
        }

        @Override
        public void callApi(String page, String api, Map<String, Object> args) {
            guard(page, () -> js.call("invokeApi", alipay() ? "my" : "wx", api, json(args)));
        }
    }

    /** app.json's tabBar is {@code custom: true} and the folder has {@code custom-tab-bar/index.js}. */
    private boolean hasCustomTabBar() {
        return program.appJson().path("tabBar").path("custom").asBoolean(false)
                && files.read("custom-tab-bar/index.js").isPresent();
    }

    /**
     * The component that {@code tag} names in the template of {@code ownerPath} (a page or a
     * component, without extension): its own usingComponents, then app.json's; its script is
     * loaded on first use.
     */
    private Optional<String> componentFor(String ownerPath, String tag) {
        String spec = null;
        for (String jsonFile : List.of(ownerPath + ".json", "app.json")) {
            JsonNode using = files.read(jsonFile).map(Simulation::tree).orElse(NullNode.getInstance()).path("usingComponents");
            if (using.has(tag)) {
                spec = using.get(tag).asText();
                break;
            }
        }
        if (spec == null && tag.equals("custom-tab-bar") && hasCustomTabBar() && program.isTabPage(ownerPath)) {
            spec = "/custom-tab-bar/index";   // the client's fixed place for it
        }
        if (spec == null || spec.isBlank() || spec.startsWith("plugin://")) {
            return Optional.empty();
        }
        Optional<String> resolved = files.resolve(ownerPath + ".js", spec);
        if (resolved.isEmpty() || !resolved.get().endsWith(".js")) {
            return Optional.empty();
        }
        String file = resolved.get();
        if (loadedComponents.add(file) && !js.call("isLoaded", file).asBoolean()) {
            guard(activePage, () -> js.call("require", file));
        }
        return Optional.of(file.substring(0, file.length() - 3));
    }

    // ------------------------------------------------------------------ the bridge JS sees

    /**
     * The only Java object the mini-program's context can reach, through MiniSim's bootstrap
     * (which keeps it in a closure). Every method takes and returns strings, numbers and JS values.
     */
    public final class HostBridge {

        @HostAccess.Export
        public void console(String level, String text, String source) {
            events.emit("console", "level", level, "text", text, "page", activePage, "source", source);
        }

        @HostAccess.Export
        public void warning(String message, String source) {
            Simulation.this.warning(message, source);
        }

        @HostAccess.Export
        public void setTimer(int id, double ms) {
            String page = activePage;
            Long old = timers.put(id, loop.schedule((long) ms, () -> {
                timers.remove(id);
                guard(page, () -> js.call("fireTimer", id));
            }));
            if (old != null) {
                loop.cancel(old);
            }
        }

        @HostAccess.Export
        public void clearTimer(int id) {
            Long t = timers.remove(id);
            if (t != null) {
                loop.cancel(t);
            }
        }

        @HostAccess.Export
        public double epochNow() {
            return epoch + loop.now();
        }

        /** A root-relative module path, or "!" and a message when there is none. */
        @HostAccess.Export
        public String resolveModule(String from, String spec) {
            return files.resolve(from, spec).orElseGet(() -> "!" + notFound(spec, from));
        }

        @HostAccess.Export
        public String readText(String path) {
            return files.read(path).orElse("");
        }

        /** The module's wrapper function, or a message string when it cannot be compiled. */
        @HostAccess.Export
        public Object compileModule(String path) {
            Optional<String> code = files.read(path);
            if (code.isEmpty()) {
                return "Cannot read module " + path;
            }
            String cjs;
            try {
                cjs = ModuleTransform.toCommonJs(path, code.get());
            } catch (ModuleTransform.SyntaxProblem p) {
                return path + ":" + p.line() + " " + p.getMessage();
            }
            return js.compileModule(path, cjs);
        }

        @HostAccess.Export
        public void setData(int pageId, String route, String dataJson) {
            events.emit("setData", "page", route, "data", plain(dataJson));
            screen.dataChanged(pageId, VElement.PAGE);
        }

        /** A component's setData: only its subtree renders again. */
        @HostAccess.Export
        public void componentSetData(String instanceId, String dataJson) {
            Integer pageId = screen.pageIdOf(instanceId);
            PageInstance page = pageId == null ? null : livePages.get(pageId);
            events.emit("setData", "page", page == null ? activePage : page.route(), "component",
                    screen.componentPath(instanceId), "data", plain(dataJson));
            if (pageId != null) {
                screen.dataChanged(pageId, instanceId);
            }
        }

        @HostAccess.Export
        public void triggerEvent(String instanceId, String name, String detailJson, String optionsJson) {
            screen.triggerEvent(instanceId, name, detailJson, optionsJson);
        }

        @HostAccess.Export
        public int topPageId() {
            PageInstance top = router.top();
            return top == null ? -1 : top.id();
        }

        @HostAccess.Export
        @SuppressWarnings("unchecked")
        public String selectorQuery(int pageId, String queryJson, String source) {
            Map<String, Object> q = (Map<String, Object>) plain(queryJson);
            String owner = q == null ? null : (String) q.get("owner");
            List<Map<String, Object>> requests = q == null ? List.of() : (List<Map<String, Object>>) q.get("requests");
            if (owner != null) {
                Integer p = screen.pageIdOf(owner);
                pageId = p == null ? pageId : p;
            }
            return json(screen.query(pageId, owner, requests, source));
        }

        @HostAccess.Export
        public String selectComponents(int pageId, String owner, String selector) {
            return json(screen.selectComponents(pageId, owner, selector));
        }

        @HostAccess.Export
        public void defer(Value fn) {
            String page = activePage;
            loop.post(() -> guard(page, () -> fn.executeVoid()));
        }

        @HostAccess.Export
        public String pageStack() {
            return json(router.stack().stream().map(PageInstance::id).toList());
        }

        /** The one namespace this app's scripts see: {@code wx} (WeChat) or {@code my} (Alipay). */
        @HostAccess.Export
        public String namespace() {
            return program.platform().namespace();
        }

        /** The namespace's names and what each is, as JSON (see {@link ApiRegistry#surface}). */
        @HostAccess.Export
        public String apiTable(String ns) {
            return json(apis.surface(ns));
        }

        @HostAccess.Export
        public void invoke(String ns, String api, int id, String argsJson, String source) {
            JsonNode args = tree(argsJson);
            String page = activePage;
            events.emit("api", "ns", ns, "api", api, "args", plain(argsJson), "page", page, "source", source);
            ApiCall call = new ApiCall(id, ns, api, args, page, source, outcome -> loop.post(() -> guard(page, () ->
                    js.call("settle", id, outcome.ok(), json(outcome.payload())))));
            JsApi impl = apis.async(ns, api);
            if (impl == null) {
                Simulation.this.warning(ns + "." + api + " is " + ApiRegistry.UNSUPPORTED, null);
                call.fail(1, ApiRegistry.UNSUPPORTED);
                return;
            }
            try {
                impl.invoke(call);
            } catch (RuntimeException e) {
                Simulation.this.warning("internal simulator error in " + ns + "." + api + ": " + e, null);
                if (!call.done()) {
                    call.fail(3, "internal simulator error: " + e.getMessage());
                }
            }
        }

        /** {"value": ...} or {"error": message}. */
        @HostAccess.Export
        public String invokeSync(String ns, String api, String argsJson, String source) {
            JsonNode args = tree(argsJson);
            events.emit("api", "ns", ns, "api", api, "args", plain(argsJson), "page", activePage, "source", source);
            SyncApi impl = apis.sync(ns, api);
            Map<String, Object> result = new LinkedHashMap<>();
            if (impl == null && apis.kind(ns, api) == ApiRegistry.Kind.LISTENER) {
                // an event the simulator never raises (theme, network, memory...): nothing to hear
                result.put("value", null);
                return json(result);
            }
            if (impl == null) {
                Simulation.this.warning(ns + "." + api + " is " + ApiRegistry.UNSUPPORTED, null);
                result.put("error", ns + "." + api + " is " + ApiRegistry.UNSUPPORTED);
                return json(result);
            }
            try {
                result.put("value", impl.call(ns, args));
            } catch (SyncApi.ApiException e) {
                result.put("error", e.getMessage());
            } catch (RuntimeException e) {
                result.put("error", "internal simulator error in " + ns + "." + api + ": " + e.getMessage());
            }
            return json(result);
        }

        @HostAccess.Export
        public void callback(String api, String name, String payloadJson) {
            events.emit("callback", "api", api, "callback", name, "payload", plain(payloadJson), "page", activePage);
        }

        @HostAccess.Export
        public void promise(String api, String state, String payloadJson) {
            events.emit("promise", "api", api, "state", state, "payload", plain(payloadJson), "page", activePage);
        }

        /** An emit on an EventChannel; {@code state}: null, "queued", "replayed" or "closed". */
        @HostAccess.Export
        public void channel(String from, String to, String event, String argsJson, int delivered, String state,
                            String source) {
            events.emit("channel", "event", event, "args", plain(argsJson), "from", from, "to", to,
                    "delivered", delivered, "queued", "queued".equals(state) ? Boolean.TRUE : null,
                    "replayed", "replayed".equals(state) ? Boolean.TRUE : null,
                    "closed", "closed".equals(state) ? Boolean.TRUE : null, "source", source);
            if ("closed".equals(state)) {
                error("emit(\"" + event + "\") on a closed EventChannel: " + to + " has left the stack", source, activePage);
            }
        }

        /** Runs what follows as code of {@code route}'s page; returns the page it replaced. */
        @HostAccess.Export
        public String enterPage(String route) {
            String saved = activePage;
            activePage = route;
            return saved;
        }

        @HostAccess.Export
        public void leavePage(String saved) {
            activePage = saved;
        }

        @HostAccess.Export
        public void pluginJump(int pageId, String url, int eventsKey) {
            pluginRuntime.jumpTo(pageId, url, eventsKey);
        }

        @HostAccess.Export
        public void pluginPaths(int pageId, String pathsJson) {
            pluginRuntime.navigatePaths(pageId, tree(pathsJson));
        }

        @HostAccess.Export
        public void scriptError(Value error, String where) {
            ScriptError e = ScriptError.ofThrown(error);
            report(new ScriptError(e.message() + " (in " + where + ")", e.source(), e.stack()), activePage);
        }
    }
}
