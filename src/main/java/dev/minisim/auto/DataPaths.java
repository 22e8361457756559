package dev.minisim.auto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Page and component data as the SDK reads it: the whole data, or the value at a path ({@code list[0].name}). */
final class DataPaths {

    private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private DataPaths() {
    }

    static JsonNode parse(String json) {
        try {
            return json == null ? NullNode.getInstance() : Protocol.JSON.readTree(json);
        } catch (Exception e) {
            return NullNode.getInstance();
        }
    }

    /** The value at {@code path} ("" or absent: all of it); null where the path leads nowhere. */
    static JsonNode at(JsonNode data, String path) {
        if (path == null || path.isEmpty()) {
            return data;
        }
        JsonNode at = data;
        Matcher m = PART.matcher(path);
        while (m.find() && at != null) {
            at = m.group(2) != null ? at.get(Integer.parseInt(m.group(2))) : at.get(m.group(1));
        }
        return at == null ? NullNode.getInstance() : at;
    }
}
