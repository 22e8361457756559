package dev.minisim.api;

import dev.minisim.program.MiniProgram;
import dev.minisim.events.EventStream;
import dev.minisim.runtime.EventLoop;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import java.util.Map;
import java.util.function.Consumer;

/** What a JSAPI may use of the running mini-program. Implemented by the simulation. */
public interface ApiEnv {

    EventStream events();

    EventLoop loop();

    MiniProgram program();

    RunConfig config();

    Codes codes();

    /** Route of the page on top of the stack, or null. */
    String topRoute();

    /** What App.onLaunch got: path, query, scene, referrerInfo. */
    Map<String, Object> launchOptions();

    /**
     * Shows a prompt and lets the simulated user answer it. The prompt and the decision go to the
     * transcript; a prompt that covers the page hides it and shows it again when it closes. Then
     * {@code then} runs on the loop thread. With no answer available the run stops with an error.
     */
    void prompt(Prompt prompt, Consumer<Decision> then);

    /** A decision the API cannot use (an error code the profile does not have): an error of the run. */
    void badDecision(Prompt prompt, Decision decision, String why);

    void warning(String message);

    /** The top page's navigation bar title, as setNavigationBarTitle changes it. */
    void setPageTitle(String title);

    /** What pages changed of the navigation bar and the tab bar (setNavigationBarColor, setTabBarBadge...). */
    dev.minisim.frame.FrameState frame();

    /** Id of the page on top of the stack, or -1 when none. */
    int topPageId();

    /**
     * {@code startPullDownRefresh}: "its effect is the user's pull-down" — the top page's
     * {@code onPullDownRefresh}, as a later task, where the page enables pull-down refresh.
     */
    void startPullDownRefresh();

    /** Scopes and permissions the user granted in this run (getAuthCode scopes, wx scope.*). */
    Grants grants();
}
