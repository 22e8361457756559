package dev.minisim.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * JavaFX's native libraries beside the jar, so the window does not pay for them at every start.
 *
 * <p>Why: run from a shaded jar, JavaFX's {@code NativeLibLoader} first looks for each library in
 * the jar's own folder ({@code System.load}, nothing else), and only then takes it from the jar's
 * resources: extracted once to {@code ~/.openjfx/cache}, but checked on every start by inflating
 * the resource and computing its SHA-256. For WebKit's 121 MB {@code libjfxwebkit.so} that check
 * cost 0.8-1.3 s of the window's start on this 2-core machine (measured, docs/benchmarks.md,
 * "Window"). So the window copies the JavaFX libraries beside the jar once; a stamp file lists
 * each library's size and CRC from the jar's directory (read without inflating anything), and a
 * jar whose libraries differ (another JavaFX version) gets them copied again before the toolkit
 * starts. Each file is written aside and moved in whole, so a process starting at the same moment
 * sees either no library (and takes JavaFX's own path) or a complete one.
 *
 * <p>Only when JavaFX itself is inside the jar MiniSim runs from (the launcher's
 * {@code target/minisim.jar}), on Linux and macOS (on Windows JavaFX looks in {@code ../bin}
 * instead), and only when that folder is writable: otherwise nothing changes.
 * {@code -Dminisim.nativesBesideJar=false} turns it off.
 */
final class NativeLibraries {

    static final String STAMP = "minisim-javafx-natives.txt";

    private NativeLibraries() {
    }

    /** Makes sure the JavaFX libraries are beside the jar (before the toolkit starts); quietly does nothing when it cannot. */
    static void besideJar() {
        if ("false".equals(System.getProperty("minisim.nativesBesideJar"))) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux") && !os.contains("mac")) {
            return;
        }
        try {
            Path jar = jarOf(NativeLibraries.class);
            Path fx = jarOf(Class.forName("com.sun.glass.utils.NativeLibLoader", false, NativeLibraries.class.getClassLoader()));
            if (jar == null || !jar.equals(fx)) {
                return;
            }
            copy(jar, jar.getParent());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // JavaFX then loads its libraries its own way (slower, same result)
        }
    }

    /** The jar a class was loaded from, or null when it was not loaded from a jar file. */
    private static Path jarOf(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path p = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Copies JavaFX's libraries from {@code jar} into {@code dir} unless the stamp says they are there already. */
    static void copy(Path jar, Path dir) throws IOException {
        // the quick check (no need to read the jar's directory): the stamp names this very jar file
        String jarLine = "jar " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + "\n";
        Path stamp = dir.resolve(STAMP);
        if (Files.isRegularFile(stamp)) {
            List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
            if (lines.size() > 1 && (lines.get(0) + "\n").equals(jarLine) && lines.stream().skip(1).allMatch(l -> {
                String[] f = l.split(" ");
                return f.length == 3 && sizeIs(dir.resolve(f[0]), Long.parseLong(f[1]));
            })) {
                return;
            }
        }
        try (JarFile jf = new JarFile(jar.toFile(), false)) {
            List<JarEntry> libs = new ArrayList<>();
            StringBuilder want = new StringBuilder();
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements(); ) {
                JarEntry e = en.nextElement();
                if (isJavaFxLibrary(e.getName())) {
                    libs.add(e);
                    want.append(e.getName()).append(' ').append(e.getSize()).append(' ').append(Long.toHexString(e.getCrc())).append('\n');
                }
            }
            if (libs.isEmpty()) {
                return;
            }
            boolean writable = Files.isWritable(dir);
            if (Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).endsWith(want.toString())
                    && libs.stream().allMatch(e -> sizeIs(dir.resolve(e.getName()), e.getSize()))) {
                if (writable) {
                    writeStamp(dir, jarLine + want); // the same libraries in a rebuilt jar: next time the quick check
                }
                return;
            }
            if (!writable) {
                return;
            }
            Files.deleteIfExists(stamp);
            for (JarEntry e : libs) {
                Path part = dir.resolve(e.getName() + "." + ProcessHandle.current().pid() + ".part");
                try (InputStream in = jf.getInputStream(e)) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, dir.resolve(e.getName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            writeStamp(dir, jarLine + want);
        }
    }

    private static void writeStamp(Path dir, String text) throws IOException {
        Path part = dir.resolve(STAMP + "." + ProcessHandle.current().pid() + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        Files.move(part, dir.resolve(STAMP), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** JavaFX's own libraries at the jar's root (graphics and WebKit; not media, which the window never loads). */
    static boolean isJavaFxLibrary(String name) {
        if (name.contains("/") || !(name.endsWith(".so") || name.endsWith(".dylib"))) {
            return false;
        }
        return name.startsWith("libglass") || name.startsWith("libprism_") || name.startsWith("libjavafx_")
                || name.startsWith("libdecora_") || name.startsWith("libjfxwebkit");
    }

    private static boolean sizeIs(Path file, long size) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }
}
