package dev.minisim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.api.auth.WalletProfile;
import dev.minisim.program.PluginDefinition;
import java.util.List;
import java.util.Set;

/**
 * How the super app around the mini-program is set up for a run: the wallet profile, the mock
 * answers for requests and cloud calls, the hosts the user allows real network to, the device,
 * the user's profile, and the seed for generated codes (null: random).
 */
public record RunConfig(WalletProfile profile, List<JsonNode> mocks, Set<String> allowedHosts,
                        ObjectNode device, ObjectNode user, Long seed, List<PluginDefinition> plugins,
                        long jumpToTimeout, Long now) {

    /** How long a plugin waits for the host's jumpTo before it is reported, by default (simulated ms). */
    public static final long JUMP_TO_TIMEOUT = 3000;

    public static RunConfig defaults() {
        try {
            return new RunConfig(WalletProfile.load("default"), List.of(), Set.of(),
                    JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), null, List.of(),
                    JUMP_TO_TIMEOUT, null);
        } catch (dev.minisim.BadInputException e) {
            throw new IllegalStateException(e);
        }
    }

    public RunConfig withProfile(WalletProfile p) {
        return new RunConfig(p, mocks, allowedHosts, device, user, seed, plugins, jumpToTimeout, now);
    }

    public RunConfig withMocks(List<JsonNode> m) {
        return new RunConfig(profile, List.copyOf(m), allowedHosts, device, user, seed, plugins, jumpToTimeout, now);
    }

    public RunConfig withAllowedHosts(Set<String> hosts) {
        return new RunConfig(profile, mocks, Set.copyOf(hosts), device, user, seed, plugins, jumpToTimeout, now);
    }

    public RunConfig withDevice(ObjectNode d) {
        return new RunConfig(profile, mocks, allowedHosts, d, user, seed, plugins, jumpToTimeout, now);
    }

    public RunConfig withUser(ObjectNode u) {
        return new RunConfig(profile, mocks, allowedHosts, device, u, seed, plugins, jumpToTimeout, now);
    }

    public RunConfig withSeed(Long s) {
        return new RunConfig(profile, mocks, allowedHosts, device, user, s, plugins, jumpToTimeout, now);
    }

    public RunConfig withPlugins(List<PluginDefinition> p) {
        return new RunConfig(profile, mocks, allowedHosts, device, user, seed, List.copyOf(p), jumpToTimeout, now);
    }

    public RunConfig withJumpToTimeout(long ms) {
        return new RunConfig(profile, mocks, allowedHosts, device, user, seed, plugins, ms, now);
    }

    /** Date.now() at launch (epoch ms), or null for the real time of the launch. */
    public RunConfig withNow(Long epochMillis) {
        return new RunConfig(profile, mocks, allowedHosts, device, user, seed, plugins, jumpToTimeout, epochMillis);
    }

    /** The user's nickname, for getAuthUserInfo and WeChat's userInfo. */
    public String nickName() {
        return user.path("nickName").asText("测试用户");
    }

    public String avatar() {
        return user.path("avatar").asText("https://minisim.invalid/avatar/default.png");
    }
}
