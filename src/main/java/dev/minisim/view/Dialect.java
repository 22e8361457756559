package dev.minisim.view;

/**
 * The two template dialects: WeChat's {@code .wxml} ({@code wx:} prefix, {@code <wxs>} modules)
 * and Alipay's {@code .axml} ({@code a:} prefix, {@code <import-sjs>} modules).
 */
public enum Dialect {
    WXML("wx:", ".wxml"),
    AXML("a:", ".axml");

    private final String prefix;
    private final String extension;

    Dialect(String prefix, String extension) {
        this.prefix = prefix;
        this.extension = extension;
    }

    /** The control attribute prefix: {@code wx:} or {@code a:}. */
    public String prefix() {
        return prefix;
    }

    /** The template file extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** The dialect of a template file by its extension ({@code .axml} is Alipay, anything else WeChat). */
    public static Dialect ofFile(String path) {
        return path != null && path.endsWith(".axml") ? AXML : WXML;
    }
}
