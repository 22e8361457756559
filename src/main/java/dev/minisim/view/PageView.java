package dev.minisim.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One page on screen: its template rendered with the page's data, its custom components' subtrees,
 * and the WXS/SJS modules its templates load (each in its own isolated context, alive as long as
 * this view). The tree is a {@link VElement} tagged {@code page} (Alipay too) with parent pointers.
 *
 * <p>Re-renders are incremental: {@link #update} of a component re-renders only that component's
 * subtree, and each {@code wx:for} item remembers which data it read, so a page {@code setData} of
 * one row re-renders that row and reuses the others' nodes. Nodes of the previous tree may be
 * reused (moved) in the next one: always read the tree from the latest call.
 *
 * <p>Expressions follow glass-easel (WeChat's open-source template engine): text shows undefined and
 * null as '' (not the older {@code wcc}'s "null"), an attribute written exactly {@code "{{expr}}"}
 * keeps the value's type, a path through null or undefined is undefined, and only WXS/SJS
 * functions can be called.
 *
 * <p>Never throws on a bad template or expression: problems go to the diagnostics sink. Owner
 * thread only (WXS contexts are single-threaded). {@link ComponentHost#isComponent} is asked for
 * every element of every pass, so it should be a map lookup.
 */
public final class PageView implements AutoCloseable {

    private final Renderer renderer;

    /**
     * @param files        where templates and modules are read
     * @param templatePath the page's template, root-relative ({@code pages/index/index.wxml})
     * @param host         runs custom components ({@link ComponentHost#NONE} for none)
     * @param sink         receives each distinct diagnostic once, as it is found
     */
    public PageView(TemplateSource files, String templatePath, ComponentHost host, Consumer<Diagnostic> sink) {
        this.renderer = new Renderer(files, templatePath, host, sink);
    }

    /** Renders the page with its whole data (first render; a later call re-renders everything). */
    public VElement render(Map<String, Object> data) {
        return renderer.update(VElement.PAGE, data);
    }

    /**
     * After a {@code setData}: {@code owner} is {@link VElement#PAGE} or a component instance id,
     * {@code data} that owner's whole data after the change. Returns the page's root (the same
     * object as before), with only what changed re-rendered. Called while a render runs (a
     * component's {@code setData} in a lifetime or observer the host runs during it), a component
     * whose template is not being rendered at that moment renders again at once, inside the
     * running render (as the client's setData updates the component tree at once); the page, or a
     * component around the current position, is queued and rendered right after that render,
     * before this method's outer call returns.
     */
    public VElement update(String owner, Map<String, Object> data) {
        return renderer.update(owner, data);
    }

    /** The page's root as last rendered (an empty {@code page} before the first render). */
    public VElement root() {
        return renderer.root();
    }

    /** The element of a component instance on the page (its {@link VElement#component()} is the id). */
    public Optional<VElement> element(String instanceId) {
        return renderer.element(instanceId);
    }

    /** Every distinct diagnostic so far, in the order found. */
    public List<Diagnostic> diagnostics() {
        return new ArrayList<>(renderer.diagnostics());
    }

    /** Closes the WXS/SJS module contexts. */
    @Override
    public void close() {
        renderer.close();
    }
}
