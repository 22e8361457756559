package dev.minisim.program;

import java.util.Locale;
import java.util.Optional;

/**
 * Which client a mini-program is written for, and so which namespace its scripts see: a WeChat
 * app has {@code wx} and no {@code my}, an Alipay app {@code my} and no {@code wx}, as on the
 * phones (cross-platform libraries choose their platform by {@code typeof wx}).
 */
public enum Platform {
    WECHAT("wechat", "wx"),
    ALIPAY("alipay", "my");

    private final String id;
    private final String namespace;

    Platform(String id, String namespace) {
        this.id = id;
        this.namespace = namespace;
    }

    /** The name a {@code minisim.json} {@code platform} key uses: {@code wechat} or {@code alipay}. */
    public String id() {
        return id;
    }

    /** The global the platform's scripts call: {@code wx} or {@code my}. */
    public String namespace() {
        return namespace;
    }

    /**
     * What to tell a developer whose script failed with {@code errorMessage} because it used the
     * other platform's namespace ({@code ReferenceError: my is not defined} in a WeChat app):
     * which platform the folder is and why ({@code source}), and how to run it as the other one.
     */
    public Optional<String> otherNamespaceHint(String errorMessage, String source) {
        Platform other = this == WECHAT ? ALIPAY : WECHAT;
        if (errorMessage == null
                || !java.util.regex.Pattern.compile("(?<![\\w$])" + other.namespace + " is not defined").matcher(errorMessage).find()) {
            return Optional.empty();
        }
        return Optional.of("`" + other.namespace + "` is " + other.title() + "'s namespace; this folder runs as "
                + article() + title() + " mini-program (" + source + "), whose scripts see only `" + namespace
                + "`. If it is " + other.article() + other.title() + " mini-program, say so in minisim.json: "
                + "{\"platform\": \"" + other.id + "\"}");
    }

    private String title() {
        return this == WECHAT ? "WeChat" : "Alipay";
    }

    private String article() {
        return this == WECHAT ? "a " : "an ";
    }

    /** The platform named {@code id} (case-insensitive), if it is one. */
    public static Optional<Platform> of(String id) {
        for (Platform p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
