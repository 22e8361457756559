package dev.minisim.view;

import java.util.List;
import java.util.Map;

/**
 * The names an expression sees: local frames ({@code wx:for} item and index) over a root frame
 * (the page's or component's data, or a template's {@code data}, plus the file's WXS/SJS modules).
 * Frames have depths so that a {@code wx:for} item can tell reads of its own inputs from reads of
 * names defined inside it.
 */
final class Scope {

    /** A resolved name and the depth of the frame that holds it (the root's depth when unresolved). */
    record Found(Object value, int depth) {
    }

    /** One data read: a name, the member keys read from it, the value found. */
    record Read(String root, List<Object> keys, Object value) {
    }

    /** What evaluation needs from the render pass. */
    interface Env {
        /** Whether a read from a frame at {@code depth} is an input of a subtree being recorded. */
        boolean recording(int depth);

        void recordRead(Read read, int depth);

        Object call(ScriptModules.JsFunction fn, List<Object> args);

        /** A problem at the element being rendered. */
        void warn(String message);
    }

    private final Scope parent;
    private final String name1;
    private final Object value1;
    private final String name2;
    private final Object value2;
    private final Object data;
    private final Map<String, Object> modules;
    private final int depth;
    private final Env env;

    private Scope(Scope parent, String name1, Object value1, String name2, Object value2,
                  Object data, Map<String, Object> modules, int depth, Env env) {
        this.parent = parent;
        this.name1 = name1;
        this.value1 = value1;
        this.name2 = name2;
        this.value2 = value2;
        this.data = data;
        this.modules = modules;
        this.depth = depth;
        this.env = env;
    }

    /** A root frame: {@code data} (a Map; anything else sees nothing) and the modules of its file. */
    static Scope root(Env env, Object data, Map<String, Object> modules, int depth) {
        return new Scope(null, null, null, null, null, data, modules, depth, env);
    }

    /** A frame with one or two local names (name2 may be null). */
    Scope child(String name1, Object value1, String name2, Object value2) {
        return new Scope(this, name1, value1, name2, value2, null, null, depth + 1, env);
    }

    int depth() {
        return depth;
    }

    Env env() {
        return env;
    }

    Found resolve(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.parent == null) {
                if (s.modules != null && s.modules.containsKey(name)) {
                    return new Found(s.modules.get(name), s.depth);
                }
                if (s.data instanceof Map<?, ?> m) {
                    Object v = m.get(name);
                    return new Found(v == null && !m.containsKey(name) ? JsValues.UNDEFINED : v, s.depth);
                }
                return new Found(JsValues.UNDEFINED, s.depth);
            }
            if (name.equals(s.name1)) {
                return new Found(s.value1, s.depth);
            }
            if (name.equals(s.name2)) {
                return new Found(s.value2, s.depth);
            }
        }
        return new Found(JsValues.UNDEFINED, 0);
    }

    /** Whether {@code name} is one of the file's WXS/SJS modules (and no local name hides it). */
    boolean isModule(String name) {
        Scope s = this;
        while (s.parent != null) {
            if (name.equals(s.name1) || name.equals(s.name2)) {
                return false;
            }
            s = s.parent;
        }
        return s.modules != null && s.modules.containsKey(name);
    }

    /** Whether {@code read} would read the same value in this scope now. */
    boolean unchanged(Read read) {
        Object v = resolve(read.root()).value();
        for (Object key : read.keys()) {
            v = Expr.member(v, key);
        }
        // a function reads as "[Function]" whichever function it is: one may have replaced it
        // (Renderer.functionReference hands functions to components), so it is never the same
        return JsValues.same(v, read.value()) && !"[Function]".equals(v);
    }
}
