package dev.minisim.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** JSON across the JS boundary: what Java hands the script, and what the script hands back. */
final class Json {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Json() {
    }

    /** {@code value} as JSON, for the script. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** JSON from the script as a tree, for the JSAPIs; a null node when it is not JSON. */
    static JsonNode tree(String json) {
        try {
            return json == null ? NullNode.getInstance() : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return NullNode.getInstance();
        }
    }

    /** JSON from the script as plain maps, lists and values, for events; null when it is not JSON. */
    static Object plain(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
