package dev.minisim.screen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.view.Diagnostic;
import dev.minisim.view.PageView;
import dev.minisim.view.TemplateSource;
import dev.minisim.view.Selector;
import dev.minisim.view.SelectorIndex;
import dev.minisim.view.VElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The pages on screen: each live page's rendered tree ({@link PageView}), its custom component
 * instances, and the re-render that follows every {@code setData}. What the user does to the
 * rendered page (tap, input, change) and what a step looks for (see) go through {@link Gestures}.
 *
 * <p>Rendering is asynchronous as in the clients: a {@code setData} changes {@code this.data} at
 * once and marks its owner dirty; the re-render runs as the next task (or at once when a step or
 * the window reads the tree).
 */
public final class Screen {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ScreenHost host;
    private final Map<Integer, PageScreen> pages = new LinkedHashMap<>();
    private final Gestures gestures;
    private final List<Consumer<Gesture>> watchers = new CopyOnWriteArrayList<>();
    private final List<Runnable> rendered = new CopyOnWriteArrayList<>();
    private boolean flushPosted;
    private int instances;
    private Layout layout;

    /**
     * Where layout comes from when a window paints the page (issue #10: layout queries answer from
     * the painted page); without one, rects are zero-size as no layout runs headless.
     */
    public interface Layout {
        /**
         * Per element {@code [left, top, right, bottom, width, height, scrollLeft, scrollTop,
         * scrollWidth, scrollHeight]} in px as painted now, or null for an element not painted.
         * Called on the runtime thread.
         */
        List<double[]> rects(int pageId, List<VElement> elements);
    }

    /** The window installs its painted page as the source of layout (null: none). */
    public void layout(Layout source) {
        this.layout = source;
    }

    public Screen(ScreenHost host) {
        this.host = host;
        this.gestures = new Gestures(this, host);
    }

    /** A page was created (before its onLoad): the first render, which creates its components. */
    public void pageCreated(int pageId, String route) {
        Optional<String> template = templateOf(route);
        if (template.isEmpty()) {
            return;
        }
        PageScreen ps = new PageScreen(this, host, pageId, route, template.get());
        pages.put(pageId, ps);
        ps.view = new PageView(withTabBar(route, template.get()), template.get(), ps, d -> diagnostic(d, route));
        String json = host.guard(route, () -> host.js().pageData(pageId));
        Map<String, Object> data = data(json);
        if (json != null) {
            ps.pageData(data);
        }
        ps.rendering(() -> ps.view.render(data));
    }

    /**
     * The templates as a page reads them: a tab page of a custom tab bar ends with the tab bar's
     * element, so the bar is rendered with each tab page, as the client does, and is that page's
     * own instance ({@code getTabBar()}).
     */
    private TemplateSource withTabBar(String route, String pageTemplate) {
        TemplateSource files = host.templates();
        if (!host.customTabBar(route)) {
            return files;
        }
        return path -> path.equals(pageTemplate) ? files.read(path).map(t -> t + "\n<custom-tab-bar></custom-tab-bar>\n")
                : files.read(path);
    }

    /** The page's onReady is next: components not yet ready get their ready (didMount). */
    public void pageReady(int pageId) {
        PageScreen ps = pages.get(pageId);
        if (ps != null) {
            ps.runReady();
        }
    }

    /** The page is shown or hidden: its components hear pageLifetimes show / hide. */
    public void pageShown(int pageId, boolean shown) {
        PageScreen ps = pages.get(pageId);
        if (ps != null && ps.hasInstances()) {
            host.guard(ps.route, () -> host.js().componentPageLifetime(pageId, shown ? "show" : "hide"));
        }
    }

    /** The page left the stack: its components detach, its WXS contexts close. */
    public void pageDestroyed(int pageId) {
        PageScreen ps = pages.remove(pageId);
        if (ps != null) {
            ps.destroy();
        }
    }

    /**
     * A setData of the page ({@link VElement#PAGE}) or of a component instance, with the keys it
     * applied (JSON, path keys as given): the re-render shows what setData sent, as the clients do,
     * so a change to {@code this.data} made without setData shows only with the whole data read
     * again (when the owner mounts or its properties change).
     */
    public void dataChanged(int pageId, String owner, String appliedJson) {
        PageScreen ps = pages.get(pageId);
        if (ps == null) {
            return;
        }
        ps.applied(owner, appliedJson);
        ps.dirty.add(owner);
        if (!flushPosted) {
            flushPosted = true;
            host.loop().post(() -> {
                for (PageScreen p : pages.values()) {
                    p.taskEnded();
                }
                flush();
                for (Runnable r : rendered) {
                    r.run();
                }
            });
        }
    }

    /**
     * Runs {@code listener} at the end of each re-render task that {@code setData} posts (on the
     * runtime thread, in that task): the window paints the page there instead of one task later,
     * so a tap's patch leaves for the screen as soon as the handler's task and its re-render are
     * over. Headless runs have none, so nothing changes for them.
     */
    public void afterRender(Runnable listener) {
        rendered.add(listener);
    }

