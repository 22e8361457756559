package dev.minisim.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every JSAPI MiniSim implements, by name, shared by {@code my} and {@code wx} unless registered
 * for one namespace. Any other name of the API's shape is still a function: it fails with "not
 * supported in the simulator" (see {@link #UNSUPPORTED}), so a page that calls it keeps running.
 */
public final class ApiRegistry {

    /** What a name on {@code my}/{@code wx} is. */
    public enum Kind { ASYNC, SYNC, OBJECT, FACTORY, LISTENER, NONE }

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

    private record Entry(Kind kind, JsApi async, SyncApi sync, String onlyNs) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

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
