package dev.minisim.scenario;

import dev.minisim.screen.Target;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.BadInputException;
import dev.minisim.program.MiniProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file and checks it whole before anything runs, so a typo is a clear message
 * with the file and line (exit 2), not a half-played run.
 */
public final class ScenarioParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_KEYS =
            Set.of("page", "query", "profile", "decisions", "requests", "steps", "seed", "user", "device",
                    "jumpToTimeout", "now", "description", "comment", "$schema");
    private static final Set<String> STEP_KINDS = Set.of("call", "tap", "input", "change", "see", "notSee", "wait", "back", "tab", "expect");
    private static final Set<String> STEP_EXTRA = Set.of("args", "times", "comment", "value");
    /** Which extra keys each step kind takes (besides "comment"), as docs/scenario.schema.json says. */
    private static final Map<String, Set<String>> EXTRA_OF = Map.of("call", Set.of("args"), "input", Set.of("value"),
            "change", Set.of("value"), "expect", Set.of("times"));

    private ScenarioParser() {
    }

    public static Scenario read(Path file) throws BadInputException {
        return read(file, false);
    }

    /**
     * A folder's {@code minisim.json}: a scenario's configuration keys plus {@code platform},
     * which {@link dev.minisim.program.MiniProgram} reads (it decides the namespace before any run).
     */
    public static Scenario readFolderConfig(Path file) throws BadInputException {
        return read(file, true);
    }

    private static Scenario read(Path file, boolean folderConfig) throws BadInputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString(), folderConfig);
    }

    public static Scenario parse(String text, String shown) throws BadInputException {
        return parse(text, shown, false);
    }

    private static Scenario parse(String text, String shown, boolean folderConfig) throws BadInputException {
        JsonNode root = MiniProgram.parseJson(text, shown);
        if (!root.isObject()) {
            throw BadInputException.at(shown, 1, "a scenario must be a JSON object");
        }
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equals("platform") && !folderConfig) {
                throw BadInputException.at(shown, lineOfKey(text, key), "\"platform\" belongs in the folder's "
                        + "minisim.json (the namespace exists before any scenario runs)");
            }
            // "decide": the folder's standing policies per prompt kind, as --decide gives them (read by the commands)
            if (!TOP_KEYS.contains(key) && !(folderConfig && (key.equals("platform") || key.equals("decide")))) {
                throw BadInputException.at(shown, lineOfKey(text, key), "unknown key \"" + key
                        + "\"; a scenario has page, query, profile, decisions, requests, steps, seed, user, device, jumpToTimeout, now");
            }
        }
        String page = null;
        Map<String, String> query = new LinkedHashMap<>();
        JsonNode p = root.get("page");
        if (p != null) {
            if (!p.isTextual() || p.asText().isBlank()) {
                throw BadInputException.at(shown, lineOfKey(text, "page"), "\"page\" must be a page route such as \"pages/index/index\"");
            }
            page = p.asText();
        }
        JsonNode q = root.get("query");
        if (q != null) {
            if (!q.isObject()) {
                throw BadInputException.at(shown, lineOfKey(text, "query"), "\"query\" must be an object of strings");
            }
            q.fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().isTextual()
                    ? e.getValue().asText() : e.getValue().toString()));
        }
        String profile = null;
        JsonNode pr = root.get("profile");
        if (pr != null) {
            if (!pr.isTextual()) {
                throw BadInputException.at(shown, lineOfKey(text, "profile"), "\"profile\" must be a profile name");
            }
            profile = pr.asText();
        }
        Map<String, List<JsonNode>> decisions = new LinkedHashMap<>();
        JsonNode d = root.get("decisions");
        if (d != null) {
            if (!d.isObject()) {
                throw BadInputException.at(shown, lineOfKey(text, "decisions"),
                        "\"decisions\" must map a prompt kind to a list of answers, e.g. {\"getAuthCode\": [\"allow\"]}");
            }
            for (var it = d.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!Scenario.PROMPT_KINDS.contains(e.getKey())) {
                    throw BadInputException.at(shown, lineOfKey(text, e.getKey()), "unknown prompt kind \""
                            + e.getKey() + "\" in decisions; the kinds are " + String.join(", ", Scenario.PROMPT_KINDS));
                }
                List<JsonNode> answers = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(answers::add);
                } else {
                    answers.add(e.getValue());
                }
                if (answers.isEmpty()) {
                    throw BadInputException.at(shown, lineOfKey(text, e.getKey()),
                            "decisions for \"" + e.getKey() + "\" is empty; give at least one answer");
                }
                decisions.put(e.getKey(), List.copyOf(answers));
            }
        }
        List<JsonNode> requests = new ArrayList<>();
        JsonNode r = root.get("requests");
        if (r != null) {
            if (!r.isArray()) {
                throw BadInputException.at(shown, lineOfKey(text, "requests"), "\"requests\" must be a list of mock answers");
            }
            for (JsonNode mock : r) {
                if (!mock.isObject() || !(mock.path("url").isTextual() || mock.path("callFunction").isTextual()
                        || mock.path("collection").isTextual())) {
                    throw BadInputException.at(shown, lineOfKey(text, "requests"), "each mock in \"requests\" needs a "
                            + "\"url\" (a request), \"callFunction\" (a cloud function) or \"collection\" (cloud data), found " + mock);
                }
                requests.add(mock);
            }
        }
        List<Step> steps = new ArrayList<>();
        JsonNode s = root.get("steps");
        if (s != null) {
            if (!s.isArray()) {
                throw BadInputException.at(shown, lineOfKey(text, "steps"), "\"steps\" must be a list");
            }
            List<Integer> lines = stepLines(text);
            int i = 0;
            for (JsonNode step : s) {
                int line = i < lines.size() ? lines.get(i) : 0;
                steps.add(step(step, ++i, line, shown));
            }
        }
        Long seed = null;
        JsonNode sd = root.get("seed");
        if (sd != null) {
            if (!sd.canConvertToLong()) {
                throw BadInputException.at(shown, lineOfKey(text, "seed"), "\"seed\" must be a whole number");
            }
            seed = sd.asLong();
        }
        ObjectNode user = objectOrNull(root, "user", text, shown, "the user's profile, e.g. {\"nickName\": \"小明\", \"avatar\": \"https://...\"}");
        ObjectNode device = objectOrNull(root, "device", text, shown, "device fields to override, e.g. {\"model\": \"iPhone 15\"}");
        Long jumpToTimeout = null;
        JsonNode jt = root.get("jumpToTimeout");
        if (jt != null) {
            if (!jt.canConvertToLong() || jt.asLong() < 0) {
                throw BadInputException.at(shown, lineOfKey(text, "jumpToTimeout"),
                        "\"jumpToTimeout\" must be milliseconds of simulated time");
            }
            jumpToTimeout = jt.asLong();
        }
        Long now = null;
        JsonNode nw = root.get("now");
        if (nw != null) {
            now = parseNow(nw.asText(""));
            if (now == null) {
                throw BadInputException.at(shown, lineOfKey(text, "now"), "\"now\" must be a date-time such as "
                        + "\"2026-11-22T10:00:00+08:00\" (Date.now() at launch)");
            }
        }
        return new Scenario(shown, page, Map.copyOf(query), profile, decisions, List.copyOf(requests), List.copyOf(steps),
                seed, user, device, jumpToTimeout, now);
    }

    /** An ISO-8601 date-time with offset (or an instant) as epoch ms, or null. */
    public static Long parseNow(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.Instant.parse(text).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static ObjectNode objectOrNull(JsonNode root, String key, String text, String shown, String what)
            throws BadInputException {
        JsonNode n = root.get(key);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            throw BadInputException.at(shown, lineOfKey(text, key), "\"" + key + "\" must be an object: " + what);
        }
        return (ObjectNode) n;
    }

    private static Step step(JsonNode node, int index, int line, String shown) throws BadInputException {
        String where = "step " + index;
        if (!node.isObject()) {
            throw BadInputException.at(shown, line, where + " must be an object such as {\"call\": \"onTap\"}");
        }
        String kind = null;
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (STEP_KINDS.contains(key)) {
                if (kind != null) {
                    throw BadInputException.at(shown, line, where + " has both \"" + kind + "\" and \"" + key + "\"; one kind per step");
                }
                kind = key;
            } else if (!STEP_EXTRA.contains(key)) {
                throw BadInputException.at(shown, line, where + ": unknown step kind \"" + key
                        + "\"; a step is one of call, tap, input, change, see, notSee, wait, back, expect");
            }
        }
        if (kind == null) {
            throw BadInputException.at(shown, line, where + " has no kind; a step is one of call, tap, input, change, see, notSee, wait, back, expect");
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (STEP_EXTRA.contains(key) && !key.equals("comment") && !EXTRA_OF.getOrDefault(kind, Set.of()).contains(key)) {
                throw BadInputException.at(shown, line, where + ": \"" + key + "\" does not go with \"" + kind + "\" ("
                        + (key.equals("args") ? "call" : key.equals("times") ? "expect" : "input and change") + " take it)");
            }
        }
        JsonNode v = node.get(kind);
        switch (kind) {
            case "call" -> {
                if (!v.isTextual() || v.asText().isBlank()) {
                    throw BadInputException.at(shown, line, where + ": \"call\" must name a method of the page");
                }
                JsonNode args = node.path("args");
                if (!args.isMissingNode() && !args.isArray()) {
                    throw BadInputException.at(shown, line, where + ": \"args\" must be a list");
                }
                List<Object> list = new ArrayList<>();
                args.forEach(a -> list.add(JSON.convertValue(a, Object.class)));
                return new Step.Call(index, line, node, v.asText(), list);
            }
            case "tap", "input", "change", "see", "notSee" -> {
                Target target = target(v, shown, line, where + ": \"" + kind + "\"");
                JsonNode value = node.get("value");
                return switch (kind) {
                    case "tap" -> new Step.Tap(index, line, node, target);
                    case "input" -> {
                        if (value == null || !(value.isTextual() || value.isNumber())) {
                            throw BadInputException.at(shown, line, where + ": \"input\" needs a \"value\", the text typed");
                        }
                        yield new Step.Input(index, line, node, target, value.asText());
                    }
                    case "change" -> {
                        if (value == null) {
                            throw BadInputException.at(shown, line, where + ": \"change\" needs a \"value\", the detail.value the element reports");
                        }
                        yield new Step.Change(index, line, node, target, JSON.convertValue(value, Object.class));
                    }
                    default -> new Step.See(index, line, node, target, kind.equals("see"));
                };
            }
            case "wait" -> {
                if (!v.isNumber() || v.asDouble() < 0) {
                    throw BadInputException.at(shown, line, where + ": \"wait\" must be a number of milliseconds");
                }
                return new Step.Wait(index, line, node, v.asLong());
            }
            case "tab" -> {
                if (v.isInt() && v.asInt() >= 0) {
                    return new Step.Tab(index, line, node, v.asInt(), null);
                }
                if (v.isTextual() && !v.asText().isBlank()) {
                    return new Step.Tab(index, line, node, null, v.asText());
                }
                throw BadInputException.at(shown, line, where + ": \"tab\" must be a tab's index (0 or more) or its text");
            }
            case "back" -> {
                if (!v.isInt() || v.asInt() < 1) {
                    throw BadInputException.at(shown, line, where + ": \"back\" must be a number of pages, 1 or more");
                }
                return new Step.Back(index, line, node, v.asInt());
            }
            default -> {
                if (!v.isObject() || v.isEmpty()) {
                    throw BadInputException.at(shown, line, where
                            + ": \"expect\" must be an object of event fields, e.g. {\"type\": \"callback\", \"callback\": \"success\"}");
                }
                JsonNode times = node.get("times");
                if (times != null && (!times.isInt() || times.asInt() < 0)) {
                    throw BadInputException.at(shown, line, where + ": \"times\" must be a count, 0 or more");
                }
                return new Step.Expect(index, line, node, v, times == null ? null : times.asInt());
            }
        }
    }

    /** A TARGET: a selector string, or {"selector": S, "text": T, "index": N} with any of the three. */
    private static Target target(JsonNode v, String shown, int line, String where) throws BadInputException {
        if (v.isTextual() && !v.asText().isBlank()) {
            return new Target(v.asText().trim(), null, 0);
        }
        if (v.isObject()) {
            for (var it = v.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!Set.of("selector", "text", "index").contains(k)) {
                    throw BadInputException.at(shown, line, where + " has an unknown key \"" + k + "\"; a target has selector, text and index");
                }
            }
            JsonNode sel = v.get("selector");
            JsonNode text = v.get("text");
            JsonNode idx = v.get("index");
            if (sel != null && (!sel.isTextual() || sel.asText().isBlank())) {
                throw BadInputException.at(shown, line, where + ": \"selector\" must be a selector such as \"#sign-button\"");
            }
            if (text != null && !text.isTextual()) {
                throw BadInputException.at(shown, line, where + ": \"text\" must be a string");
            }
            if (idx != null && (!idx.isInt() || idx.asInt() < 0)) {
                throw BadInputException.at(shown, line, where + ": \"index\" must be a whole number, 0 or more");
            }
            if (sel == null && text == null) {
                throw BadInputException.at(shown, line, where + " needs a \"selector\" or a \"text\"");
            }
            return new Target(sel == null ? null : sel.asText().trim(), text == null ? null : text.asText(),
                    idx == null ? 0 : idx.asInt());
        }
        throw BadInputException.at(shown, line, where + " must be a selector such as \"#sign-button\" or "
                + "{\"selector\": \"button\", \"text\": \"授权\", \"index\": 0}");
    }

    /** The line each element of the top-level "steps" array starts on. */
    private static List<Integer> stepLines(String text) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("steps") && t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                        lines.add(p.currentTokenLocation().getLineNr());
                        p.skipChildren();
                    }
                    return lines;
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // the text already parsed once; a second failure only costs the line numbers
        }
        return lines;
    }

    private static int lineOfKey(String text, String key) {
        int i = text.indexOf('"' + key + '"');
        if (i < 0) {
            return 0;
        }
        int line = 1;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
