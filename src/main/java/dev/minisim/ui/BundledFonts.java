package dev.minisim.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.scene.text.Font;

/**
 * The fonts the window, {@code shot} and the goldens are drawn with, shipped in the jar
 * ({@code dev/minisim/fonts/}: DejaVu Sans for Latin, WenQuanYi Micro Hei for Chinese).
 *
 * <p>Why not just {@link Font#loadFont}: JavaFX resolves its logical fonts (the default
 * "System" font every control starts from) through fontconfig, and with no font visible to
 * fontconfig it fails with a NullPointerException in {@code LogicalFont} before any stylesheet
 * applies. Its embedded-font support instead reads the logical fonts from
 * {@code logicalfonts.properties} and {@code allfonts.properties} in {@code -Dprism.fontdir};
 * {@link #install()} points it at the bundled fonts and turns fontconfig off, so a machine
 * with no font package draws exactly the pixels of one with every font. It must run before the
 * toolkit starts. {@link #load()} then registers the same files with {@link Font#loadFont}, so
 * the families resolve by name (CSS, Font.font, the page's WebView) even where
 * {@code prism.fontdir} was set by the user.
 */
public final class BundledFonts {

    /** The CJK family the stylesheets name first. */
    public static final String CJK = "WenQuanYi Micro Hei";
    /** The Latin family of the logical fonts. */
    public static final String LATIN = "DejaVu Sans";

    static final List<String> FILES = List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf",
            "DejaVuSansMono-Bold.ttf", "wqy-microhei.ttc", "logicalfonts.properties", "allfonts.properties");
    private static final String RESOURCES = "/dev/minisim/fonts/";

    private static Path dir;
    private static boolean loaded;

    private BundledFonts() {
    }

    /**
     * Makes JavaFX take its logical fonts from the bundled files instead of fontconfig. Before
     * the toolkit starts; later calls do nothing. {@code -Dminisim.systemFonts=true} keeps
     * JavaFX's own lookup (the pictures then depend on the machine's fonts).
     */
    public static synchronized void install() {
        if (dir != null || Boolean.getBoolean("minisim.systemFonts")) {
            return;
        }
        dir = directory();
        if (System.getProperty("prism.fontdir") == null) {
            System.setProperty("prism.fontdir", dir.toString());
            System.setProperty("prism.embeddedfonts", "true");
            System.setProperty("prism.useFontConfig", "false");
        }
    }

    /** Registers the bundled font files with JavaFX (FX thread, after {@link #install()}); once. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        Path d = dir != null ? dir : directory();
        for (String f : FILES) {
            if (f.endsWith(".ttc")) {
                Font.loadFonts(d.resolve(f).toUri().toString(), 13);
            } else if (f.endsWith(".ttf")) {
                Font.loadFont(d.resolve(f).toUri().toString(), 13);
            }
        }
        loaded = true;
    }

    /** The bundled fonts as files: where they are when run from classes, else extracted once. */
    static Path directory() {
        URL marker = BundledFonts.class.getResource(RESOURCES + "logicalfonts.properties");
        if (marker == null) {
            throw new IllegalStateException("the bundled fonts are missing from the classpath (" + RESOURCES + ")");
        }
        try {
            if (marker.getProtocol().equals("file")) {
                return Path.of(marker.toURI()).getParent();
            }
            return extract();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled fonts: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fonts from the jar into a temp folder named after their sizes (shared by runs). */
    private static Path extract() throws IOException {
        long total = 0;
        for (String f : FILES) {
            total = total * 31 + size(f);
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "minisim-fonts-" + Long.toHexString(total));
        Files.createDirectories(target);
        for (String f : FILES) {
            Path file = target.resolve(f);
            if (Files.isRegularFile(file) && Files.size(file) == size(f)) {
                continue;
            }
            // another process may extract at the same moment: write aside, then move in whole
            Path part = Files.createTempFile(target, f, ".part");
            try (InputStream in = open(f)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    private static long size(String f) throws IOException {
        URL url = BundledFonts.class.getResource(RESOURCES + f);
        if (url == null) {
            throw new IOException(RESOURCES + f + " is missing from the jar");
        }
        return url.openConnection().getContentLengthLong();
    }

    private static InputStream open(String f) throws IOException {
        InputStream in = BundledFonts.class.getResourceAsStream(RESOURCES + f);
        if (in == null) {
            throw new IOException(RESOURCES + f + " is missing from the jar");
        }
        return in;
    }
}
