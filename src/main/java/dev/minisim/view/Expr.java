package dev.minisim.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code {{ }}} expression. Evaluation never throws: a path through null or undefined
 * gives undefined, and a call of anything but a WXS/SJS module function gives undefined with a
 * warning (SPEC "Pages on screen").
 */
sealed interface Expr {

    Object eval(Scope scope);

    record Literal(Object value) implements Expr {
        @Override
        public Object eval(Scope scope) {
            return value;
        }
    }

    /**
     * A variable and the members read from it ({@code a.b[i].c}); keys are expressions
     * ({@code .b} is the literal "b"). Recorded as one read for incremental re-rendering.
     */
    record Path(String root, List<Expr> keys) implements Expr {
        @Override
        public Object eval(Scope scope) {
            Scope.Found found = scope.resolve(root);
            Object v = found.value();
            boolean record = scope.env().recording(found.depth());
            List<Object> keyValues = record ? new ArrayList<>(keys.size()) : null;
            for (Expr k : keys) {
                Object key = k.eval(scope);
                if (record) {
                    keyValues.add(key);
                }
                v = member(v, key);
            }
            if (record) {
                scope.env().recordRead(new Scope.Read(root, keyValues, v), found.depth());
            }
            return v;
        }
    }

    /** A member of any other value ({@code (a || b).c}, {@code [1,2][0]}). */
    record Member(Expr object, Expr key) implements Expr {
        @Override
        public Object eval(Scope scope) {
            return member(object.eval(scope), key.eval(scope));
        }
    }

    record Call(Expr callee, List<Expr> args, String text) implements Expr {
        @Override
        public Object eval(Scope scope) {
            Object f = callee.eval(scope);
            List<Object> values = new ArrayList<>(args.size());
            for (Expr a : args) {
                values.add(a.eval(scope));
            }
            if (f instanceof ScriptModules.JsFunction fn) {
                return scope.env().call(fn, values);
            }
            if (callee instanceof Path p && scope.isModule(p.root())) {
                scope.env().warn(text + " calls module " + p.root() + ", which did not load or has no such function"
                        + " (it renders empty)");
            } else {
                scope.env().warn("only functions of WXS/SJS modules can be called, not " + text + " (it renders empty)");
            }
            return JsValues.UNDEFINED;
        }
    }

    /** A template string: text and {@code ${expr}} parts, each part as JS {@code String()} shows it. */
    record TemplateLit(List<Object> parts) implements Expr {
        @Override
        public Object eval(Scope scope) {
            StringBuilder sb = new StringBuilder();
            for (Object p : parts) {
                sb.append(p instanceof Expr e ? JsValues.toStr(e.eval(scope)) : (String) p);
            }
            return sb.toString();
        }
    }

    record Unary(String op, Expr operand) implements Expr {
        @Override
        public Object eval(Scope scope) {
            Object v = operand.eval(scope);
            return switch (op) {
                case "!" -> !JsValues.truthy(v);
                case "-" -> JsValues.number(-JsValues.toNumber(v));
                case "+" -> JsValues.number(JsValues.toNumber(v));
                case "typeof" -> JsValues.typeOf(v);
                default -> JsValues.UNDEFINED;
            };
        }
    }

    record Binary(String op, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Scope scope) {
            Object l = left.eval(scope);
            switch (op) {
                case "&&":
                    return JsValues.truthy(l) ? right.eval(scope) : l;
                case "||":
                    return JsValues.truthy(l) ? l : right.eval(scope);
                case "??":
                    return JsValues.isNullish(l) ? right.eval(scope) : l;
                default:
                    break;
            }
            Object r = right.eval(scope);
            return switch (op) {
                case "+" -> JsValues.add(l, r);
                case "-" -> JsValues.number(JsValues.toNumber(l) - JsValues.toNumber(r));
                case "*" -> JsValues.number(JsValues.toNumber(l) * JsValues.toNumber(r));
                case "/" -> JsValues.number(JsValues.toNumber(l) / JsValues.toNumber(r));
                case "%" -> JsValues.number(JsValues.toNumber(l) % JsValues.toNumber(r));
                case "==" -> JsValues.looseEquals(l, r);
                case "!=" -> !JsValues.looseEquals(l, r);
                case "===" -> JsValues.strictEquals(l, r);
                case "!==" -> !JsValues.strictEquals(l, r);
                case "<" -> Boolean.TRUE.equals(JsValues.less(l, r));
                case ">" -> Boolean.TRUE.equals(JsValues.less(r, l));
                case "<=" -> Boolean.FALSE.equals(JsValues.less(r, l));
                case ">=" -> Boolean.FALSE.equals(JsValues.less(l, r));
                default -> JsValues.UNDEFINED;
            };
        }
    }

    record Conditional(Expr test, Expr then, Expr otherwise) implements Expr {
        @Override
        public Object eval(Scope scope) {
            return JsValues.truthy(test.eval(scope)) ? then.eval(scope) : otherwise.eval(scope);
        }
    }

    /** An element of an array literal or an entry of an object literal; spread when {@code key} is null in objects. */
    record Entry(Expr key, Expr value, boolean spread) {
    }

    record ArrayLit(List<Entry> items) implements Expr {
        @Override
        public Object eval(Scope scope) {
            List<Object> out = new ArrayList<>();
            for (Entry e : items) {
                Object v = e.value().eval(scope);
                if (e.spread()) {
                    if (v instanceof List<?> l) {
                        out.addAll(l);
                    } else if (v instanceof String s) {
                        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
                    }
                } else {
                    out.add(JsValues.toData(v));
                }
            }
            return out;
        }
    }

    /** {@code {a, b: 1, ...o}}: later keys win, spread of null/undefined adds nothing. */
    record ObjectLit(List<Entry> entries) implements Expr {
        @Override
        public Object eval(Scope scope) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Entry e : entries) {
                Object v = e.value().eval(scope);
                if (e.spread()) {
                    if (v instanceof Map<?, ?> m) {
                        for (Map.Entry<?, ?> me : m.entrySet()) {
                            out.remove(String.valueOf(me.getKey()));
                            out.put(String.valueOf(me.getKey()), me.getValue());
                        }
                    } else if (v instanceof List<?> l) {
                        for (int i = 0; i < l.size(); i++) {
                            out.put(String.valueOf(i), l.get(i));
                        }
                    }
                } else {
                    String key = JsValues.toStr(e.key().eval(scope));
                    out.remove(key);
                    if (v != JsValues.UNDEFINED) {
                        out.put(key, v);
                    }
                }
            }
            return out;
        }
    }

    /** JS member access over plain data: null-safe, {@code length} of lists and strings. */
    static Object member(Object obj, Object key) {
        if (JsValues.isNullish(obj)) {
            return JsValues.UNDEFINED;
        }
        if (obj instanceof Map<?, ?> m) {
            String k = key instanceof String s ? s : JsValues.toStr(key);
            Object v = m.get(k);
            return v == null && !m.containsKey(k) ? JsValues.UNDEFINED : v;
        }
        if (obj instanceof List<?> l) {
            if ("length".equals(key)) {
                return l.size();
            }
            int i = index(key);
            return i >= 0 && i < l.size() ? l.get(i) : JsValues.UNDEFINED;
        }
        if (obj instanceof String s) {
            if ("length".equals(key)) {
                return s.length();
            }
            int i = index(key);
            return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : JsValues.UNDEFINED;
        }
        return JsValues.UNDEFINED;
    }

    private static int index(Object key) {
        if (key instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && d >= 0 && d < Integer.MAX_VALUE ? (int) d : -1;
        }
        if (key instanceof String s && !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        return -1;
    }
}
