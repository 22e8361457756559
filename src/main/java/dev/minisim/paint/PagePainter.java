package dev.minisim.paint;

import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import dev.minisim.view.VText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Paints a rendered page (the {@link VElement} tree, which stays the truth) as an HTML document a
 * browser engine draws: each element as a {@code wx-TAG} element ({@code a-TAG} for Alipay) styled
 * like the platform's built-in (a base stylesheet per platform, {@code base.css} + {@code wechat.css}
 * or {@code alipay.css}), the app's and the page's stylesheets and those of the components on the
 * page translated by {@link WxssTranslator}, images from the app folder as {@code data:} URLs,
 * {@code hidden} elements not shown, and each element carrying {@code ms-id="N"} that maps back to
 * its tree element (ids stay the same across paints for the same element, so repaints can patch).
 *
 * <p>One painter per page; runtime thread only (it reads the tree). No JavaFX here: the window
 * shows what this writes.
 */
public final class PagePainter {

    private static final Map<String, String> RESOURCES = new HashMap<>();
    /** Attributes of built-ins that the base stylesheet styles by (button type, switch checked...). */
    private static final Set<String> STYLED_ATTRS = Set.of("type", "size", "plain", "disabled", "loading", "checked",
            "mode", "form-type", "scroll-x", "scroll-y", "vertical", "selectable", "user-select", "auto-height", "space",
            "open-type", "ghost");
    private static final Set<String> CHECKABLE = Set.of("switch", "checkbox", "radio");
    private static final Set<String> PLACEHOLDERS = Set.of("web-view", "video", "map", "canvas", "camera", "live-player",
            "live-pusher", "ad", "official-account", "lottie");
    /** The clients' default size of a placeholder element (px), as their docs give it. */
    private static final Map<String, int[]> PLACEHOLDER_SIZES = Map.of("canvas", new int[] {300, 150},
            "video", new int[] {300, 225}, "map", new int[] {300, 150}, "live-player", new int[] {300, 225},
            "live-pusher", new int[] {300, 225});
    /** The clients' default hover class per element ({@code view}: none). */
    private static final Map<String, String> DEFAULT_HOVER = Map.of("button", "button-hover", "navigator", "navigator-hover");
    /** Tags that have {@code hover-class}. */
    private static final Set<String> HOVERABLE = Set.of("view", "button", "navigator", "cover-view", "cover-image",
            "label", "text");

    private final PaintFiles files;
    private final boolean alipay;
    private final double screenWidth;
    private final Function<String, String> componentPath;
    private final String prefix;
    private final Images images;
    private final Map<VElement, Integer> ids = new IdentityHashMap<>();
    /**
     * The last paint's ids by place in the tree ({@link #place}). A re-render makes new elements for
     * much of the page (every element of the page's own template, only the component hosts and what
     * did not re-render are the same objects); an element new to this painter that stands where
     * one stood before, from the same template position, takes that one's id, so the repaint's diff
     * ({@link PaintedPage#patchesFrom}) finds the few elements that changed rather than a new page.
     */
    private Map<String, Integer> places = new HashMap<>();
    private Map<String, Integer> placesNow = new HashMap<>();
    /** Ids this paint may not give by place: in use by an element of the tree, or given already. */
    private final Set<Integer> taken = new java.util.HashSet<>();
    private final Map<String, StyleIsolation> isolation = new HashMap<>();
    private final Map<String, String> cssCache = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private ControlValues values = (e, attr) -> e.attrs().get(attr);
    private int nextId = 1;
    /** The stylesheet of the paint in progress (placeholder-class reads its rules). */
    private String css = "";
    /** The page's {@code onReachBottomDistance} for the paint in progress. */
    private double reachBottom = 50;

    /** A control's attribute as the user left it (a toggled switch, typed text), else as rendered. */
    @FunctionalInterface
    public interface ControlValues {
        Object value(VElement element, String attr);
    }

    private boolean live;

    /**
     * Painting for the window (the person can act on the page): the swipers' autoplay runs and
     * scrolling the page is reported ({@code onPageScroll}); a screenshot's paint shows the page as
     * the scenario left it.
     */
    public PagePainter live(boolean on) {
        this.live = on;
        return this;
    }

    /** Where controls' current values come from ({@code Screen.current}); by default the rendered attributes. */
    public PagePainter values(ControlValues source) {
        this.values = source;
        return this;
    }

    /**
     * @param files         the mini-program's files (inside its folder only)
     * @param alipay        Alipay's look and names, else WeChat's
     * @param screenWidth   the device's screen width in px (rpx = screenWidth / 750)
     * @param componentPath a component instance id → its definition's path (root-relative, no extension)
     */
    public PagePainter(PaintFiles files, boolean alipay, double screenWidth, Function<String, String> componentPath) {
        this.files = files;
        this.alipay = alipay;
        this.screenWidth = screenWidth;
        this.componentPath = componentPath;
        this.prefix = alipay ? "a-" : "wx-";
        this.images = new Images(files);
    }

    /** The tag name elements of {@code tag} are painted as. */
    public String paintedTag(String tag) {
        return prefix + tag.toLowerCase(Locale.ROOT);
    }

    /**
     * Paints the page.
     *
     * @param route   the page's route (its stylesheet is {@code route.wxss} / {@code .acss})
     * @param pageKey the page instance (a different key makes the window load a new document)
     * @param root    the page's tree ({@code Screen.tree(pageId)})
     */
    public PaintedPage paint(String route, int pageKey, VElement root) {
        Set<String> components = new LinkedHashSet<>();
        root.walk(e -> {
            if (e.component() != null) {
                components.add(componentPath.apply(e.component()));
            }
        });
        css = stylesheet(route, components);
        reachBottom = jsonNumber(route + ".json", "onReachBottomDistance")
                .orElse(jsonNumber("app.json", "onReachBottomDistance").orElse(50.0));
        StringBuilder body = new StringBuilder();
        Map<Integer, VElement> elements = new LinkedHashMap<>();
        Map<Integer, PaintedPage.Span> spans = new HashMap<>();
        Map<VElement, Integer> seen = new IdentityHashMap<>();
        taken.clear();
        root.walk(e -> {
            Integer known = ids.get(e);
            if (known != null) {
                taken.add(known);
            }
        });
        placesNow = new HashMap<>();
        idOf(root, "");
        element(root, body, elements, spans, seen);
        ids.keySet().retainAll(seen.keySet());
        places = placesNow;
        return new PaintedPage(route, pageKey, css, body.toString(), elements, spans, seen, List.copyOf(warnings));
    }

