package dev.minisim.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every JSAPI MiniSim implements, by name, shared by {@code my} and {@code wx} unless registered
 * for one namespace, and the namespace a page sees ({@link #surface}): exactly the client's names
 * ({@link ApiNames}). A name the client has and MiniSim does not implement is still there, as a
 * function that fails with "not supported in the simulator" (see {@link #UNSUPPORTED}), so a page
 * that calls it keeps running; an implemented name the client lacks on that namespace is absent.
 */
public final class ApiRegistry {

    /** What a name on {@code my}/{@code wx} is. */
    public enum Kind { ASYNC, SYNC, OBJECT, FACTORY, LISTENER, VALUE, NONE }

    /** wx.onThemeChange(fn), wx.offNetworkStatusChange(fn), ...: listeners of app-wide events. */
    private static final java.util.regex.Pattern LISTENER = java.util.regex.Pattern.compile("^(on|off)[A-Z]\\w*$");

    /** Names of APIs that return an object (a query, a context, a manager) rather than take callbacks. */
    private static final java.util.regex.Pattern FACTORY =
            java.util.regex.Pattern.compile("^(create[A-Z]\\w*|get\\w*(Manager|Context))$");

    public static final String UNSUPPORTED = "not supported in the simulator";

    // names that code probes on any object and that must stay undefined (await, JSON, module interop)
    private static final Set<String> NOT_API = Set.of("then", "toJSON", "constructor", "valueOf", "toString",
            "default", "__esModule", "prototype", "length", "name", "nodeType", "$$typeof", "inspect",
            "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__proto__");

    private record Entry(Kind kind, JsApi async, SyncApi sync, String onlyNs, Supplier<Object> value) {
        Entry(Kind kind, JsApi async, SyncApi sync, String onlyNs) {
            this(kind, async, sync, onlyNs, null);
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final ApiNames names;

    /** A registry whose namespaces hold the bundled typings' names. */
    public ApiRegistry() {
        this(ApiNames.bundled());
    }

    public ApiRegistry(ApiNames names) {
        this.names = names;
    }

    public ApiRegistry async(String name, JsApi api) {
        entries.put(name, new Entry(Kind.ASYNC, api, null, null));
        return this;
    }

    public ApiRegistry async(String ns, String name, JsApi api) {
        entries.put(ns + "." + name, new Entry(Kind.ASYNC, api, null, ns));
        return this;
    }

    public ApiRegistry sync(String name, SyncApi api) {
        entries.put(name, new Entry(Kind.SYNC, null, api, null));
        return this;
    }

    /** A name whose value is a JS object the bootstrap builds (wx.cloud, wx.env). */
    public ApiRegistry object(String ns, String name) {
        entries.put(ns + "." + name, new Entry(Kind.OBJECT, null, null, ns));
        return this;
    }

    /**
     * A name whose value is plain data (JSON-able) rather than a function: {@code my.SDKVersion},
     * {@code wx.env}; read when the namespace is built.
     */
    public ApiRegistry value(String ns, String name, Supplier<Object> value) {
        entries.put(ns + "." + name, new Entry(Kind.VALUE, null, null, ns, value));
        return this;
    }

    /** Whether the client has {@code name} on {@code ns}, implemented or not (what canIUse asks). */
    public boolean exists(String ns, String name) {
        return names.has(ns, name);
    }

    /**
     * Namespace {@code ns} as the bootstrap builds it: each of the client's names and what it is
     * here, {@code "async"}, {@code "sync"}, {@code "object"} (an object the bootstrap builds),
     * {@code "factory"} or {@code "listener"}, or {@code {"value": v}} for data, or
     * {@code {"members": {name: kind}}} for an object of the client MiniSim does not implement.
     */
    public Map<String, Object> surface(String ns) {
        Map<String, Object> out = new LinkedHashMap<>();
        names.of(ns).forEach((name, declared) -> out.put(name, surfaceOf(ns, name, declared)));
        return out;
    }

    /**
     * What one name of namespace {@code ns} is, as in {@link #surface}, or null when the client
     * has no such name: the bootstrap asks name by name, when a page first touches one (a warm run
     * touches a handful of the ~290; issue #11).
     */
    public Object surfaceOf(String ns, String name) {
        String declared = names.of(ns).get(name);
        return declared == null ? null : surfaceOf(ns, name, declared);
    }

    private Object surfaceOf(String ns, String name, String declared) {
        Entry e = entry(ns, name);
        if (e != null && e.kind == Kind.VALUE) {
            return valueOf(e.value.get());
        } else if (e != null) {
            return e.kind.name().toLowerCase();
        } else if (declared.equals("object")) {
            Map<String, Object> members = new LinkedHashMap<>();
            names.members(ns, name).forEach((m, k) -> members.put(m, k.equals("object") ? valueOf(Map.of())
                    : unimplemented(m, k)));
            return Map.of("members", members);
        }
        return unimplemented(name, declared);
    }

    /**
     * The names of namespace {@code ns} whose value is an object the bootstrap builds
     * ({@code "object"} in {@link #surface}), in the client's order.
     */
    public List<String> objectNames(String ns) {
        List<String> out = new ArrayList<>();
        names.of(ns).forEach((name, declared) -> {
            Entry e = entry(ns, name);
            if (e != null && e.kind == Kind.OBJECT) {
                out.add(name);
            }
        });
        return out;
    }

    private static Map<String, Object> valueOf(Object v) {
        Map<String, Object> m = new HashMap<>();
        m.put("value", v);
        return m;
    }

    /** What an API the typings declare and MiniSim lacks is: a function of its shape, or a default. */
    private static Object unimplemented(String name, String declared) {
        switch (declared) {
            case "async":
                return "async";
            case "sync":
                // on/off listeners and factories are sync in the typings; they get their own stand-ins
                return FACTORY.matcher(name).matches() ? "factory" : LISTENER.matcher(name).matches() ? "listener" : "sync";
            case "string":
                return valueOf("");
            case "number":
                return valueOf(0);
            case "boolean":
                return valueOf(false);
            default:
                return valueOf(Map.of());
        }
    }

    private Entry entry(String ns, String name) {
        Entry e = entries.get(ns + "." + name);
        return e != null ? e : entries.get(name);
    }

    public Kind kind(String ns, String name) {
        Entry e = entry(ns, name);
        if (e != null) {
            return e.kind;
        }
        if (NOT_API.contains(name) || name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            return Kind.NONE;
        }
        if (FACTORY.matcher(name).matches()) {
            return Kind.FACTORY;
        }
        if (LISTENER.matcher(name).matches()) {
            return Kind.LISTENER;
        }
        return name.endsWith("Sync") ? Kind.SYNC : Kind.ASYNC;
    }

    public boolean implemented(String ns, String name) {
        return entry(ns, name) != null;
    }

    /** The async implementation, or null when the name is not implemented (as a callback API). */
    public JsApi async(String ns, String name) {
        Entry e = entries.get(ns + "." + name);
        if (e != null && e.async != null) {
            return e.async;
        }
        e = entries.get(name);
        return e == null ? null : e.async;
    }

    /** The sync implementation; a namespace's object of the same name does not hide it. */
    public SyncApi sync(String ns, String name) {
        Entry e = entries.get(ns + "." + name);
        if (e != null && e.sync != null) {
            return e.sync;
        }
        e = entries.get(name);
        return e == null ? null : e.sync;
    }
}
