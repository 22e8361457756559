package dev.minisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.api.auth.WalletProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario file (CONTRACT.md): where the run starts, what the simulated user decides, the mock
 * answers for requests, and the steps.
 *
 * @param file      how messages name the file
 * @param page      start route, or null for app.json's first page
 * @param query     start query
 * @param profile   wallet profile name, or null for the default
 * @param decisions prompt kind -> answers in order (the last one repeats)
 * @param requests  mock answers for my.request / wx.request
 */
public record Scenario(String file, String page, Map<String, String> query, String profile,
                       Map<String, List<JsonNode>> decisions, List<JsonNode> requests, List<Step> steps,
                       Long seed, ObjectNode user, ObjectNode device, Long jumpToTimeout, Long now) {

    /** The prompt kinds a scenario can decide. */
    public static final List<String> PROMPT_KINDS = List.of("getAuthCode", "signContract", "plugin", "confirm",
            "modal", "actionSheet", "authorize", "getUserProfile", "getPhoneNumber", "getUserInfo", "chooseAvatar",
            "getAuthorize");

    /** No scenario: launch the home page and stop. */
    public static Scenario empty() {
        return new Scenario("(no scenario)", null, Map.of(), null, Map.of(), List.of(), List.of(), null, null, null, null,
                null);
    }

    /** The optional per-folder configuration file (same keys as a scenario's configuration). */
    public static final String FOLDER_CONFIG = "minisim.json";

    /**
     * The folder's own {@code minisim.json} applied to {@code base}: the mocks, user, device and
     * profile that the window and every run of that folder use (a scenario's values come on top).
     */
    public static RunConfig withFolderConfig(RunConfig base, java.nio.file.Path folder) throws BadInputException {
        java.nio.file.Path file = folder.resolve(FOLDER_CONFIG);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return base;
        }
        Scenario cfg = ScenarioParser.readFolderConfig(file);
        if (!cfg.steps().isEmpty() || !cfg.decisions().isEmpty()) {
            throw BadInputException.at(file.toString(), 1, "minisim.json configures a folder (platform, requests, user, "
                    + "device, profile, seed, jumpToTimeout, now); steps and decisions belong in a scenario");
        }
        return cfg.apply(base, null, null);
    }

    /**
     * The run's configuration: {@code base} (from the command line) with this scenario's profile,
     * mocks, seed, user and device; the command line's profile and seed win when given.
     */
    public RunConfig apply(RunConfig base, String profileOverride, Long seedOverride) throws BadInputException {
        String p = profileOverride != null ? profileOverride : profile;
        RunConfig c = base;
        if (p != null) {
            c = c.withProfile(WalletProfile.load(p));
        }
        List<JsonNode> mocks = new ArrayList<>(requests);
        mocks.addAll(base.mocks());
        c = c.withMocks(mocks);
        c = c.withSeed(seedOverride != null ? seedOverride : seed != null ? seed : base.seed());
        if (user != null) {
            ObjectNode u = base.user().deepCopy();
            u.setAll(user);
            c = c.withUser(u);
        }
        if (device != null) {
            ObjectNode d = base.device().deepCopy();
            d.setAll(device);
            c = c.withDevice(d);
        }
        if (jumpToTimeout != null) {
            c = c.withJumpToTimeout(jumpToTimeout);
        }
        if (now != null) {
            c = c.withNow(now);
        }
        return c;
    }
}
