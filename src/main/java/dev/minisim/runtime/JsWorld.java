package dev.minisim.runtime;

/**
 * What Java asks of the mini-program's JS world: the entry points MiniSim's bootstrap leaves for
 * Java (defined as {@code rt.xxx = ...} in the bootstrap scripts under
 * {@code resources/dev/minisim/runtime/js}). Only {@link JsRuntime#world()} implements it, so the
 * JS names are written down in one place.
 *
 * <p>Arguments and results are strings (JSON where noted), numbers and booleans; nothing of the
 * page's own objects crosses. A script error thrown by page code inside a call propagates as a
 * {@link org.graalvm.polyglot.PolyglotException}: callers run these inside the simulation's guard.
 * Owner thread only, like the context.
 */
public interface JsWorld {

    // ------------------------------------------------------------------ modules (modules.js)

    /** Runs the module at {@code path} (root-relative, with extension) unless it already ran. */
    void require(String path);

    /** True when the module at {@code path} has run (or is running). */
    boolean isLoaded(String path);

    // ------------------------------------------------------------------ App (framework.js)

    /** True when app.js called {@code App()}. */
    boolean hasApp();

    /**
     * Calls App's {@code hook} ({@code onLaunch}, {@code onShow}, {@code onError},
     * {@code onPageNotFound}...) with the argument parsed from {@code argJson}; false when App has
     * no such function.
     */
    boolean callAppHook(String hook, String argJson);

    // ------------------------------------------------------------------ pages (framework.js)

    /** {@code "page"} or {@code "component"}: how {@code route}'s script registered itself; null when it did not. */
    String pageKind(String route);

    /**
     * Makes the instance of {@code route} as page {@code pageId}: its data deep-copied from the
     * definition (a Component() used as a page gets its properties from the query, then its
     * created and attached lifetimes), with route, options, setData and the rest attached.
     */
    void createPage(int pageId, String route, String queryJson);

    /**
     * Calls page hook {@code hook} ({@code onLoad}, {@code onShow}, {@code onReady}, {@code onHide},
     * {@code onUnload}...) with {@code argJson} parsed (null: no argument); a Component() page hears
     * the matching lifetime or pageLifetime. False when nothing was called.
     */
    boolean callHook(int pageId, String hook, String argJson);

    /** Calls page method {@code name} with the arguments in the JSON array {@code argsJson}; false when there is no such method. */
    boolean callMethod(int pageId, String name, String argsJson);

    /** The page's function-valued keys, joined by {@code ", "}; empty for an unknown page. */
    String methodNames(int pageId);

    /** The page's {@code data} as JSON; {@code "null"} for an unknown page. */
    String pageData(int pageId);

    /** Forgets page {@code pageId} (it has left the stack). */
    void dropPage(int pageId);

    // ------------------------------------------------------------------ components (components.js)

    /**
     * Creates component instance {@code id} of the definition at {@code path} on page
     * {@code pageId}; returns its data as JSON. WeChat: the instance with its default data only
     * ({@code propsJson} is not read): its template renders with that data, then come
     * {@link #componentLifetime} {@code created} and {@link #updateComponentProps} with the
     * properties, as the client orders them. Alipay: the props in {@code propsJson}, onInit,
     * deriveDataFromProps. Throws when the script at {@code path} did not call Component().
     */
    String mountComponent(String id, int pageId, String path, String propsJson, boolean alipay);

    /**
     * The parent rendered component {@code id} again with the props in {@code propsJson}: its data
     * as JSON when something changed (observers and deriveDataFromProps ran), else null.
     */
    String updateComponentProps(String id, String propsJson);

    /** The instance's data as JSON; {@code "null"} for an unknown instance. */
    String componentData(String id);

    /** WeChat's {@code externalClasses} of the instance's definition, as a JSON list ({@code []} for Alipay). */
    String componentExternalClasses(String id);

    /**
     * Runs lifetime {@code name} of the instance: {@code created}, {@code attached}, {@code ready},
     * {@code detached} (WeChat); Alipay: {@code ready} is didMount, {@code detached} didUnmount,
     * {@code updated} didUpdate(prevProps, prevData). {@code detached} forgets the instance;
     * {@code dropped} forgets a WeChat instance that was never attached, running no hook.
     */
    void componentLifetime(String id, String name);

    /**
     * {@link #componentLifetime} of each instance in {@code idsJson} (a JSON list, in order) in
     * one call, so the promise jobs their hooks queue run after all of them, as in the client,
     * where a new subtree's attached hooks run in one go. A hook that throws is reported and the
     * others still run.
     */
    void componentLifetimes(String idsJson, String name);