    /** Re-renders every dirty owner now. */
    public void flush() {
        flushPosted = false;
        for (PageScreen ps : new ArrayList<>(pages.values())) {
            ps.flush();
        }
    }

    /** The page's rendered tree now (pending re-renders done first); empty when it has no template. */
    public Optional<VElement> tree(int pageId) {
        flush();
        PageScreen ps = pages.get(pageId);
        return ps == null ? Optional.empty() : Optional.of(ps.view.root());
    }

    /**
     * The page's tree as last rendered, without running pending re-renders (the window paints it
     * after they ran; reading it must not change when lifetimes run); empty when it has no template.
     */
    public Optional<VElement> rendered(int pageId) {
        PageScreen ps = pages.get(pageId);
        return ps == null ? Optional.empty() : Optional.of(ps.view.root());
    }

    /**
     * A control's attribute as the user left it: a switch the user toggled is checked although its
     * template says {@code checked="{{false}}"}, until the template's value changes (the painter
     * draws this, as the client shows the toggled switch).
     */
    public Object current(int pageId, VElement element, String attr) {
        PageScreen ps = pages.get(pageId);
        return ps == null ? element.attrs().get(attr) : gestures.current(ps, element, attr);
    }

    /** The template file of a page or component path (without extension), if there is one. */
    Optional<String> templateOf(String path) {
        for (String ext : List.of(".wxml", ".axml")) {
            if (host.templates().read(path + ext).isPresent()) {
                return Optional.of(path + ext);
            }
        }
        return Optional.empty();
    }

    /** Instance ids count per run, so transcripts of the same run are the same. */
    String nextInstanceId() {
        return "c" + (++instances);
    }

    PageScreen page(int pageId) {
        return pages.get(pageId);
    }

    /** The id of the page that holds a component instance, or null. */
    public Integer pageIdOf(String instanceId) {
        return pageOfInstance(instanceId).map(p -> p.pageId).orElse(null);
    }

    /** The component's definition path (for the transcript), or the id when it is gone. */
    public String componentPath(String instanceId) {
        return pageOfInstance(instanceId).map(p -> p.instances.get(instanceId).path()).orElse(instanceId);
    }

    /** The page screen that holds a component instance. */
    Optional<PageScreen> pageOfInstance(String instanceId) {
        return pages.values().stream().filter(p -> p.instances.containsKey(instanceId)).findFirst();
    }

    private void diagnostic(Diagnostic d, String route) {
        if (d.severity() == Diagnostic.Severity.ERROR) {
            host.error(d.message(), d.source(), route);
        } else {
            host.warning(d.message(), d.source(), route);
        }
    }

    // ------------------------------------------------------------------ what the JS world asks

    /** A component's this.triggerEvent: its element's bind:name handlers in the parent run now. */
    public void triggerEvent(String instanceId, String name, String detailJson, String optionsJson) {
        gestures.triggerEvent(instanceId, name, parse(detailJson), data(optionsJson));
    }

