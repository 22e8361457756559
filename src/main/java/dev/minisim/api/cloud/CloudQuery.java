package dev.minisim.api.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The cloud database's query and update operators ({@code db.command}), as the WeChat cloud SDK
 * documents them, over the in-memory collections of {@link Cloud}. A command arrives from cloud.js
 * as {@code {"$minisim.cmd": op, "arg": ...}}.
 *
 * <p>Queries: a plain value is equality (an array field matches when one of its elements is
 * equal); a nested object matches field by field; keys may be dotted paths ({@code "style.color"});
 * eq, neq, lt, lte, gt, gte, in, nin, exists, size, all, elemMatch, mod, not, regex (a JS RegExp or
 * {@code db.RegExp}), and, or, nor — chained ({@code _.gt(1).and(_.lt(5))}) or at the top of
 * {@code where()}.
 *
 * <p>Updates: a plain object in {@code update()} merges into the field (only the fields named
 * change), {@code _.set} replaces it; remove, inc, mul, min, max, rename, push (a value, an array,
 * or {@code {each, position, slice}}), pop, shift, unshift, addToSet, pull, pullAll.
 */
final class CloudQuery {

    static final String CMD = "$minisim.cmd";

    private CloudQuery() {
    }

    /** Thrown for a command the query cannot take (a bad regex, an unknown operator). */
    static final class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message);
        }
    }

    static boolean isCommand(JsonNode n) {
        return n != null && n.isObject() && n.has(CMD);
    }

    /** Whether {@code doc} satisfies {@code cond}: a where() object or a top-level logical command. */
    static boolean matches(JsonNode cond, JsonNode doc) {
        if (cond == null || cond.isNull() || cond.isMissingNode()) {
            return true;
        }
        if (isCommand(cond)) {
            return logical(cond, doc);
        }
        if (!cond.isObject()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cond.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!fieldMatches(resolve(doc, f.getKey()), f.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean logical(JsonNode cmd, JsonNode doc) {
        String op = cmd.get(CMD).asText();
        JsonNode arg = cmd.path("arg");
        return switch (op) {
            case "and" -> all(arg, c -> matches(c, doc));
            case "or" -> any(arg, c -> matches(c, doc));
            case "nor" -> !any(arg, c -> matches(c, doc));
            default -> throw new BadQuery("command." + op + " must name a field in where()");
        };
    }

    /** The value at a dotted path, or null when a step is missing. */
    static JsonNode resolve(JsonNode doc, String path) {
        JsonNode cur = doc;
        for (String step : path.split("\\.", -1)) {
            if (cur == null) {
                return null;
            }
            if (cur.isArray() && step.chars().allMatch(Character::isDigit) && !step.isEmpty()) {
                cur = cur.get(Integer.parseInt(step));
            } else if (cur.isObject()) {
                cur = cur.get(step);
            } else {
                return null;
            }
        }
        return cur;
    }

    private static boolean fieldMatches(JsonNode value, JsonNode cond) {
        if (isCommand(cond)) {
            return command(value, cond);
        }
        if (cond.isObject()) {
            // where({style: {color: 'red'}}) matches style.color, as the client SDK flattens it
            if (value == null || !value.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = cond.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!fieldMatches(resolve(value, f.getKey()), f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return equalOrContains(value, cond);
    }

    private static boolean command(JsonNode value, JsonNode cmd) {
        String op = cmd.get(CMD).asText();
        JsonNode arg = cmd.path("arg");
        return switch (op) {
            case "eq" -> arg.isObject() && !isCommand(arg) ? value != null && value.equals(arg) : equalOrContains(value, arg);
            case "neq" -> !equalOrContains(value, arg);
            case "lt" -> compared(value, arg, c -> c < 0);
            case "lte" -> compared(value, arg, c -> c <= 0);
            case "gt" -> compared(value, arg, c -> c > 0);
            case "gte" -> compared(value, arg, c -> c >= 0);
            case "in" -> any(arg, a -> equalOrContains(value, a));
            case "nin" -> !any(arg, a -> equalOrContains(value, a));
            case "exists" -> (value != null) == arg.asBoolean(true);
            case "size" -> value != null && value.isArray() && value.size() == arg.asInt(-1);
            case "all" -> value != null && value.isArray() && all(arg, a -> contains(value, a));
            case "elemMatch" -> value != null && value.isArray() && any(value, e -> fieldMatches(e, arg));
            case "mod" -> value != null && value.isNumber() && arg.path(0).asLong(0) != 0
                    && value.asLong() % arg.path(0).asLong() == arg.path(1).asLong();
            case "not" -> !fieldMatches(value, arg);
            case "regex" -> value != null && value.isTextual() && regex(arg).matcher(value.asText()).find();
            case "and" -> all(arg, c -> fieldMatches(value, c));
            case "or" -> any(arg, c -> fieldMatches(value, c));
            case "nor" -> !any(arg, c -> fieldMatches(value, c));
            default -> throw new BadQuery("command." + op + " cannot be used in where()");
        };
    }

    private static Pattern regex(JsonNode arg) {
        int flags = 0;
        String options = arg.path("options").asText("");
        if (options.contains("i")) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (options.contains("m")) {
            flags |= Pattern.MULTILINE;
        }
        if (options.contains("s")) {
            flags |= Pattern.DOTALL;
        }
        try {
            return Pattern.compile(arg.path("regexp").asText(""), flags);
        } catch (PatternSyntaxException e) {
            throw new BadQuery("invalid regexp " + arg.path("regexp").asText("") + ": " + e.getDescription());
        }
    }

    private static boolean equalOrContains(JsonNode value, JsonNode expected) {
        if (value == null || value.isNull()) {
            return expected == null || expected.isNull();
        }
        if (same(value, expected)) {
            return true;
        }
        return value.isArray() && contains(value, expected);
    }

    private static boolean contains(JsonNode array, JsonNode expected) {
        return any(array, e -> same(e, expected));
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        return a.equals(b);
    }

    private interface IntTest {
        boolean test(int c);
    }

    /** Numbers with numbers, strings with strings (ISO dates order as dates); other pairs never match. */
    private static boolean compared(JsonNode value, JsonNode arg, IntTest test) {
        if (value == null) {
            return false;
        }
        if (value.isArray()) {
            return any(value, e -> compared(e, arg, test));
        }
        if (value.isNumber() && arg.isNumber()) {
            return test.test(Double.compare(value.asDouble(), arg.asDouble()));
        }
        if (value.isTextual() && arg.isTextual()) {
            return test.test(Integer.signum(value.asText().compareTo(arg.asText())));
        }
        if (value.has("$date") && arg.has("$date")) {
            return test.test(Double.compare(value.get("$date").asDouble(), arg.get("$date").asDouble()));
        }
        return false;
    }

    private interface NodeTest {
        boolean test(JsonNode n);
    }

    private static boolean any(JsonNode arr, NodeTest t) {
        for (JsonNode n : arr) {
            if (t.test(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(JsonNode arr, NodeTest t) {
        for (JsonNode n : arr) {
            if (!t.test(n)) {
                return false;
            }
        }
        return true;
    }

    /** Applies update()'s data to a document: plain objects merge, commands operate, values replace. */
    static void update(ObjectNode doc, JsonNode data) {
        if (data == null || !data.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("_id")) {
                continue;
            }
            apply(doc, f.getKey(), f.getValue());
        }
    }

    /** The data of add() and set(): its commands applied to an empty document. */
    static ObjectNode fresh(JsonNode data) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        update(d, data);
        return d;
    }

    private static void apply(ObjectNode doc, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot > 0) {
            String head = path.substring(0, dot);
            JsonNode child = doc.get(head);
            if (child == null || !child.isObject()) {
                child = doc.putObject(head);
            }
            apply((ObjectNode) child, path.substring(dot + 1), value);
            return;
        }
        if (isCommand(value)) {
            operate(doc, path, value.get(CMD).asText(), value.path("arg"));
        } else if (value.isObject()) {
            JsonNode child = doc.get(path);
            if (child == null || !child.isObject()) {
                child = doc.putObject(path);
            }
            update((ObjectNode) child, value);
        } else {
            doc.set(path, value.deepCopy());
        }
    }

    private static void operate(ObjectNode doc, String field, String op, JsonNode arg) {
        JsonNode cur = doc.get(field);
        switch (op) {
            case "set" -> doc.set(field, plain(arg));
            case "remove" -> doc.remove(field);
            case "inc", "mul" -> {
                if (cur != null && !cur.isNumber()) {
                    throw new BadQuery("command." + op + " on field " + field + ", which is not a number");
                }
                double base = cur == null ? 0 : cur.asDouble();
                double r = op.equals("inc") ? base + arg.asDouble() : base * arg.asDouble();
                putNumber(doc, field, r, cur, arg);
            }
            case "min", "max" -> {
                if (cur == null || (cur.isNumber() && arg.isNumber()
                        && (op.equals("min") ? arg.asDouble() < cur.asDouble() : arg.asDouble() > cur.asDouble()))) {
                    doc.set(field, arg.deepCopy());
                }
            }
            case "rename" -> {
                if (cur != null) {
                    doc.remove(field);
                    doc.set(arg.asText(), cur);
                }
            }
            case "push", "unshift", "addToSet" -> {
                ArrayNode arr = array(doc, field, op);
                List<JsonNode> items = new ArrayList<>();
                JsonNode each = arg.isObject() && arg.has("each") ? arg.get("each") : arg;
                if (each.isArray()) {
                    each.forEach(items::add);
                } else {
                    items.add(each);
                }
                if (op.equals("addToSet")) {
                    for (JsonNode i : items) {
                        if (!contains(arr, i)) {
                            arr.add(i.deepCopy());
                        }
                    }
                } else if (op.equals("unshift")) {
                    for (int i = items.size() - 1; i >= 0; i--) {
                        arr.insert(0, items.get(i).deepCopy());
                    }
                } else {
                    int at = arg.isObject() && arg.has("position") ? arg.get("position").asInt() : arr.size();
                    at = at < 0 ? Math.max(0, arr.size() + at) : Math.min(at, arr.size());
                    for (JsonNode i : items) {
                        arr.insert(at++, i.deepCopy());
                    }
                    if (arg.isObject() && arg.has("slice")) {
                        slice(arr, arg.get("slice").asInt());
                    }
                }
            }
            case "pop", "shift" -> {
                if (cur != null && cur.isArray() && !cur.isEmpty()) {
                    ((ArrayNode) cur).remove(op.equals("pop") ? cur.size() - 1 : 0);
                }
            }
            case "pull", "pullAll" -> {
                if (cur != null && cur.isArray()) {
                    ArrayNode arr = (ArrayNode) cur;
                    for (int i = arr.size() - 1; i >= 0; i--) {
                        JsonNode e = arr.get(i);
                        boolean gone = op.equals("pullAll") ? contains(arg, e)
                                : isCommand(arg) || arg.isObject() ? fieldMatches(e, arg) : same(e, arg);
                        if (gone) {
                            arr.remove(i);
                        }
                    }
                }
            }
            default -> throw new BadQuery("command." + op + " cannot be used in an update");
        }
    }

    private static void slice(ArrayNode arr, int n) {
        if (n >= 0) {
            while (arr.size() > n) {
                arr.remove(arr.size() - 1);
            }
        } else {
            while (arr.size() > -n) {
                arr.remove(0);
            }
        }
    }

    private static ArrayNode array(ObjectNode doc, String field, String op) {
        JsonNode cur = doc.get(field);
        if (cur == null) {
            return doc.putArray(field);
        }
        if (!cur.isArray()) {
            throw new BadQuery("command." + op + " on field " + field + ", which is not an array");
        }
        return (ArrayNode) cur;
    }

    private static void putNumber(ObjectNode doc, String field, double r, JsonNode cur, JsonNode arg) {
        boolean integral = (cur == null || cur.isIntegralNumber()) && arg.isIntegralNumber()
                && r == Math.rint(r) && Math.abs(r) < 9.007199254740992E15;
        if (integral) {
            doc.put(field, (long) r);
        } else {
            doc.put(field, r);
        }
    }

    /** _.set's value: its object stored as given (commands inside it are not run). */
    private static JsonNode plain(JsonNode arg) {
        return arg.deepCopy();
    }

    /** field({a: true}) keeps a and _id; field({a: false}) drops a. */
    static JsonNode project(ObjectNode doc, JsonNode field) {
        if (field == null || !field.isObject() || field.isEmpty()) {
            return doc;
        }
        boolean include = false;
        for (JsonNode v : field) {
            include |= v.asBoolean();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (include) {
            if (doc.has("_id") && !(field.has("_id") && !field.get("_id").asBoolean())) {
                out.set("_id", doc.get("_id"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = field.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().asBoolean() && doc.has(f.getKey())) {
                    out.set(f.getKey(), doc.get(f.getKey()));
                }
            }
        } else {
            out.setAll(doc);
            field.fieldNames().forEachRemaining(out::remove);
        }
        return out;
    }
}
