package dev.minisim.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.BadInputException;
import dev.minisim.program.MiniProgram;
import dev.minisim.runtime.JsRuntime;
import dev.minisim.runtime.ModuleFiles;
import dev.minisim.runtime.Sandbox;
import dev.minisim.runtime.modules.ModuleTransform;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

/**
 * {@code check}: loads and parses everything a run would need, runs nothing. For app.js, every
 * listed page and every custom component: the script parses (ES module syntax included), the
 * modules it requires or imports (found in its syntax tree, so never in a string or a comment)
 * exist inside the folder, the template exists and its tags
 * balance, the page's .json is valid JSON; and every tabBar page is a listed page.
 */
public final class Checker {

    private final MiniProgram program;
    private final ModuleFiles files;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> checkedModules = new HashSet<>();
    private final Set<String> checkedComponents = new HashSet<>();
    private Context context;

    private Checker(MiniProgram program) {
        this.program = program;
        this.files = new ModuleFiles(program.root());
    }

    public static List<Problem> check(MiniProgram program) {
        Checker c = new Checker(program);
        try (Context ctx = Sandbox.newContext()) {
            c.context = ctx;
            c.run();
        }
        return List.copyOf(c.problems);
    }

    private void run() {
        files.script("app").ifPresent(this::module);
        components("app");
        for (String page : program.pages()) {
            Optional<String> js = files.script(page);
            if (js.isEmpty()) {
                problems.add(new Problem("app.json", lineIn("app.json", '"' + page), "page \"" + page + "\" is listed but "
                        + page + ".js does not exist"));
                continue;
            }
            module(js.get());
            template(page);
            json(page + ".json");
            components(page);
        }
        for (String tab : program.tabPages()) {
            if (!program.hasPage(tab)) {
                problems.add(new Problem("app.json", lineIn("app.json", tab), "tabBar page \"" + tab
                        + "\" is not in \"pages\""));
            }
        }
    }

    private void template(String base) {
        for (String ext : List.of(".wxml", ".axml")) {
            Optional<String> text = files.read(base + ext);
            if (text.isPresent()) {
                problems.addAll(TemplateCheck.check(base, base + ext, text.get(), files,
                        f -> json(f).orElse(com.fasterxml.jackson.databind.node.NullNode.getInstance())));
                return;
            }
        }
        problems.add(new Problem(base + ".js", 0, "has no template (" + base + ".wxml or " + base + ".axml)"));
    }

    /** A json file, parsed once: the template check, the page and its components all ask, and a bad file is one problem. */
    private Optional<JsonNode> json(String file) {
        return parsedJson.computeIfAbsent(file, f -> {
            Optional<String> text = files.read(f);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(MiniProgram.parseJson(text.get(), f));
            } catch (BadInputException e) {
                problems.add(new Problem(f, e.line(), e.what()));
                return Optional.empty();
            }
        });
    }

    private final java.util.Map<String, Optional<JsonNode>> parsedJson = new java.util.HashMap<>();

    /** The custom components that {@code owner}.json uses: each must exist and be valid too. */
    private void components(String owner) {
        json(owner + ".json").ifPresent(node -> node.path("usingComponents").fields().forEachRemaining(e -> {
            String spec = e.getValue().asText("");
            if (spec.startsWith("plugin://")) {
                String alias = spec.substring("plugin://".length()).split("/")[0];
                if (!program.plugins().containsKey(alias)) {
                    problems.add(new Problem(owner + ".json", lineIn(owner + ".json", spec), "component \"" + e.getKey()
                            + "\" comes from plugin \"" + alias + "\", which app.json does not declare in \"plugins\""));
                }
                return;
            }
            if (spec.isBlank()) {
                return;
            }
            String from = owner.equals("app") ? "app.js" : owner + ".js";
            Optional<String> found = files.resolve(from, spec).filter(ModuleFiles::isScript);
            if (found.isEmpty()) {
                problems.add(new Problem(owner + ".json", lineIn(owner + ".json", spec), "component \"" + e.getKey()
                        + "\" (" + spec + ") not found"));
                return;
            }
            String base = found.get().substring(0, found.get().length() - 3);
            if (checkedComponents.add(base)) {
                module(found.get());
                template(base);
                components(base);
            }
        }));
    }

    /** Parses one script and, in turn, the modules it requires or imports. */
    private void module(String file) {
        if (!checkedModules.add(file) || file.endsWith(".json")) {
            return;
        }
        Optional<String> code = files.read(file);
        if (code.isEmpty()) {
            return;
        }
        List<ModuleTransform.Dependency> dependencies;
        try {
            context.parse(JsRuntime.moduleSource(file, ModuleTransform.toCommonJs(file, code.get())));
            dependencies = ModuleTransform.dependencies(file, code.get());
        } catch (ModuleTransform.SyntaxProblem p) {
            problems.add(new Problem(file, p.line(), p.getMessage()));
            return;
        } catch (PolyglotException e) {
            if (!e.isSyntaxError()) {
                throw e;
            }
            int line = e.getSourceLocation() == null ? 0 : e.getSourceLocation().getStartLine();
            problems.add(new Problem(file, line, dev.minisim.runtime.ScriptError.syntaxMessage(e)));
            return;
        }
        if (file.startsWith("miniprogram_npm/") || file.contains("/miniprogram_npm/")) {
            // the tools' "build npm" output bundles its modules with their own require map
            return;
        }
        for (ModuleTransform.Dependency d : dependencies) {
            Optional<String> dep = files.resolve(file, d.specifier());
            if (dep.isEmpty()) {
                problems.add(new Problem(file, d.line(), "cannot find module '" + d.specifier() + "'"));
            } else {
                module(dep.get());
            }
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int lineIn(String file, String needle) {
        return files.read(file).map(t -> t.indexOf(needle) < 0 ? 0 : lineOf(t, t.indexOf(needle))).orElse(0);
    }
}
