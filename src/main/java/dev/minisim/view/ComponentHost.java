package dev.minisim.view;

import java.util.List;
import java.util.Map;

/**
 * What the renderer asks of whoever runs custom components (the simulation's JS world). The
 * renderer owns positions and the tree; the host owns instances, their scripts and data.
 *
 * <p>Order in one render pass: for each component element met, {@link #isComponent}; then, the
 * first time its position is met, {@link #mount}, its template rendered with the data mount
 * returned (its own child components mounted the same way, so their subtrees exist), then
 * {@link #created} and, when that returns data, its template rendered again; later times
 * {@link #update} when its props differ from the last ones passed and its template rendered
 * again; after either, {@link #rendered} (and its template again when that returns data); after the pass,
 * {@link #unmount} for each instance whose position was not met again. A component's {@code setData} during these calls may either show in
 * the data they return or go to {@link PageView#update}, which then runs after the current pass.
 */
public interface ComponentHost {

    /**
     * Whether {@code tag}, written in the template of {@code owner} ({@link VElement#PAGE} or an
     * instance id), is a custom component there ({@code usingComponents} is the host's business).
     */
    boolean isComponent(String owner, String tag);

    /**
     * Creates the instance for a component element met for the first time.
     *
     * @param owner the instance whose template wrote the element ({@link VElement#PAGE} or an id)
     * @param tag   the tag as written
     * @param props the element's evaluated attributes as props: dash-case names as camelCase, without
     *              {@code id}, {@code class}, {@code style}, {@code hidden}, {@code slot},
     *              {@code data-*}, {@code mark:*}, control attributes and WeChat bindings
     *              ({@code bind:x} stays a {@link Binding} on the element); Alipay {@code onXxx}
     *              attributes are kept as props whose value is the parent's handler name; an
     *              expression that evaluates to undefined is left out
     * @return the new instance: its id, its template file and the data its template first renders
     *         with (WeChat: its default data, before {@code created} and its properties)
     */
    Instance mount(String owner, String tag, Map<String, Object> props);

    /**
     * The new instance's template was rendered with the data {@link #mount} returned, its child
     * components with it: now its {@code created} lifetime and the properties from its parent
     * (their observers), as WeChat's client orders them, so {@code selectComponent} there finds the
     * component's own children.
     *
     * @param props the props {@link #mount} was given
     * @return its data after them when its template must render again, or null (nothing changed,
     *         or a platform whose instance is complete at mount, as Alipay's is)
     */
    default Map<String, Object> created(String instanceId, Map<String, Object> props) {
        return null;
    }

    /**
     * The instance's template was rendered after its properties changed ({@link #created} or
     * {@link #update}): the observer functions of those properties run now, as WeChat's client
     * runs them after the template update.
     *
     * @return its data when they changed it (its template must render again), or null
     */
    default Map<String, Object> rendered(String instanceId) {
        return null;
    }

    /**
     * {@link #mount} with the element's {@code generic:name="tag"} attributes (WeChat abstract
     * nodes, {@code componentGenerics}): in the new instance's template, {@code <name>} stands for
     * the component {@code tag} names in the user's template.
     */
    default Instance mount(String owner, String tag, Map<String, Object> props, Map<String, String> generics) {
        return mount(owner, tag, props);
    }

    /**
     * Whether the component {@code tag} (written by {@code owner}) has a virtual host (WeChat
     * {@code options.virtualHost}): its element is no node of the tree, its {@code class} and
     * {@code style} do not apply; {@code style} reaches its {@code style} property instead.
     */
    default boolean virtualHost(String owner, String tag) {
        return false;
    }

    /**
     * The props of a mounted instance changed; returns its data after its data observers ran
     * (WeChat's property observer functions come at {@link #rendered}).
     */
    Map<String, Object> update(String instanceId, Map<String, Object> props);

    /** The instance's position is gone from the tree. */
    void unmount(String instanceId);

    /**
     * WeChat's {@code externalClasses} of an instance (asked once, after {@link #mount}): class
     * names that, in the instance's template, stand for the classes its user gives in the
     * attribute of the same name ({@code <van-button custom-class="big">} makes
     * {@code class="van-button custom-class"} render as {@code "van-button big"}; not given: the
     * name is dropped).
     */
    default List<String> externalClasses(String instanceId) {
        return List.of();
    }

    /**
     * A component instance as the renderer sees it.
     *
     * @param id       unique id, used as the {@link Binding#owner()} of its template's bindings
     * @param template its template file, root-relative ({@code components/card/card.wxml}); the
     *                 dialect follows from the extension
     * @param data     its data now (properties and data merged, as the template sees them)
     */
    record Instance(String id, String template, Map<String, Object> data) {
    }

    /** A host with no custom components: every tag renders as a plain element. */
    ComponentHost NONE = new ComponentHost() {
        @Override
        public boolean isComponent(String owner, String tag) {
            return false;
        }

        @Override
        public Instance mount(String owner, String tag, Map<String, Object> props) {
            throw new IllegalStateException("no components");
        }

        @Override
        public Map<String, Object> update(String instanceId, Map<String, Object> props) {
            throw new IllegalStateException("no components");
        }

        @Override
        public void unmount(String instanceId) {
        }
    };
}
