package dev.minisim.program;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mini-program folder as its author wrote it: where its root is ({@code mini.project.json} or
 * {@code project.config.json}'s {@code miniprogramRoot}), and what {@code app.json} declares.
 */
public final class MiniProgram {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final Path root;
    private final JsonNode appJson;
    private final List<String> pages;
    private final Set<String> tabPages;
    private final Map<String, JsonNode> plugins;
    private final FolderPlatform.Detected platform;

    private MiniProgram(Path folder, Path root, JsonNode appJson, List<String> pages, Set<String> tabPages,
                        Map<String, JsonNode> plugins, FolderPlatform.Detected platform) {
        this.folder = folder;
        this.platform = platform;
        this.root = root;
        this.appJson = appJson;
        this.pages = pages;
        this.tabPages = tabPages;
        this.plugins = plugins;
    }

    /** Reads the folder; a user-facing {@link BadInputException} when it is not a mini-program. */
    public static MiniProgram load(Path folder) throws BadInputException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": no such folder");
        }
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot be read (" + e.getMessage() + ")");
        }
        Path root = findRoot(real);
        Path appJsonFile = root.resolve("app.json");
        if (!Files.isRegularFile(appJsonFile)) {
            throw new BadInputException(folder + ": not a mini-program folder (no app.json"
                    + (root.equals(real) ? "" : " in " + real.relativize(root)) + ")");
        }
        String shown = display(real, appJsonFile);
        JsonNode app = readJson(appJsonFile, shown);
        if (!app.isObject()) {
            throw BadInputException.at(shown, 1, "must be a JSON object");
        }
        List<String> pages = new ArrayList<>();
        JsonNode list = app.get("pages");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw BadInputException.at(shown, 1, "\"pages\" must list at least one page, e.g. "
                    + "\"pages\": [\"pages/index/index\"]");
        }
        for (JsonNode p : list) {
            if (!p.isTextual() || p.asText().isBlank()) {
                throw BadInputException.at(shown, 1, "\"pages\" entries must be page paths, found " + p);
            }
            pages.add(stripSlash(p.asText()));
        }
        for (String key : List.of("subpackages", "subPackages")) {
            JsonNode subs = app.get(key);
            if (subs != null && subs.isArray()) {
                for (JsonNode sub : subs) {
                    String subRoot = stripSlash(sub.path("root").asText(""));
                    for (JsonNode p : sub.path("pages")) {
                        String prefix = subRoot.isEmpty() || subRoot.endsWith("/") ? subRoot : subRoot + "/";
                        pages.add(prefix + stripSlash(p.asText()));
                    }
                }
            }
        }
        Set<String> tabs = new LinkedHashSet<>();
        // WeChat lists the tabs under "list", Alipay under "items"
        JsonNode tabList = app.path("tabBar").path("list").isArray() ? app.path("tabBar").path("list") : app.path("tabBar").path("items");
        for (JsonNode item : tabList) {
            String path = item.path("pagePath").asText("");
            if (!path.isEmpty()) {
                tabs.add(stripSlash(path).replaceAll("\\.(js|wxml|axml)$", ""));
            }
        }
        Map<String, JsonNode> plugins = new LinkedHashMap<>();
        app.path("plugins").fields().forEachRemaining(e -> plugins.put(e.getKey(), e.getValue()));
        return new MiniProgram(real, root, app, List.copyOf(new LinkedHashSet<>(pages)),
                Collections.unmodifiableSet(tabs), Collections.unmodifiableMap(plugins), FolderPlatform.detect(real, root));
    }

    private static Path findRoot(Path folder) throws BadInputException {
        for (String config : List.of("mini.project.json", "project.config.json")) {
            Path f = folder.resolve(config);
            if (Files.isRegularFile(f)) {
                JsonNode cfg = readJson(f, config);
                String dir = cfg.path("miniprogramRoot").asText("");
                if (!dir.isBlank()) {
                    Path root = folder.resolve(dir).normalize();
                    if (!root.startsWith(folder) || !Files.isDirectory(root)) {
                        throw BadInputException.at(config, 1, "miniprogramRoot \"" + dir
                                + "\" is not a folder inside " + folder);
                    }
                    return root;
                }
            }
        }
        return folder;
    }

    static JsonNode readJson(Path file, String shown) throws BadInputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BadInputException.at(shown, 0, "cannot be read (" + e.getMessage() + ")");
        }
        return parseJson(text, shown);
    }

    /** Parses JSON text; errors name the file and the line, as an editor would. */
    public static JsonNode parseJson(String text, String shown) throws BadInputException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw BadInputException.at(shown, 1, "is empty; expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            int col = loc == null ? 0 : loc.getColumnNr();
            String what = e.getOriginalMessage();
            int cut = what.indexOf('\n');
            if (cut > 0) {
                what = what.substring(0, cut);
            }
            throw BadInputException.at(shown, line, (col > 0 ? "column " + col + ": " : "") + "invalid JSON: " + what);
        }
    }

    private static String display(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    private static String stripSlash(String p) {
        String s = p.trim();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }

    /**
     * The client this folder is written for: its scripts see that platform's namespace only
     * ({@code wx} or {@code my}). From {@code minisim.json}'s {@code platform}, else the project
     * file, else the templates; see {@link FolderPlatform}.
     */
    public Platform platform() {
        return platform.platform();
    }

    /** What in the folder says the platform: {@code "project.config.json"}, {@code "minisim.json"}, ... */
    public String platformSource() {
        return platform.because();
    }

    /** Why the platform is a guess, for a warning; empty when the folder says it plainly. */
    public java.util.Optional<String> platformGuess() {
        return java.util.Optional.ofNullable(platform.guess());
    }

    /** The folder the user named (real path). */
    public Path folder() {
        return folder;
    }

    /** The mini-program root: where app.json is; every script path is relative to it. */
    public Path root() {
        return root;
    }

    public JsonNode appJson() {
        return appJson;
    }

    /** Every page route (without extension), main package first, then subpackages. */
    public List<String> pages() {
        return pages;
    }

    public String homePage() {
        return pages.get(0);
    }

    public boolean hasPage(String route) {
        return pages.contains(route);
    }

    public boolean isTabPage(String route) {
        return tabPages.contains(route);
    }

    public Set<String> tabPages() {
        return tabPages;
    }

    /** app.json "plugins": alias -> {version, provider}. */
    public Map<String, JsonNode> plugins() {
        return plugins;
    }

    /** The window title from app.json, for the window and the transcript. */
    public String title() {
        return appJson.path("window").path("navigationBarTitleText").asText(
                appJson.path("window").path("defaultTitle").asText(folder.getFileName().toString()));
    }

    /** The appid from project.config.json or mini.project.json, or "". */
    public String appId() {
        for (String config : List.of("project.config.json", "mini.project.json")) {
            Path f = folder.resolve(config);
            if (Files.isRegularFile(f)) {
                try {
                    String id = JSON.readTree(f.toFile()).path("appid").asText("");
                    if (!id.isEmpty()) {
                        return id;
                    }
                } catch (IOException e) {
                    // already reported when the folder was loaded
                }
            }
        }
        return "";
    }

    /** A path relative to the root, as the user sees it in messages. */
    public String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
