package dev.minisim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.api.auth.WalletProfile;
import java.util.List;
import java.util.Set;

/**
 * How the super app around the mini-program is set up for a run: the wallet profile, the mock
 * answers for requests and cloud calls, the hosts the user allows real network to, the device,
 * the user's profile, and the seed for generated codes (null: random).
 */
public record RunConfig(WalletProfile profile, List<JsonNode> mocks, Set<String> allowedHosts,
                        ObjectNode device, ObjectNode user, Long seed) {

    public static RunConfig defaults() {
        try {
            return new RunConfig(WalletProfile.load("default"), List.of(), Set.of(),
                    JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), null);
        } catch (dev.minisim.BadInputException e) {
            throw new IllegalStateException(e);
        }
    }

    public RunConfig withProfile(WalletProfile p) {
        return new RunConfig(p, mocks, allowedHosts, device, user, seed);
    }

    public RunConfig withMocks(List<JsonNode> m) {
        return new RunConfig(profile, List.copyOf(m), allowedHosts, device, user, seed);
    }

    public RunConfig withAllowedHosts(Set<String> hosts) {
        return new RunConfig(profile, mocks, Set.copyOf(hosts), device, user, seed);
    }

    public RunConfig withDevice(ObjectNode d) {
        return new RunConfig(profile, mocks, allowedHosts, d, user, seed);
    }

    public RunConfig withUser(ObjectNode u) {
        return new RunConfig(profile, mocks, allowedHosts, device, u, seed);
    }

    public RunConfig withSeed(Long s) {
        return new RunConfig(profile, mocks, allowedHosts, device, user, s);
    }

    /** The user's nickname, for getAuthUserInfo and WeChat's userInfo. */
    public String nickName() {
        return user.path("nickName").asText("测试用户");
    }

    public String avatar() {
        return user.path("avatar").asText("https://minisim.invalid/avatar/default.png");
    }
}
