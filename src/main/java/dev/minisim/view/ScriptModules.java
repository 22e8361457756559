package dev.minisim.view;

import dev.minisim.runtime.modules.ModuleTransform;
import dev.minisim.runtime.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The WXS ({@code <wxs module src>} or inline, WeChat) and SJS ({@code <import-sjs name from>},
 * Alipay) modules of one page view. Each module a template names runs in its own context built by
 * {@link Sandbox#newContext()}, so it sees neither the page's JS world nor other modules' globals
 * (SPEC: isolated from the page's JS); the files it {@code require}s (or, SJS, {@code import}s)
 * load into the same context. WXS is CommonJS ({@code module.exports}); SJS is an ES module whose
 * {@code export default} is the module's value. Both get {@code getDate()} and {@code getRegExp()}.
 * Values cross as JSON-like Java data; functions as {@link JsFunction}.
 */
final class ScriptModules implements AutoCloseable {

    /** A function of a module, callable from an expression. */
    static final class JsFunction {
        final Value fn;
        final Value self;
        final Loaded owner;

        JsFunction(Value fn, Value self, Loaded owner) {
            this.fn = fn;
            this.self = self;
            this.owner = owner;
        }

        @Override
        public String toString() {
            return "[Function]";
        }
    }

    /** One module's context and its value as the template sees it. */
    static final class Loaded {
        final Context context;
        final String file;
        Object value = JsValues.UNDEFINED;
        /** Set when the module ran over its budget: later calls give undefined at once. */
        boolean stopped;
        private Value apply;
        private Value undefined;
        /** The context's own {@code JSON.parse}, taken before any module code runs. */
        private Value parse;
        /**
         * Template data already converted during this render pass, by identity: a template that
         * passes a month's cells to a helper for each cell gets one JS array, not one per cell.
         */
        private final Map<Object, Value> converted = new java.util.IdentityHashMap<>();

        /** {@code f.apply(self, args)}, compiled once per context. */
        Value apply() {
            if (apply == null) {
                apply = context.eval("js", "(function (f, t, a) { return f.apply(t, a); })");
            }
            return apply;
        }

        Value undefined() {
            if (undefined == null) {
                undefined = context.eval("js", "undefined");
            }
            return undefined;
        }

        Loaded(Context context, String file) {
            this.context = context;
            this.file = file;
        }
    }

    /** A problem loading or calling a module. */
    interface Problems {
        void report(String file, int line, String message);
    }

    private static final String PRELUDE = """
            (function (defs, resolved) {
              var g = globalThis;
              g.getDate = function () {
                var a = Array.prototype.slice.call(arguments);
                return new (Function.prototype.bind.apply(Date, [null].concat(a)))();
              };
              g.getRegExp = function (p, f) { return new RegExp(p, f); };
              var esm = {
                interop: function (m) { return m && m.__esModule ? m : { 'default': m }; },
                star: function (m) {
                  if (m && m.__esModule) return m;
                  var ns = {};
                  if (m != null && (typeof m === 'object' || typeof m === 'function')) {
                    Object.keys(m).forEach(function (k) { if (k !== 'default') ns[k] = m[k]; });
                  }
                  ns['default'] = m;
                  return ns;
                },
                named: function (f) { },
                bare: function (f) { return f; },
                define: function (e, getters) {
                  Object.keys(getters).forEach(function (k) {
                    Object.defineProperty(e, k, { enumerable: true, get: getters[k] });
                  });
                },
                reexport: function (e, m) {
                  Object.keys(m).forEach(function (k) {
                    if (k !== 'default' && !(k in e)) Object.defineProperty(e, k, { enumerable: true, get: function () { return m[k]; } });
                  });
                },
                meta: {},
                importer: function (req) { return function (s) { return Promise.resolve().then(function () { return req(s); }); }; }
              };
              var cache = {};
              function load(path) {
                if (cache[path]) return cache[path].exports;
                var m = { exports: {} };
                cache[path] = m;
                var req = function (spec) {
                  var target = resolved[path + '|' + spec];
                  if (target === undefined) throw new Error("cannot find module '" + spec + "' from " + path);
                  return load(target);
                };
                var dir = path.lastIndexOf('/') >= 0 ? path.substring(0, path.lastIndexOf('/')) : '';
                defs[path](m.exports, req, m, path, dir, esm);
                return m.exports;
              }
              return load;
            })""";
    private static final Pattern REQUIRE = Pattern.compile("require\\s*\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");
    private static final Pattern IMPORT_FROM = Pattern.compile("(?:import|export)\\s[^;'\"]*?from\\s*['\"]([^'\"]+)['\"]|import\\s*['\"]([^'\"]+)['\"]");

    /** How long one module call may run before it is stopped (an endless loop). */
    static final Duration BUDGET = Duration.ofSeconds(1);
    /** How long loading a module (its top-level code and requires) may run. */
    static final Duration LOAD_BUDGET = Duration.ofSeconds(3);
    /** One daemon thread for every view's modules: it interrupts a call that runs over its budget. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "minisim-wxs-watchdog");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    private final TemplateSource files;
    private final Problems problems;
    private final Map<String, Loaded> cache = new HashMap<>();

    ScriptModules(TemplateSource files, Problems problems) {
        this.files = files;
        this.problems = problems;
    }

    /** The module in file {@code path} (root-relative), loaded once per view. */
    Object load(String path, String fromFile, int line) {
        Loaded l = cache.get("file:" + path);
        if (l == null) {
            Optional<String> code = files.read(path);
            if (code.isEmpty()) {
                problems.report(fromFile, line, "module " + path + " not found");
                return JsValues.UNDEFINED;
            }
            l = start(path, code.get(), path);
            cache.put("file:" + path, l);
        }
        return l.value;
    }

    /** An inline {@code <wxs module>} written in {@code file} at {@code line}. */
    Object inline(String file, int line, String name, String code) {
        String key = "inline:" + file + ":" + line + ":" + name;
        Loaded l = cache.get(key);
        if (l == null) {
            // named after the template so that errors point into it; the code starts on its line
            l = start(file + "#" + name, "\n".repeat(Math.max(0, line - 1)) + code, file);
            cache.put(key, l);
        }
        return l.value;
    }

    private Loaded start(String path, String code, String reportFile) {
        Context context = Sandbox.newContext();
        Loaded l = new Loaded(context, reportFile);
        context.eval("js", "0"); // the realm's own start-up is not the module's time
        l.parse = context.eval("js", "JSON.parse");
        ScheduledFuture<?> watch = watch(context, LOAD_BUDGET);
        try {
            if (!path.endsWith(".sjs")) {
                context.eval(Source.newBuilder("js", WxsSource.PRELUDE, "minisim:wxs-constructor.js").buildLiteral());
            }
            Value defs = context.eval("js", "({})");
            Value resolved = context.eval("js", "({})");
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put(path, code);
            collect(path, code, sources, resolved);
            for (Map.Entry<String, String> e : sources.entrySet()) {
                String body = e.getKey().endsWith(".sjs") ? ModuleTransform.toCommonJs(e.getKey().replace(".sjs", ".js"), e.getValue())
                        : WxsSource.rewrite(e.getValue());
                Source s = Source.newBuilder("js", "(function (exports, require, module, __filename, __dirname, __esm) {"
                        + body + "\n})", e.getKey().contains("#") ? reportFile : e.getKey()).buildLiteral();
                defs.putMember(e.getKey(), context.eval(s));
            }
            Value loader = context.eval(Source.newBuilder("js", PRELUDE, "minisim:modules.js").buildLiteral())
                    .execute(defs, resolved);
            Value exports = loader.execute(path);
            if (path.endsWith(".sjs") && exports.hasMember("__esModule") && exports.hasMember("default")) {
                exports = exports.getMember("default");
            }
            l.value = toJava(exports, null, l, 0);
        } catch (PolyglotException e) {
            l.stopped = e.isInterrupted() || e.isCancelled();
            problems.report(reportFile, line(e), "module " + path + (l.stopped ? " ran over " + LOAD_BUDGET.toMillis()
                    + " ms while loading and was stopped" : " failed: " + e.getMessage()));
        } catch (ModuleTransform.SyntaxProblem e) {
            problems.report(reportFile, e.line(), "module " + path + ": " + e.getMessage());
        } catch (RuntimeException e) {
            problems.report(reportFile, 0, "module " + path + " failed: " + e.getMessage());
        } finally {
            watch.cancel(false);
        }
        return l;
    }

    /** Reads every module {@code code} requires, transitively, noting how each name resolves. */
    private void collect(String path, String code, Map<String, String> sources, Value resolved) {
        Set<String> specs = new LinkedHashSet<>();
        Matcher m = REQUIRE.matcher(code);
        while (m.find()) {
            specs.add(m.group(1));
        }
        if (path.endsWith(".sjs")) {
            Matcher i = IMPORT_FROM.matcher(code);
            while (i.find()) {
                specs.add(i.group(1) != null ? i.group(1) : i.group(2));
            }
        }
        for (String spec : specs) {
            String target = resolve(path, spec);
            if (target == null) {
                continue;
            }
            resolved.putMember(path + "|" + spec, target);
            if (!sources.containsKey(target)) {
                Optional<String> text = files.read(target);
                if (text.isPresent()) {
                    sources.put(target, text.get());
                    collect(target, text.get(), sources, resolved);
                }
            }
        }
    }

    private String resolve(String from, String spec) {
        String ext = from.endsWith(".sjs") ? ".sjs" : ".wxs";
        String base = TemplatePaths.resolve(from, spec);
        if (base == null) {
            return null;
        }
        if (files.read(base).isPresent()) {
            return base;
        }
        if (files.read(base + ext).isPresent()) {
            return base + ext;
        }
        return null;
    }

    /** Interrupts {@code context} if the work started now is still running after {@link #BUDGET}. */
    private static ScheduledFuture<?> watch(Context context, Duration budget) {
        return TIMER.schedule(() -> {
            try {
                context.interrupt(Duration.ofSeconds(5));
            } catch (TimeoutException | IllegalStateException e) {
                // it ended meanwhile, or the context is closing
            }
        }, budget.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The end of a render pass: data converted for module calls is converted again in the next
     * one (the same Java object is one JS value within a pass, as the view layer's data is one
     * object while it renders).
     */
    void endPass() {
        for (Loaded l : cache.values()) {
            l.converted.clear();
        }
    }

    /** Calls a module function with JSON-like arguments; a throw is reported and gives undefined. */
    Object call(JsFunction fn, List<Object> args, String file, int line) {
        Context c = fn.owner.context;
        if (fn.owner.stopped) {
            return JsValues.UNDEFINED;
        }
        ScheduledFuture<?> watch = watch(c, BUDGET);
        try {
            Object[] jsArgs = new Object[args.size()];
            for (int i = 0; i < jsArgs.length; i++) {
                jsArgs[i] = toJs(fn.owner, args.get(i));
            }
            Value result = fn.self == null ? fn.fn.execute(jsArgs)
                    : fn.owner.apply().execute(fn.fn, fn.self, toJs(c, java.util.Arrays.asList(jsArgs)));
            return toJava(result, null, fn.owner, 0);
        } catch (PolyglotException e) {
            if (e.isInterrupted() || e.isCancelled()) {
                fn.owner.stopped = true;
                problems.report(file, line, "a call into " + fn.owner.file + " ran over " + BUDGET.toMillis()
                        + " ms and was stopped (an endless loop?); the module's functions give undefined from now on");
            } else {
                problems.report(file, line, "a call into " + fn.owner.file + " threw: " + e.getMessage()
                        + (line(e) > 0 ? " (" + fn.owner.file + ":" + line(e) + ")" : ""));
            }
            return JsValues.UNDEFINED;
        } finally {
            watch.cancel(false);
        }
    }

    /** The line in the author's file where the error is (MiniSim's loader frames skipped). */
    private static int line(PolyglotException e) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame() && f.getSourceLocation() != null
                    && !f.getSourceLocation().getSource().getName().startsWith("minisim:")) {
                return f.getSourceLocation().getStartLine();
            }
        }
        return 0;
    }

    /**
     * Template data as a JS value of the module's context. Objects and arrays of plain data (the
     * usual argument: a list the template passes in) are written as JSON here and parsed there in
     * one call, the context's native JSON.parse; building them member by member through the
     * polyglot API cost a call per value, which a calendar's SJS calls per cell repeated for seconds.
     */
    private static Object toJs(Loaded owner, Object v) {
        if ((v instanceof Map<?, ?> || v instanceof List<?>) && owner.parse != null) {
            Value done = owner.converted.get(v);
            if (done != null) {
                return done;
            }
            StringBuilder json = new StringBuilder();
            if (PlainJson.write(v, json)) {
                Value js = owner.parse.execute(json.toString());
                owner.converted.put(v, js);
                return js;
            }
        }
        return toJs(owner.context, v);
    }

    private static Object toJs(Context c, Object v) {
        if (v == JsValues.UNDEFINED) {
            return c.eval("js", "undefined");
        }
        if (v instanceof Value) {
            return v;
        }
        if (v instanceof JsFunction f) {
            return f.fn;
        }
        if (v instanceof List<?> list) {
            Value arr = c.eval("js", "[]");
            for (int i = 0; i < list.size(); i++) {
                arr.setArrayElement(i, toJs(c, list.get(i)));
            }
            return arr;
        }
        if (v instanceof Map<?, ?> map) {
            Value obj = c.eval("js", "({})");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                obj.putMember(String.valueOf(e.getKey()), toJs(c, e.getValue()));
            }
            return obj;
        }
        if (v instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15
                    ? (Object) n.longValue() : n.doubleValue();
        }
        return v; // String, Boolean, null
    }

    /** Most values one conversion makes: an object graph with cycles or sharing ends here. */
    private static final int MAX_VALUES = 20_000;

    /**
     * A JS value as plain Java data. An object met again inside itself (a cycle) becomes null, and
     * the whole conversion stops after {@link #MAX_VALUES} values, so shared or cyclic graphs end.
     */
    static Object toJava(Value v, Value self, Loaded owner, int depth) {
        return toJava(v, self, owner, depth, new int[] {MAX_VALUES}, new ArrayList<>());
    }

    private static Object toJava(Value v, Value self, Loaded owner, int depth, int[] budget, List<Value> path) {
        if (--budget[0] < 0) {
            return null;
        }
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            // polyglot shows both null and undefined as isNull(); only undefined prints so
            return "undefined".equals(v.toString()) ? JsValues.UNDEFINED : null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            if (v.fitsInInt()) {
                return v.asInt();
            }
            if (v.fitsInLong()) {
                return v.asLong();
            }
            return v.asDouble();
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.canExecute()) {
            return new JsFunction(v, self, owner);
        }
        if (depth > 32) {
            return null;
        }
        for (Value seen : path) {
            if (seen.equals(v)) {
                return null; // a cycle: guest objects compare by identity
            }
        }
        path.add(v);
        try {
            return container(v, owner, depth, budget, path);
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private static Object container(Value v, Loaded owner, int depth, int[] budget, List<Value> path) {
        if (v.hasArrayElements()) {
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < v.getArraySize() && budget[0] > 0; i++) {
                list.add(JsValues.toData(toJava(v.getArrayElement(i), null, owner, depth + 1, budget, path)));
            }
            return list;
        }
        if (v.isDate() || v.isInstant()) {
            return v.toString();
        }
        if (v.hasMembers()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String k : v.getMemberKeys()) {
                if (budget[0] <= 0) {
                    break;
                }
                Object x = toJava(v.getMember(k), v, owner, depth + 1, budget, path);
                if (x != JsValues.UNDEFINED) {
                    map.put(k, x);
                }
            }
            return map;
        }
        return v.toString();
    }

    @Override
    public void close() {
        for (Loaded l : cache.values()) {
            try {
                l.context.close(true);
            } catch (RuntimeException ignored) {
                // a context already closed or cancelled: nothing left to free
            }
        }
        cache.clear();
    }
}
