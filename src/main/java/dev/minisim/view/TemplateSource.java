package dev.minisim.view;

import java.util.Map;
import java.util.Optional;

/**
 * Where the engine reads templates and WXS/SJS modules: a root-relative path (no leading
 * {@code /}, {@code pages/index/index.wxml}) to the file's text, empty when there is no such file.
 * The simulator reads from inside the mini-program folder only; tests use {@link #of(Map)}.
 */
@FunctionalInterface
public interface TemplateSource {

    Optional<String> read(String path);

    /** Files held in memory, by root-relative path. */
    static TemplateSource of(Map<String, String> files) {
        return path -> Optional.ofNullable(files.get(path));
    }
}