    /**
     * WeChat {@code relations}: brings the links of page {@code pageId}'s instances in line with
     * the tree. {@code treeJson}: {@code [[id, [ancestor ids, the nearest first]], ...]} of every
     * instance in document order. New links run {@code linked}, gone ones {@code unlinked}, moved
     * linked children {@code linkChanged}; returns whether any instance on the page declares relations.
     */
    boolean syncRelations(int pageId, String treeJson);

    /** Whether the component defined at {@code path} asks for a virtual host ({@code options.virtualHost}, WeChat). */
    boolean componentVirtualHost(String path);

    /** Every WeChat component on page {@code pageId} hears pageLifetimes {@code name} ({@code show}, {@code hide}). */
    void componentPageLifetime(int pageId, String name);

    /**
     * Calls handler {@code name} of {@code owner} (the page, or a component instance id) on page
     * {@code pageId}, with the event parsed from {@code eventJson}, or with the arguments in the
     * JSON array {@code argsJson} when that is not null; returns {@code "ok"}, or {@code "missing"}
     * when the owner has no such method.
     */
    String callHandler(int pageId, String owner, String name, String eventJson, String argsJson);

    /** Two-way binding ({@code model:value}): {@code owner}'s setData of {@code path} to the value in {@code valueJson}. */
    void modelSet(int pageId, String owner, String path, String valueJson);

    // ------------------------------------------------------------------ the bridge (bridge.js, timers.js)

    /** A JSAPI call {@code callId} finished: its callbacks and promise get the payload in {@code payloadJson}. */
    void settle(int callId, boolean ok, String payloadJson);

    /** Calls JSAPI {@code ns.api} as page code would, with the options in {@code argsJson} (navigator's navigation). */
    void invokeApi(String ns, String api, String argsJson);

    /** Timer {@code id} is due: runs its function (an interval is scheduled again first). */
    void fireTimer(int id);

    // ------------------------------------------------------------------ event channels (event-channel.js)

    /**
     * Page {@code pageId} ({@code route}) was opened by navigateTo call {@code callId} from
     * {@code openerRoute}: its getOpenerEventChannel() is the other end of that call's channel.
     * False when the call made no channel.
     */
    boolean attachOpened(int callId, int pageId, String route, String openerRoute);

    /** As {@link #attachOpened}, for a simulated plugin page: its end forwards jumpTo and sendNavigatePaths to Java. */
    boolean attachPlugin(int callId, int pageId, String route, String openerRoute);

    /**
     * The next plugin page of a chain ({@code pageId}, {@code route}), opened by a plugin page of
     * host page {@code fromRoute}: the events given with jumpTo (kept under {@code eventsKey})
     * listen on a new channel.
     */
    void chainPlugin(String fromRoute, int eventsKey, int pageId, String route);

    /** Plugin page {@code pageId} emits {@code event} (no arguments) to its opener. */
    void pluginEmit(int pageId, String event);

    /** Page {@code pageId} left the stack: its channel is closed (a later emit on it is an error). */
    void closeChannelOf(int pageId);

    // ------------------------------------------------------------------ automation (automation.js)
    // Each call that takes an {@code id} answers through the host's {@code autoAnswer(id, ok, text)}
    // (now or, for a promise or a callback, later): ok with the result as JSON, or the error message.

    /** {@code App.callFunction}: calls the function declaration {@code source} with the JSON array {@code argsJson}. */
    void autoEvaluate(int id, String source, String argsJson);

    /** {@code App.callWxMethod}: calls the namespace's {@code method} ({@code sync}: its return value; else its success payload). */
    void autoCallApi(int id, String method, boolean sync, String argsJson);

    /**
     * {@code App.mockWxMethod}: {@code mode} {@code result} (payload: the result as JSON),
     * {@code function} (payload: a function declaration, {@code argsJson} its extra arguments) or
     * {@code restore}; returns "" or what is wrong.
     */
    String autoMock(String method, boolean sync, String mode, String payload, String argsJson);

    /** {@code App.addBinding}: a global function {@code name} whose calls reach the host's {@code autoBinding}. */
    void autoAddBinding(String name);

    /** Calls method {@code name} of {@code owner} ({@code page} or a component instance id) on page {@code pageId}. */
    void autoCallMethod(int id, int pageId, String owner, String name, String argsJson);

    /** The owner's own {@code setData} with the object in {@code dataJson}; returns "" or what is wrong. */
    String autoSetData(int pageId, String owner, String dataJson);
}
