package dev.minisim.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample mini-programs bundled in the jar (the repository's sample-miniapps/), copied to
 * {@code ~/.cache/minisim/samples-VERSION/} the first time the window opens one.
 */
public final class Samples {

    public static final List<String> BUNDLED = List.of("auth-demo", "sign-demo", "plugin-demo", "basics", "ts-demo");
    /** What `open` shows when no folder is given. */
    public static final String DEFAULT = "auth-demo";

    private Samples() {
    }

    public static Path extract(String name) {
        String version = String.valueOf(Samples.class.getPackage().getImplementationVersion());
        Path target = Path.of(System.getProperty("user.home"), ".cache", "minisim", "samples-" + version, name);
        var url = Samples.class.getResource("/samples/" + name + "/app.json");
        if (url == null) {
            throw new IllegalStateException("sample " + name + " is not bundled");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                if (Files.isDirectory(target) && !version.equals("null")) {
                    return target; // unpacked by an earlier run of this version (opening the jar as a file system costs ~0.1 s)
                }
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                copy(fs.getPath("/samples/" + name), target, version.equals("null"));
            } else {
                return Path.of(uri).getParent();
            }
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot unpack sample " + name + ": " + e.getMessage(), e));
        }
        return target;
    }

    private static void copy(Path from, Path to, boolean always) throws IOException {
        if (Files.isDirectory(to) && !always) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
