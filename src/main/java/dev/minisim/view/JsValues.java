package dev.minisim.view;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JavaScript's value semantics over plain Java data (Map, List, String, Number, Boolean, null and
 * {@link #UNDEFINED}): truthiness, {@code +}, {@code ==}/{@code ===}, comparison, {@code typeof},
 * and {@code String(x)} (a number 1.0 shows as "1", as JS's {@code String(1)} does).
 */
final class JsValues {

    /** JavaScript's undefined, distinct from null inside the engine (null is JSON null). */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private JsValues() {
    }

    static boolean isNullish(Object v) {
        return v == null || v == UNDEFINED;
    }

    static boolean truthy(Object v) {
        if (isNullish(v)) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    static String typeOf(Object v) {
        if (v == UNDEFINED) {
            return "undefined";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof ScriptModules.JsFunction) {
            return "function";
        }
        return "object";
    }

    /** JS {@code String(v)}. */
    static String toStr(Object v) {
        if (v == UNDEFINED) {
            return "undefined";
        }
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Number n) {
            return numberToString(n);
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object o = list.get(i);
                if (!isNullish(o)) {
                    sb.append(toStr(o));
                }
            }
            return sb.toString();
        }
        if (v instanceof ScriptModules.JsFunction) {
            return "function () { [native code] }";
        }
        return "[object Object]";
    }

    /** Text as the page shows it: undefined and null as '' (glass-easel's rule), the rest as String(v). */
    static String toText(Object v) {
        return isNullish(v) ? "" : toStr(v);
    }

    static String numberToString(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        String s = Double.toString(d); // 1.0E21
        int e = s.indexOf('E');
        String mant = s.substring(0, e);
        String exp = s.substring(e + 1);
        if (mant.endsWith(".0")) {
            mant = mant.substring(0, mant.length() - 2);
        }
        return mant + "e" + (exp.startsWith("-") ? exp : "+" + exp);
    }

    static double toNumber(Object v) {
        if (v == UNDEFINED) {
            return Double.NaN;
        }
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            String t = s.strip();
            if (t.isEmpty()) {
                return 0;
            }
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    return Long.parseLong(t.substring(2), 16);
                }
                if (t.equals("Infinity") || t.equals("+Infinity")) {
                    return Double.POSITIVE_INFINITY;
                }
                if (t.equals("-Infinity")) {
                    return Double.NEGATIVE_INFINITY;
                }
                if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    return Double.NaN;
                }
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        if (v instanceof List<?>) {
            return toNumber(toStr(v));
        }
        return Double.NaN;
    }

    /** A number result as data keeps it: integral values in int range as Integer (as Jackson reads them). */
    static Number number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) <= Integer.MAX_VALUE
                && !(d == 0 && 1 / d < 0)) {
            return (int) d;
        }
        return d;
    }

    static Object add(Object a, Object b) {
        Object pa = toPrimitive(a);
        Object pb = toPrimitive(b);
        if (pa instanceof String || pb instanceof String) {
            return toStr(pa) + toStr(pb);
        }
        return number(toNumber(pa) + toNumber(pb));
    }

    private static Object toPrimitive(Object v) {
        return v instanceof List<?> || v instanceof Map<?, ?> || v instanceof ScriptModules.JsFunction ? toStr(v) : v;
    }

    static boolean strictEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a == b) {
            return true;
        }
        if (a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        return false;
    }

    static boolean looseEquals(Object a, Object b) {
        if (isNullish(a) || isNullish(b)) {
            return isNullish(a) && isNullish(b);
        }
        if (typeOf(a).equals(typeOf(b))) {
            return strictEquals(a, b);
        }
        if (a instanceof Boolean) {
            return looseEquals(toNumber(a), b);
        }
        if (b instanceof Boolean) {
            return looseEquals(a, toNumber(b));
        }
        boolean objA = "object".equals(typeOf(a));
        boolean objB = "object".equals(typeOf(b));
        if (objA) {
            return looseEquals(toPrimitive(a), b);
        }
        if (objB) {
            return looseEquals(a, toPrimitive(b));
        }
        // number and string
        return toNumber(a) == toNumber(b);
    }

    /** {@code a < b} (and the others through it): strings by code units, else as numbers; NaN is never less. */
    static Boolean less(Object a, Object b) {
        Object pa = toPrimitive(a);
        Object pb = toPrimitive(b);
        if (pa instanceof String x && pb instanceof String y) {
            return x.compareTo(y) < 0;
        }
        double x = toNumber(pa);
        double y = toNumber(pb);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return null;
        }
        return x < y;
    }

    /** Equality for "did this input change": deep for data, numbers by value. */
    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue() || (Double.isNaN(x.doubleValue()) && Double.isNaN(y.doubleValue()));
        }
        return a != null && a.equals(b);
    }

    /** The value as a data value leaving the engine: undefined becomes null. */
    static Object toData(Object v) {
        return v == UNDEFINED ? null : v;
    }
}
