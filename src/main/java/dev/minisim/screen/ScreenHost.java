package dev.minisim.screen;

import dev.minisim.events.EventStream;
import dev.minisim.runtime.EventLoop;
import dev.minisim.runtime.JsWorld;
import dev.minisim.view.TemplateSource;
import java.util.Optional;
import java.util.function.Supplier;

/** What the screen needs of the running simulation; Simulation implements it. */
public interface ScreenHost {

    /** The entry points of the JS world (mountComponent, callHandler...); call them inside {@link #guard}. */
    JsWorld js();

    /** Runs JS as code of {@code page}: timed by the watchdog, an error reported instead of thrown; null after an error. */
    <T> T guard(String page, Supplier<T> body);

    /** {@link #guard(String, Supplier)} for JS that returns nothing. */
    default void guard(String page, Runnable body) {
        guard(page, () -> {
            body.run();
            return null;
        });
    }

    void warning(String message, String source, String page);

    void error(String message, String source, String page);

    EventStream events();

    EventLoop loop();

    /** Template and script files of the mini-program, root-relative. */
    TemplateSource templates();

    /** True for an Alipay mini-program (event objects, component conventions). */
    boolean alipay();

    /**
     * The component path (root-relative, without extension) that {@code tag} names for the page or
     * component at {@code ownerPath} (its usingComponents, then app.json's), its script loaded;
     * empty when the tag is not a custom component there.
     */
    Optional<String> component(String ownerPath, String tag);

    /** The page on top of the stack, or null. */
    Shown top();

    /** A page on the stack: its id, its route, and whether a simulated plugin draws it (it has no template). */
    record Shown(int id, String route, boolean plugin) {
    }

    /** What JSAPIs use (prompts, codes, grants, the user's profile): button open-type uses it too. */
    dev.minisim.api.ApiEnv env();

    /** The device's {@code windowWidth} and {@code windowHeight}, as getWindowInfo gives them. */
    java.util.Map<String, Object> windowSize();

    /**
     * Whether {@code route} is a tab page of an app whose tabBar is {@code custom}: the page then
     * shows the {@code custom-tab-bar} component, which {@link #component} resolves for it.
     */
    default boolean customTabBar(String route) {
        return false;
    }

    /** Runs a JSAPI as the page would (navigator's navigation, for the transcript to show it). */
    void callApi(String page, String api, java.util.Map<String, Object> args);
}
