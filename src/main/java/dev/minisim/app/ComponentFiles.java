package dev.minisim.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.minisim.runtime.ModuleFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Custom components by file: which component a tag names ({@code usingComponents} of the page or
 * component, then app.json's), and running each component's script once, so its Component() call
 * happens as in the client.
 */
final class ComponentFiles {

    private final ModuleFiles files;
    private final ScriptGuard guard;
    private final dev.minisim.program.MiniProgram program;
    private final Set<String> loaded = new HashSet<>();

    ComponentFiles(ModuleFiles files, ScriptGuard guard, dev.minisim.program.MiniProgram program) {
        this.files = files;
        this.guard = guard;
        this.program = program;
    }

    /** app.json's tabBar is {@code custom: true} and the folder has {@code custom-tab-bar/index.js}. */
    boolean hasCustomTabBar() {
        return program.appJson().path("tabBar").path("custom").asBoolean(false)
                && files.read("custom-tab-bar/index.js").isPresent();
    }

    /** A tab page of an app with a custom tab bar: the client renders the bar with it. */
    boolean customTabBar(String route) {
        return hasCustomTabBar() && program.isTabPage(route);
    }

    /** Why {@code spec} does not resolve, in the words a developer needs. */
    static String notFound(String spec, String from) {
        return "Cannot find module '" + spec + "' from " + from;
    }

    /**
     * Runs the scripts of the custom components page {@code route} uses, and of the components
     * they use in turn. Rendering them comes with page templates.
     */
    void loadFor(String route) {
        load(route, route, new HashSet<>());
    }

    private void load(String owner, String page, Set<String> seen) {
        List<String> specs = new ArrayList<>();
        for (String jsonFile : List.of(owner + ".json", "app.json")) {
            files.read(jsonFile).map(Json::tree).ifPresent(node ->
                    node.path("usingComponents").fields().forEachRemaining(e -> specs.add(e.getValue().asText())));
        }
        for (String spec : specs) {
            if (spec.startsWith("plugin://") || spec.isBlank()) {
                continue;
            }
            Optional<String> resolved = files.resolve(owner + ".js", spec);
            if (resolved.isEmpty() || !ModuleFiles.isScript(resolved.get())) {
                String saved = guard.enter(page);
                guard.warning("component \"" + spec + "\" used by " + owner + ": " + notFound(spec, owner + ".js"),
                        owner + ".json");
                guard.leave(saved);
                continue;
            }
            String file = resolved.get();
            if (seen.add(file) && loaded.add(file)) {
                guard.guard(page, () -> guard.world().require(file));
                load(file.substring(0, file.length() - 3), page, seen);
            }
        }
    }

    /**
     * The component that {@code tag} names in the template of {@code ownerPath} (a page or a
     * component, without extension): its own usingComponents, then app.json's; its script is
     * loaded on first use.
     */
    Optional<String> componentFor(String ownerPath, String tag) {
        String spec = null;
        for (String jsonFile : List.of(ownerPath + ".json", "app.json")) {
            JsonNode using = files.read(jsonFile).map(Json::tree).orElse(NullNode.getInstance()).path("usingComponents");
            if (using.has(tag)) {
                spec = using.get(tag).asText();
                break;
            }
        }
        if (spec == null) {
            // an abstract node the user did not fill (generic:name): the component's default for it
            JsonNode generic = files.read(ownerPath + ".json").map(Json::tree).orElse(NullNode.getInstance())
                    .path("componentGenerics").path(tag);
            if (generic.hasNonNull("default")) {
                spec = generic.get("default").asText();
            }
        }
        if (spec == null && tag.equals("custom-tab-bar") && customTabBar(ownerPath)) {
            spec = "/custom-tab-bar/index";   // the client's fixed place for it
        }
        if (spec == null || spec.isBlank() || spec.startsWith("plugin://")) {
            return Optional.empty();
        }
        Optional<String> resolved = files.resolve(ownerPath + ".js", spec);
        if (resolved.isEmpty() || !resolved.get().endsWith(".js")) {
            return Optional.empty();
        }
        String file = resolved.get();
        if (loaded.add(file) && !guard.world().isLoaded(file)) {
            guard.guard(guard.activePage(), () -> guard.world().require(file));
        }
        return Optional.of(file.substring(0, file.length() - 3));
    }
}
