package dev.minisim.screen;

import dev.minisim.view.Selector;
import dev.minisim.view.VElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the user does to a rendered page (CONTRACT "Steps on the rendered page"): tap, type, change
 * a control, look for an element; and the built-in behaviour that follows a tap (navigator,
 * form submit and reset, button open-type prompts, switch / checkbox / radio, label).
 *
 * <p>Every handler called is an {@code event} line of the transcript; a handler its owner lacks is
 * a warning naming it.
 */
final class Gestures {

    private static final Set<String> CONTROLS = Set.of("button", "navigator", "switch", "checkbox", "radio", "label");

    /** A control's value the user changed, and the attribute it had then (a new attribute wins). */
    private record Field(Object attrWhenSet, Object value) {
    }

    private record Located(PageScreen page, VElement element) {
    }

    private final Screen screen;
    private final ScreenHost host;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    Gestures(Screen screen, ScreenHost host) {
        this.screen = screen;
        this.host = host;
    }

    // ------------------------------------------------------------------ steps

    Optional<String> tap(Target target) {
        Located at;
        try {
            at = locate(target);
        } catch (Miss m) {
            return Optional.of("tap " + m.getMessage());
        }
        watched("tap", at, null);
        VElement el = landing(at.element());
        VElement control = nearestControl(el);
        if (control != null && disabled(control)) {
            host.warning("tap " + target + ": the " + control.tag() + " is disabled, nothing happens", control.file() + ":"
                    + control.line(), at.page().route);
            return Optional.empty();
        }
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("x", 0);
        point.put("y", 0);
        fire(at.page(), el, "touchstart", point, true, true, true, true);
        fire(at.page(), el, "touchend", point, true, true, true, true);
        fire(at.page(), el, "tap", point, true, true, true, true);
        if (control != null) {
            builtIn(at.page(), control);
        }
        return Optional.empty();
    }

    Optional<String> input(Target target, String value) {
        Located at;
        try {
            at = locate(target);
        } catch (Miss m) {
            return Optional.of("input " + m.getMessage());
        }
        VElement el = field(at.element(), Set.of("input", "textarea"));
        if (el == null) {
            return Optional.of("input " + target + ": " + at.element() + " is not an input or textarea, and holds none");
        }
        if (disabled(el)) {
            return Optional.of("input " + target + ": the " + el.tag() + " is disabled");
        }
        watched("input", at, value);
        set(at.page(), el, "value", value);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("value", value);
        detail.put("cursor", value.length());
        detail.put("keyCode", 0);
        model(at.page(), el, "value", value);
        fire(at.page(), el, "input", detail, false, false, false, false);
        return Optional.empty();
    }

    Optional<String> change(Target target, Object value) {
        return change(target, value, "touch", false);
    }

    /**
     * A picker's sheet confirmed in the window: its {@code change}; the columns the person turned
     * were told one by one ({@link #pickerColumn}) as they turned. Also a picker-view's wheel
     * stopped in the window, whose {@code pickstart} and {@code pickend} were told as it turned.
     */
    Optional<String> picked(Target target, Object value) {
        return change(target, value, "touch", true);
    }

