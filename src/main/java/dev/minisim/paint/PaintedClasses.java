package dev.minisim.paint;

/**
 * Class names in a component's scope. WeChat isolates a component's styles by renaming: its
 * stylesheet's {@code .title} and its elements' {@code class="title"} both become the scoped name,
 * so the page's {@code .title} does not reach inside and the component's does not leak out.
 */
final class PaintedClasses {

    private PaintedClasses() {
    }

    /** The scope name of a component definition ({@code components/card/card} → {@code components-card-card}). */
    static String scopeOf(String componentPath) {
        return "x-" + componentPath.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** {@code name} in {@code scope}; the name itself when the scope is null (the page's and app's). */
    static String scoped(String scope, String name) {
        return scope == null ? name : scope + "--" + name;
    }
}
