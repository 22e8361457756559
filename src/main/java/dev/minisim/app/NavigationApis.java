package dev.minisim.app;

import dev.minisim.program.NavigationException;
import dev.minisim.program.PageInstance;
import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiRegistry;
import dev.minisim.runtime.EventLoop;
import java.util.Map;
import java.util.function.Consumer;

/**
 * navigateTo, navigateBack, redirectTo, reLaunch, switchTab for both namespaces. The navigation
 * itself runs as its own task (never inside the script's call), then the callbacks, then the new
 * page's onReady.
 */
public final class NavigationApis {

    /** The my.* fail code for a refused navigation. */
    static final int MY_FAIL = 3;

    private interface Navigation {
        PageInstance go(JsonNode args) throws NavigationException;
    }

    private NavigationApis() {
    }

    public static void register(ApiRegistry apis, Router router, EventLoop loop, Consumer<PageInstance> afterShown) {
        apis.async("navigateTo", call -> run(call, loop, afterShown, a -> router.navigateTo(url(a),
                new OpenedBy.Navigate(call.id(), eventNames(a), call.source()))));
        apis.async("redirectTo", call -> run(call, loop, afterShown, a -> router.redirectTo(url(a))));
        apis.async("reLaunch", call -> run(call, loop, afterShown, a -> router.reLaunch(url(a))));
        apis.async("switchTab", call -> run(call, loop, afterShown, a -> router.switchTab(url(a))));
        apis.async("navigateBack", call -> run(call, loop, page -> { }, a -> router.navigateBack(delta(a))));
    }

    private static void run(ApiCall call, EventLoop loop, Consumer<PageInstance> afterShown, Navigation nav) {
        if (!call.args().isObject() && !call.args().isNull()) {
            call.fail(2, "parameter error: expected an object with url");
            return;
        }
        loop.post(() -> {
            try {
                PageInstance page = nav.go(call.args());
                call.ok(Map.of());
                afterShown.accept(page);
            } catch (NavigationException e) {
                call.fail(MY_FAIL, e.getMessage());
            }
        });
    }

    private static String url(JsonNode args) throws NavigationException {
        JsonNode url = args.path("url");
        if (!url.isTextual() || url.asText().isBlank()) {
            throw new NavigationException("parameter error: parameter.url should be String instead of "
                    + (url.isMissingNode() ? "Undefined" : url.getNodeType().toString().toLowerCase()));
        }
        return url.asText();
    }

    /** The names of the {@code events} a navigateTo gave (functions arrive as "[Function]"). */
    private static java.util.List<String> eventNames(JsonNode args) {
        java.util.List<String> names = new java.util.ArrayList<>();
        args.path("events").fields().forEachRemaining(e -> {
            if ("[Function]".equals(e.getValue().asText())) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    private static int delta(JsonNode args) {
        JsonNode d = args.path("delta");
        return d.isNumber() ? d.asInt() : 1;
    }
}
