package dev.minisim.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One asynchronous JSAPI call in flight. An API finishes it exactly once with {@link #ok} or one of
 * the fail methods; the namespace's result convention (errMsg for {@code wx}, error/errorMessage
 * for {@code my}) is applied here, so an API reads like the table in its seed.
 */
public final class ApiCall {

    /** How a finished call reaches the script: ok and the payload. */
    public record Outcome(boolean ok, Map<String, Object> payload) {
    }

    private final int id;
    private final String ns;
    private final String api;
    private final JsonNode args;
    private final String page;
    private final String source;
    private final Consumer<Outcome> settle;
    private boolean done;

    public ApiCall(int id, String ns, String api, JsonNode args, String page, String source, Consumer<Outcome> settle) {
        this.id = id;
        this.ns = ns;
        this.api = api;
        this.args = args;
        this.page = page;
        this.source = source;
        this.settle = settle;
    }

    /** The call's number on the JS side (pending callbacks, a navigateTo's channel). */
    public int id() {
        return id;
    }

    /** file:line of the script's call, or null. */
    public String source() {
        return source;
    }

    public String ns() {
        return ns;
    }

    public String api() {
        return api;
    }

    public boolean isWx() {
        return ns.equals("wx");
    }

    /** The arguments as the script passed them (functions as "[Function]"); never null. */
    public JsonNode args() {
        return args;
    }

    /** Route of the page that made the call, or null for app code. */
    public String page() {
        return page;
    }

    public boolean done() {
        return done;
    }

    /** Success; the namespace's convention is added ({@code errMsg: "api:ok"} for wx). */
    public void ok(Map<String, Object> payload) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (isWx()) {
            p.put("errMsg", api + ":ok");
        }
        p.putAll(payload);
        finish(new Outcome(true, p));
    }

    /**
     * Failure with the platform's payload: {@code {errMsg: "api:fail reason"}} for wx,
     * {@code {error, errorMessage}} for my.
     */
    public void fail(Object errorCode, String message) {
        fail(errorCode, message, Map.of());
    }

    public void fail(Object errorCode, String message, Map<String, Object> more) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (isWx()) {
            p.put("errMsg", api + ":fail " + message);
        } else {
            p.put("error", errorCode);
            p.put("errorMessage", message);
        }
        p.putAll(more);
        finish(new Outcome(false, p));
    }

    /** Failure with a payload the API builds whole (signContract's {error, errMessage}). */
    public void failWith(Map<String, Object> payload) {
        finish(new Outcome(false, new LinkedHashMap<>(payload)));
    }

    private void finish(Outcome outcome) {
        if (done) {
            throw new IllegalStateException(ns + "." + api + " finished twice");
        }
        done = true;
        settle.accept(outcome);
    }

    /** The prompt this call opens: shown over {@link #page()}, opened at {@link #source()}. */
    public dev.minisim.user.Prompt prompt(String kind, Map<String, Object> shown, boolean coversPage) {
        return new dev.minisim.user.Prompt(kind, api(), page(), source(), shown, coversPage);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A value as JSON text (WeChat's rawData). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
