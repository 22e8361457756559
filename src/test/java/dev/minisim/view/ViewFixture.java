package dev.minisim.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tiny templates rendered in memory, for the tests of this package. */
final class ViewFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> files = new HashMap<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    ComponentHost host = ComponentHost.NONE;
    private PageView view;

    ViewFixture file(String path, String text) {
        files.put(path, text);
        return this;
    }

    /** A page at pages/p/p.wxml (or .axml) with {@code template}, rendered with {@code json} data. */
    static VElement render(String template, String json) {
        return new ViewFixture().file("pages/p/p.wxml", template).open("pages/p/p.wxml", json);
    }

    VElement open(String page, String json) {
        view = new PageView(TemplateSource.of(files), page, host, diagnostics::add);
        return view.render(data(json));
    }

    VElement update(String owner, String json) {
        return view.update(owner, data(json));
    }

    PageView view() {
        return view;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(String json) {
        try {
            return json == null ? Map.of() : (Map<String, Object>) JSON.readValue(json.replace('\'', '"'), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The page's markup without the page element's own lines, for short assertions. */
    static String body(VElement root) {
        String m = Markup.write(root);
        String[] lines = m.split("\n");
        if (lines.length <= 1) {
            return m.replace("<page>", "").replace("</page>", "").trim();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < lines.length - 1; i++) {
            sb.append(lines[i].substring(2)).append('\n');
        }
        return sb.toString().trim();
    }

    /** Evaluates one {{ }} body against {@code json} data, with no modules. */
    static Object eval(String body, String json) {
        Interp i = Interp.compile("{{" + body + "}}");
        if (i.error() != null) {
            throw new IllegalArgumentException(i.error());
        }
        List<String> warnings = new ArrayList<>();
        Scope.Env env = new Scope.Env() {
            @Override
            public boolean recording(int depth) {
                return false;
            }

            @Override
            public void recordRead(Scope.Read read, int depth) {
            }

            @Override
            public Object call(ScriptModules.JsFunction fn, List<Object> args) {
                return JsValues.UNDEFINED;
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        return i.eval(Scope.root(env, data(json), Map.of(), 0));
    }
}
