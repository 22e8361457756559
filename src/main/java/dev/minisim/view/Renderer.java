package dev.minisim.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Renders templates into the {@link VElement} tree (SPEC "Pages on screen"): control attributes,
 * {@code block}, {@code template}/{@code import}/{@code include}, WXS/SJS modules, attributes,
 * dataset, mark, bindings and custom components with their slots. Incremental: each
 * {@code wx:for} item is a memo that records the data it read; a later pass reuses the item's
 * nodes when every read gives the same value again. Each owner (the page, each component
 * instance) is a {@link Unit} with its own memos, so a component's {@code setData} re-renders its
 * subtree alone.
 */
final class Renderer implements Scope.Env {

    private static final Set<String> NOT_PROPS = Set.of("id", "class", "style", "hidden", "slot");
    private static final int MAX_NESTING = 64;
    /** Elements nested deeper than this are cut (a component that renders itself without end). */
    private static final int MAX_DEPTH = 400;
    private static final int MAX_FOR_NUMBER = 100_000;
    /**
     * Renders nested in a pass at once (a setData then a selectComponent inside a render): past
     * this, as when an observer's setData keeps setting data, updates wait for the pass's end.
     */
    private static final int MAX_NESTED_RENDERS = 16;

    /** One owner of a template: the page or a component instance. */
    private static final class Unit {
        final String owner;
        final String tag;
        String template;
        Map<String, Object> data;
        Map<String, Object> props;
        String key;
        String parent;
        VElement element;
        Map<String, Memo> memos = new HashMap<>();
        Map<String, List<VNode>> slots = Map.of();
        /** Alipay {@code slot-scope} content: rendered at each {@code <slot>} with the slot's props. */
        Map<String, List<Scoped>> scopedSlots = Map.of();
        final Set<String> children = new LinkedHashSet<>();
        List<String> externalClasses = List.of();
        /** External class name → the classes the user gave for it, for this render. */
        Map<String, String> classMap = Map.of();

        Unit(String owner, String tag) {
            this.owner = owner;
            this.tag = tag;
        }
    }

    /** Slot content written with {@code slot-scope}: its node, and the user's context and scope. */
    private record Scoped(TNode.Element node, Ctx ctx, Scope scope, String path) {
    }

    /** A rendered {@code wx:for} item: its nodes, the reads it made, the instances in it. */
    private record Memo(TNode.Element node, List<Scope.Read> reads, List<Integer> depths, List<VNode> nodes,
                        List<String> instances) {
    }

    private static final class Recorder {
        final int base;
        final List<Scope.Read> reads = new ArrayList<>();
        final List<Integer> depths = new ArrayList<>();
        final List<String> instances = new ArrayList<>();

        Recorder(int base) {
            this.base = base;
        }
    }

    /** A template file with its modules and imports resolved. */
    private static final class FileInfo {
        final Template template;
        final Map<String, Object> modules = new LinkedHashMap<>();
        final List<String> imports = new ArrayList<>();

        FileInfo(Template template) {
            this.template = template;
        }
    }

    private record Ctx(FileInfo file, Unit unit, Map<String, Memo> newMemos, int nesting) {
        Dialect dialect() {
            return file.template.dialect();
        }
    }

    private final TemplateSource files;
    private final String templatePath;
    private final ComponentHost host;
    private final Consumer<Diagnostic> sink;
    private final ScriptModules scripts;
    private final Map<String, Optional<FileInfo>> fileCache = new HashMap<>();
    private final LinkedHashSet<Diagnostic> diagnostics = new LinkedHashSet<>();
    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, String> instanceByKey = new HashMap<>();
    private final VElement root;
    private final Unit page;
    private Deque<Recorder> recorders = new ArrayDeque<>();
    private Set<String> seen = new HashSet<>();
    private String curFile;
    private int curLine;
    private int depth;
    private boolean rendering;
    /** Updates asked for while a pass runs (a component's setData in a lifetime): applied after it. */
    private final List<Map.Entry<String, Map<String, Object>>> pending = new ArrayList<>();
    /** Renders nested in the running pass now; past {@link #MAX_NESTED_RENDERS} an update waits for the pass's end. */
    private int nesting;
    /** Owners whose template is being rendered now (the page, the components around the current position). */
    private final Set<String> building = new HashSet<>();

    Renderer(TemplateSource files, String templatePath, ComponentHost host, Consumer<Diagnostic> sink) {
        this.files = files;
        this.templatePath = templatePath;
        this.host = host == null ? ComponentHost.NONE : host;
        this.sink = sink == null ? d -> { } : sink;
        this.scripts = new ScriptModules(files, (f, l, m) -> report(Diagnostic.warning(f, l, m)));
        this.root = new VElement("page", templatePath, 1, VElement.PAGE);
        this.page = new Unit(VElement.PAGE, "page");
        page.template = templatePath;
        page.element = root;
        units.put(VElement.PAGE, page);
    }

    VElement root() {
        return root;
    }

    Optional<VElement> element(String instanceId) {
        Unit u = units.get(instanceId);
        return u == null ? Optional.empty() : Optional.ofNullable(u.element);
    }

    Set<Diagnostic> diagnostics() {
        return diagnostics;
    }

    void close() {
        scripts.close();
    }

