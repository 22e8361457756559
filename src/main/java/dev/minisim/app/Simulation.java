package dev.minisim.app;

import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import dev.minisim.api.RunConfig;
import dev.minisim.api.StandardApis;
import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.events.EventStream;
import dev.minisim.frame.Frame;
import dev.minisim.plugin.PluginRuntime;
import dev.minisim.plugin.Plugins;
import dev.minisim.program.MiniProgram;
import dev.minisim.program.NavigationException;
import dev.minisim.program.PageInstance;
import dev.minisim.program.Platform;
import dev.minisim.runtime.EventLoop;
import dev.minisim.runtime.JsRuntime;
import dev.minisim.runtime.JsWorld;
import dev.minisim.runtime.ModuleFiles;
import dev.minisim.runtime.Watchdog;
import dev.minisim.runtime.modules.ModuleTransform;
import dev.minisim.screen.Screen;
import dev.minisim.user.SimulatedUser;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running mini-program: its context, event loop, router and JSAPIs, and the one event stream
 * everything it does goes to. Headless runs and the window drive the same class.
 *
 * <p>This class wires the run together and is its public face (launch, scenario actions, what the
 * window shows). The work is done in rooms of this package, each with one job:
 * <ul>
 *   <li>{@link ScriptGuard}: every call into JS runs through it (the watchdog, the active page,
 *       errors reported and handed to App.onError);</li>
 *   <li>{@link HostBridge}: everything the JS side calls in Java;</li>
 *   <li>{@link PageFactory}: the router's pages made, hooked and dropped;</li>
 *   <li>{@link ComponentFiles}: which component a tag names, and loading its script;</li>
 *   <li>{@link ApiEnvironment}, {@link ScreenWiring}, {@link PluginWiring}: what the JSAPIs, the
 *       screen and the simulated plugins use of the run;</li>
 *   <li>{@link Router}, {@link Prompts}, {@link NavigationApis}: the page stack, prompts, navigation.</li>
 * </ul>
 * Java calls JS only through {@link JsWorld}, the typed entry points of the bootstrap.
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

    private final MiniProgram program;
    private final Options options;
    private final RunConfig config;
    private final EventLoop loop;
    private final EventStream events;
    private final ModuleFiles files;
    private final ApiRegistry apis = new ApiRegistry();
    private final SimulatedUser user = new SimulatedUser();
    private final ScriptGuard guard;
    private final ComponentFiles components;
    private final PageFactory pages;
    private final Router router;
    private final ApiEnvironment env;
    private final Prompts prompts;
    private final Screen screen;
    private final Plugins plugins;
    private final PluginRuntime pluginRuntime;
    private final HostBridge bridge;
    private final Set<Integer> readied = new HashSet<>();
    private final List<Consumer<UserAction>> actionWatchers = new CopyOnWriteArrayList<>();
    private JsRuntime js;
    private volatile Watchdog watchdog;
    private volatile Automation automation = Automation.NONE;

    public Simulation(MiniProgram program, Options options) {
        this(program, options, RunConfig.defaults());
    }

    public Simulation(MiniProgram program, Options options, RunConfig config) {
        this.program = program;
        this.options = options;
        this.config = config;
        this.loop = new EventLoop(options.simulatedClock());
        this.events = new EventStream(loop::now);
        this.files = new ModuleFiles(program.root());
        this.guard = new ScriptGuard(events, program);
        this.components = new ComponentFiles(files, guard, program);
        this.pages = new PageFactory(this);
        this.router = new Router(program, pages);
        this.env = new ApiEnvironment(this);
        this.prompts = new Prompts(this);
        this.screen = new Screen(new ScreenWiring(this));
        this.plugins = Plugins.bundled();
        config.plugins().forEach(plugins::add);
        this.pluginRuntime = new PluginRuntime(new PluginWiring(this), config.jumpToTimeout());
        this.bridge = new HostBridge(this, config.now() != null ? config.now() : System.currentTimeMillis());
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
        error(message, source, guard.activePage());
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
        return guard.errors();
    }

    /** The automation protocol follows this run ({@code minisim auto}); before {@link #start}. */
    public void automate(Automation automation) {
        this.automation = automation;
    }

    Automation automation() {
        return automation;
    }

    /**
     * The JS world's entry points, for the automation protocol's requests (null before
     * {@link #start}); call them inside {@link #guard}, on the runtime thread.
     */
    public JsWorld world() {
        return js == null ? null : js.world();
    }

    // ------------------------------------------------------------------ the rooms, for each other

    ScriptGuard guard() {
        return guard;
    }

    ModuleFiles files() {
        return files;
    }

    ComponentFiles components() {
        return components;
    }

    PageFactory pages() {
        return pages;
    }

    Prompts prompts() {
        return prompts;
    }

    Plugins plugins() {
        return plugins;
    }

    PluginRuntime pluginRuntime() {
        return pluginRuntime;
    }

    /** True for an Alipay mini-program (SPEC: the platform follows from the folder, minisim.json overrides). */
    boolean alipay() {
        return program.platform() == Platform.ALIPAY;
    }

    // ------------------------------------------------------------------ launch

    /** Creates the context and runs app.js (or app.ts); owner thread. */
    public void start() {
        program.platformGuess().ifPresent(why -> warning(why, null));
        ModuleTransform.warmUp(files, "app", program.pages().isEmpty() ? "app" : program.pages().get(0));
        js = new JsRuntime(bridge, config.seed());
        bridge.attach(js);
        loop.markLaunch();
        watchdog = new Watchdog(js.context(), options.taskBudget(), options.heapLimit());
        guard.attach(js.world(), watchdog);
        JsWorld world = js.world();
        Optional<String> app = files.script("app");
        if (app.isPresent()) {
            guard.guard(null, () -> world.require(app.get()));
            if (!world.hasApp()) {
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
        env.launchedWith(launchOptions);
        appHook("onLaunch", launchOptions);
        appHook("onShow", launchOptions);
        try {
            afterShown(router.launch(route, query));
        } catch (NavigationException e) {
            boolean handled = Boolean.TRUE.equals(guard.guard(null, () -> js.world().callAppHook("onPageNotFound",
                    json(Map.of("path", route, "query", query, "isEntryPage", true)))));
            if (!handled) {
                error("cannot launch: " + e.getMessage(), "app.json", null);
            }
        }
    }

    private void appHook(String hook, Object arg) {
        events.emit("lifecycle", "target", "app", "hook", hook, "options", arg);
        guard.guard(null, () -> js.world().callAppHook(hook, json(arg)));
    }

    /** Runs the page's onReady as its own task, after the navigation's callbacks. */
    void afterShown(PageInstance page) {
        if (page == null) {
            return;
        }
        loop.post(() -> {
            if (pluginRuntime.isPlugin(page)) {
                if (readied.add(page.id())) {
                    pluginRuntime.shown(page);
                }
            } else if (pages.live(page) && readied.add(page.id())) {
                pages.hook(page, "onReady", null);
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
        long at = loop.now();
        PageInstance top = router.top();
        if (top == null) {
            return Optional.of("no page is showing");
        }
        Boolean called = guard.guard(top.route(), () -> js.world().callMethod(top.id(), name, json(args)));
        if (called == null || called) {
            // a method that threw was still called: a replay throws the same error
            watched(new UserAction.Call(at, name, args));
            return Optional.empty();
        }
        String names = guard.guard(top.route(), () -> js.world().methodNames(top.id()));
        return Optional.of("page " + top.route() + " (" + top.route() + ".js) has no method \"" + name
                + "\"" + (names == null || names.isEmpty() ? "" : "; its methods: " + names));
    }

    /** The user presses back {@code n} times' worth (one navigateBack of delta n). */
    public Optional<String> back(int n) {
        long at = loop.now();
        try {
            router.navigateBack(n);
            watched(new UserAction.Back(at, n));
            return Optional.empty();
        } catch (NavigationException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The user taps tab {@code index} of the native tab bar: the current tab page's
     * {@code onTabItemTap({index, pagePath, text})} (WeChat and Alipay: "when the current page is a
     * tab page, on tapping a tab"), then switchTab to that tab's page.
     */
    public Optional<String> tapTab(int index) {
        long at = loop.now();
        dev.minisim.frame.TabBarSettings bar = env.frame().tabBar();
        if (bar.items().isEmpty()) {
            return Optional.of("app.json has no tabBar");
        }
        if (bar.custom()) {
            return Optional.of("the tab bar is the app's custom-tab-bar component: tap its elements instead");
        }
        PageInstance shown = router.top();
        if (shown == null || bar.indexOf(shown.route()) < 0) {
            return Optional.of("the tab bar shows on tab pages only, and " + (shown == null ? "no page" : shown.route())
                    + " is not one");
        }
        if (index < 0 || index >= bar.items().size()) {
            return Optional.of("the tab bar has no tab " + index + " (it has " + bar.items().size() + ")");
        }
        dev.minisim.frame.TabBarSettings.Item item = bar.items().get(index);
        PageInstance top = router.top();
        if (top != null && js != null && bar.indexOf(top.route()) >= 0) {
            String names = guard.guard(top.route(), () -> js.world().methodNames(top.id()));
            if (names != null && List.of(names.split(", ")).contains("onTabItemTap")) {
                Map<String, Object> tap = new LinkedHashMap<>();
                tap.put("index", index);
                tap.put("pagePath", item.pagePath());
                tap.put("text", item.text());
                guard.guard(top.route(), () -> js.world().callMethod(top.id(), "onTabItemTap", json(List.of(tap))));
            }
        }
        try {
            router.switchTab("/" + item.pagePath());
            watched(new UserAction.Tab(at, index, item.text()));
            return Optional.empty();
        } catch (NavigationException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The user taps the tab whose text is {@code text} (see {@link #tapTab(int)}). */
    public Optional<String> tapTab(String text) {
        List<dev.minisim.frame.TabBarSettings.Item> items = env.frame().tabBar().items();
        for (int i = 0; i < items.size(); i++) {
            if (text.equals(items.get(i).text())) {
                return tapTab(i);
            }
        }
        return Optional.of("the tab bar has no tab \"" + text + "\"" + (items.isEmpty() ? " (app.json has no tabBar)"
                : "; its tabs: " + String.join(", ", items.stream().map(dev.minisim.frame.TabBarSettings.Item::text).toList())));
    }

    /** The user taps the home button (a lone page that is not home): reLaunch to the home page. */
    public Optional<String> home() {
        long at = loop.now();
        try {
            router.reLaunch("/" + program.homePage());
            watched(new UserAction.Unscripted(at, "the home button"));
            return Optional.empty();
        } catch (NavigationException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Whether the top page may be pulled down to refresh: its json's, else app.json {@code window}'s
     * {@code enablePullDownRefresh: true} (WeChat) or {@code pullRefresh: true} (Alipay). Runtime thread.
     */
    /**
     * The page itself called {@code startPullDownRefresh}: the same as the user's pull (the top
     * page's {@code onPullDownRefresh} where it enables pull-down refresh), not a user action.
     */
    void pullDownRefreshByPage() {
        PageInstance top = router.top();
        if (top == null) {
            return;
        }
        if (!pullDownRefreshEnabled()) {
            warning("startPullDownRefresh: page " + top.route() + " does not enable pull-down refresh"
                    + " (enablePullDownRefresh / pullRefresh in its json or app.json window), so onPullDownRefresh does not run", null);
            return;
        }
        hook(top, "onPullDownRefresh");
    }

    public boolean pullDownRefreshEnabled() {
        PageInstance top = router.top();
        if (top == null) {
            return false;
        }
        JsonNode page = files.read(top.route() + ".json").map(Json::tree).orElse(null);
        JsonNode app = program.appJson().path("window");
        for (String key : new String[] {"enablePullDownRefresh", "pullRefresh"}) {
            JsonNode v = page == null ? null : page.path(key);
            if (v == null || v.isMissingNode() || v.isNull()) {
                v = app.path(key);
            }
            if (v.asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The user pulls the top page down from its top: the page's {@code onPullDownRefresh}, as the
     * client calls it (the refresh indicator stays until the page calls {@code stopPullDownRefresh}).
     * No scenario step expresses it, so a recording names it as missing. Returns a message when the
     * page does not enable it.
     */
    public Optional<String> pullDownRefresh() {
        PageInstance top = router.top();
        if (top == null) {
            return Optional.of("no page is showing");
        }
        if (!pullDownRefreshEnabled()) {
            return Optional.of("page " + top.route() + " does not enable pull-down refresh (enablePullDownRefresh"
                    + " / pullRefresh in its json or app.json window)");
        }
        long at = loop.now();
        hook(top, "onPullDownRefresh");
        watched(new UserAction.Unscripted(at, "a pull-down refresh of " + top.route()));
        return Optional.empty();
    }

    /**
     * The person scrolled the top page in the window to {@code scrollTop} px: its
     * {@code onPageScroll({scrollTop})}, where the page has one (the client calls it only then).
     * Returns whether it was called.
     */
    public boolean pageScrolled(double scrollTop) {
        PageInstance top = router.top();
        if (top != null && hasMethod(top, "onPageScroll")) {
            Object px = scrollTop == Math.rint(scrollTop) ? (Object) (long) scrollTop : scrollTop;
            pages.hook(top, "onPageScroll", java.util.Map.of("scrollTop", px));
            return true;
        }
        return false;
    }

    /**
     * The person scrolled the top page to its bottom in the window: its {@code onReachBottom}, where
     * it has one. Returns whether it was called (as {@link #pageScrolled}).
     */
    public boolean reachedBottom() {
        PageInstance top = router.top();
        if (top != null && hasMethod(top, "onReachBottom")) {
            hook(top, "onReachBottom");
            return true;
        }
        return false;
    }

    private boolean hasMethod(PageInstance page, String name) {
        if (js == null || pluginRuntime.isPlugin(page)) {
            return false;
        }
        String names = guard.guard(page.route(), () -> js.world().methodNames(page.id()));
        return names != null && java.util.Arrays.asList(names.split(", ")).contains(name);
    }

    /**
     * Calls {@code watcher} with each method call and back the user made (the window's buttons, a
     * scenario's steps) once it was accepted; gestures on the page are {@link Screen#watchGestures}.
     */
    public void watchActions(Consumer<UserAction> watcher) {
        actionWatchers.add(watcher);
    }

    /**
     * The user did something to the run that no scenario step expresses (a tab of the frame's
     * tab bar, the home button); the session recorder lists it as missing from the recording.
     */
    public void unscripted(String what) {
        watched(new UserAction.Unscripted(loop.now(), what));
    }

    /**
     * Tells the watchers of an action (the session recorder); an action a scenario cannot express
     * is reported as {@link UserAction.Unscripted}.
     */
    void watched(UserAction action) {
        for (Consumer<UserAction> w : actionWatchers) {
            w.accept(action);
        }
    }

    boolean live(PageInstance page) {
        return pages.live(page);
    }

    void hook(PageInstance page, String hook) {
        pages.hook(page, hook, null);
    }

    // ------------------------------------------------------------------ what the window shows

    /** What the window shows now; runtime thread only. */
    public ViewState viewState() {
        PageInstance top = router.top();
        List<String> stack = router.stack().stream().map(PageInstance::route).toList();
        if (top == null || js == null) {
            return new ViewState(stack, "null", List.of(), program.title());
        }
        if (pluginRuntime.isPlugin(top)) {
            Frame plugin = env.frame().frame(top.id(), top.route(), null, stack.size());
            return new ViewState(stack, "null", List.of(), top.route(), new Frame(new Frame.Bar(top.route(),
                    plugin.nav().background(), plugin.nav().textColor(), false, false), null, stack.size() > 1, false), null);
        }
        String data = guard.guard(top.route(), () -> js.world().pageData(top.id()));
        String names = guard.guard(top.route(), () -> js.world().methodNames(top.id()));
        List<String> methods = names == null || names.isBlank() ? List.of() : List.of(names.split(", "));
        JsonNode pageJson = files.read(top.route() + ".json").map(Json::tree).orElse(null);
        Frame frame = env.frame().frame(top.id(), top.route(), pageJson, stack.size());
        ViewState.Element tree = screen.tree(top.id()).map(ViewState.Element::of).orElse(null);
        return new ViewState(stack, data == null ? "null" : data, methods, frame.nav().title(), frame, tree);
    }

    /** The page's current data as JSON, for the window and for tests. */
    public String pageData(PageInstance page) {
        return guard.guard(page.route(), () -> js.world().pageData(page.id()));
    }

    // ------------------------------------------------------------------ running JS safely

    /**
     * Runs JS for {@code page}: the watchdog times it, and an error it throws is reported as an
     * error of that page (and to App.onError) instead of escaping. Returns null after an error.
     */
    public <T> T guard(String page, Supplier<T> body) {
        return guard.guard(page, body);
    }

    /**
     * The task running now, as a token for {@link #stopTask} (0 when none, or before the run
     * starts); call it inside {@link #guard}, on the runtime thread.
     */
    public long currentTask() {
        return watchdog == null ? 0 : watchdog.current();
    }

    /**
     * Stops the task {@code token} names if it still runs, as the watchdog stops a runaway one;
     * safe from any thread, returns at once. For a caller that has stopped waiting for it.
     */
    public void stopTask(long token) {
        Watchdog w = watchdog;
        if (w != null) {
            w.stop(token);
        }
    }

    /** An error of the mini-program that is not a thrown exception (a missing page file). */
    public void error(String message, String source, String page) {
        guard.error(message, source, page);
    }

    public void warning(String message, String source) {
        guard.warning(message, source);
    }

    /** {@code value} as JSON. */
    public static String json(Object value) {
        return Json.json(value);
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
}
