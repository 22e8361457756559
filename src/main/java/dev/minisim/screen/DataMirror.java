package dev.minisim.screen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An owner's render data kept on the Java side: the keys a {@code setData} applied (path keys
 * such as {@code a.b[0].c}) set on it as the JS world's {@code setPath} sets them on
 * {@code this.data}, so a re-render need not read the owner's whole data out of the JS world
 * again.
 *
 * <p>Copy-on-write: the maps and lists along a changed path are new objects, everything else is
 * shared with the data before. The renderer's reuse of a {@code wx:for} item compares the values
 * the item read with the new ones, so a container changed in place would look unchanged and a
 * stale row would stay on screen.
 *
 * <p>Where the JSON the mirror holds cannot tell what {@code setPath} does (a path through a value
 * that may be a Date or other non-plain object in JS, {@code length} of an array, {@code __proto__},
 * an empty path, a huge index), {@link #apply} gives up and the caller reads the whole data again.
 */
final class DataMirror {

    /** framework.js parsePath: a name between dots/brackets, or a bracketed index. */
    private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");
    /** An array index as JS orders an object's keys: "0" or no leading zero, below 2^32 - 1. */
    private static final Pattern INDEX = Pattern.compile("0|[1-9]\\d{0,9}");
    /** More holes than this in one set is not mirrored (JS arrays are sparse; these lists are not). */
    private static final int MAX_GROWTH = 100_000;

    private DataMirror() {
    }

    /**
     * {@code root} with every key of {@code applied} set, in order; empty when one of them cannot
     * be mirrored faithfully. {@code root} itself is not changed.
     */
    static Optional<Map<String, Object>> apply(Map<String, Object> root, Map<String, Object> applied) {
        Map<String, Object> out = root;
        for (Map.Entry<String, Object> e : applied.entrySet()) {
            List<Object> parts = parts(e.getKey());
            if (parts == null) {
                return Optional.empty();
            }
            Object next = set(out, parts, 0, e.getValue());
            if (!(next instanceof Map<?, ?>)) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) next;
            out = m;
        }
        return Optional.of(out);
    }

    /** The top-level key a path key changes, or null when it cannot be mirrored. */
    static String topKey(String path) {
        List<Object> parts = parts(path);
        return parts == null ? null : String.valueOf(parts.get(0));
    }

    /** The path's parts (String names, Integer bracketed indexes); null when not mirrorable. */
    private static List<Object> parts(String path) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PART.matcher(path);
        while (m.find()) {
            if (m.group(2) != null) {
                String digits = m.group(2).replaceFirst("^0+(?=\\d)", "");
                if (digits.length() > 9) {
                    return null;   // Number() of it is no small index
                }
                parts.add(Integer.parseInt(digits));
            } else if (m.group(1).equals("__proto__")) {
                return null;
            } else {
                parts.add(m.group(1));
            }
        }
        // no parts: setPath sets this.data[undefined]
        return parts.isEmpty() ? null : parts;
    }

    /** A copy of {@code container} with parts[i..] set to value; null when not mirrorable. */
    private static Object set(Object container, List<Object> parts, int i, Object value) {
        Object key = parts.get(i);
        boolean last = i == parts.size() - 1;
        if (container instanceof Map<?, ?> raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) raw;
            String name = String.valueOf(key);
            Object v = last ? value : child(map.get(name), parts.get(i + 1), parts, i + 1, value);
            if (v == NOT_MIRRORED) {
                return null;
            }
            return put(map, name, v);
        }
        if (container instanceof List<?> raw) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) raw;
            int index = index(key);
            if (index < 0 || index > list.size() + MAX_GROWTH) {
                return null;   // length, a named property of an array, or a huge hole
            }
            Object v = last ? value : child(index < list.size() ? list.get(index) : null, parts.get(i + 1), parts, i + 1, value);
            if (v == NOT_MIRRORED) {
                return null;
            }
            List<Object> copy = new ArrayList<>(Math.max(list.size(), index + 1));
            copy.addAll(list);
            while (copy.size() <= index) {
                copy.add(null);   // a hole reads as null in JSON
            }
            copy.set(index, v);
            return copy;
        }
        return null;
    }

    private static final Object NOT_MIRRORED = new Object();

    /**
     * The value at the next level with the rest of the path set: setPath makes a new object, or an
     * array when the next part is bracketed, where the value is null or no object.
     */
    private static Object child(Object current, Object nextKey, List<Object> parts, int i, Object value) {
        Object base;
        if (current instanceof Map<?, ?> || current instanceof List<?>) {
            base = current;
        } else if (current == null) {
            base = nextKey instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
        } else {
            // a string or number here may be a Date, a boxed value or an object with toJSON in JS,
            // which setPath would keep and change: only the whole data can tell
            return NOT_MIRRORED;
        }
        Object out = set(base, parts, i, value);
        return out == null ? NOT_MIRRORED : out;
    }

    /** The array index a part names, or -1 (JS: a bracketed number or a canonical index string). */
    private static int index(Object key) {
        if (key instanceof Integer n) {
            return n;
        }
        String s = (String) key;
        return s.length() <= 9 && INDEX.matcher(s).matches() ? Integer.parseInt(s) : -1;
    }

    /**
     * A copy of map with name set. A new key goes last, except that JS lists an object's
     * array-index keys first, in ascending order, and the JSON the whole data is read from keeps
     * that order.
     */
    private static Map<String, Object> put(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy;
        if (map.containsKey(name) || !isIndexKey(name)) {
            copy = new LinkedHashMap<>(map);
            copy.put(name, value);
            return copy;
        }
        long n = Long.parseLong(name);
        copy = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (!placed && (!isIndexKey(e.getKey()) || Long.parseLong(e.getKey()) > n)) {
                copy.put(name, value);
                placed = true;
            }
            copy.put(e.getKey(), e.getValue());
        }
        if (!placed) {
            copy.put(name, value);
        }
        return copy;
    }

    private static boolean isIndexKey(String s) {
        return INDEX.matcher(s).matches() && Long.parseLong(s) < 4_294_967_295L;
    }
}