    /** A multiSelector picker's column {@code column} turned to row {@code row}: its {@code columnchange}. */
    Optional<String> pickerColumn(Target target, int column, int row) {
        Located at;
        try {
            at = locate(target);
        } catch (Miss m) {
            return Optional.of("columnchange " + m.getMessage());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("column", column);
        detail.put("value", row);
        fire(at.page(), at.element(), "columnchange", detail, false, false, false, false);
        return Optional.empty();
    }

    Optional<String> swipe(Target target, int current, String source) {
        Optional<String> problem = change(target, current, source, false);
        if (problem.isEmpty()) {
            try {
                Located at = locate(target);
                if (at.element().tag().equals("swiper")) {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("current", current);
                    detail.put("source", source);
                    fire(at.page(), at.element(), "animationfinish", detail, false, false, false, false);
                }
            } catch (Miss m) {
                // gone with the change's handlers: nothing more to tell
            }
        }
        return problem;
    }

    Optional<String> scrolled(Target target, String event, Map<String, Object> detail) {
        Located at;
        try {
            at = locate(target);
        } catch (Miss m) {
            return Optional.of(event + " " + m.getMessage());
        }
        fire(at.page(), at.element(), event, detail, false, false, false, false);
        return Optional.empty();
    }

    private Optional<String> change(Target target, Object value, String source, boolean columnsTold) {
        Located at;
        try {
            at = locate(target);
        } catch (Miss m) {
            return Optional.of("change " + m.getMessage());
        }
        watched("change", at, value);
        VElement el = at.element();
        if (!columnsTold && el.tag().equals("picker") && el.attr("mode").equals("multiSelector") && value instanceof List<?> now) {
            // the client tells each column turned (columnchange) before the sheet's change: a
            // scenario's change to [1, 2] turns the columns that differ from the picker's value
            Object before = current(at.page(), el, "value");
            List<?> was = before instanceof List<?> l ? l : List.of();
            for (int c = 0; c < now.size(); c++) {
                if (!sameNumber(c < was.size() ? was.get(c) : 0, now.get(c))) {
                    pickerColumn(target, c, now.get(c) instanceof Number n ? n.intValue() : 0);
                }
            }
            try {
                at = locate(target);   // a columnchange handler may have re-rendered the page
            } catch (Miss m) {
                return Optional.of("change " + m.getMessage());
            }
            el = at.element();
        }
        if (!columnsTold && el.tag().equals("picker-view")) {
            // the client tells a picker-view's pickstart and pickend as the wheel turns, before its
            // change: a scenario's change (or a recorded session replayed) turns it the same way;
            // the window told them as the person turned it
            fire(at.page(), el, "pickstart", Map.of(), false, false, false, false);
            fire(at.page(), el, "pickend", Map.of(), false, false, false, false);
            try {
                at = locate(target);   // a handler may have re-rendered the page
            } catch (Miss m) {
                return Optional.of("change " + m.getMessage());
            }
            el = at.element();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        switch (el.tag()) {
            case "switch" -> {
                set(at.page(), el, "checked", value);
                detail.put("value", value);
            }
            case "movable-view" -> {
                // {x, y}: the view stays where it was moved (the painter shows it there)
                Map<?, ?> to = value instanceof Map<?, ?> m ? m : Map.of();
                if (to.get("scale") instanceof Number scale) {
                    // {scale} (with x, y): a movable-view with scale zoomed; it stays at that scale
                    // and tells bindscale {x, y, scale} ("缩放过程中触发的事件"), not change
                    Object x = to.get("x") == null ? current(at.page(), el, "x") : to.get("x");
                    Object y = to.get("y") == null ? current(at.page(), el, "y") : to.get("y");
                    set(at.page(), el, "scale-value", scale);
                    model(at.page(), el, "scale-value", scale);
                    Map<String, Object> zoom = new LinkedHashMap<>();
                    zoom.put("x", x == null ? 0 : x);
                    zoom.put("y", y == null ? 0 : y);
                    zoom.put("scale", scale);
                    fire(at.page(), el, "scale", zoom, false, false, false, false);
                    return Optional.empty();
                }
                Object x = to.get("x") == null ? 0 : to.get("x");
                Object y = to.get("y") == null ? 0 : to.get("y");
                set(at.page(), el, "x", x);
                set(at.page(), el, "y", y);
                detail.put("x", x);
                detail.put("y", y);
                detail.put("source", source);
            }
            case "swiper" -> {
                // the swiper stays on the item it moved to, as on the phone (the painter shows it)
                set(at.page(), el, "current", value);
                detail.put("current", value);
                detail.put("source", source);
            }
            default -> {
                set(at.page(), el, "value", value);
                detail.put("value", value);
            }
        }
        if (el.tag().equals("movable-view")) {
            model(at.page(), el, "x", detail.get("x"));
            model(at.page(), el, "y", detail.get("y"));
        } else {
            model(at.page(), el, el.tag().equals("switch") ? "checked" : el.tag().equals("swiper") ? "current" : "value", value);
        }
        fire(at.page(), el, "change", detail, false, false, false, false);
        return Optional.empty();
    }

    private static boolean sameNumber(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(String.valueOf(a), String.valueOf(b));
    }

    Optional<String> trigger(Target target, String type, Object detail, boolean touch) {
        Located at;
        try {
            at = locate(target);
        } catch (Miss m) {
            return Optional.of(type + " " + m.getMessage());
        }
        VElement el = touch ? landing(at.element()) : at.element();
        fire(at.page(), el, type, detail, touch, touch, touch, touch);
        return Optional.empty();
    }

    Optional<String> see(Target target, boolean present) {
        try {
            Located at = locate(target);
            return present ? Optional.empty() : Optional.of("expected not to see " + target + " on " + at.page().route
                    + ", but " + at.element() + " is visible");
        } catch (Miss m) {
            return present ? Optional.of("expected to see " + m.getMessage()) : Optional.empty();
        }
    }

    /** Tells the screen's watchers (the session recorder) what is about to happen, and where. */
    private void watched(String kind, Located at, Object value) {
        screen.gestured(new Gesture(kind, at.page().route, at.page().view.root(), at.element(), value, host.loop().now()));
    }

    /**
     * Where a finger that taps {@code el} lands. A custom component's element has no box of its
     * own: the touch hits its content, so a tap on it starts at its deepest first visible element
     * (a library button's own {@code <button bindtap>} hears it, then the event bubbles out).
     */
    static VElement landing(VElement el) {
        if (el.component() == null) {
            return el;
        }
        VElement at = el;
        for (VElement next = firstVisibleChild(at); next != null; next = firstVisibleChild(at)) {
            at = next;
        }
        return at;
    }

    private static VElement firstVisibleChild(VElement el) {
        for (dev.minisim.view.VNode child : el.children()) {
            if (child instanceof VElement c && !c.hidden()) {
                return c;
            }
        }
        return null;
    }

    /** Why a TARGET found nothing: "TARGET: ..." (the step adds its verb). */
    private static final class Miss extends Exception {
        Miss(String message) {
            super(message, null, false, false);
        }
    }

    private Located locate(Target target) throws Miss {
        ScreenHost.Shown top = host.top();
        if (top == null) {
            throw new Miss(target + ": no page is showing");
        }
        if (top.plugin()) {
            throw new Miss(target + ": the top page is the plugin page " + top.route()
                    + ", which MiniSim simulates; answer it with \"decisions\": {\"plugin\": [...]}");
        }
        Optional<VElement> root = screen.tree(top.id());
        if (root.isEmpty()) {
            throw new Miss(target + ": page " + top.route() + " has no template (" + top.route() + ".wxml or .axml)");
        }
        PageScreen ps = screen.page(top.id());
        Optional<VElement> found;
        if (target.element() != null) {
            // an exact element (a click in the window): it must still be on this page and visible
            if (!onPage(target.element(), root.get()) || target.element().hidden()) {
                throw new Miss(target + ": no longer visible on page " + top.route());
            }
            return new Located(ps, target.element());
        }
        try {
            found = Selector.find(root.get(), target.selector(), target.text(), target.index());
        } catch (IllegalArgumentException e) {
            throw new Miss(target + ": not a selector MiniSim understands (" + e.getMessage() + ")");
        }
        if (found.isEmpty()) {
            throw new Miss(target + ": nothing visible on page " + top.route() + " matches" + hint(root.get(), target));
        }
        return new Located(ps, found.get());
    }

    private static boolean onPage(VElement e, VElement root) {
        VElement top = e;
        while (top.parent() != null) {
            top = top.parent();
        }
        return top == root;
    }

    /** What the page does have, so a tester sees the typo. */
    private static String hint(VElement root, Target target) {
        if (target.selector() != null) {
            try {
                List<VElement> all = Selector.parse(target.selector()).selectAll(root);
                if (!all.isEmpty()) {
                    long visible = all.stream().filter(e -> !e.hidden()).count();
                    return visible == 0 ? " (" + all.size() + " hidden element(s) match the selector)"
                            : " (" + all.size() + " element(s) match the selector, " + visible + " visible; check text and index)";
                }
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        List<String> buttons = new ArrayList<>();
        root.walk(e -> {
            if ((e.tag().equals("button") || !e.bindings().isEmpty()) && !e.hidden() && buttons.size() < 8) {
                String t = e.text();
                buttons.add(e.tag() + (e.id().isEmpty() ? "" : "#" + e.id()) + (t.isEmpty() ? "" : " \"" + t + "\""));
            }
        });
        return buttons.isEmpty() ? "" : "; tappable there: " + String.join(", ", buttons);
    }

    // ------------------------------------------------------------------ events

    /** Dispatches one event from {@code target} and calls each handler it reaches. */
    void fire(PageScreen ps, VElement target, String type, Object detail, boolean bubbles, boolean capture,
              boolean composed, boolean touch) {
        for (EventDispatch.Invocation inv : EventDispatch.route(target, type, bubbles, capture, composed)) {
            Map<String, Object> event = EventObjects.build(host.alipay(), type, inv.target(), inv.currentTarget(), detail,
                    host.loop().now(), touch);
            call(ps, inv, type, event);
        }
    }

    private void call(PageScreen ps, EventDispatch.Invocation inv, String type, Map<String, Object> event) {
        String handler = inv.handler();
        if (handler == null || handler.isBlank()) {
            return;
        }
        String owner = inv.owner();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", type);
        line.put("handler", handler);
        line.put("page", ps.route);
        if (!owner.equals(VElement.PAGE) && ps.instances.containsKey(owner)) {
            line.put("component", ps.instances.get(owner).path());
        }
        line.put("target", idAndDataset(inv.target()));
        line.put("currentTarget", idAndDataset(inv.currentTarget()));
        line.put("source", inv.currentTarget().file() + ":" + inv.currentTarget().line());
        host.events().emit("event", line);
        String result = host.guard(ps.route, () -> host.js().callHandler(ps.pageId, owner, handler,
                Screen.json(event), null));
        if ("missing".equals(result)) {
            String who = owner.equals(VElement.PAGE) ? "page " + ps.route + " (" + ps.route + ".js)"
                    : "component " + (ps.instances.containsKey(owner) ? ps.instances.get(owner).path() : owner);
            host.warning(type + " handler \"" + handler + "\" bound at " + inv.currentTarget().file() + ":"
                    + inv.currentTarget().line() + " is not a method of " + who, inv.currentTarget().file() + ":"
                    + inv.currentTarget().line(), ps.route);
        }
    }

    private static Map<String, Object> idAndDataset(VElement e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("dataset", new LinkedHashMap<>(e.dataset()));
        return m;
    }

    /** A component's triggerEvent: the handlers its element has in the parent's template. */
    void triggerEvent(String instanceId, String name, Object detail, Map<String, Object> options) {
        Optional<PageScreen> ps = screen.pageOfInstance(instanceId);
        if (ps.isEmpty() || ps.get().view == null) {
            return;
        }
        VElement[] hostEl = new VElement[1];
        ps.get().view.root().walk(e -> {
            if (hostEl[0] == null && instanceId.equals(e.component())) {
                hostEl[0] = e;
            }
        });
        if (hostEl[0] == null) {
            return;   // not in the tree yet (triggered while it is being created)
        }
        boolean bubbles = Boolean.TRUE.equals(options.get("bubbles"));
        boolean composed = Boolean.TRUE.equals(options.get("composed"));
        boolean capture = Boolean.TRUE.equals(options.get("capturePhase"));
        fire(ps.get(), hostEl[0], name, detail, bubbles, capture, composed, false);
    }

    // ------------------------------------------------------------------ built-in components

    private static VElement nearestControl(VElement el) {
        for (VElement e = el; e != null; e = e.parent()) {
            if (CONTROLS.contains(e.tag()) && e.component() == null) {
                return e;
            }
        }
        return null;
    }

    private static boolean disabled(VElement e) {
        Object d = e.attrs().get("disabled");
        return d != null && !Boolean.FALSE.equals(d) && !"false".equals(d);
    }

    private void builtIn(PageScreen ps, VElement control) {
        switch (control.tag()) {
            case "button" -> button(ps, control);
            case "navigator" -> navigator(ps, control);
            case "switch" -> {
                boolean now = !truthy(current(ps, control, "checked"));
                set(ps, control, "checked", now);
                model(ps, control, "checked", now);
                fire(ps, control, "change", Map.of("value", now), false, false, false, false);
            }
            case "checkbox" -> checkbox(ps, control);
            case "radio" -> radio(ps, control);
            case "label" -> label(ps, control);
            default -> {
            }
        }
    }

    private void button(PageScreen ps, VElement button) {
        String formType = button.attr("form-type");
        if (formType.isEmpty()) {
            formType = button.attr("formType");
        }
        if (formType.equals("submit") || formType.equals("reset")) {
            VElement form = ancestor(button, "form");
            if (form != null) {
                if (formType.equals("submit")) {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("value", formValues(ps, form));
                    detail.put("formId", "");
                    fire(ps, form, "submit", detail, false, false, false, false);
                } else {
                    form.walk(e -> fields.keySet().removeIf(k -> k.startsWith(key(ps, e) + "#")));
                    fire(ps, form, "reset", Map.of(), false, false, false, false);
                }
            }
        }
        String openType = button.attr("open-type");
        if (openType.isEmpty()) {
            openType = button.attr("openType");
        }
        if (!openType.isEmpty()) {
            OpenTypes.open(this, host, ps, button, openType);
        }
    }

    private void navigator(PageScreen ps, VElement nav) {
        String openType = nav.attr("open-type").isEmpty() ? "navigate" : nav.attr("open-type");
        String url = nav.attr("url");
        Map<String, Object> args = new LinkedHashMap<>();
        String api = switch (openType) {
            case "redirect" -> "redirectTo";
            case "switchTab" -> "switchTab";
            case "reLaunch" -> "reLaunch";
            case "navigateBack" -> "navigateBack";
            case "exit" -> null;
            default -> "navigateTo";
        };
        if (api == null) {
            host.warning("navigator open-type=\"exit\" closes the mini-program; the simulator stays", nav.file() + ":"
                    + nav.line(), ps.route);
            return;
        }
        if (api.equals("navigateBack")) {
            String delta = nav.attr("delta");
            args.put("delta", delta.isEmpty() ? 1 : Integer.parseInt(delta.replaceAll("\\D", "").isEmpty() ? "1" : delta.replaceAll("\\D", "")));
        } else {
            if (url.isEmpty()) {
                host.warning("navigator without url: nothing happens", nav.file() + ":" + nav.line(), ps.route);
                return;
            }
            args.put("url", url);
        }
        host.callApi(ps.route, api, args);
    }

    private void checkbox(PageScreen ps, VElement box) {
        boolean now = !truthy(current(ps, box, "checked"));
        set(ps, box, "checked", now);
        VElement group = ancestor(box, "checkbox-group");
        if (group != null) {
            List<Object> values = new ArrayList<>();
            group.walk(e -> {
                if (e.tag().equals("checkbox") && truthy(current(ps, e, "checked"))) {
                    values.add(e.attrs().getOrDefault("value", ""));
                }
            });
            fire(ps, group, "change", Map.of("value", values), false, false, false, false);
        }
    }

    private void radio(PageScreen ps, VElement radio) {
        VElement group = ancestor(radio, "radio-group");
        if (group != null) {
            group.walk(e -> {
                if (e.tag().equals("radio")) {
                    set(ps, e, "checked", e == radio);
                }
            });
            fire(ps, group, "change", Map.of("value", radio.attrs().getOrDefault("value", "")), false, false, false, false);
        } else {
            set(ps, radio, "checked", true);
        }
    }

    private void label(PageScreen ps, VElement label) {
        VElement target = null;
        String forId = label.attr("for");
        if (!forId.isEmpty()) {
            VElement[] hit = new VElement[1];
            ps.view.root().walk(e -> {
                if (hit[0] == null && forId.equals(e.id())) {
                    hit[0] = e;
                }
            });
            target = hit[0];
        } else {
            VElement[] hit = new VElement[1];
            label.walk(e -> {
                if (hit[0] == null && e != label && Set.of("button", "checkbox", "radio", "switch").contains(e.tag())) {
                    hit[0] = e;
                }
            });
            target = hit[0];
        }
        if (target != null && !disabled(target)) {
            builtIn(ps, target);
        }
    }

    private Map<String, Object> formValues(PageScreen ps, VElement form) {
        Map<String, Object> values = new LinkedHashMap<>();
        form.walk(e -> {
            String name = e.attr("name");
            if (name.isEmpty()) {
                return;
            }
            switch (e.tag()) {
                case "input", "textarea" -> values.put(name, String.valueOf(Objects.requireNonNullElse(current(ps, e, "value"), "")));
                case "switch" -> values.put(name, truthy(current(ps, e, "checked")));
                case "slider" -> values.put(name, Objects.requireNonNullElse(current(ps, e, "value"), 0));
                case "picker" -> values.put(name, current(ps, e, "value"));
                case "checkbox-group" -> {
                    List<Object> checked = new ArrayList<>();
                    e.walk(c -> {
                        if (c.tag().equals("checkbox") && truthy(current(ps, c, "checked"))) {
                            checked.add(c.attrs().getOrDefault("value", ""));
                        }
                    });
                    values.put(name, checked);
                }
                case "radio-group" -> {
                    Object[] v = {""};
                    e.walk(c -> {
                        if (c.tag().equals("radio") && truthy(current(ps, c, "checked"))) {
                            v[0] = c.attrs().getOrDefault("value", "");
                        }
                    });
                    values.put(name, v[0]);
                }
                default -> {
                }
            }
        });
        return values;
    }

    private static VElement ancestor(VElement e, String tag) {
        for (VElement a = e.parent(); a != null; a = a.parent()) {
            if (a.tag().equals(tag)) {
                return a;
            }
        }
        return null;
    }

    static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !"false".equals(v) && !"".equals(v)
                && !(v instanceof Number n && n.doubleValue() == 0);
    }

    // ------------------------------------------------------------------ control state

    /** The element's identity across re-renders: who wrote it, where, and which occurrence. */
    private String key(PageScreen ps, VElement el) {
        int[] n = {0};
        int[] mine = {-1};
        ps.view.root().walk(e -> {
            if (e.owner().equals(el.owner()) && e.file().equals(el.file()) && e.line() == el.line()) {
                if (e == el) {
                    mine[0] = n[0];
                }
                n[0]++;
            }
        });
        return ps.pageId + "|" + el.owner() + "|" + el.file() + ":" + el.line() + "|" + mine[0];
    }

    Object current(PageScreen ps, VElement el, String attr) {
        Object written = el.attrs().get(attr);
        Field f = fields.get(key(ps, el) + "#" + attr);
        return f != null && Objects.equals(f.attrWhenSet(), written) ? f.value() : written;
    }

    private void set(PageScreen ps, VElement el, String attr, Object value) {
        fields.put(key(ps, el) + "#" + attr, new Field(el.attrs().get(attr), value));
    }

    /** {@code model:value="{{a.b}}"}: the owner's data follows what the user typed. */
    private void model(PageScreen ps, VElement el, String attr, Object value) {
        String path = el.models().get(attr);
        if (path != null && !path.isBlank()) {
            host.guard(ps.route, () -> host.js().modelSet(ps.pageId, el.owner(), path, Screen.json(value)));
        }
    }

    /** The input or textarea itself, or the only one inside it (a component wrapping its field). */
    private static VElement field(VElement el, Set<String> tags) {
        if (tags.contains(el.tag())) {
            return el;
        }
        List<VElement> inside = new ArrayList<>();
        el.walk(e -> {
            if (tags.contains(e.tag())) {
                inside.add(e);
            }
        });
        return inside.size() == 1 ? inside.get(0) : null;
    }

    /** After a prompt of button open-type: the button's handler of {@code event} gets {@code detail}. */
    void answerOpenType(PageScreen ps, VElement button, String event, Object detail) {
        fire(ps, button, event, detail, false, false, false, false);
    }
}