    // ---- passes ------------------------------------------------------------------------------

    /** Runs a pass, or queues it when one is running; queued passes run after the current one. */
    private VElement pass(String owner, Map<String, Object> data) {
        if (rendering) {
            Unit unit = units.get(owner);
            if (unit != null && unit != page && unit.element != null && !building.contains(owner)
                    && nesting < MAX_NESTED_RENDERS) {
                nested(owner, data);
            } else {
                pending.add(new java.util.AbstractMap.SimpleEntry<>(owner, data));
            }
            return root;
        }
        rendering = true;
        try {
            if (VElement.PAGE.equals(owner)) {
                renderPage(data);
            } else {
                renderInstance(owner, data);
            }
            while (!pending.isEmpty()) {
                Map.Entry<String, Map<String, Object>> next = pending.remove(0);
                if (VElement.PAGE.equals(next.getKey())) {
                    renderPage(next.getValue());
                } else {
                    renderInstance(next.getKey(), next.getValue());
                }
            }
        } finally {
            rendering = false;
            pending.clear();
            depth = 0;
            scripts.endPass();
        }
        return root;
    }

    VElement update(String owner, Map<String, Object> data) {
        return pass(owner, data);
    }

    private VElement renderPage(Map<String, Object> data) {
        page.data = data == null ? Map.of() : data;
        Set<String> before = new HashSet<>(units.keySet());
        before.remove(VElement.PAGE);
        seen = new HashSet<>();
        renderUnit(page);
        unmountUnseen(before);
        return root;
    }

    private VElement renderInstance(String id, Map<String, Object> data) {
        Unit unit = units.get(id);
        if (unit == null || unit.element == null) {
            return root; // a setData after detached: the client ignores it too
        }
        unit.data = data == null ? Map.of() : data;
        Set<String> before = new HashSet<>();
        descendants(unit, before);
        seen = new HashSet<>();
        renderUnit(unit);
        unmountUnseen(before);
        return root;
    }

    /**
     * A component whose template is not being rendered right now renders again at once, inside
     * the running pass: in the client a setData updates the component tree at once, so a
     * lifetime or observer that sets a child's data and then selects what that child renders
     * (vant's datetime picker sets its picker's columns, then the values of the new column
     * components) finds it. Owners whose template is mid-render wait for the end of the pass.
     */
    private void nested(String owner, Map<String, Object> data) {
        Set<String> outerSeen = seen;
        String file = curFile;
        int line = curLine;
        int outerDepth = depth;
        nesting++;
        try {
            depth = 0;
            renderInstance(owner, data);
        } finally {
            nesting--;
            depth = outerDepth;
            outerSeen.addAll(seen);
            seen = outerSeen;
            curFile = file;
            curLine = line;
        }
    }

    private void descendants(Unit unit, Set<String> out) {
        for (String c : unit.children) {
            Unit u = units.get(c);
            if (u != null && out.add(c)) {
                descendants(u, out);
            }
        }
    }

    private void unmountUnseen(Set<String> candidates) {
        for (String id : candidates) {
            if (seen.contains(id)) {
                continue;
            }
            Unit u = units.remove(id);
            if (u == null) {
                continue;
            }
            instanceByKey.remove(u.key, id);
            Unit parent = units.get(u.parent);
            if (parent != null) {
                parent.children.remove(id);
            }
            try {
                host.unmount(id);
            } catch (RuntimeException e) {
                report(Diagnostic.error(u.template, 0, "component " + u.tag + " failed to unmount: " + e.getMessage()));
            }
        }
    }

    /** Renders a unit's template into its element, with a fresh recorder stack (its reads are its own). */
    private void renderUnit(Unit unit) {
        Deque<Recorder> saved = recorders;
        recorders = new ArrayDeque<>();
        building.add(unit.owner);
        try {
            List<VNode> out = new ArrayList<>();
            Map<String, Memo> newMemos = new HashMap<>();
            Optional<FileInfo> file = file(unit.template, unit == page ? templatePath : unit.template, 0);
            if (file.isPresent()) {
                Ctx ctx = new Ctx(file.get(), unit, newMemos, 0);
                Scope scope = Scope.root(this, withSlots(unit, ctx), file.get().modules, 0);
                renderNodes(file.get().template.nodes, ctx, scope, out, "");
            }
            unit.memos = newMemos;
            unit.element.children().clear();
            for (VNode n : out) {
                unit.element.append(n);
            }
        } finally {
            recorders = saved;
            building.remove(unit.owner);
        }
    }

    /**
     * An Alipay component's template also sees {@code $slots}: which slots its user fills, the
     * default one as {@code $default} and each named one by its name (mini-antui's list-item shows
     * its prefix only {@code a:if="{{$slots.prefix}}"}); content with {@code slot-scope} fills its
     * slot too. A key the component's own data has wins.
     */
    private static Map<String, Object> withSlots(Unit unit, Ctx ctx) {
        if (unit == null || unit.data == null || ctx.dialect() != Dialect.AXML || VElement.PAGE.equals(unit.owner)
                || unit.data.containsKey("$slots")) {
            return unit == null ? null : unit.data;
        }
        Map<String, Object> filled = new LinkedHashMap<>();
        unit.slots.forEach((name, nodes) -> {
            if (nodes.stream().anyMatch(n -> !(n instanceof VText t) || !t.text().isBlank())) {
                filled.put(name.isEmpty() ? "$default" : name, true);
            }
        });
        unit.scopedSlots.keySet().forEach(name -> filled.put(name.isEmpty() ? "$default" : name, true));
        Map<String, Object> data = new LinkedHashMap<>(unit.data);
        data.put("$slots", filled);
        return data;
    }

