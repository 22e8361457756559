package dev.minisim.app;

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
