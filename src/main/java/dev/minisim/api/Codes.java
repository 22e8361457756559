package dev.minisim.api;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Fresh opaque codes (authCode, wx.login code, ids). Random by default; with a seed the same run
 * gives the same codes, so a transcript can be compared byte for byte.
 */
public final class Codes {

    private final Random random;

    public Codes(Long seed) {
        this.random = seed == null ? new SecureRandom() : new Random(seed);
    }

    public String next(int length, String alphabet) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** An upper-case UUID, as the seeds' authState example. */
    public String uuid() {
        String hex = next(32, "0123456789ABCDEF");
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
