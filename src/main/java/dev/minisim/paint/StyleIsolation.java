package dev.minisim.paint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a component's styles meet the page's (WeChat's {@code styleIsolation}, its component docs):
 * {@code isolated} (WeChat's default) — class selectors stay on their side; {@code apply-shared}
 * (also {@code addGlobalClass: true}) — the page's and app's classes reach inside, the
 * component's stay in; {@code shared} — both ways. Alipay components have shared styles unless
 * they say otherwise (acss is global there, the traditional behaviour).
 */
enum StyleIsolation {
    ISOLATED, APPLY_SHARED, SHARED;

    private static final Pattern OPTION = Pattern.compile("[\"']?styleIsolation[\"']?\\s*:\\s*[\"']([a-z-]+)[\"']");
    private static final Pattern GLOBAL = Pattern.compile("[\"']?addGlobalClass[\"']?\\s*:\\s*(true|!0)");

    /** From the component's json, else its script's {@code options}, else the platform's default. */
    static StyleIsolation of(PaintFiles files, String componentPath, boolean alipay) {
        for (String ext : new String[] {".json", ".js", ".ts"}) {
            String text = files.text(componentPath + ext).orElse("");
            Matcher m = OPTION.matcher(text);
            if (m.find()) {
                return switch (m.group(1)) {
                    case "apply-shared" -> APPLY_SHARED;
                    case "shared" -> SHARED;
                    default -> ISOLATED;
                };
            }
            if (GLOBAL.matcher(text).find()) {
                return APPLY_SHARED;
            }
        }
        return alipay ? SHARED : ISOLATED;
    }
}
