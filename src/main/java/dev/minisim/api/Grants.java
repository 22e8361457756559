package dev.minisim.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this run's user has granted or refused so far: getAuthCode scopes and WeChat's
 * {@code scope.*} permissions. Read by getAuthUserInfo, wx.getSetting, wx.getUserInfo.
 */
public final class Grants {

    private final Map<String, Boolean> decided = new LinkedHashMap<>();

    public void grant(String scope) {
        decided.put(scope, true);
    }

    public void refuse(String scope) {
        decided.put(scope, false);
    }

    public boolean granted(String scope) {
        return Boolean.TRUE.equals(decided.get(scope));
    }

    public boolean refused(String scope) {
        return Boolean.FALSE.equals(decided.get(scope));
    }

    /** scope -> granted, in the order they were decided. */
    public Map<String, Boolean> all() {
        return Map.copyOf(decided);
    }

    public Map<String, Boolean> matching(String prefix) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        decided.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k, v);
            }
        });
        return m;
    }
}
