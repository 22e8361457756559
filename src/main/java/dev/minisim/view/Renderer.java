package dev.minisim.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Placeholder (being written). */
final class Renderer {
    private final VElement root;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Renderer(TemplateSource files, String templatePath, ComponentHost host, Consumer<Diagnostic> sink) {
        root = new VElement("page", templatePath, 1, VElement.PAGE);
    }

    VElement renderPage(Map<String, Object> data) {
        throw new UnsupportedOperationException("not yet");
    }

    VElement renderInstance(String id, Map<String, Object> data) {
        throw new UnsupportedOperationException("not yet");
    }

    VElement root() {
        return root;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    void close() {
    }
}
