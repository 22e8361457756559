package dev.minisim.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.BadInputException;
import dev.minisim.program.MiniProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A wallet's authorization rules, read from a JSON file: its scopes (and which are silent), its
 * error codes, what refusing and closing the prompt fail with, and its authCode shape. MiniSim
 * ships {@code default} (seed 002) and {@code kyc} (seed 004); a user adds their wallet's with
 * {@code --profile path/to/wallet.json} (same fields).
 */
public record WalletProfile(String name, String description, String walletName, Set<String> silentScopes,
                            Map<String, String> scopes, Map<String, String> errors, String cancelCode,
                            String denyCode, String refusedScopeCode, String notAuthorizedCode,
                            int authCodeLength, String authCodeAlphabet) {

    /** Profiles bundled with MiniSim. */
    public static final List<String> BUNDLED = List.of("default", "kyc");

    /** A bundled profile by name, or a profile file by path. */
    public static WalletProfile load(String nameOrFile) throws BadInputException {
        if (nameOrFile == null) {
            nameOrFile = "default";
        }
        if (BUNDLED.contains(nameOrFile)) {
            // parsed once per process (issue #11: every run used to read and parse it again); the
            // record is immutable, so runs share it safely
            return BUNDLED_PARSED.computeIfAbsent(nameOrFile, WalletProfile::readBundled);
        }
        Path file = Path.of(nameOrFile);
        if (!nameOrFile.endsWith(".json") || !Files.isRegularFile(file)) {
            throw new BadInputException("unknown profile \"" + nameOrFile + "\"; bundled: "
                    + String.join(", ", BUNDLED) + ", or the path of a profile .json file");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), nameOrFile);
        } catch (IOException e) {
            throw new BadInputException(nameOrFile + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static final Map<String, WalletProfile> BUNDLED_PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static WalletProfile readBundled(String name) {
        try (InputStream in = WalletProfile.class.getResourceAsStream("/dev/minisim/profiles/" + name + ".json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
        } catch (IOException | BadInputException e) {
            throw new IllegalStateException("bundled profile " + name + " unreadable", e);
        }
    }

    static WalletProfile parse(String text, String shown) throws BadInputException {
        JsonNode n = MiniProgram.parseJson(text, shown);
        List<String> missing = new ArrayList<>();
        for (String f : List.of("name", "scopes", "errors", "cancelCode", "denyCode", "refusedScopeCode")) {
            if (!n.hasNonNull(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw BadInputException.at(shown, 1, "a wallet profile needs " + String.join(", ", missing));
        }
        Map<String, String> scopes = new LinkedHashMap<>();
        n.path("scopes").fields().forEachRemaining(e -> scopes.put(e.getKey(), e.getValue().asText()));
        Map<String, String> errors = new LinkedHashMap<>();
        n.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
        Set<String> silent = new LinkedHashSet<>();
        n.path("silentScopes").forEach(s -> silent.add(s.asText()));
        for (String code : List.of(n.get("cancelCode").asText(), n.get("denyCode").asText())) {
            if (!errors.containsKey(code)) {
                throw BadInputException.at(shown, 1, "code " + code + " is not among \"errors\"");
            }
        }
        return new WalletProfile(n.get("name").asText(), n.path("description").asText(""),
                n.path("walletName").asText("E-Wallet"), java.util.Collections.unmodifiableSet(silent),
                java.util.Collections.unmodifiableMap(scopes), java.util.Collections.unmodifiableMap(errors),
                n.get("cancelCode").asText(),
                n.get("denyCode").asText(), n.get("refusedScopeCode").asText(),
                n.path("notAuthorizedCode").asText(n.get("denyCode").asText()),
                n.path("authCode").path("length").asInt(32),
                n.path("authCode").path("alphabet").asText("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"));
    }

    public boolean knows(String scope) {
        return scopes.containsKey(scope);
    }

    public boolean silent(String scope) {
        return silentScopes.contains(scope);
    }
}
