package dev.minisim.program;

import dev.minisim.runtime.ModuleFiles;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A navigation URL taken apart: the route (root-relative, no leading slash, no extension) and
 * its query. Relative URLs resolve against the current page's folder, as both clients do. Query
 * values reach onLoad as they appear in the URL, not decoded (the clients do not decode them).
 */
public record PageUrl(String route, Map<String, String> query, String queryString) {

    public static PageUrl parse(String url, String currentRoute) throws NavigationException {
        if (url == null || url.isBlank()) {
            throw new NavigationException("url is required");
        }
        String path = url.trim();
        String qs = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            qs = path.substring(q + 1);
            path = path.substring(0, q);
        }
        int hash = qs.indexOf('#');
        if (hash >= 0) {
            qs = qs.substring(0, hash);
        }
        String resolved;
        if (path.startsWith("/")) {
            resolved = normalize("", path.substring(1));
        } else {
            String dir = currentRoute == null || currentRoute.lastIndexOf('/') < 0
                    ? "" : currentRoute.substring(0, currentRoute.lastIndexOf('/'));
            resolved = normalize(dir, path);
        }
        if (resolved == null) {
            throw new NavigationException("url \"" + url + "\" climbs above the mini-program root");
        }
        resolved = resolved.replaceAll("\\.(html|js|wxml|axml)$", "");
        return new PageUrl(resolved, parseQuery(qs), qs);
    }

    public static Map<String, String> parseQuery(String qs) {
        Map<String, String> query = new LinkedHashMap<>();
        if (qs == null || qs.isEmpty()) {
            return query;
        }
        for (String pair : qs.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return query;
    }

    private static String normalize(String dir, String rel) {
        return ModuleFiles.join(dir, rel);
    }
}
