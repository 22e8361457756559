package dev.minisim.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.api.ApiCall;
import dev.minisim.api.ApiEnv;
import dev.minisim.api.ApiRegistry;
import dev.minisim.user.Decision;
import dev.minisim.user.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dialogs and notices pages show around the flows, recorded as {@code ui} events. Alerts,
 * toasts and loading need no answer; a confirm, a modal and an action sheet are prompts that the
 * simulated user answers like any other ({@code confirm}/{@code cancel}, or an item's index).
 */
public final class UiApis {

    private final ApiEnv env;

    private UiApis(ApiEnv env) {
        this.env = env;
    }

    public static void register(ApiRegistry apis, ApiEnv env) {
        UiApis ui = new UiApis(env);
        apis.async("alert", ui::alert);
        apis.async("confirm", ui::confirm);
        apis.async("showModal", ui::modal);
        apis.async("showToast", call -> ui.notice(call, "toast", false));
        apis.async("hideToast", call -> ui.notice(call, "toast", true));
        apis.async("showLoading", call -> ui.notice(call, "loading", false));
        apis.async("hideLoading", call -> ui.notice(call, "loading", true));
        apis.async("showActionSheet", ui::actionSheet);
    }

    private static String text(JsonNode args, String... keys) {
        for (String k : keys) {
            if (args.path(k).isValueNode()) {
                return args.path(k).asText();
            }
        }
        return null;
    }

    private void emit(ApiCall call, String kind, String title, String content, Boolean hidden) {
        env.events().emit("ui", "kind", kind, "title", title, "content", content, "hidden", hidden,
                "page", call.page());
    }

    private void alert(ApiCall call) {
        JsonNode a = call.args();
        emit(call, "alert", text(a, "title"), a.isTextual() ? a.asText() : text(a, "content"), null);
        call.ok(Map.of());
    }

    private void notice(ApiCall call, String kind, boolean hide) {
        JsonNode a = call.args();
        // my uses content, wx uses title; both are shown
        emit(call, kind, hide ? null : text(a, "title"), hide ? null : text(a, "content"), hide ? Boolean.TRUE : null);
        call.ok(Map.of());
    }

    private Prompt dialog(ApiCall call, String kind, Map<String, Object> shown) {
        return call.prompt(kind, shown, false);
    }

    private void confirm(ApiCall call) {
        JsonNode a = call.args();
        emit(call, "confirm", text(a, "title"), text(a, "content"), null);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("title", text(a, "title"));
        shown.put("content", text(a, "content"));
        shown.put("confirmButtonText", text(a, "confirmButtonText"));
        shown.put("cancelButtonText", text(a, "cancelButtonText"));
        Prompt p = dialog(call, "confirm", shown);
        env.prompt(p, d -> {
            Boolean ok = confirmed(p, d);
            if (ok != null) {
                call.ok(Map.of("confirm", ok));
            }
        });
    }

    private void modal(ApiCall call) {
        JsonNode a = call.args();
        emit(call, "modal", text(a, "title"), text(a, "content"), null);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("title", text(a, "title"));
        shown.put("content", text(a, "content"));
        shown.put("showCancel", a.path("showCancel").asBoolean(true));
        shown.put("confirmText", text(a, "confirmText"));
        shown.put("cancelText", text(a, "cancelText"));
        Prompt p = dialog(call, "modal", shown);
        env.prompt(p, d -> {
            Boolean ok = confirmed(p, d);
            if (ok == null) {
                return;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("confirm", ok);
            r.put("cancel", !ok);
            if (a.path("editable").asBoolean(false)) {
                r.put("content", d.value().isObject() ? d.value().path("content").asText("") : "");
            }
            call.ok(r);
        });
    }

    private static int index(Decision d) {
        String t = d.value().asText("");
        return t.matches("\\d{1,4}") ? Integer.parseInt(t) : -1;
    }

    /** confirm -> true, cancel -> false; anything else is a bad decision (null). */
    private Boolean confirmed(Prompt p, Decision d) {
        JsonNode v = d.value().isObject() ? d.value().path("answer") : d.value();
        String s = v.asText("");
        if (s.equals("confirm") || s.equals("allow")) {
            return true;
        }
        if (s.equals("cancel") || s.equals("deny")) {
            return false;
        }
        env.badDecision(p, d, p.kind() + " answers are confirm or cancel");
        return null;
    }

    private void actionSheet(ApiCall call) {
        JsonNode a = call.args();
        List<String> items = new ArrayList<>();
        (a.has("itemList") ? a.path("itemList") : a.path("items")).forEach(i -> items.add(i.asText()));
        emit(call, "actionSheet", text(a, "title"), String.join(" | ", items), null);
        Prompt p = dialog(call, "actionSheet", Map.of("items", items));
        env.prompt(p, d -> {
            if (d.is("cancel")) {
                if (call.isWx()) {
                    call.fail(null, "cancel");
                } else {
                    call.ok(Map.of("index", -1));
                }
            } else if (index(d) >= 0 && index(d) < items.size()) {
                call.ok(Map.of(call.isWx() ? "tapIndex" : "index", index(d)));
            } else {
                env.badDecision(p, d, "actionSheet answers are an item index (0.." + (items.size() - 1) + ") or cancel");
            }
        });
    }
}