    /**
     * An Alipay component called {@code props.onXxx(...)}: the parent's handler runs, and the
     * transcript has an {@code event} line for it as for any handler an event calls.
     */
    public void propHandler(String instanceId, String prop, String handler, Object args) {
        pageOfInstance(instanceId).ifPresent(ps -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", prop);
            line.put("handler", handler);
            line.put("page", ps.route);
            line.put("component", ps.instances.get(instanceId).path());
            line.put("args", args);
            host.events().emit("event", line);
        });
    }

    /** selectComponent / selectAllComponents: instance ids matching {@code selector} in the owner's template. */
    public List<String> selectComponents(int pageId, String owner, String selector) {
        PageScreen ps = pages.get(pageId);
        if (ps == null) {
            return List.of();
        }
        // In the client a setData updates the component tree at once (only the view layer lags),
        // so the components it adds are there to select right after it (vant's datetime picker
        // sets its picker's columns, then sets the values of the new column components): pending
        // re-renders run first (inside a render pass, those of components whose template is not
        // being rendered; see Renderer.nested).
        flush();
        Selector sel;
        try {
            sel = Selector.parse(selector);
        } catch (IllegalArgumentException e) {
            host.warning("selectComponent(\"" + selector + "\"): " + e.getMessage(), null, ps.route);
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        // a component looks in its own element, which holds its template's nodes while the tree
        // is still being built (its created and first observers run before it is placed)
        VElement root = owner.equals(VElement.PAGE) ? ps.view.root() : ps.view.element(owner).orElse(ps.view.root());
        for (VElement e : sel.selectAll(root)) {
            if (e.component() != null && e.owner().equals(owner)) {
                ids.add(e.component());
            }
        }
        return ids;
    }

    /**
     * A createSelectorQuery's exec: the results in request order. Rects are zero-size headless;
     * the first query of a page that asks for layout says so.
     */
    public List<Object> query(int pageId, String owner, List<Map<String, Object>> requests, String source) {
        Optional<VElement> root = tree(pageId);
        PageScreen ps = pages.get(pageId);
        if (root.isEmpty() || ps == null) {
            return requests.stream().map(r -> (Object) null).toList();
        }
        boolean layout = requests.stream().anyMatch(r -> r.get("fields") instanceof Map<?, ?> f
                && (Gestures.truthy(f.get("rect")) || Gestures.truthy(f.get("size")) || Gestures.truthy(f.get("scrollOffset")))
                && !Boolean.TRUE.equals(r.get("viewport")));
        // a component's query (.in(this)) looks in its own subtree, which is there even when the
        // component sits in slot content its user's component does not place (tdesign's tabs in a
        // closed popup measure themselves on attached; the client answers them); a page's query
        // uses the index of ids, classes and tags built once per render
        VElement where = owner == null || ps.view == null ? root.get() : ps.view.element(owner).orElse(root.get());
        SelectorIndex index = where == root.get() ? ps.selectorIndex() : null;
        if (layout && this.layout != null) {
            Layout painted = this.layout;
            return SelectorQueries.answer(where, index, owner, requests, host.windowSize(), els -> painted.rects(pageId, els));
        }
        if (layout && !ps.layoutWarned) {
            ps.layoutWarned = true;
            host.warning("createSelectorQuery: no layout runs headless, so rects and scroll offsets are zero-size "
                    + "(ids, datasets and properties are real)", source, ps.route);
        }
        return SelectorQueries.answer(where, index, owner, requests, host.windowSize(), null);
    }

    // ------------------------------------------------------------------ scenario steps

    /**
     * Calls {@code watcher} with every gesture on a rendered page (tap, input, change), whoever
     * made it: the session recorder watches here, so clicks in the window are recorded as
     * scenario steps are.
     */
    public void watchGestures(Consumer<Gesture> watcher) {
        watchers.add(watcher);
    }

    /** A gesture found its element and is about to dispatch: the watchers hear it. */
    void gestured(Gesture gesture) {
        for (Consumer<Gesture> w : watchers) {
            w.accept(gesture);
        }
    }

    public Optional<String> tap(Target target) {
        return gestures.tap(target);
    }

    public Optional<String> input(Target target, String value) {
        return gestures.input(target, value);
    }

    public Optional<String> change(Target target, Object value) {
        return gestures.change(target, value);
    }

    /**
     * A picker's sheet confirmed in the window: the scenario's {@code change} with that value,
     * except that the {@code columnchange} events of a multiSelector were already fired as the
     * person turned its columns ({@link #pickerColumn}); also a picker-view's wheel stopped in the
     * window, whose {@code pickstart} and {@code pickend} were fired as the person turned it.
     */
    public Optional<String> picked(Target target, Object value) {
        return gestures.picked(target, value);
    }

    /** A multiSelector picker's column turned in the window's sheet: its {@code columnchange {column, value}}. */
    public Optional<String> pickerColumn(Target target, int column, int row) {
        return gestures.pickerColumn(target, column, row);
    }

    /**
     * Fires event {@code type} with {@code detail} at the target, as the client dispatches it: a
     * touch event ({@code touch}) lands as a finger does and bubbles; any other (the automation
     * protocol's triggerEvent) reaches the target's own handlers only.
     */
    public Optional<String> trigger(Target target, String type, Object detail, boolean touch) {
        return gestures.trigger(target, type, detail, touch);
    }

    /**
     * The element's painted box ({@link Layout#rects}'s ten numbers) when a painter gives layout;
     * empty headless, where no layout runs.
     */
    public Optional<double[]> rect(int pageId, VElement element) {
        Layout source = layout;
        if (source == null) {
            return Optional.empty();
        }
        List<double[]> rects = source.rects(pageId, List.of(element));
        return rects == null || rects.isEmpty() || rects.get(0) == null ? Optional.empty() : Optional.of(rects.get(0));
    }

    /**
     * A swiper moved to item {@code current} in the window (the person's drag: {@code source}
     * {@code touch}; its {@code autoplay}): the same {@code change} as the scenario step, with the
     * client's {@code detail.source}, then {@code animationfinish}.
     */
    public Optional<String> swipe(Target target, int current, String source) {
        return gestures.swipe(target, current, source);
    }

    /**
     * A scroll-view scrolled in the window: its {@code scroll}, {@code scrolltoupper} or
     * {@code scrolltolower} handlers run with the client's detail (no scenario step scrolls).
     */
    public Optional<String> scrolled(Target target, String event, Map<String, Object> detail) {
        return gestures.scrolled(target, event, detail);
    }

    /** Empty when the expectation holds, else what was (not) seen. */
    public Optional<String> see(Target target, boolean present) {
        return gestures.see(target, present);
    }

    // ------------------------------------------------------------------ JSON

    static Map<String, Object> data(String json) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }

    static Object parse(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Dirty owners of one page, page first. */
    static Set<String> ordered(Set<String> dirty) {
        Set<String> out = new LinkedHashSet<>();
        if (dirty.contains(VElement.PAGE)) {
            out.add(VElement.PAGE);
        }
        out.addAll(dirty);
        return out;
    }
}
