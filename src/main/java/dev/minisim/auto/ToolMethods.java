package dev.minisim.auto;

import dev.minisim.user.Prompt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code Tool.*}: what the vendor IDE itself answers. {@code getInfo} (the base library version
 * the SDK checks), {@code close} (the process ends), {@code native} (the buttons of the super
 * app's own prompts and bars).
 */
final class ToolMethods {

    /** The base library version MiniSim's simulation corresponds to (the SDK wants 2.7.3 or later). */
    static final String SDK_VERSION = "3.5.0";

    private ToolMethods() {
    }

    /** @param nativeWaitMs how long Tool.native waits for the prompt it answers to show (the tap may still be running) */
    static void register(Protocol p, AutoSession session, NativePrompts prompts, Runnable close, Executor blocking,
                         long nativeWaitMs) {
        p.add("Tool.getInfo", params -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("SDKVersion", SDK_VERSION);
            info.put("version", "minisim");
            return CompletableFuture.completedFuture(info);
        });
        p.add("Tool.getTestAccounts", params -> session.call(sim -> Map.of("accounts", testAccounts(sim.config()))));
        p.add("Tool.enableRemoteDebug", params -> {
            throw new AutoError("Tool.enableRemoteDebug (the SDK's remote()): real-device debugging needs a real phone, whose "
                    + "WeChat scans the vendor IDE's QR code; MiniSim simulates the phone itself and has no device to connect. "
                    + "Run the script without remote() against MiniSim, or against the vendor IDE for a device run.");
        });
        p.add("Tool.close", params -> {
            // answered first; the process ends once the answer is on its way
            CompletableFuture.delayedExecutor(100, java.util.concurrent.TimeUnit.MILLISECONDS, blocking).execute(close);
            return CompletableFuture.completedFuture(Map.of());
        });
        p.add("Tool.native", params -> {
            String method = params.path("method").asText("");
            if (NativePrompts.meaning(method) != null) {
                // answered once the app has heard the answer (its callbacks ran)
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        Prompt answered = prompts.answer(method, nativeWaitMs);
                        return Map.of("kind", answered.kind(), "api", answered.api());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AutoError("interrupted");
                    }
                }, blocking).thenCompose(answer -> session.gesture(sim -> answer));
            }
            return switch (method) {
                case "goHome" -> navigation(session, sim -> sim.home());
                case "navigateLeft" -> navigation(session, sim -> sim.back(1));
                case "switchTab" -> {
                    com.fasterxml.jackson.databind.JsonNode data = params.path("data");
                    String url = data.isTextual() ? data.asText() : data.path("url").asText("");
                    yield navigation(session, sim -> {
                        java.util.List<dev.minisim.frame.TabBarSettings.Item> items = sim.env().frame().tabBar().items();
                        String route = url.startsWith("/") ? url.substring(1) : url;
                        for (int i = 0; i < items.size(); i++) {
                            if (items.get(i).pagePath().equals(route) || items.get(i).text().equals(url)) {
                                return sim.tapTab(i);
                            }
                        }
                        return Optional.of("the tab bar has no tab " + url);
                    });
                }
                default -> throw new AutoError("MiniSim does not simulate the native control \"" + method + "\" (it answers "
                        + "authorizeAllow, authorizeCancel, confirmModal, cancelModal, goHome, navigateLeft, switchTab)");
            };
        });
    }

    /**
     * The IDE's multi-account list, as {@code testAccounts()} reads it ({@code [{nickName,
     * openid}]}): MiniSim simulates one user, the run's {@code user} profile (a scenario's or
     * {@code minisim.json}'s {@code "user"}); its {@code openid} is listed when the profile gives one.
     */
    static java.util.List<Map<String, Object>> testAccounts(dev.minisim.api.RunConfig config) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("nickName", config.nickName());
        com.fasterxml.jackson.databind.JsonNode openid = config.user().path("openid");
        if (openid.isTextual()) {
            account.put("openid", openid.asText());
        }
        return java.util.List.of(account);
    }

    private static CompletableFuture<Object> navigation(AutoSession session,
                                                        java.util.function.Function<dev.minisim.app.Simulation, Optional<String>> act) {
        return session.call(sim -> {
            Optional<String> problem = act.apply(sim);
            if (problem.isPresent()) {
                throw new AutoError(problem.get());
            }
            return Map.of();
        });
    }
}