    // ------------------------------------------------------------------ styles

    private String stylesheet(String route, Set<String> components) {
        String key = route + "\n" + String.join("\n", components);
        return cssCache.computeIfAbsent(key, k -> {
            WxssTranslator t = new WxssTranslator(withBundled(files), prefix, screenWidth, w -> {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            });
            String ext = alipay ? ".acss" : ".wxss";
            StringBuilder css = new StringBuilder();
            css.append(base());
            if (!alipay && usesWeui()) {
                // app.json "useExtendedLib": {"weui": ...}: the client adds WeUI's stylesheet to every page
                css.append("/* WeUI (useExtendedLib) */\n").append(t.translateFile(WEUI, null));
            }
            for (String path : components) {
                String file = styleFile(path, ext);
                StyleIsolation mode = isolationOf(path);
                String sheet = t.translateFile(file, mode == StyleIsolation.SHARED ? null : PaintedClasses.scopeOf(path));
                if (!sheet.isEmpty()) {
                    css.append("/* ").append(file).append(" */\n").append(sheet);
                }
            }
            String app = t.translateFile(styleFile("app", ext), null);
            if (!app.isEmpty()) {
                css.append("/* app").append(ext).append(" */\n").append(app);
            }
            String page = t.translateFile(styleFile(route, ext), null);
            if (!page.isEmpty()) {
                css.append("/* ").append(route).append(ext).append(" */\n").append(page);
            }
            return css.toString();
        });
    }

    /** WeUI's stylesheet (weui-wxss 2.6.26, MIT, see weui/LICENSE.txt beside it), as the painter reads it. */
    private static final String WEUI = Images.BUNDLED + "weui/weui.wxss";

    /** Whether app.json asks for WeChat's extended WeUI library ({@code "useExtendedLib": {"weui": true | "latest"}}). */
    private boolean usesWeui() {
        return files.text("app.json").orElse("").matches("(?s).*\"useExtendedLib\"\\s*:\\s*\\{[^}]*\"weui\"\\s*:\\s*(true|\"[^\"]+\").*");
    }

    /** The mini-program's files, and MiniSim's bundled stylesheets under {@link Images#BUNDLED}. */
    private static PaintFiles withBundled(PaintFiles files) {
        return new PaintFiles() {
            @Override
            public java.util.Optional<String> text(String path) {
                // only the one bundled sheet (an app's own @import of this name reads nothing else)
                if (path.startsWith(Images.BUNDLED)) {
                    return path.equals(WEUI) ? java.util.Optional.of(resource("weui/weui.wxss")) : java.util.Optional.empty();
                }
                return files.text(path);
            }

            @Override
            public java.util.Optional<byte[]> bytes(String path) {
                return path.startsWith(Images.BUNDLED) ? java.util.Optional.empty() : files.bytes(path);
            }

            @Override
            public java.util.Optional<byte[]> network(String url) {
                return files.network(url);
            }
        };
    }

    private String styleFile(String path, String ext) {
        String other = ext.equals(".wxss") ? ".acss" : ".wxss";
        return files.text(path + ext).isPresent() || files.text(path + other).isEmpty() ? path + ext : path + other;
    }

    private String base() {
        String vars = alipay ? resource("alipay.css") : resource("wechat.css")
                + (files.text("app.json").orElse("").matches("(?s).*\"style\"\\s*:\\s*\"v2\".*") ? resource("wechat-v2.css") : "");
        return (resource("base.css") + vars).replace("P-", prefix);
    }

    private StyleIsolation isolationOf(String path) {
        return isolation.computeIfAbsent(path, p -> StyleIsolation.of(files, p, alipay));
    }