    // ---- files -------------------------------------------------------------------------------

    private Optional<FileInfo> file(String path, String fromFile, int line) {
        Optional<FileInfo> cached = fileCache.get(path);
        if (cached != null) {
            return cached;
        }
        Optional<String> text = path == null ? Optional.empty() : files.read(path);
        if (text.isEmpty()) {
            report(Diagnostic.error(fromFile, line, "template " + path + " not found"));
            fileCache.put(path, Optional.empty());
            return Optional.empty();
        }
        Template t = TemplateParser.parse(path, text.get());
        t.diagnostics().forEach(this::report);
        FileInfo info = new FileInfo(t);
        fileCache.put(path, Optional.of(info));
        loadModulesAndImports(info, t.nodes);
        return Optional.of(info);
    }

    private void loadModulesAndImports(FileInfo info, List<TNode> nodes) {
        String file = info.template.file();
        for (TNode n : nodes) {
            if (!(n instanceof TNode.Element e)) {
                continue;
            }
            switch (e.tag) {
                case "wxs", "sjs" -> {
                    String name = trimmed(e.raw("module"));
                    if (name == null || name.isEmpty()) {
                        report(Diagnostic.warning(file, e.line, "<" + e.tag + "> without a module name"));
                        continue;
                    }
                    String src = trimmed(e.raw("src"));
                    if (src != null && !src.isEmpty()) {
                        String p = TemplatePaths.resolve(file, src);
                        info.modules.put(name, p == null ? JsValues.UNDEFINED : scripts.load(p, file, e.line));
                    } else {
                        String code = e.children.isEmpty() ? "" : ((TNode.Text) e.children.get(0)).text;
                        info.modules.put(name, scripts.inline(file, e.line, name, code));
                    }
                }
                case "import-sjs" -> {
                    String name = trimmed(e.raw("name"));
                    String from = trimmed(e.raw("from"));
                    if (name == null || from == null) {
                        report(Diagnostic.warning(file, e.line, "<import-sjs> needs name and from"));
                        continue;
                    }
                    String p = TemplatePaths.resolve(file, from);
                    info.modules.put(name, p == null ? JsValues.UNDEFINED : scripts.load(p, file, e.line));
                }
                case "import" -> {
                    String src = trimmed(e.raw("src"));
                    if (src != null) {
                        String p = TemplatePaths.template(file, src, info.template.dialect());
                        if (p != null) {
                            info.imports.add(p);
                        }
                    }
                }
                case "template" -> {
                    // a definition's own wxs/imports belong to its file too
                    loadModulesAndImports(info, e.children);
                }
                default -> loadModulesAndImports(info, e.children);
            }
        }
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    // ---- nodes -------------------------------------------------------------------------------

    private void renderNodes(List<TNode> nodes, Ctx ctx, Scope scope, List<VNode> out, String path) {
        String prefix = ctx.dialect().prefix();
        boolean chainOpen = false;
        boolean chainDone = false;
        for (int i = 0; i < nodes.size(); i++) {
            TNode node = nodes.get(i);
            if (node instanceof TNode.Comment) {
                continue; // comments do not break an if/elif/else chain
            }
            if (node instanceof TNode.Text t) {
                chainOpen = false;
                renderText(t, ctx, scope, out);
                continue;
            }
            TNode.Element el = (TNode.Element) node;
            String childPath = path + "/" + i;
            TNode.Attr ifAttr = el.attr(prefix + "if");
            TNode.Attr elifAttr = el.attr(prefix + "elif");
            TNode.Attr elseAttr = el.attr(prefix + "else");
            if (el.attr(prefix + "for") != null || el.attr(prefix + "for-items") != null) {
                boolean any = renderFor(el, ctx, scope, out, childPath, ifAttr);
                chainOpen = ifAttr != null;
                chainDone = any;
                continue;
            }
            if (ifAttr != null) {
                chainOpen = true;
                chainDone = condition(el, ifAttr, ctx, scope);
                if (chainDone) {
                    renderElement(el, ctx, scope, out, childPath);
                }
            } else if (elifAttr != null) {
                if (!chainOpen) {
                    warnAt(ctx, el.line, prefix + "elif without a preceding " + prefix + "if (left out)");
                } else if (!chainDone) {
                    chainDone = condition(el, elifAttr, ctx, scope);
                    if (chainDone) {
                        renderElement(el, ctx, scope, out, childPath);
                    }
                }
            } else if (elseAttr != null) {
                if (!chainOpen) {
                    warnAt(ctx, el.line, prefix + "else without a preceding " + prefix + "if (left out)");
                } else if (!chainDone) {
                    renderElement(el, ctx, scope, out, childPath);
                }
                chainOpen = false;
            } else {
                chainOpen = false;
                renderElement(el, ctx, scope, out, childPath);
            }
        }
    }

    private boolean condition(TNode.Element el, TNode.Attr attr, Ctx ctx, Scope scope) {
        if (attr.compiled.error() != null) {
            warnAt(ctx, attr.line, attr.compiled.error() + " (the element is left out)");
            return false;
        }
        at(ctx, attr.line);
        return JsValues.truthy(attr.compiled.eval(scope));
    }

    private void renderText(TNode.Text t, Ctx ctx, Scope scope, List<VNode> out) {
        if (t.compiled.error() != null) {
            warnAt(ctx, t.line, t.compiled.error() + " (the text is left out)");
            return;
        }
        at(ctx, t.line);
        String s = JsValues.toText(t.compiled.eval(scope));
        if (!s.isEmpty()) {
            out.add(new VText(s));
        }
    }

    /** {@code wx:for} (outer) with an optional {@code wx:if} per item; returns whether any item rendered. */
    private boolean renderFor(TNode.Element el, Ctx ctx, Scope scope, List<VNode> out, String path, TNode.Attr ifAttr) {
        String prefix = ctx.dialect().prefix();
        TNode.Attr forAttr = el.attr(prefix + "for") != null ? el.attr(prefix + "for") : el.attr(prefix + "for-items");
        if (forAttr.compiled.error() != null) {
            warnAt(ctx, forAttr.line, forAttr.compiled.error() + " (the element is left out)");
            return false;
        }
        at(ctx, forAttr.line);
        Object items = forAttr.compiled.eval(scope);
        String itemName = orDefault(el.raw(prefix + "for-item"), "item");
        String indexName = orDefault(el.raw(prefix + "for-index"), "index");
        String keyName = orDefault(el.raw(prefix + "key"), "");
        if (keyName.startsWith(itemName + ".")) {
            keyName = keyName.substring(itemName.length() + 1); // wx:key="{{item.id}}", as some apps write it
        }
        List<Object[]> entries = entries(items, ctx, forAttr.line);
        Set<String> keys = new HashSet<>();
        boolean any = false;
        for (Object[] entry : entries) {
            Object value = entry[1];
            Scope itemScope = scope.child(itemName, value, indexName, entry[0]);
            String key = itemKey(keyName, value, entry[0]);
            if (!keys.add(key)) {
                key = key + "#" + entry[0];
                keys.add(key);
            }
            String itemPath = path + "[" + key + "]";
            Memo memo = ctx.unit.memos.get(itemPath);
            if (memo != null && memo.node == el && unchanged(memo, itemScope)) {
                replay(memo);
                ctx.newMemos.put(itemPath, memo);
                out.addAll(memo.nodes);
                any |= !memo.nodes.isEmpty();
                continue;
            }
            Recorder rec = new Recorder(itemScope.depth());
            recorders.push(rec);
            List<VNode> itemOut = new ArrayList<>();
            try {
                if (ifAttr == null || condition(el, ifAttr, ctx, itemScope)) {
                    renderElement(el, ctx, itemScope, itemOut, itemPath);
                }
            } finally {
                recorders.pop();
            }
            Memo fresh = new Memo(el, rec.reads, rec.depths, itemOut, rec.instances);
            replayOuter(fresh);
            ctx.newMemos.put(itemPath, fresh);
            out.addAll(itemOut);
            any |= !itemOut.isEmpty();
        }
        return any;
    }

    private boolean unchanged(Memo memo, Scope itemScope) {
        for (Scope.Read r : memo.reads) {
            if (!itemScope.unchanged(r)) {
                return false;
            }
        }
        return true;
    }

    /** A reused item's inputs are inputs of the items around it too; its instances stay mounted. */
    private void replay(Memo memo) {
        replayOuter(memo);
        for (String id : memo.instances) {
            markSeen(id);
        }
    }

    private void replayOuter(Memo memo) {
        if (recorders.isEmpty()) {
            return; // a list at the top of its template: no item around it to tell
        }
        for (int i = 0; i < memo.reads.size(); i++) {
            recordRead(memo.reads.get(i), memo.depths.get(i));
        }
        for (Recorder r : recorders) {
            r.instances.addAll(memo.instances);
        }
    }

    private void markSeen(String id) {
        if (seen.add(id)) {
            Unit u = units.get(id);
            if (u != null) {
                for (String c : u.children) {
                    markSeen(c);
                }
            }
        }
    }

    private static String orDefault(String raw, String fallback) {
        if (raw == null) {
            return fallback;
        }
        String s = raw.trim();
        if (s.startsWith("{{") && s.endsWith("}}")) {
            s = s.substring(2, s.length() - 2).trim();
        }
        return s.isEmpty() ? fallback : s;
    }

    private static String itemKey(String keyName, Object value, Object index) {
        if (keyName == null || keyName.isEmpty()) {
            return JsValues.toStr(index);
        }
        if (keyName.equals("*this")) {
            return "=" + JsValues.toStr(value);
        }
        Object k = Expr.member(value, keyName);
        return JsValues.isNullish(k) ? JsValues.toStr(index) : "=" + JsValues.toStr(k);
    }

    /** The (index, item) pairs {@code wx:for} iterates: arrays, objects, strings, numbers; else none. */
    private List<Object[]> entries(Object items, Ctx ctx, int line) {
        List<Object[]> out = new ArrayList<>();
        if (items instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new Object[] {i, list.get(i)});
            }
        } else if (items instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.add(new Object[] {String.valueOf(e.getKey()), e.getValue()});
            }
        } else if (items instanceof String s) {
            int i = 0;
            for (int off = 0; off < s.length(); ) {
                int cp = s.codePointAt(off);
                out.add(new Object[] {i++, new String(Character.toChars(cp))});
                off += Character.charCount(cp);
            }
        } else if (items instanceof Number n) {
            double d = n.doubleValue();
            int count = Double.isNaN(d) || d <= 0 ? 0 : (int) Math.min(Math.floor(d), MAX_FOR_NUMBER);
            if (d > MAX_FOR_NUMBER) {
                warnAt(ctx, line, "for over the number " + JsValues.toStr(n) + " is cut at " + MAX_FOR_NUMBER);
            }
            for (int i = 0; i < count; i++) {
                out.add(new Object[] {i, i});
            }
        }
        return out;
    }

    private void renderElement(TNode.Element el, Ctx ctx, Scope scope, List<VNode> out, String path) {
        if (ctx.nesting > MAX_NESTING) {
            warnAt(ctx, el.line, "templates nest deeper than " + MAX_NESTING + " (a template that calls itself?); cut here");
            return;
        }
        if (depth > MAX_DEPTH) {
            warnAt(ctx, el.line, "elements nest deeper than " + MAX_DEPTH + " (a component that renders itself?); cut here");
            return;
        }
        depth++;
        try {
            renderElementAt(el, ctx, scope, out, path);
        } finally {
            depth--;
        }
    }

    private void renderElementAt(TNode.Element el, Ctx ctx, Scope scope, List<VNode> out, String path) {
        switch (el.tag) {
            case "block" -> renderNodes(el.children, ctx, scope, out, path);
            case "template" -> renderTemplateCall(el, ctx, scope, out, path);
            case "include" -> renderInclude(el, ctx, scope, out, path);
            case "import", "wxs", "sjs", "import-sjs" -> {
                // loaded with the file; no node
            }
            case "slot" -> renderSlot(el, ctx, scope, out, path);
            default -> {
                if (isComponent(ctx, el.tag)) {
                    renderComponent(el, ctx, scope, out, path);
                } else {
                    VElement v = buildElement(el, ctx, scope, false);
                    if (v != null) {
                        List<VNode> kids = new ArrayList<>();
                        renderNodes(el.children, ctx, scope, kids, path);
                        for (VNode k : kids) {
                            v.append(k);
                        }
                        out.add(v);
                    }
                }
            }
        }
    }

    private boolean isComponent(Ctx ctx, String tag) {
        try {
            return host.isComponent(ctx.unit.owner, tag);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void renderTemplateCall(TNode.Element el, Ctx ctx, Scope scope, List<VNode> out, String path) {
        TNode.Attr is = el.attr("is");
        if (is == null) {
            return; // a definition (name=...) renders only when called
        }
        if (is.compiled.error() != null) {
            warnAt(ctx, is.line, is.compiled.error() + " (the template is left out)");
            return;
        }
        at(ctx, is.line);
        String name = JsValues.toText(is.compiled.eval(scope)).trim();
        FileInfo defFile = null;
        TNode.Element def = ctx.file.template.definitions.get(name);
        if (def != null) {
            defFile = ctx.file;
        } else {
            for (String imp : ctx.file.imports) {
                Optional<FileInfo> f = file(imp, ctx.file.template.file(), el.line);
                if (f.isPresent() && f.get().template.definitions.containsKey(name)) {
                    defFile = f.get();
                    def = f.get().template.definitions.get(name);
                    break;
                }
            }
        }
        if (def == null) {
            report(Diagnostic.warning(ctx.file.template.file(), el.line, "template \"" + name + "\" not found"
                    + (definedFurther(ctx.file, name)
                    ? " (it is in a file that an imported file imports: import is not transitive)" : "")));
            return;
        }
        Object data = Map.of();
        TNode.Attr dataAttr = el.attr("data");
        if (dataAttr != null) {
            if (dataAttr.compiled.error() != null) {
                warnAt(ctx, dataAttr.line, dataAttr.compiled.error() + " (the template is left out)");
                return;
            }
            at(ctx, dataAttr.line);
            data = dataAttr.compiled.eval(scope);
        }
        // the template sees only its data (and its own file's modules), never the caller's names
        Scope tplScope = Scope.root(this, data instanceof Map<?, ?> ? data : Map.of(), defFile.modules, scope.depth() + 1);
        Ctx inner = new Ctx(defFile, ctx.unit, ctx.newMemos, ctx.nesting + 1);
        renderNodes(def.children, inner, tplScope, out, path + "<" + name + ">");
    }

    /** Whether a file imported by one of {@code file}'s imports defines {@code name}. */
    private boolean definedFurther(FileInfo file, String name) {
        for (String imp : file.imports) {
            Optional<FileInfo> f = fileCache.getOrDefault(imp, Optional.empty());
            for (String second : f.map(x -> x.imports).orElse(List.of())) {
                Optional<FileInfo> g = file(second, imp, 0);
                if (g.isPresent() && g.get().template.definitions.containsKey(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void renderInclude(TNode.Element el, Ctx ctx, Scope scope, List<VNode> out, String path) {
        String src = trimmed(el.raw("src"));
        if (src == null || src.isEmpty()) {
            warnAt(ctx, el.line, "<include> without src");
            return;
        }
        String p = TemplatePaths.template(ctx.file.template.file(), src, ctx.dialect());
        Optional<FileInfo> f = p == null ? Optional.empty() : file(p, ctx.file.template.file(), el.line);
        if (f.isEmpty()) {
            return;
        }
        List<TNode> copied = new ArrayList<>();
        for (TNode n : f.get().template.nodes) {
            if (n instanceof TNode.Element e && (e.tag.equals("template") || e.tag.equals("wxs"))) {
                continue; // include copies the file minus its templates and wxs
            }
            copied.add(n);
        }
        Ctx inner = new Ctx(f.get(), ctx.unit, ctx.newMemos, ctx.nesting + 1);
        renderNodes(copied, inner, scope, out, path + "<" + p + ">");
    }

    private void renderSlot(TNode.Element el, Ctx ctx, Scope scope, List<VNode> out, String path) {
        if (ctx.unit == page) {
            VElement v = buildElement(el, ctx, scope, false);
            if (v != null) {
                out.add(v);
            }
            return;
        }
        String name = slotName(el, "name", ctx, scope);
        List<VNode> content = ctx.unit.slots.get(name);
        List<Scoped> scoped = ctx.unit.scopedSlots.get(name);
        if (content != null) {
            out.addAll(content);
        }
        if (scoped != null) {
            Map<String, Object> slotProps = new LinkedHashMap<>();
            for (TNode.Attr a : el.attrs) {
                if (!a.name.equals("name") && a.compiled.error() == null) {
                    at(ctx, a.line);
                    slotProps.put(camel(a.name), JsValues.toData(a.compiled.eval(scope)));
                }
            }
            poisonRecorders();
            Deque<Recorder> saved = recorders;
            recorders = new ArrayDeque<>();
            try {
                for (Scoped s : scoped) {
                    String var = orDefault(s.node.raw("slot-scope"), "props");
                    Scope inner = s.scope.child(var, slotProps, null, null);
                    renderElement(s.node, s.ctx, inner, out, s.path);
                }
            } finally {
                recorders = saved;
            }
        }
        if (content == null && scoped == null && ctx.dialect() == Dialect.AXML) {
            renderNodes(el.children, ctx, scope, out, path); // Alipay: a slot's own content when none is given
        }
    }

    /**
     * A slot's name ({@code <slot name>}) or the slot a piece of content goes to ({@code slot=}),
     * evaluated: names may be written with data ({@code name="slot{{item}}"} in a for, as
     * Alipay's component2 demo does).
     */
    private String slotName(TNode.Element el, String attr, Ctx ctx, Scope scope) {
        TNode.Attr a = el.attr(attr);
        if (a == null) {
            return "";
        }
        if (a.compiled.error() != null) {
            return el.raw(attr) == null ? "" : el.raw(attr).trim();
        }
        at(ctx, a.line);
        return JsValues.toText(a.compiled.eval(scope)).trim();
    }

    /** Makes every item being recorded re-render next time (its inputs cannot all be known). */
    private void poisonRecorders() {
        Scope.Read never = new Scope.Read("\u0000untracked", List.of(), new Object());
        for (Recorder r : recorders) {
            r.reads.add(never);
            r.depths.add(0);
        }
    }

    private void renderComponent(TNode.Element el, Ctx ctx, Scope scope, List<VNode> out, String path) {
        VElement element = buildElement(el, ctx, scope, true);
        if (element == null) {
            return;
        }
        Map<String, Object> props = props(el, ctx, scope);
        boolean virtualHost = virtualHost(ctx, el.tag);
        if (virtualHost && element.attrs().get("style") != null) {
            props.put("style", element.attrs().get("style"));   // a virtual host's style goes to its style property
        }
        String key = ctx.unit.owner + "|" + path;
        String id = instanceByKey.get(key);
        Unit unit = id == null ? null : units.get(id);
        if (unit != null && !unit.tag.equals(el.tag)) {
            unit = null;
        }
        boolean fresh = false;
        boolean changed = false;
        try {
            if (unit == null) {
                fresh = true;
                ComponentHost.Instance inst = host.mount(ctx.unit.owner, el.tag, props, generics(el));
                unit = new Unit(inst.id(), el.tag);
                unit.template = inst.template();
                unit.data = inst.data() == null ? Map.of() : inst.data();
                unit.props = props;
                unit.key = key;
                unit.parent = ctx.unit.owner;
                units.put(inst.id(), unit);
                instanceByKey.put(key, inst.id());
                List<String> ext = host.externalClasses(inst.id());
                unit.externalClasses = ext == null ? List.of() : List.copyOf(ext);
            } else if (!props.equals(unit.props) || props.values().stream().anyMatch(Renderer::isFunctionReference)) {
                // a function reference looks the same when the owner put a new function at its
                // path: the component compares the functions themselves
                Map<String, Object> data = host.update(unit.owner, props);
                changed = true;
                unit.props = props;
                if (data != null) {
                    unit.data = data;
                }
            }
        } catch (RuntimeException e) {
            report(Diagnostic.error(ctx.file.template.file(), el.line,
                    "component <" + el.tag + "> failed: " + e.getMessage()));
            out.add(element);
            return;
        }
        ctx.unit.children.add(unit.owner);
        seen.add(unit.owner);
        for (Recorder r : recorders) {
            r.instances.add(unit.owner);
        }
        element.component(unit.owner);
        unit.element = element;
        if (!unit.externalClasses.isEmpty()) {
            Map<String, String> classMap = new HashMap<>();
            for (String name : unit.externalClasses) {
                classMap.put(name, element.attr(name));
            }
            unit.classMap = classMap;
        }
        if (virtualHost) {
            // no host node: its class and style do not apply (externalClasses: ['class'] and a
            // style property carry them inside, as WeChat's docs say)
            element.attrs().remove("class");
            element.attrs().remove("style");
            element.virtual(true);
        }
        // slot content is rendered in the user's scope, owned by the user; slot-scope content
        // (Alipay) waits for the slot that gives it its props
        List<TNode> plain = new ArrayList<>();
        Map<String, List<Scoped>> scoped = new HashMap<>();
        for (int i = 0; i < el.children.size(); i++) {
            TNode child = el.children.get(i);
            if (child instanceof TNode.Element ce && ce.attr("slot-scope") != null) {
                String slotName = slotName(ce, "slot", ctx, scope);
                scoped.computeIfAbsent(slotName, k -> new ArrayList<>())
                        .add(new Scoped(ce, ctx, scope, path + "/slot/" + i));
            } else {
                plain.add(child);
            }
        }
        if (!scoped.isEmpty()) {
            poisonRecorders(); // what scoped content reads is not tracked: never reuse around it
        }
        List<VNode> content = new ArrayList<>();
        renderNodes(plain, ctx, scope, content, path + "/slot");
        Map<String, List<VNode>> slots = new HashMap<>();
        for (VNode n : content) {
            String slot = n instanceof VElement v ? v.attr("slot") : "";
            slots.computeIfAbsent(slot, k -> new ArrayList<>()).add(n);
        }
        unit.scopedSlots = scoped;
        unit.slots = slots;
        renderUnit(unit);
        // a new instance's tree is built with its first data: its created lifetime and its
        // properties run now (they may select its children); then, as after any change of its
        // properties, their observer functions, with the template showing the new values
        String instance = unit.owner;
        if (fresh) {
            rerender(unit, () -> host.created(instance, props), ctx, el);
        }
        if (fresh || changed) {
            rerender(unit, () -> host.rendered(instance), ctx, el);
        }
        out.add(element);
    }

    /**
     * Runs a step of the host and renders the unit again, in this pass, with the data it returns
     * (none: nothing changed). Children that render no longer has go (a new instance's before
     * they were ever attached).
     */
    private void rerender(Unit unit, java.util.function.Supplier<Map<String, Object>> step, Ctx ctx, TNode.Element el) {
        Map<String, Object> data;
        try {
            data = step.get();
        } catch (RuntimeException e) {
            report(Diagnostic.error(ctx.file.template.file(), el.line,
                    "component <" + el.tag + "> failed: " + e.getMessage()));
            return;
        }
        if (data == null) {
            return;
        }
        unit.data = data;
        Set<String> before = new HashSet<>();
        descendants(unit, before);
        seen.removeAll(before);
        renderUnit(unit);
        unmountUnseen(before);
    }

    private boolean virtualHost(Ctx ctx, String tag) {
        try {
            return host.virtualHost(ctx.unit.owner, tag);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The element's {@code generic:name="tag"} attributes (WeChat abstract nodes): name → tag. */
    private static Map<String, String> generics(TNode.Element el) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TNode.Attr a : el.attrs) {
            if (a.name.startsWith("generic:")) {
                String v = el.raw(a.name);
                if (v != null && !v.isBlank()) {
                    out.put(a.name.substring(8), v.trim());
                }
            }
        }
        return out;
    }

    /** The element's props for its component: dash-case as camelCase, without what is not a prop. */
    private Map<String, Object> props(TNode.Element el, Ctx ctx, Scope scope) {
        Map<String, Object> props = new LinkedHashMap<>();
        String prefix = ctx.dialect().prefix();
        for (TNode.Attr a : el.attrs) {
            String name = a.name;
            if (name.startsWith(prefix) || NOT_PROPS.contains(name) || name.startsWith("data-")
                    || name.startsWith("mark:") || name.startsWith("generic:") || a.compiled.error() != null) {
                continue;
            }
            if (BindingSyntax.parse(name, ctx.dialect()) != null && !(ctx.dialect() == Dialect.AXML && name.startsWith("on"))) {
                continue; // bindings stay on the element; Alipay's onXxx are props too
            }
            if (name.startsWith("model:")) {
                name = name.substring(6);
            }
            at(ctx, a.line);
            Object v = a.compiled.eval(scope);
            if (FUNCTION.equals(v) && ctx.dialect() == Dialect.WXML) {
                v = functionReference(a.compiled, ctx.unit.owner, scope, v);
            }
            if (v != JsValues.UNDEFINED) {
                props.put(camel(name), v);
            }
        }
        return props;
    }

    private static boolean isFunctionReference(Object v) {
        return v instanceof Map<?, ?> m && m.containsKey("__minisimFunction");
    }

    /** How the render data writes a function (rt.toJson). */
    private static final String FUNCTION = "[Function]";

    /**
     * WeChat passes functions held in data as property values (Component docs: since base library
     * 2.0.9 data and properties may hold functions; vant's {@code formatter="{{ formatter }}"}).
     * The render data only has {@code "[Function]"} there, so a property written as a plain path
     * into the owner's own data ({@code {{ formatter }}}, {@code {{ opts.format }}}) goes to the
     * component as a reference to that path, which components.js resolves to the function itself.
     * Anything else (a wx:for item, a template's data, a computed value) stays the text.
     */
    private static Object functionReference(Interp compiled, String owner, Scope scope, Object value) {
        if (!(compiled.singleExpr() instanceof Expr.Path path) || scope.resolve(path.root()).depth() != 0) {
            return value;
        }
        List<Object> keys = new ArrayList<>();
        keys.add(path.root());
        for (Expr k : path.keys()) {
            if (!(k instanceof Expr.Literal lit) || lit.value() == null || lit.value() == JsValues.UNDEFINED) {
                return value;
            }
            keys.add(lit.value());
        }
        return Map.of("__minisimFunction", Map.of("owner", owner, "path", keys));
    }

    static String camel(String dash) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : dash.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** dataset naming: {@code data-alpha-beta} → alphaBeta, {@code data-alphaBeta} → alphabeta. */
    static String datasetName(String attr) {
        return camel(attr.substring(5).toLowerCase());
    }

    /** The element with its evaluated attributes, or null when one of its expressions is broken. */
    private VElement buildElement(TNode.Element el, Ctx ctx, Scope scope, boolean component) {
        Dialect dialect = ctx.dialect();
        String prefix = dialect.prefix();
        for (TNode.Attr a : el.attrs) {
            if (a.compiled.error() != null && !a.name.startsWith(prefix)) {
                warnAt(ctx, a.line, "in " + a.name + ": " + a.compiled.error() + " (the element is left out)");
                return null;
            }
        }
        VElement v = new VElement(el.tag, ctx.file.template.file(), el.line, ctx.unit.owner);
        for (TNode.Attr a : el.attrs) {
            String name = a.name;
            if (name.startsWith(prefix) || name.equals("slot-scope") || name.startsWith("generic:")) {
                continue;
            }
            at(ctx, a.line);
            BindingSyntax.Parsed binding = BindingSyntax.parse(name, dialect);
            if (binding != null) {
                v.bindings().add(new Binding(binding.event(), binding.capture(), binding.stops(), binding.mutated(),
                        handler(a, scope), ctx.unit.owner));
                continue;
            }
            Object value = JsValues.toData(a.compiled.eval(scope));
            if (name.startsWith("mark:")) {
                v.mark().put(name.substring(5), value);
                continue;
            }
            if (name.startsWith("model:")) {
                String target = name.substring(6);
                v.attrs().put(target, value);
                if (a.compiled.singleSource() != null) {
                    v.models().put(target, a.compiled.singleSource());
                } else {
                    warnAt(ctx, a.line, name + " needs a single data path such as \"{{value}}\"");
                }
                continue;
            }
            if (name.startsWith("data-")) {
                v.dataset().put(datasetName(name), value);
            }
            if (name.equals("class") && !ctx.unit.classMap.isEmpty() && value != null) {
                value = externalClasses(JsValues.toStr(value), ctx.unit.classMap);
            }
            v.attrs().put(name, value);
        }
        return v;
    }

    private static String externalClasses(String classes, Map<String, String> classMap) {
        StringBuilder sb = new StringBuilder();
        for (String c : classes.trim().split("\\s+")) {
            String replaced = classMap.containsKey(c) ? classMap.get(c).trim() : c;
            if (!replaced.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : " ").append(replaced);
            }
        }
        return sb.toString();
    }

    private static String handler(TNode.Attr a, Scope scope) {
        return JsValues.toText(a.compiled.eval(scope)).trim();
    }

    // ---- Scope.Env ---------------------------------------------------------------------------

    @Override
    public boolean recording(int depth) {
        Recorder top = recorders.peek();
        return top != null && depth <= maxBase();
    }

    private int maxBase() {
        int max = -1;
        for (Recorder r : recorders) {
            max = Math.max(max, r.base);
        }
        return max;
    }

    @Override
    public void recordRead(Scope.Read read, int depth) {
        for (Recorder r : recorders) {
            if (depth <= r.base) {
                r.reads.add(read);
                r.depths.add(depth);
            }
        }
    }

    @Override
    public Object call(ScriptModules.JsFunction fn, List<Object> args) {
        return scripts.call(fn, args, curFile, curLine);
    }

    @Override
    public void warn(String message) {
        report(Diagnostic.warning(curFile, curLine, message));
    }

    private void at(Ctx ctx, int line) {
        curFile = ctx.file.template.file();
        curLine = line;
    }

    private void warnAt(Ctx ctx, int line, String message) {
        report(Diagnostic.warning(ctx.file.template.file(), line, message));
    }

    private void report(Diagnostic d) {
        if (diagnostics.add(d)) {
            sink.accept(d);
        }
    }
}
