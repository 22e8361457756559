package dev.minisim.paint;

import java.util.Map;
import java.util.Optional;

/**
 * The mini-program's files as the painter reads them: root-relative paths (no leading {@code /}),
 * inside the mini-program folder only (the simulator's reader refuses anything outside it,
 * symlinks included), empty when there is no such file.
 */
public interface PaintFiles {

    Optional<String> text(String path);

    Optional<byte[]> bytes(String path);

    /**
     * A network file the painted page names (a font's {@code url(https://...)}, an image's
     * {@code src}): its bytes when the user lets it be had — a mock of the scenario's
     * {@code requests} for that URL, or a host allowed with {@code --allow-host} — else empty (the
     * page is never let onto the open network). None by default.
     */
    default Optional<byte[]> network(String url) {
        return Optional.empty();
    }

    /** Files held in memory (tests). */
    static PaintFiles of(Map<String, String> files) {
        return new PaintFiles() {
            @Override
            public Optional<String> text(String path) {
                return Optional.ofNullable(files.get(path));
            }

            @Override
            public Optional<byte[]> bytes(String path) {
                return text(path).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }
}
