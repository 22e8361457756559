package dev.minisim.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.BadInputException;
import dev.minisim.app.MiniProgram;
import dev.minisim.runtime.EsmTransform;
import dev.minisim.runtime.JsRuntime;
import dev.minisim.runtime.ModuleFiles;
import dev.minisim.runtime.Sandbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

/**
 * {@code check}: loads and parses everything a run would need, runs nothing. For app.js, every
 * listed page and every custom component: the script parses (ES module syntax included), the
 * modules it requires or imports exist inside the folder, the template exists and its tags
 * balance, the page's .json is valid JSON; and every tabBar page is a listed page.
 */
public final class Checker {

    private static final Pattern REQUIRE = Pattern.compile("\\brequire\\s*\\(\\s*(['\"])([^'\"\\n]+)\\1\\s*\\)");
    private static final Pattern IMPORT_FROM = Pattern.compile("\\b(?:import|export)\\b[^;'\"]*?\\bfrom\\s*(['\"])([^'\"\\n]+)\\1");
    private static final Pattern IMPORT_BARE = Pattern.compile("\\bimport\\s*(['\"])([^'\"\\n]+)\\1");

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
        if (files.inside("app.js").isPresent()) {
            module("app.js");
        }
        components("app");
        for (String page : program.pages()) {
            String js = page + ".js";
            if (files.inside(js).isEmpty()) {
                problems.add(new Problem("app.json", lineIn("app.json", '"' + page), "page \"" + page + "\" is listed but "
                        + files.typeScriptInstead("app.js", "/" + page).map(ts -> "written in TypeScript (" + ts
                        + "); MiniSim runs JavaScript only: compile it first").orElse(js + " does not exist")));
                continue;
            }
            module(js);
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
                        f -> json(f).map(n -> n.path("usingComponents")).orElse(com.fasterxml.jackson.databind.node.NullNode.getInstance())));
                return;
            }
        }
        problems.add(new Problem(base + ".js", 0, "has no template (" + base + ".wxml or " + base + ".axml)"));
    }

    private Optional<JsonNode> json(String file) {
        Optional<String> text = files.read(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MiniProgram.parseJson(text.get(), file));
        } catch (BadInputException e) {
            problems.add(new Problem(file, 0, e.getMessage().substring(file.length() + 2)));
            return Optional.empty();
        }
    }

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
            Optional<String> found = files.resolve(from, spec).filter(f -> f.endsWith(".js"));
            if (found.isEmpty()) {
                problems.add(new Problem(owner + ".json", lineIn(owner + ".json", spec), "component \"" + e.getKey()
                        + "\" (" + spec + ") " + files.typeScriptInstead(from, spec)
                        .map(ts -> "is TypeScript (" + ts + "); MiniSim runs JavaScript only").orElse("not found")));
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
        try {
            context.parse(JsRuntime.moduleSource(file, EsmTransform.toCommonJs(code.get())));
        } catch (EsmTransform.SyntaxProblem p) {
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
        String text = withoutComments(code.get());
        for (Pattern p : List.of(REQUIRE, IMPORT_FROM, IMPORT_BARE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String spec = m.group(2);
                Optional<String> dep = files.resolve(file, spec);
                if (dep.isEmpty()) {
                    problems.add(new Problem(file, lineOf(text, m.start(2)), files.typeScriptInstead(file, spec)
                            .map(ts -> "'" + spec + "' is TypeScript (" + ts + "); MiniSim runs JavaScript only")
                            .orElse("cannot find module '" + spec + "'")));
                } else {
                    module(dep.get());
                }
            }
        }
    }

    /** The text with comments blanked (newlines kept), so commented-out requires are not checked. */
    static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i++;
                while (i < n && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (s.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return out.toString();
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