    /** A resource of this package, as text. */
    static String resource(String name) {
        synchronized (RESOURCES) {
            return RESOURCES.computeIfAbsent(name, n -> {
                try (InputStream in = PagePainter.class.getResourceAsStream("/dev/minisim/paint/" + n)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource dev/minisim/paint/" + n);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ------------------------------------------------------------------ elements

    private int idOf(VElement e) {
        return ids.computeIfAbsent(e, k -> nextId++);
    }

    /**
     * The id of {@code e}, which stands at {@code place}: its own when this painter painted it
     * before, else the id of the element that stood at that place in the last paint (when no
     * element of this tree holds it), else a new one.
     */
    private int idOf(VElement e, String place) {
        Integer id = ids.get(e);
        if (id == null) {
            Integer before = places.get(place);
            id = before != null && taken.add(before) ? before : nextId++;
            ids.put(e, id);
        }
        placesNow.put(place, id);
        return id;
    }

    /**
     * Where {@code child} stands: its parent's id, its place among the parent's elements, its tag
     * and the template position it was rendered from (two elements from different templates or
     * tags never share an id).
     */
    private static String place(int parent, int index, VElement child) {
        return parent + "/" + index + "/" + child.tag() + "/" + child.file() + ":" + child.line();
    }

    private void element(VElement e, StringBuilder sb, Map<Integer, VElement> elements,
                         Map<Integer, PaintedPage.Span> spans, Map<VElement, Integer> seen) {
        int id = idOf(e);
        seen.put(e, id);
        elements.put(id, e);
        int start = sb.length();
        String tag = paintedTag(e.tag());
        String t = e.tag();
        sb.append('<').append(tag).append(" ms-id=\"").append(id).append('"');
        if (!e.id().isEmpty()) {
            attr(sb, "id", e.id());
        }
        String cls = classes(e);
        if (alipay && t.equals("checkbox") && e.component() == null) {
            cls = (cls + " " + alipayCheckboxClasses(e)).trim();
        }
        if (!cls.isEmpty()) {
            attr(sb, "class", cls);
        }
        String style = style(e);
        if (t.equals("movable-view") && e.component() == null) {
            style = movableStyle(e, style);
        }
        if (!style.isEmpty()) {
            attr(sb, "style", style);
        }
        if (hiddenAttr(e)) {
            sb.append(" hidden");
        }
        if (e.component() != null) {
            attr(sb, "ms-host", PaintedClasses.scopeOf(componentPath.apply(e.component())));
        } else {
            for (String name : STYLED_ATTRS) {
                Object v = name.equals("checked") && CHECKABLE.contains(t)
                        ? (t.equals("radio") ? radioChecked(e) : values.value(e, name)) : e.attrs().get(name);
                if (v != null && !Boolean.FALSE.equals(v) && !"false".equals(v)) {
                    if (Boolean.TRUE.equals(v) || "".equals(v) || "true".equals(v)) {
                        sb.append(' ').append(name);
                    } else {
                        attr(sb, name, e.attr(name));
                    }
                }
            }
            behaviour(e, sb);
        }
        sb.append('>');
        List<Integer> children = new ArrayList<>();
        if (e.component() == null) {
            before(e, sb);
        }
        if (!t.equals("rich-text") && !t.equals("input") && !t.equals("textarea") || e.component() != null) {
            for (VNode c : e.children()) {
                if (c instanceof VElement child) {
                    children.add(idOf(child, place(id, children.size(), child)));
                    element(child, sb, elements, spans, seen);
                } else if (c instanceof VText text) {
                    sb.append(HtmlText.text(text.text()));
                }
            }
        }
        if (e.component() == null) {
            after(e, sb, id);
        }
        sb.append("</").append(tag).append('>');
        spans.put(id, new PaintedPage.Span(start, sb.length(), children));
    }

    /**
     * The classes Alipay's checkbox carries on itself, which component libraries style their own
     * look by (mini-antui's am-checkbox hides the box and draws {@code .a-checkbox-checked + ...}).
     */
    private String alipayCheckboxClasses(VElement e) {
        return "a-checkbox" + (truthy(values.value(e, "checked")) ? " a-checkbox-checked" : "")
                + (truthy(e.attrs().get("disabled")) ? " a-checkbox-disabled" : "");
    }

    /**
     * Whether a radio shows as chosen: checked (as the person left it, else as rendered) and, in a
     * radio-group, the last checked one of its group — the clients' group keeps one radio chosen,
     * each checked radio unchecking the one before it as the group takes them in order.
     */
    private boolean radioChecked(VElement radio) {
        if (!truthy(values.value(radio, "checked"))) {
            return false;
        }
        VElement group = radio.parent();
        while (group != null && !group.tag().equals("radio-group")) {
            group = group.parent();
        }
        if (group == null) {
            return true;
        }
        VElement[] last = {null};
        lastChecked(group, last);
        return last[0] == radio;
    }

    private void lastChecked(VElement in, VElement[] last) {
        for (VNode c : in.children()) {
            if (c instanceof VElement child && !child.tag().equals("radio-group")) {
                if (child.tag().equals("radio") && child.component() == null && truthy(values.value(child, "checked"))) {
                    last[0] = child;
                }
                lastChecked(child, last);
            }
        }
    }

    private static boolean hiddenAttr(VElement e) {
        Object h = e.attrs().get("hidden");
        return h != null && !Boolean.FALSE.equals(h) && !"false".equals(h) && !"".equals(h);
    }

    /**
     * The attributes page.js acts on (hover, swiper, scroll-view, the page's reach-bottom distance):
     * what the client does with them when the person touches or scrolls.
     */
    private void behaviour(VElement e, StringBuilder sb) {
        String t = e.tag();
        if (HOVERABLE.contains(t)) {
            hover(e, sb);
        }
        switch (t) {
            case "swiper" -> {
                List<VElement> items = swiperItems(e);
                attr(sb, "ms-count", String.valueOf(items.size()));
                attr(sb, "ms-index", String.valueOf(swiperCurrent(e, items)));
                if (truthy(e.attrs().get("autoplay"))) {
                    attr(sb, "ms-autoplay", WxssTranslator.number(number(e.attrs().get("interval"), 5000)));
                }
                if (truthy(e.attrs().get("circular"))) {
                    sb.append(" ms-circular");
                }
                attr(sb, "ms-duration", WxssTranslator.number(number(e.attrs().get("duration"), 500)));
                int multi = multiple(e);
                if (multi > 1) {
                    attr(sb, "ms-multi", String.valueOf(multi));
                }
                for (String[] m : new String[][] {{"previous-margin", "ms-prev"}, {"next-margin", "ms-next"}}) {
                    String v = first(e.attr(m[0]), e.attr(m[0].replace("-m", "M")));
                    double px = number(new WxssTranslator(files, prefix, screenWidth, w -> { }).rpx(v), 0);
                    if (px > 0) {
                        attr(sb, m[1], WxssTranslator.number(px));
                    }
                }
            }
            case "swiper-item" -> {
                if (e.parent() != null && e.parent().tag().equals("swiper")) {
                    List<VElement> items = swiperItems(e.parent());
                    int i = items.indexOf(e);
                    int n = items.size();
                    int current = swiperCurrent(e.parent(), items);
                    boolean circular = truthy(e.parent().attrs().get("circular")) && n > 2;
                    attr(sb, "ms-item", String.valueOf(i));
                    if (i == current) {
                        sb.append(" ms-current");
                    } else if (i == current - 1 || circular && current == 0 && i == n - 1) {
                        sb.append(" ms-before");
                    }
                }
            }
            case "picker" -> {
                // the sheet the client slides up when the picker is touched (page.js draws it)
                String sheet = PickerColumns.json(e.attr("mode"), e.attrs().get("range"), first(e.attr("range-key"), e.attr("rangeKey")),
                        values.value(e, "value"), first(e.attr("fields"), "day"), e.attr("start"), e.attr("end"),
                        first(e.attr("custom-item"), e.attr("customItem")));
                if (!sheet.isEmpty()) {
                    attr(sb, "ms-picker", sheet);
                    attr(sb, "ms-picker-platform", alipay ? "alipay" : "wechat");
                }
            }
            case "picker-view" -> attr(sb, "ms-pv", pickerViewValue(e));
            case "page-container" -> {
                // the clients' popup: nothing shows until `show`, then the panel slides in at its
                // `position` over a mask (base.css draws both)
                if (truthy(e.attrs().get("show"))) {
                    sb.append(" ms-show");
                }
                attr(sb, "ms-position", switch (e.attr("position")) {
                    case "top", "right", "center" -> e.attr("position");
                    default -> "bottom";
                });
                if (truthy(e.attrs().get("round"))) {
                    sb.append(" ms-round");
                }
                if (!truthy(first(e.attr("overlay"), "true"))) {
                    sb.append(" ms-no-overlay");
                }
            }
            case "picker-view-column" -> {
                if (pickerViewOf(e) != null) {
                    sb.append(" ms-pv-col");
                }
            }
            case "movable-view" -> {
                String direction = first(e.attr("direction"), "none");
                attr(sb, "ms-movable", truthy(e.attrs().get("disabled")) ? "none" : direction);
                attr(sb, "ms-x", WxssTranslator.number(movable(e, "x")));
                attr(sb, "ms-y", WxssTranslator.number(movable(e, "y")));
                if (truthy(e.attrs().get("scale")) && !truthy(e.attrs().get("disabled"))) {
                    double[] range = scaleRange(e);
                    attr(sb, "ms-scale", WxssTranslator.number(movableScale(e)));
                    attr(sb, "ms-scale-range", WxssTranslator.number(range[0]) + "," + WxssTranslator.number(range[1]));
                }
                if (truthy(e.attrs().get("out-of-bounds")) || truthy(e.attrs().get("outOfBounds"))) {
                    sb.append(" ms-oob");
                }
            }
            case "scroll-view" -> {
                for (String[] a : new String[][] {{"scroll-top", "ms-scroll-top"}, {"scroll-left", "ms-scroll-left"},
                        {"scroll-into-view", "ms-into-view"}, {"upper-threshold", "ms-upper"}, {"lower-threshold", "ms-lower"}}) {
                    Object v = e.attrs().get(a[0]);
                    if (v == null || String.valueOf(v).isEmpty()) {
                        continue;
                    }
                    if (a[0].equals("scroll-into-view")) {
                        attr(sb, a[1], String.valueOf(v));
                    } else {
                        // a number is px; a string may say rpx
                        Object px = v instanceof String str ? new WxssTranslator(files, prefix, screenWidth, w -> { }).rpx(str) : v;
                        attr(sb, a[1], WxssTranslator.number(number(px, 0)));
                    }
                }
                if (truthy(e.attrs().get("scroll-with-animation"))) {
                    sb.append(" ms-animated");
                }
                String on = scrollEvents(e);
                if (!on.isEmpty()) {
                    attr(sb, "ms-on", on);
                }
            }
            default -> {
                if (e.parent() == null && t.equals("page")) {
                    attr(sb, "ms-reach-bottom", WxssTranslator.number(reachBottomDistance()));
                    if (live) {
                        sb.append(" ms-live");
                    }
                }
            }
        }
    }

    /**
     * A movable-view's offset in its movable-area (px; a string may say rpx): where the person or a
     * scenario {@code change} left it ({@code Screen.current}), else its {@code x} / {@code y}.
     */
    private double movable(VElement e, String axis) {
        Object v = values.value(e, axis);
        Object px = v instanceof String str ? new WxssTranslator(files, prefix, screenWidth, w -> { }).rpx(str) : v;
        return number(px, 0);
    }

    /** The movable-view placed at its offset (page.js keeps it inside the area once laid out), at its scale. */
    private String movableStyle(VElement e, String style) {
        double scale = movableScale(e);
        String to = "translate(" + WxssTranslator.number(movable(e, "x")) + "px," + WxssTranslator.number(movable(e, "y")) + "px)"
                + (scale == 1 ? "" : " scale(" + WxssTranslator.number(scale) + ")");
        String move = "-webkit-transform:" + to + ";transform:" + to;
        return style.isEmpty() ? move : style + (style.endsWith(";") ? "" : ";") + move;
    }

    /**
     * A movable-view's scale: with {@code scale} on, its {@code scale-value} (as the person left it)
     * within {@code scale-min} .. {@code scale-max} (the docs' defaults 0.5 and 10; "定义缩放倍数，
     * 取值范围为 0.5 - 10"); without it, 1.
     */
    private double movableScale(VElement e) {
        if (!truthy(e.attrs().get("scale"))) {
            return 1;
        }
        double[] range = scaleRange(e);
        double v = number(firstGiven(values.value(e, "scale-value"), values.value(e, "scaleValue")), 1);
        return Math.max(range[0], Math.min(range[1], v));
    }

    private static double[] scaleRange(VElement e) {
        double min = number(firstGiven(e.attrs().get("scale-min"), e.attrs().get("scaleMin")), 0.5);
        double max = number(firstGiven(e.attrs().get("scale-max"), e.attrs().get("scaleMax")), 10);
        return new double[] {Math.max(0.1, min), Math.max(Math.max(0.1, min), max)};
    }

    private static Object firstGiven(Object a, Object b) {
        return a != null && !"".equals(a) ? a : b;
    }

    /** {@code hover-class}: the classes (as painted) the element takes while pressed, and when. */
    private void hover(VElement e, StringBuilder sb) {
        String t = e.tag();
        Object given = e.attrs().get("hover-class");
        String cls = given == null ? DEFAULT_HOVER.getOrDefault(t, "") : String.valueOf(given).trim();
        if (cls.isEmpty() || cls.equals("none") || truthy(e.attrs().get("disabled"))) {
            return;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String token : cls.split("\\s+")) {
            forms(token, e.owner(), e, out);
        }
        attr(sb, "ms-hover", String.join(" ", out));
        // WeChat's defaults: view 50/400 ms, button 20/70, navigator 50/600
        double start = number(first(e.attr("hover-start-time"), e.attr("hoverStartTime")), t.equals("button") ? 20 : 50);
        double stay = number(first(e.attr("hover-stay-time"), e.attr("hoverStayTime")),
                t.equals("button") ? 70 : t.equals("navigator") ? 600 : 400);
        attr(sb, "ms-hover-start", WxssTranslator.number(start));
        attr(sb, "ms-hover-stay", WxssTranslator.number(stay));
        if (truthy(e.attrs().get("hover-stop-propagation")) || truthy(e.attrs().get("hoverStopPropagation"))) {
            sb.append(" ms-hover-stop");
        }
    }

    private static List<VElement> swiperItems(VElement swiper) {
        List<VElement> items = new ArrayList<>();
        for (VNode c : swiper.children()) {
            if (c instanceof VElement s && s.tag().equals("swiper-item")) {
                items.add(s);
            }
        }
        return items;
    }

    /** The swiper's item shown: as the user left it (a swipe), else {@code current} / {@code current-item-id}. */
    private int swiperCurrent(VElement swiper, List<VElement> items) {
        int current = (int) number(values.value(swiper, "current"), 0);
        Object itemId = swiper.attrs().get("current-item-id");
        if (itemId instanceof String want && !want.isEmpty() && swiper.attrs().get("current") == null) {
            for (int i = 0; i < items.size(); i++) {
                if (want.equals(items.get(i).attr("item-id"))) {
                    current = i;
                }
            }
        }
        // with display-multiple-items the last item shown is the last one
        return items.isEmpty() ? 0 : Math.max(0, Math.min(Math.max(0, items.size() - multiple(swiper)), current));
    }

    /** A swiper's {@code display-multiple-items} (1 by default). */
    private static int multiple(VElement swiper) {
        return Math.max(1, (int) number(first(swiper.attr("display-multiple-items"), swiper.attr("displayMultipleItems")), 1));
    }

    /** The scroll events the scroll-view has handlers for (page.js sends only these). */
    private static String scrollEvents(VElement e) {
        Set<String> out = new LinkedHashSet<>();
        for (dev.minisim.view.Binding b : e.bindings()) {
            // as the binding names it (Alipay's onScrollToLower is "scrollToLower"), so the dispatch finds it
            String ev = b.event().toLowerCase(Locale.ROOT);
            if (ev.equals("scroll") || ev.equals("scrolltoupper") || ev.equals("scrolltolower")) {
                out.add(b.event());
            }
        }
        return String.join(" ", out);
    }

    /** The page json's, else app.json {@code window}'s {@code onReachBottomDistance} (default 50 px). */
    private double reachBottomDistance() {
        return reachBottom;
    }

    private java.util.Optional<Double> jsonNumber(String file, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\"\\s*:\\s*(-?[0-9.]+)")
                .matcher(files.text(file).orElse(""));
        return m.find() ? java.util.Optional.of(number(m.group(1), 50)) : java.util.Optional.empty();
    }

    /** What a built-in draws before its children (a loading spinner, a check box, the field). */
    private void before(VElement e, StringBuilder sb) {
        switch (e.tag()) {
            case "button" -> {
                if (truthy(e.attrs().get("loading"))) {
                    sb.append("<i class=\"ms-loading\"></i>");
                }
            }
            case "input" -> {
                boolean password = truthy(e.attrs().get("password")) || "password".equals(e.attr("type"));
                sb.append("<input class=\"ms-field\" type=\"").append(password ? "password" : "text").append('"');
                attr(sb, "value", valueText(e));
                if (!e.attr("placeholder").isEmpty()) {
                    attr(sb, "placeholder", e.attr("placeholder"));
                }
                if (truthy(e.attrs().get("disabled"))) {
                    sb.append(" disabled");
                }
                sb.append('>');
                sb.append(placeholderStyle(e, "input-placeholder"));
            }
            case "textarea" -> {
                sb.append("<textarea class=\"ms-field\"");
                if (!e.attr("placeholder").isEmpty()) {
                    attr(sb, "placeholder", e.attr("placeholder"));
                }
                if (truthy(e.attrs().get("disabled"))) {
                    sb.append(" disabled");
                }
                sb.append('>').append(HtmlText.text(valueText(e))).append("</textarea>");
                sb.append(placeholderStyle(e, "textarea-placeholder"));
            }
            case "switch" -> {
                String color = e.attr("color");
                sb.append("<i class=\"ms-switch\"");
                if (!color.isEmpty() && truthy(values.value(e, "checked"))) {
                    attr(sb, "style", "background-color:" + color + ";border-color:" + color);
                }
                sb.append("></i>");
            }
            case "picker-view" -> sb.append("<div class=\"ms-pv-wrap\">");
            case "page-container" -> pageContainer(e, sb);
            case "editor" -> {
                // the editor's text area as the client lays it out; MiniSim keeps no rich-text
                // content (EditorContext), so it shows empty, with its placeholder
                sb.append("<div class=\"ms-editor-in\">");
                if (!e.attr("placeholder").isEmpty()) {
                    sb.append("<span class=\"ms-editor-ph\">").append(HtmlText.text(e.attr("placeholder"))).append("</span>");
                }
                sb.append("</div>");
            }
            case "scroll-view" -> {
                if (scrollContent(e)) {
                    sb.append("<div class=\"ms-sv-in\">");
                }
            }
            case "picker-view-column" -> pickerViewColumn(e, sb);
            case "checkbox" -> sb.append("<i class=\"ms-check\"").append(colorStyle(e)).append("></i>");
            case "radio" -> sb.append("<i class=\"ms-radio\"").append(colorStyle(e)).append("></i>");
            case "icon" -> {
                String type = e.attr("type");
                if (!IconShapes.known(type)) {
                    return;
                }
                String size = WxssTranslator.number(number(new WxssTranslator(files, prefix, screenWidth, w -> { })
                        .rpx(first(e.attr("size"), "23")), 23));
                sb.append("<i class=\"ms-icon ms-icon-").append(HtmlText.attr(type)).append('"');
                String color = e.attr("color");
                if (!color.isEmpty()) {
                    attr(sb, "style", "color:" + color);
                }
                sb.append('>').append(IconShapes.svg(type, size)).append("</i>");
            }
            case "image", "cover-image" -> image(e, sb);
            case "slider" -> slider(e, sb);
            case "progress" -> progress(e, sb);
            case "rich-text" -> sb.append(new RichText(images, e.file()).html(e.attrs().get("nodes")));
            default -> {
                if (PLACEHOLDERS.contains(e.tag())) {
                    placeholder(e, sb);
                }
            }
        }
    }

    /**
     * An element the painted page cannot run (canvas, video, map, camera, web-view...): a labelled
     * box of the client's default size (the page's styles may size it), saying what it stands for;
     * page.js writes the size it was laid out at into the label.
     */
    private void placeholder(VElement e, StringBuilder sb) {
        String t = e.tag();
        String what = switch (t) {
            case "canvas" -> first(e.attr("canvas-id"), e.attr("id"), e.attr("type"));
            case "map" -> e.attrs().containsKey("latitude") ? e.attr("latitude") + ", " + e.attr("longitude") : "";
            case "camera" -> first(e.attr("device-position"), "back");
            default -> first(e.attr("src"), e.attr("url"));
        };
        sb.append("<span class=\"ms-placeholder\"><b>").append(HtmlText.text(t)).append("</b>");
        if (!what.isEmpty()) {
            sb.append("<span class=\"ms-placeholder-what\">").append(HtmlText.text(what)).append("</span>");
        }
        int[] size = PLACEHOLDER_SIZES.get(t);
        sb.append("<span class=\"ms-placeholder-size\">")
                .append(size == null ? "" : size[0] + " × " + size[1]).append("</span>")
                .append("<span class=\"ms-placeholder-note\">not drawn by MiniSim</span></span>");
    }

    /** {@code placeholder-class} (default {@code defaultClass}, as the clients name it) and {@code placeholder-style}. */
    private String placeholderStyle(VElement e, String defaultClass) {
        String given = first(e.attr("placeholder-class"), e.attr("placeholderClass"), defaultClass);
        List<String> painted = new ArrayList<>();
        for (String token : given.trim().split("\\s+")) {
            Set<String> out = new LinkedHashSet<>();
            forms(token, e.owner(), e, out);
            painted.addAll(out);
        }
        String inline = first(e.attr("placeholder-style"), e.attr("placeholderStyle"));
        if (!inline.isEmpty()) {
            inline = new WxssTranslator(files, prefix, screenWidth, w -> { }).rpx(inline);
        }
        return PlaceholderStyles.styleElement(idOf(e), PlaceholderStyles.declarations(css, painted), inline);
    }

    /** What a built-in draws after its children (a picker's list, a swiper's dots). */
    private void after(VElement e, StringBuilder sb, int id) {
        switch (e.tag()) {
            case "picker" -> picker(e, sb);
            case "picker-view", "page-container" -> sb.append("</div>");
            case "scroll-view" -> {
                if (scrollContent(e)) {
                    sb.append("</div>");
                }
            }
            case "picker-view-column" -> {
                if (pickerViewOf(e) != null) {
                    sb.append("</div>");
                }
            }
            case "swiper" -> {
                if (truthy(e.attrs().get("indicator-dots")) || truthy(e.attrs().get("indicatorDots"))) {
                    List<VElement> items = swiperItems(e);
                    int current = swiperCurrent(e, items);
                    String color = first(e.attr("indicator-color"), e.attr("indicatorColor"));
                    String active = first(e.attr("indicator-active-color"), e.attr("indicatorActiveColor"));
                    sb.append("<span class=\"ms-dots\">");
                    for (int i = 0; i < items.size(); i++) {
                        String c = i == current ? active : color;
                        sb.append(i == current ? "<i class=\"ms-dot-on\"" : "<i")
                                .append(c.isEmpty() ? "" : " style=\"background:" + HtmlText.attr(c) + "\"").append("></i>");
                    }
                    sb.append("</span>");
                }
            }
            default -> { }
        }
    }

    /**
     * A picker-view's {@code value} as page.js reads it: the row chosen in each column, as the
     * person left it (else as rendered); a column the array does not name shows its first row.
     */
    private String pickerViewValue(VElement e) {
        Object v = values.value(e, "value");
        StringBuilder sb = new StringBuilder("[");
        if (v instanceof List<?> rows) {
            for (Object r : rows) {
                sb.append(sb.length() > 1 ? "," : "").append(Math.max(0, (int) number(r, 0)));
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Whether a scroll-view's children sit in a block of their own, as WeChat's do (its scroll-view
     * holds them in inner boxes): the page's {@code display: flex} on the scroll-view then lays out
     * nothing of theirs (they neither shrink to its height nor line up in a row) unless
     * {@code enable-flex} passes it on. Alipay's scroll-view holds its children itself.
     */
    private boolean scrollContent(VElement e) {
        return !alipay && !truthy(first(e.attr("enable-flex"), e.attr("enableFlex"), "false"));
    }

    /**
     * A page-container's mask ({@code overlay-style}) and the panel that holds its children
     * ({@code custom-style}, {@code z-index}); both in rpx as the page writes them.
     */
    private void pageContainer(VElement e, StringBuilder sb) {
        WxssTranslator rpx = new WxssTranslator(files, prefix, screenWidth, w -> { });
        String z = first(e.attr("z-index"), e.attr("zIndex"), "100");
        String zStyle = "z-index:" + WxssTranslator.number(number(z, 100));
        String overlay = first(e.attr("overlay-style"), e.attr("overlayStyle"));
        String custom = first(e.attr("custom-style"), e.attr("customStyle"));
        sb.append("<div class=\"ms-pc-mask\"");
        attr(sb, "style", zStyle + (overlay.isEmpty() ? "" : ";" + rpx.rpx(overlay)));
        sb.append("></div><div class=\"ms-pc-panel\"");
        attr(sb, "style", zStyle + (custom.isEmpty() ? "" : ";" + rpx.rpx(custom)));
        sb.append('>');
    }

    /** The picker-view a column belongs to (the clients show a column only inside one), or null. */
    private static VElement pickerViewOf(VElement column) {
        for (VElement p = column.parent(); p != null; p = p.parent()) {
            if (p.tag().equals("picker-view")) {
                return p.component() == null ? p : null;
            }
            if (!p.tag().equals("block")) {
                return null;
            }
        }
        return null;
    }

    /**
     * A picker-view column's wheel: the mask over it and the indicator, styled by the picker-view's
     * {@code mask-style} / {@code mask-class} and {@code indicator-style} / {@code indicator-class}
     * (the docs' attributes), then the rows, which page.js makes as tall as the indicator and
     * turns so that the chosen one sits in it.
     */
    private void pickerViewColumn(VElement e, StringBuilder sb) {
        VElement pv = pickerViewOf(e);
        if (pv == null) {
            return;
        }
        for (String[] part : new String[][] {{"mask", "ms-pv-mask"}, {"indicator", "ms-pv-ind"}}) {
            Set<String> cls = new LinkedHashSet<>();
            cls.add(part[1]);
            for (String token : first(pv.attr(part[0] + "-class"), pv.attr(part[0] + "Class")).trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    forms(token, pv.owner(), pv, cls);
                }
            }
            sb.append("<div class=\"").append(HtmlText.attr(String.join(" ", cls))).append('"');
            String style = first(pv.attr(part[0] + "-style"), pv.attr(part[0] + "Style")).trim();
            if (!style.isEmpty()) {
                attr(sb, "style", images.cssUrls(new WxssTranslator(files, prefix, screenWidth, w -> { }).rpx(style), pv.file())
                        .replace("\\", ""));
            }
            sb.append("></div>");
        }
        sb.append("<div class=\"ms-pv-content\">");
    }

    private String colorStyle(VElement e) {
        String color = e.attr("color");
        return color.isEmpty() ? "" : " style=\"color:" + HtmlText.attr(color) + "\"";
    }

    private void image(VElement e, StringBuilder sb) {
        String src = e.attr("src");
        String mode = e.attr("mode");
        java.util.Optional<String> url = images.url(src, e.file());
        if (url.isEmpty()) {
            sb.append("<span class=\"ms-img ms-img-placeholder\" title=\"").append(HtmlText.attr(src)).append("\"></span>");
            return;
        }
        if (mode.equals("widthFix") || mode.equals("heightFix")) {
            sb.append("<img class=\"ms-img-fix\" src=\"").append(HtmlText.attr(url.get())).append("\">");
            return;
        }
        String size;
        String position = "center center";
        switch (mode) {
            case "aspectFit" -> size = "contain";
            case "aspectFill" -> size = "cover";
            case "", "scaleToFill" -> size = "100% 100%";
            default -> {
                size = "auto";
                position = mode.replace("top", "top ").replace("bottom", "bottom ").replace("left", " left")
                        .replace("right", " right").trim().replaceAll("\\s+", " ");
                if (position.equals("center")) {
                    position = "center center";
                }
            }
        }
        sb.append("<span class=\"ms-img\" style=\"background-image:url(&quot;").append(HtmlText.attr(url.get()))
                .append("&quot;);background-size:").append(size).append(";background-position:").append(position)
                .append("\"></span>");
    }

    private void slider(VElement e, StringBuilder sb) {
        double min = number(e.attrs().get("min"), 0);
        double max = number(e.attrs().get("max"), 100);
        double value = Math.max(min, Math.min(max, number(values.value(e, "value"), min)));
        double pct = max > min ? (value - min) * 100 / (max - min) : 0;
        String active = first(e.attr("activeColor"), e.attr("active-color"), e.attr("selected-color"), "");
        // the track: backgroundColor (WeChat's older `color`; Alipay's background-color)
        String track = first(e.attr("backgroundColor"), e.attr("background-color"), e.attr("color"), "");
        String block = first(e.attr("block-color"), e.attr("handle-color"), "");
        sb.append("<span class=\"ms-slider-track\"").append(track.isEmpty() ? "" : " style=\"background:" + HtmlText.attr(track) + "\"")
                .append(" ms-min=\"").append(WxssTranslator.number(min)).append("\" ms-max=\"")
                .append(WxssTranslator.number(max)).append("\" ms-step=\"")
                .append(WxssTranslator.number(number(e.attrs().get("step"), 1))).append("\">")
                .append("<span class=\"ms-slider-fill\" style=\"width:").append(WxssTranslator.number(pct)).append('%')
                .append(active.isEmpty() ? "" : ";background:" + HtmlText.attr(active)).append("\"></span>")
                .append("<span class=\"ms-slider-thumb\" style=\"left:").append(WxssTranslator.number(pct)).append('%')
                .append(block.isEmpty() ? "" : ";background:" + HtmlText.attr(block)).append("\"></span></span>");
        if (truthy(e.attrs().get("show-value"))) {
            sb.append("<span class=\"ms-slider-value\">").append(WxssTranslator.number(value)).append("</span>");
        }
    }

    private void progress(VElement e, StringBuilder sb) {
        double pct = Math.max(0, Math.min(100, number(e.attrs().get("percent"), 0)));
        // WeChat's older `color` still colours the bar (its docs: use activeColor)
        String active = first(e.attr("activeColor"), e.attr("active-color"), e.attr("color"), "");
        String bg = first(e.attr("backgroundColor"), e.attr("background-color"), "");
        WxssTranslator rpx = new WxssTranslator(files, prefix, screenWidth, w -> { });
        double stroke = number(rpx.rpx(first(e.attr("stroke-width"), e.attr("strokeWidth"), "6")), 6);
        double radius = number(rpx.rpx(first(e.attr("border-radius"), e.attr("borderRadius"), "0")), 0);
        String corners = radius > 0 ? ";border-radius:" + WxssTranslator.number(radius) + "px" : "";
        sb.append("<span class=\"ms-progress-bar\" style=\"height:").append(WxssTranslator.number(stroke)).append("px")
                .append(bg.isEmpty() ? "" : ";background:" + HtmlText.attr(bg)).append(corners)
                .append("\"><span class=\"ms-progress-fill\" style=\"width:")
                .append(WxssTranslator.number(pct)).append('%').append(active.isEmpty() ? "" : ";background:" + HtmlText.attr(active))
                .append(corners).append("\"></span></span>");
        if (truthy(e.attrs().get("show-info"))) {
            double size = number(rpx.rpx(first(e.attr("font-size"), e.attr("fontSize"), "16")), 16);
            sb.append("<span class=\"ms-progress-info\"")
                    .append(size == 16 ? "" : " style=\"font-size:" + WxssTranslator.number(size) + "px\"").append('>')
                    .append(WxssTranslator.number(pct)).append("%</span>");
        }
    }

    private void picker(VElement e, StringBuilder sb) {
        String mode = e.attr("mode");
        if (!(mode.isEmpty() || mode.equals("selector")) || !(e.attrs().get("range") instanceof List<?> range)) {
            return;
        }
        String key = first(e.attr("range-key"), e.attr("rangeKey"), "");
        int selected = (int) number(values.value(e, "value"), 0);
        sb.append("<select class=\"ms-picker-select\">");
        for (int i = 0; i < range.size(); i++) {
            Object item = range.get(i);
            Object label = item instanceof Map<?, ?> m && !key.isEmpty() ? m.get(key) : item;
            sb.append("<option value=\"").append(i).append('"').append(i == selected ? " selected" : "").append('>')
                    .append(HtmlText.text(label == null ? "" : label instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(label))).append("</option>");
        }
        sb.append("</select>");
    }

    private String valueText(VElement e) {
        Object v = values.value(e, "value");
        return v == null ? "" : v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v);
    }

    // ------------------------------------------------------------------ class and style

    /**
     * The element's classes as painted: the page's as written; a component's in its scope (and as
     * written too when the page's styles reach inside), and an external class ({@code custom-class}
     * given by the component's user) also as its user's stylesheet names it.
     */
    private String classes(VElement e) {
        String raw = e.attr("class").trim();
        if (raw.isEmpty()) {
            return "";
        }
        Set<String> out = new LinkedHashSet<>();
        for (String token : raw.split("\\s+")) {
            forms(token, e.owner(), e, out);
        }
        return String.join(" ", out);
    }

    private void forms(String token, String owner, VElement context, Set<String> out) {
        if (owner.equals(VElement.PAGE)) {
            out.add(token);
            return;
        }
        String path = componentPath.apply(owner);
        StyleIsolation mode = isolationOf(path);
        out.add(PaintedClasses.scoped(PaintedClasses.scopeOf(path), token));
        if (mode != StyleIsolation.ISOLATED) {
            out.add(token);
        }
        VElement host = hostOf(owner, context);
        if (host != null && external(token, host)) {
            forms(token, host.owner(), host, out);
        }
    }

    private static VElement hostOf(String instance, VElement from) {
        for (VElement p = from; p != null; p = p.parent()) {
            if (instance.equals(p.component())) {
                return p;
            }
        }
        return null;
    }

    /** Whether the component's user gave {@code token} in one of its class attributes ({@code custom-class="big"}). */
    private static boolean external(String token, VElement host) {
        for (Map.Entry<String, Object> a : host.attrs().entrySet()) {
            String name = a.getKey();
            if (!name.equals("class") && (name.endsWith("class") || name.endsWith("Class")) && a.getValue() instanceof String v) {
                for (String t : v.trim().split("\\s+")) {
                    if (t.equals(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String style(VElement e) {
        String style = alipay && e.attrs().get("style") instanceof Map<?, ?> object ? styleObject(object) : e.attr("style").trim();
        if (style.isEmpty()) {
            return "";
        }
        WxssTranslator t = new WxssTranslator(files, prefix, screenWidth, w -> { });
        return images.cssUrls(t.rpx(style), e.file()).replace("\\", "");
    }

    /**
     * Alipay takes an object for {@code style} ({@code style="{{width: w}}"}, which mini-antui's
     * amount-input hides its placeholder with): each property a declaration, camelCase names as CSS
     * names. (WeChat has no such form: there the object is text, as before.)
     */
    private static String styleObject(Map<?, ?> object) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<?, ?> d : object.entrySet()) {
            Object v = d.getValue();
            if (v == null || String.valueOf(v).isEmpty()) {
                continue;
            }
            String name = String.valueOf(d.getKey()).replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            String value = v instanceof Double n && n == Math.rint(n) ? String.valueOf(n.longValue()) : String.valueOf(v);
            sb.append(sb.isEmpty() ? "" : "; ").append(name).append(": ").append(value);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ values

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"").append(HtmlText.attr(value)).append('"');
    }

    static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !"false".equals(v) && !(v instanceof Number n && n.doubleValue() == 0);
    }

    private static double number(Object v, double fallback) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim().replace("px", ""));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
