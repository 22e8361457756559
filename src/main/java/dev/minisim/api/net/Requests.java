package dev.minisim.api.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.JsApi;
import dev.minisim.runtime.EventLoop;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * my.request, my.httpRequest and wx.request, answered from the mock routes the user configured
 * (a scenario's "requests", or a mocks file): matched by method (default GET) and URL, where a
 * mock URL without a query string matches that URL with any query. No real network, unless the
 * user allowed the request's host. A request no mock answers fails as a network error would, and
 * is in the transcript with a warning saying which mock is missing.
 *
 * <p>Results: {@code wx} succeeds for any HTTP status ({@code {data, statusCode, header}});
 * {@code my} succeeds for 2xx ({@code {data, status, headers}}) and fails with 19 (HTTP error)
 * otherwise; a network error is 12, a timeout 13.
 */
public final class Requests implements JsApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A real request's time limit when the page gives none (WeChat's default is 60 s). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final ApiEnv env;
    private HttpClient http;

    public Requests(ApiEnv env) {
        this.env = env;
    }

    /** A mock route and its answer. */
    record Mock(String method, String url, int status, JsonNode data, JsonNode headers, long delay, String error) {
        static Mock of(JsonNode n) {
            return new Mock(n.path("method").asText("GET").toUpperCase(Locale.ROOT), n.path("url").asText(),
                    n.path("status").asInt(200), n.path("data"), n.path("headers"), n.path("delay").asLong(0),
                    n.hasNonNull("error") ? n.get("error").asText() : null);
        }

        boolean matches(String m, String u) {
            if (!method.equals(m)) {
                return false;
            }
            return url.equals(u) || !url.contains("?") && (u.startsWith(url + "?") || u.startsWith(url + "#"));
        }
    }

    @Override
    public void invoke(ApiCall call) {
        JsonNode args = call.args();
        if (!args.path("url").isTextual() || args.path("url").asText().isBlank()) {
            call.fail(2, "parameter error: url (String) is required");
            return;
        }
        String url = args.path("url").asText();
        String method = args.path("method").asText("GET").toUpperCase(Locale.ROOT);
        Optional<Mock> mock = env.config().mocks().stream()
                .filter(n -> n.has("url"))
                .map(Mock::of)
                .filter(m -> m.matches(method, url))
                .findFirst();
        if (mock.isPresent()) {
            Mock m = mock.get();
            Runnable reply = () -> answer(call, method, url, m.status(), m.data(), m.headers(), m.error(), true);
            if (m.delay() > 0) {
                env.loop().schedule(m.delay(), reply);
            } else {
                env.loop().post(reply);
            }
            return;
        }
        String host = hostOf(url);
        if (host != null && env.config().allowedHosts().contains(host)) {
            real(call, method, url, args);
            return;
        }
        env.warning("no mock answers " + method + " " + url + "; add {\"url\": \"" + stripQuery(url) + "\""
                + (method.equals("GET") ? "" : ", \"method\": \"" + method + "\"")
                + ", \"data\": ...} to the scenario's \"requests\" (or allow the host with --allow-host " + host + ")");
        env.loop().post(() -> answer(call, method, url, 0, null, null, "no mock", false));
    }

    private void answer(ApiCall call, String method, String url, int status, JsonNode data, JsonNode headers,
                        String error, boolean mocked) {
        env.events().emit("request", "method", method, "url", url, "status", error == null ? status : null,
                "error", error, "mock", mocked, "page", call.page());
        if (error != null) {
            boolean timeout = error.equalsIgnoreCase("timeout");
            if (call.isWx()) {
                call.fail(null, timeout ? "timeout" : "network error (" + error + ")");
            } else {
                call.fail(timeout ? 13 : 12, timeout ? "timeout" : "network error (" + error + ")");
            }
            return;
        }
        Object body = data == null || data.isMissingNode() ? "" : JSON.convertValue(data, Object.class);
        Map<String, Object> head = new LinkedHashMap<>();
        if (headers != null && headers.isObject()) {
            headers.fields().forEachRemaining(e -> head.put(e.getKey(), e.getValue().asText()));
        }
        head.putIfAbsent("Content-Type", body instanceof String ? "text/plain" : "application/json");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("data", body);
        if (call.isWx()) {
            p.put("statusCode", status);
            p.put("header", head);
            p.put("cookies", java.util.List.of());
            call.ok(p);
        } else if (status >= 200 && status < 300) {
            p.put("status", status);
            p.put("headers", head);
            call.ok(p);
        } else {
            p.put("status", status);
            p.put("headers", head);
            call.fail(19, "http status error " + status, p);
        }
    }

    /**
     * A real request to a host the user allowed. It runs on the HTTP client's threads, never on the
     * loop's (the page's scripts, its timers and the watchdog's budget go on meanwhile); its answer
     * comes back as a loop task. The loop counts it as outstanding work, so a headless run waits
     * for it (see {@link EventLoop#expectExternal}); the wait ends at the request's timeout (its
     * {@code timeout} argument in ms, else {@link #DEFAULT_TIMEOUT}) at the latest.
     */
    private void real(ApiCall call, String method, String url, JsonNode args) {
        Duration timeout = args.path("timeout").canConvertToLong() && args.path("timeout").asLong() > 0
                ? Duration.ofMillis(args.path("timeout").asLong()) : DEFAULT_TIMEOUT;
        HttpRequest request;
        try {
            request = request(method, url, args, timeout);
        } catch (IllegalArgumentException e) {
            env.loop().post(() -> answer(call, method, url, 0, null, null, messageOf(e), false));
            return;
        }
        EventLoop.External waiting = env.loop().expectExternal();
        client().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                // the client's own timeout covers the wait for headers; this one the whole exchange
                .orTimeout(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)
                .whenComplete((res, failure) -> {
                    if (failure != null) {
                        String error = isTimeout(failure) ? "timeout" : messageOf(unwrap(failure));
                        waiting.complete(() -> answer(call, method, url, 0, null, null, error, false));
                        return;
                    }
                    JsonNode parsed;
                    try {
                        parsed = JSON.readTree(res.body());
                    } catch (IOException e) {
                        parsed = JSON.getNodeFactory().textNode(res.body());
                    }
                    ObjectNode headers = JSON.createObjectNode();
                    res.headers().map().forEach((k, v) -> headers.put(k, String.join(",", v)));
                    JsonNode data = parsed;
                    waiting.complete(() -> answer(call, method, url, res.statusCode(), data, headers, null, false));
                });
    }

    private HttpClient client() {
        synchronized (this) {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
            }
            return http;
        }
    }

    private static HttpRequest request(String method, String url, JsonNode args, Duration timeout) {
        JsonNode data = args.path("data");
        HttpRequest.BodyPublisher body = data.isMissingNode() || data.isNull() || method.equals("GET")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(data.isTextual() ? data.asText() : data.toString());
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).method(method, body);
        JsonNode h = args.has("header") ? args.path("header") : args.path("headers");
        h.fields().forEachRemaining(e -> req.header(e.getKey(), e.getValue().asText()));
        return req.build();
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static boolean isTimeout(Throwable t) {
        Throwable u = unwrap(t);
        return u instanceof HttpTimeoutException || u instanceof TimeoutException;
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
