package dev.minisim.screen;

import dev.minisim.view.ComponentHost;
import dev.minisim.view.PageView;
import dev.minisim.view.SelectorIndex;
import dev.minisim.view.VElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One page on screen and the custom component instances on it: the renderer asks it which tags
 * are components, and it creates, updates and removes their instances in the JS world.
 *
 * <p>Lifetimes as the clients order them. WeChat (glass-easel's {@code Component.create}): the
 * instance with its default data, its template rendered with it (its child components built the
 * same way first), then {@code created}, then the properties from its parent (observers), then its
 * template again when they changed something; {@code attached} when the render pass that built it
 * ends, parents before children (the client attaches a new subtree as a whole, the host before its
 * shadow tree). Alipay: {@code onInit} and {@code deriveDataFromProps} at mount, before its
 * template renders. {@code ready} (Alipay {@code didMount}) after the render, as its own task,
 * before the page's onReady for components of the first render; {@code detached}
 * ({@code didUnmount}) when their position goes.
 */
final class PageScreen implements ComponentHost {

    /** A component instance: its definition's path, the template that wrote its element, its template. */
    record Mounted(String id, String path, String owner, String template, boolean alipay) {
    }

    final int pageId;
    final String route;
    final String template;
    final Map<String, Mounted> instances = new LinkedHashMap<>();
    final Set<String> dirty = new LinkedHashSet<>();
    PageView view;
    private SelectorIndex selectorIndex;
    boolean layoutWarned;
    private final Screen screen;
    private final ScreenHost host;
    private final List<String> notReady = new ArrayList<>();
    /** WeChat instances built in the running pass, in creation order: attached when it ends. */
    private final List<String> notAttached = new ArrayList<>();
    private final Set<String> updated = new LinkedHashSet<>();
    private final Map<String, String> ownerPaths = new LinkedHashMap<>();
    /** In {@link #firstData}: the instance rendered again before its created step ended (no JSON is this). */
    private static final String RENDERED_BETWEEN = "\u0000rendered";
    /** WeChat instances between mount and created: the data JSON their template first rendered with. */
    private final Map<String, String> firstData = new HashMap<>();
    /** Instance id → its abstract nodes ({@code generic:name}) → the component path each stands for. */
    private final Map<String, Map<String, String>> generics = new HashMap<>();
    /** Component path → whether its definition asks for a virtual host. */
    private final Map<String, Boolean> virtualHosts = new HashMap<>();
    /** The render data of the page and of WeChat instances, kept up to date from each setData's applied keys. */
    private final Map<String, Map<String, Object>> mirrors = new HashMap<>();
    /** Top-level keys each WeChat instance's setData changed in this task (see {@link #applied}). */
    private final Map<String, Set<String>> touched = new HashMap<>();
    /** Render passes running (a pass's lifetimes may setData and flush, which nests one). */
    private int building;
    private boolean readyPosted;
    private boolean pageReady;
    /** Components were mounted since relations were last brought in line with the tree. */
    private boolean mountedSince;
    /** Some component on the page declares relations: every pass may move or drop a link. */
    private boolean hasRelations;

    PageScreen(Screen screen, ScreenHost host, int pageId, String route, String template) {
        this.screen = screen;
        this.host = host;
        this.pageId = pageId;
        this.route = route;
        this.template = template;
    }

    boolean hasInstances() {
        return !instances.isEmpty();
    }

    /** Runs a render pass; lifetimes the pass queued run afterwards. */
    void rendering(Supplier<VElement> pass) {
        selectorIndex = null;
        building++;
        try {
            try {
                pass.get();
            } catch (RuntimeException e) {
                host.error("internal simulator error while rendering " + template + ": " + e, template, route);
            }
            if (building == 1) {
                attachNew();   // a nested pass (a flush asked for inside one) leaves that to the outermost
            }
        } finally {
            building--;
        }
        if (building == 0) {
            afterPass();
        }
    }

    /**
     * The WeChat instances the pass built enter the page tree: {@code attached} of each in the
     * tree's order (parents first, as glass-easel attaches a subtree), in one call into the JS
     * world (the promise jobs the hooks queue run after all of them). What an attached hook's setData changed in a new instance renders now, so the
     * instance's first render shows it (as it did when attached ran at mount); instances that
     * render creates are attached in turn.
     */
    private void attachNew() {
        while (!notAttached.isEmpty()) {
            List<String> now = new ArrayList<>(notAttached);
            notAttached.clear();
            List<String> live = inDocumentOrder(now.stream().filter(instances::containsKey).toList());
            if (!live.isEmpty()) {
                String ids = Screen.json(live);
                host.guard(route, () -> host.js().componentLifetimes(ids, "attached"));
            }
            for (String id : now) {
                if (instances.containsKey(id) && dirty.contains(id)) {
                    renderNow(id);
                }
            }
        }
    }

    /** The instance's template renders again now with its data (inside a pass: at once, nested). */
    private void renderNow(String id) {
        dirty.remove(id);
        Map<String, Object> data = dataOf(id);
        if (data == null) {
            return;
        }
        try {
            view.update(id, data);
        } catch (RuntimeException e) {
            host.error("internal simulator error while rendering " + template + ": " + e, template, route);
        }
    }

    /**
     * The instances in the order the client attaches them: the page tree's document order (a
     * component before what its template holds); those not placed in the tree (slot content a
     * component does not render) last, as created.
     */
    private List<String> inDocumentOrder(List<String> ids) {
        if (ids.size() < 2) {
            return ids;
        }
        Map<String, Integer> order = new HashMap<>();
        view.root().walk(e -> {
            if (e.component() != null) {
                order.putIfAbsent(e.component(), order.size());
            }
        });
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(java.util.Comparator.comparingInt(id -> order.getOrDefault(id, Integer.MAX_VALUE)));
        return sorted;
    }

    /** The owner's render data: its mirror, or read whole (and kept as its mirror when it is mirrored). */
    private Map<String, Object> dataOf(String owner) {
        if (firstData.containsKey(owner)) {
            firstData.put(owner, RENDERED_BETWEEN);   // its created step is running: see created()
        }
        Map<String, Object> data = mirrors.get(owner);
        if (data != null) {
            return data;
        }
        String json = host.guard(route, () -> owner.equals(VElement.PAGE)
                ? host.js().pageData(pageId) : host.js().componentData(owner));
        if (json == null) {
            return null;
        }
        data = Screen.data(json);
        if (mirrored(owner)) {
            mirrors.put(owner, data);
        }
        return data;
    }

    /**
     * The tree's elements by id, class and tag for selector queries, built at the first query
     * after a render (every change of the tree goes through {@link #rendering}, which drops it).
     */
    SelectorIndex selectorIndex() {
        if (selectorIndex == null || selectorIndex.root() != view.root()) {
            selectorIndex = SelectorIndex.of(view.root());
        }
        return selectorIndex;
    }

    void flush() {
        if (dirty.isEmpty() || view == null) {
            return;
        }
        for (String owner : Screen.ordered(dirty)) {
            dirty.remove(owner);
            if (!owner.equals(VElement.PAGE) && !instances.containsKey(owner)) {
                continue;   // gone in an earlier pass
            }
            Map<String, Object> rendered = dataOf(owner);
            if (rendered == null) {
                continue;
            }
            if (!owner.equals(VElement.PAGE)) {
                updated.add(owner);
            }
            rendering(() -> view.update(owner, rendered));
        }
    }

    /** The page's data as first read (before its first render): kept as the page's mirror. */
    void pageData(Map<String, Object> data) {
        mirrors.put(VElement.PAGE, data);
    }

    /**
     * The page or a WeChat instance: its render data is its {@code this.data} as setData left it,
     * kept here. An Alipay instance's render data merges its props ({@code renderData} in
     * components.js), so it is read whole each time.
     */
    private boolean mirrored(String owner) {
        if (owner.equals(VElement.PAGE)) {
            return true;
        }
        Mounted inst = instances.get(owner);
        return inst != null && !inst.alipay();
    }

    /**
     * A setData of {@code owner} applied these keys (JSON): the mirror takes them. When it cannot
     * (see {@link DataMirror}), it is dropped and the next render reads the whole data.
     *
     * <p>A WeChat instance's observers run inside its setData and may setData again, which reaches
     * here before the outer call's keys although JS applied them after: a second setData of an
     * instance in one task that touches a top-level key touched before, or adds a new top-level
     * key, may be out of order, so the whole data is read then too.
     */
    void applied(String owner, String appliedJson) {
        Map<String, Object> mirror = mirrors.get(owner);
        if (mirror == null) {
            return;   // not mirrored, or not yet read (a setData in created/attached, before mount reads it)
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> applied = Screen.parse(appliedJson) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        if (applied == null || (!owner.equals(VElement.PAGE) && outOfOrder(owner, mirror, applied))) {
            mirrors.remove(owner);
            return;
        }
        Optional<Map<String, Object>> next = DataMirror.apply(mirror, applied);
        if (next.isPresent()) {
            mirrors.put(owner, next.get());
        } else {
            mirrors.remove(owner);
        }
    }

    private boolean outOfOrder(String owner, Map<String, Object> mirror, Map<String, Object> applied) {
        Set<String> before = touched.computeIfAbsent(owner, k -> new HashSet<>());
        boolean earlier = !before.isEmpty();
        boolean clash = false;
        for (String key : applied.keySet()) {
            String top = DataMirror.topKey(key);
            if (top == null) {
                return true;
            }
            clash |= earlier && (before.contains(top) || !mirror.containsKey(top));
            before.add(top);
        }
        return clash;
    }

    /** The task that changed data ended (the posted re-render runs): setData calls to come are a new task's. */
    void taskEnded() {
        touched.clear();
    }

    private void afterPass() {
        // Alipay's didUpdate(prevProps, prevData) after a re-render
        for (String id : new ArrayList<>(updated)) {
            Mounted inst = instances.get(id);
            if (inst != null && inst.alipay()) {
                host.guard(route, () -> host.js().componentLifetime(id, "updated"));
            }
        }
        updated.clear();
        syncRelations();
        if (pageReady && !notReady.isEmpty() && !readyPosted) {
            readyPosted = true;
            host.loop().post(() -> {
                readyPosted = false;
                runReady();
            });
        }
    }

    /** ready (didMount) of every instance mounted since the last time; the first call comes with the page's onReady. */
    void runReady() {
        pageReady = true;
        List<String> now = new ArrayList<>(notReady);
        notReady.clear();
        for (String id : now) {
            if (instances.containsKey(id)) {
                host.guard(route, () -> host.js().componentLifetime(id, "ready"));
            }
        }
    }

    /**
     * WeChat relations follow the tree after a pass (linked after attached, before ready; a
     * {@code wx:if} that turns on links then; a keyed move runs linkChanged): asked only when
     * components were mounted or some component on the page declares relations.
     */
    private void syncRelations() {
        if (view == null || !(mountedSince || hasRelations)) {
            return;
        }
        mountedSince = false;
        List<Object> tree = new ArrayList<>();
        collect(view.root(), new ArrayList<>(), tree);
        String json = Screen.json(tree);
        Boolean any = host.guard(route, () -> host.js().syncRelations(pageId, json));
        hasRelations = Boolean.TRUE.equals(any);
    }

    /** [id, [ancestor ids, the nearest first]] of each instance under {@code e}, in document order. */
    private static void collect(VElement e, List<String> ancestors, List<Object> out) {
        boolean instance = e.component() != null;
        if (instance) {
            out.add(List.of(e.component(), List.copyOf(ancestors.reversed())));
            ancestors.add(e.component());
        }
        for (dev.minisim.view.VNode child : e.children()) {
            if (child instanceof VElement c) {
                collect(c, ancestors, out);
            }
        }
        if (instance) {
            ancestors.removeLast();
        }
    }

    void destroy() {
        for (String id : new ArrayList<>(instances.keySet())) {
            unmount(id);
        }
        if (view != null) {
            view.close();
        }
    }

    // ------------------------------------------------------------------ ComponentHost

    /** The path (no extension) of the page or component whose template is {@code owner}'s. */
    private String ownerPath(String owner) {
        if (owner.equals(VElement.PAGE)) {
            return route;
        }
        Mounted i = instances.get(owner);
        return i == null ? route : i.path();
    }

    @Override
    public boolean isComponent(String owner, String tag) {
        return componentPath(owner, tag).isPresent();
    }

    private Optional<String> componentPath(String owner, String tag) {
        String key = owner + " " + tag;
        if (ownerPaths.containsKey(key)) {
            return Optional.ofNullable(ownerPaths.get(key));
        }
        Map<String, String> abstractNodes = generics.getOrDefault(owner, Map.of());
        Optional<String> path = abstractNodes.containsKey(tag) ? Optional.of(abstractNodes.get(tag))
                : host.component(ownerPath(owner), tag);
        ownerPaths.put(key, path.orElse(null));
        return path;
    }

    @Override
    public boolean virtualHost(String owner, String tag) {
        Optional<String> path = componentPath(owner, tag);
        if (path.isEmpty()) {
            return false;
        }
        return virtualHosts.computeIfAbsent(path.get(),
                p -> Boolean.TRUE.equals(host.guard(route, () -> host.js().componentVirtualHost(p))));
    }

    @Override
    public Instance mount(String owner, String tag, Map<String, Object> props) {
        return mount(owner, tag, props, Map.of());
    }

    /**
     * WeChat abstract nodes: each {@code generic:name="tag"} names a component of the user's
     * template ({@code owner}'s usingComponents); the new instance's {@code <name>} renders it.
     */
    @Override
    public Instance mount(String owner, String tag, Map<String, Object> props, Map<String, String> abstractNodes) {
        Map<String, String> resolved = new HashMap<>();
        abstractNodes.forEach((name, target) -> componentPath(owner, target).ifPresent(p -> resolved.put(name, p)));
        String path = componentPath(owner, tag).orElseThrow();
        String template = screen.templateOf(path).orElse(null);
        boolean alipay = template != null ? template.endsWith(".axml") : host.alipay();
        String id = screen.nextInstanceId();
        if (!resolved.isEmpty()) {
            generics.put(id, resolved);
        }
        instances.put(id, new Mounted(id, path, owner, template, alipay));
        String json = host.guard(route, () -> host.js().mountComponent(id, pageId, path,
                alipay ? Screen.json(revive(owner, props, true)) : "{}", alipay));
        notReady.add(id);
        if (!alipay) {
            notAttached.add(id);
            firstData.put(id, String.valueOf(json));
        }
        mountedSince = true;
        return new Instance(id, template == null ? path + (host.alipay() ? ".axml" : ".wxml") : template, Screen.data(json));
    }

    /**
     * WeChat: {@code created}, then the properties from the parent (their observers), each
     * failing alone as in the client; the data afterwards when it is not what the template first
     * rendered with. Alipay: nothing (onInit and deriveDataFromProps ran at mount).
     */
    @Override
    public Map<String, Object> created(String instanceId, Map<String, Object> props) {
        Mounted inst = instances.get(instanceId);
        if (inst == null || inst.alipay()) {
            firstData.remove(instanceId);
            return null;
        }
        host.guard(route, () -> host.js().componentLifetime(instanceId, "created"));
        if (dirty.contains(instanceId)) {
            // a setData in created updates its template at once in the client (glass-easel hooks
            // the template to the data before created): it renders now, before the properties
            renderNow(instanceId);
        }
        String json = host.guard(route, () -> {
            host.js().updateComponentProps(instanceId, Screen.json(props));
            return host.js().componentData(instanceId);
        });
        if (json == null || !instances.containsKey(instanceId)) {
            firstData.remove(instanceId);
            return null;
        }
        // what created and the observers set with setData is in this data: nothing left to render later
        dirty.remove(instanceId);
        Map<String, Object> data = Screen.data(json);
        mirrors.put(instanceId, data);
        // a render in between (a setData in created, or one an observer made before a
        // selectComponent) may show other data now: then it renders again whatever the data
        return json.equals(firstData.remove(instanceId)) ? null : data;
    }

    /**
     * WeChat: the observer functions of the properties that changed, now that the template shows
     * them; the data afterwards when they called setData (it renders again at once).
     */
    @Override
    public Map<String, Object> rendered(String instanceId) {
        Mounted inst = instances.get(instanceId);
        if (inst == null || inst.alipay()) {
            return null;
        }
        host.guard(route, () -> host.js().componentLifetime(instanceId, "propertyObservers"));
        if (!instances.containsKey(instanceId) || !dirty.remove(instanceId)) {
            return null;
        }
        return dataOf(instanceId);
    }

    @Override
    public Map<String, Object> update(String instanceId, Map<String, Object> props) {
        Mounted inst = instances.get(instanceId);
        if (inst == null) {
            return Map.of();
        }
        String json = host.guard(route, () -> {
            String v = host.js().updateComponentProps(instanceId, Screen.json(revive(inst.owner(), props, inst.alipay())));
            return v == null ? host.js().componentData(instanceId) : v;
        });
        if (inst.alipay()) {
            updated.add(instanceId);
        }
        Map<String, Object> data = Screen.data(json);
        if (!inst.alipay() && json != null) {
            mirrors.put(instanceId, data);   // properties changed: the whole data, read again
        }
        return data;
    }

    @Override
    public List<String> externalClasses(String instanceId) {
        String json = host.guard(route, () -> host.js().componentExternalClasses(instanceId));
        return Screen.parse(json) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    @Override
    public void unmount(String instanceId) {
        mirrors.remove(instanceId);
        generics.remove(instanceId);
        touched.remove(instanceId);
        firstData.remove(instanceId);
        boolean attached = !notAttached.remove(instanceId);
        if (instances.remove(instanceId) != null) {
            host.guard(route, () -> host.js().componentLifetime(instanceId, attached ? "detached" : "dropped"));
        }
    }

    /**
     * Alipay's {@code onXxx} props name the parent's handlers: they reach the component as
     * functions that call the parent's method (SPEC "props.onXxx are the parent's handlers").
     */
    private static Map<String, Object> revive(String owner, Map<String, Object> props, boolean alipay) {
        if (!alipay) {
            return props;
        }
        Map<String, Object> out = new LinkedHashMap<>(props);
        for (Map.Entry<String, Object> e : props.entrySet()) {
            if (e.getKey().matches("(on|catch)[A-Z].*") && e.getValue() instanceof String name && !name.isBlank()) {
                out.put(e.getKey(), Map.of("__minisimHandler", Map.of("owner", owner, "name", name)));
            }
        }
        return out;
    }

}
