package dev.minisim.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.runtime.ModuleFiles;
import dev.minisim.view.Diagnostic;
import dev.minisim.view.Template;
import dev.minisim.view.TemplateParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code check} of one page's or component's template (issue #9, "check parses every template"):
 * syntax problems and broken expressions as the renderer's parser finds them; handlers the script
 * does not define; {@code import}, {@code include}, WXS and SJS files that do not resolve;
 * {@code <template is>} names that no definition or import gives; custom tags that no
 * {@code usingComponents} declares. Each with file:line.
 */
final class TemplateCheck {

    /** The platforms' built-in components (WeChat and Alipay), which need no usingComponents. */
    private static final Set<String> BUILT_IN = Set.of("view", "text", "button", "image", "input", "textarea", "switch",
            "checkbox", "checkbox-group", "radio", "radio-group", "picker", "picker-view", "picker-view-column", "slider",
            "form", "label", "navigator", "scroll-view", "swiper", "swiper-item", "icon", "rich-text", "progress",
            "web-view", "block", "template", "import", "include", "wxs", "import-sjs", "slot", "cover-view", "cover-image",
            "movable-area", "movable-view", "map", "canvas", "video", "audio", "camera", "live-player", "live-pusher",
            "ad", "ad-custom", "official-account", "open-data", "editor", "match-media", "page-container",
            "share-element", "keyboard-accessory", "root-portal", "page-meta", "navigation-bar", "functional-page-navigator",
            "voip-room", "channel-live", "channel-video", "store-product", "grid-view", "list-view", "sticky-header",
            "sticky-section", "lottie", "contact-button", "lifestyle", "life-follow", "page");
    private static final Pattern WECHAT_BINDING = Pattern.compile("^(?:bind|catch|mut-bind|capture-bind|capture-catch):?[a-z]");
    private static final Pattern ALIPAY_BINDING = Pattern.compile("^(?:on|catch|capture-on|capture-catch)[A-Z]");

    private TemplateCheck() {
    }

    /**
     * @param base      the page or component path without extension
     * @param file      its template file
     * @param text      the template's text
     * @param files     the mini-program's files
     * @param jsonOf    a json file's content (a missing node when none)
     */
    static List<Problem> check(String base, String file, String text, ModuleFiles files,
                               Function<String, JsonNode> jsonOf) {
        List<Problem> problems = new ArrayList<>();
        Template t = TemplateParser.parse(file, text);
        for (Diagnostic d : t.diagnostics()) {
            problems.add(new Problem(d.file(), d.line(), d.message()));
        }
        String script = files.read(base + ".js").orElse("");
        // methods may come from behaviors, mixins or spread objects in other files: check only plain scripts
        boolean plainScript = !script.isEmpty() && !script.contains("...") && !script.contains("behaviors")
                && !script.contains("mixins") && !script.contains("Object.assign")
                && (script.contains("Page({") || script.contains("Component({"));   // not built by a wrapper
        JsonNode ownJson = jsonOf.apply(base + ".json");
        JsonNode own = ownJson.path("usingComponents");
        JsonNode global = jsonOf.apply("app.json").path("usingComponents");
        // xr-frame's tags are built in only where the json asks for that renderer
        boolean xrFrame = "xr-frame".equals(ownJson.path("renderer").asText(""));
        Set<String> templates = new HashSet<>(t.templateNames());
        Set<String> reported = new HashSet<>();
        for (Template.Tag tag : t.tags()) {
            String where = tag.name();
            if (tag.name().equals("import") || tag.name().equals("include") || tag.name().equals("wxs")) {
                String src = tag.attrs().get("src");
                if (src != null && !src.isBlank() && !src.contains("{{")) {
                    Optional<String> found = resolve(files, file, src);
                    if (found.isEmpty()) {
                        problems.add(new Problem(file, tag.line(), "<" + where + " src=\"" + src + "\">: no such file"));
                    } else if (tag.name().equals("import")) {
                        files.read(found.get()).ifPresent(imported ->
                                templates.addAll(TemplateParser.parse(found.get(), imported).templateNames()));
                    }
                }
                continue;
            }
            if (tag.name().equals("import-sjs")) {
                String from = tag.attrs().get("from");
                if (from != null && !from.isBlank() && resolve(files, file, from).isEmpty()) {
                    problems.add(new Problem(file, tag.line(), "<import-sjs from=\"" + from + "\">: no such file"));
                }
                continue;
            }
            if (tag.name().contains("-") && !BUILT_IN.contains(tag.name()) && !builtInFamily(tag.name(), xrFrame) && !own.has(tag.name())
                    && !global.has(tag.name()) && !ownJson.path("componentGenerics").has(tag.name()) && reported.add("tag " + tag.name())) {
                problems.add(new Problem(file, tag.line(), "<" + tag.name() + "> is not a built-in component and no "
                        + "usingComponents (" + base + ".json or app.json) declares it"));
            }
            if (!plainScript) {
                continue;
            }
            for (var a : tag.attrs().entrySet()) {
                String name = a.getKey();
                String handler = a.getValue().trim();
                boolean binding = WECHAT_BINDING.matcher(name).find() || ALIPAY_BINDING.matcher(name).find();
                if (!binding || handler.isEmpty() || handler.contains("{{") || !handler.matches("[A-Za-z_$][\\w$]*")) {
                    continue;
                }
                if (!Pattern.compile("\\b" + Pattern.quote(handler) + "\\b").matcher(script).find()
                        && reported.add("handler " + handler)) {
                    problems.add(new Problem(file, tag.line(), name + "=\"" + handler + "\": " + base + ".js defines no \""
                            + handler + "\""));
                }
            }
        }
        // <template is="name"> with a static name must be defined here or imported
        for (Template.Tag tag : t.tags()) {
            String is = tag.name().equals("template") ? tag.attrs().get("is") : null;
            if (is != null && !is.isBlank() && !is.contains("{{") && !templates.contains(is.trim())) {
                problems.add(new Problem(file, tag.line(), "<template is=\"" + is + "\">: no template of that name here "
                        + "or in the files this one imports"));
            }
        }
        return problems;
    }

    /**
     * Built-in tags that come in families: xr-frame's ({@code xr-scene}, {@code xr-node}... in a
     * component whose json says {@code "renderer": "xr-frame"}), Skyline's gesture handlers
     * ({@code vertical-drag-gesture-handler}...), the open data components ({@code open-data-list}).
     */
    private static boolean builtInFamily(String tag, boolean xrFrame) {
        return (xrFrame && tag.startsWith("xr-")) || tag.endsWith("-gesture-handler") || tag.startsWith("open-data-")
                || tag.startsWith("nested-scroll-") || Set.of("draggable-sheet", "open-container", "snapshot", "span")
                .contains(tag);
    }

    /** A template-relative or root-absolute path, with its extension implied when missing. */
    private static Optional<String> resolve(ModuleFiles files, String from, String src) {
        String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
        String path = src.startsWith("/") ? src.substring(1) : ModuleFiles.join(dir, src);
        if (path == null) {
            return Optional.empty();
        }
        for (String candidate : List.of(path, path + ".wxml", path + ".axml", path + ".wxs", path + ".sjs")) {
            if (files.inside(candidate).isPresent() && files.read(candidate).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
