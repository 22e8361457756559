package dev.minisim.paint;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network files a painted page may have (fonts on a CDN, network images), as the user lets
 * requests have them: a mock of the scenario's {@code requests} for the URL ({@code GET},
 * matched as {@code wx.request}'s mocks are: the URL, or without a query any query) answers with
 * the mini-program file its {@code file} names or the {@code data:} URL its {@code data} holds;
 * a host allowed with {@code --allow-host} is asked over the real network (one GET, 10 s, 4 MB at
 * most). Anything else is never fetched. Each URL is asked once per simulation.
 */
public final class UserNetwork {

    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<JsonNode> mocks;
    private final Set<String> allowedHosts;
    private final PaintFiles folder;
    private final Map<String, Optional<byte[]>> cache = new HashMap<>();
    private HttpClient http;

    /**
     * @param mocks        the scenario's {@code requests}
     * @param allowedHosts the hosts allowed with {@code --allow-host}
     * @param folder       the mini-program's files (a mock's {@code file})
     */
    public UserNetwork(List<JsonNode> mocks, Set<String> allowedHosts, PaintFiles folder) {
        this.mocks = List.copyOf(mocks);
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.folder = folder;
    }

    /** The bytes at {@code url}, when a mock or an allowed host gives them. */
    public synchronized Optional<byte[]> get(String url) {
        return cache.computeIfAbsent(url, this::fetch);
    }

    private Optional<byte[]> fetch(String url) {
        for (JsonNode m : mocks) {
            if (m.path("url").isTextual() && m.path("method").asText("GET").equalsIgnoreCase("GET") && matches(m.path("url").asText(), url)) {
                if (m.hasNonNull("error")) {
                    return Optional.empty();
                }
                if (m.path("file").isTextual()) {
                    String file = m.path("file").asText().replaceFirst("^/+", "");
                    return folder.bytes(file).filter(b -> b.length <= MAX_BYTES);
                }
                String data = m.path("data").asText("");
                int comma = data.indexOf(',');
                if (data.startsWith("data:") && comma > 0 && data.substring(0, comma).endsWith(";base64")) {
                    try {
                        return Optional.of(Base64.getDecoder().decode(data.substring(comma + 1).trim()));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                }
                return Optional.empty();
            }
        }
        String host = host(url);
        if (host == null || !allowedHosts.contains(host)) {
            return Optional.empty();
        }
        try {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
            }
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() / 100 == 2 && r.body().length <= MAX_BYTES ? Optional.of(r.body()) : Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean matches(String mock, String url) {
        return mock.equals(url) || !mock.contains("?") && (url.startsWith(mock + "?") || url.startsWith(mock + "#"));
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
