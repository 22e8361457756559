package dev.minisim.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the transcript: what happened, when (simulated milliseconds since launch) and in
 * which order. The fields are plain JSON-able Java values (maps, lists, strings, numbers, booleans).
 */
public record Event(long seq, long t, String type, Map<String, Object> fields) {

    public Event {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String str(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    /** The event as the transcript writes it: seq, t, type first, then the fields. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("t", t);
        m.put("type", type);
        m.putAll(fields);
        return m;
    }
}
