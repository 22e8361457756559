package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, speed: "the window shows the first page painted within 2.0 s of the JVM start".
 * JavaFX's native libraries go beside the jar once, so JavaFX loads them from there instead of
 * checking WebKit's 121 MB library against the jar (SHA-256) at every start; a jar with other
 * libraries gets them copied again, so a stale library is never loaded.
 */
class NativeLibrariesTest {

    @TempDir
    Path dir;

    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = dir.resolve("minisim.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (var e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void copiesJavaFxsLibrariesBesideTheJarOnceAndNothingElse() throws IOException {
        Path jar = jar(Map.of("libglass.so", "glass v1", "libjfxwebkit.so", "webkit v1", "libjfxmedia.so", "media",
                "libswc4j-linux-x86_64.so", "not JavaFX", "META-INF/x/libtruffleattach.so", "nested", "dev/A.class", "A"));
        NativeLibraries.copy(jar, dir);
        assertThat(dir.resolve("libglass.so")).hasContent("glass v1");
        assertThat(dir.resolve("libjfxwebkit.so")).hasContent("webkit v1");
        assertThat(dir.resolve("libjfxmedia.so")).as("media is never loaded by the window").doesNotExist();
        assertThat(dir.resolve("libswc4j-linux-x86_64.so")).doesNotExist();
        assertThat(dir.resolve("libtruffleattach.so")).doesNotExist();
        assertThat(dir.resolve(NativeLibraries.STAMP)).content().contains("libglass.so 8 ").contains("libjfxwebkit.so 9 ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no part files left").noneMatch(n -> n.endsWith(".part"));
        }

        // the next start finds them (same jar): nothing is written again
        FileTime before = Files.getLastModifiedTime(dir.resolve("libjfxwebkit.so"));
        Files.setLastModifiedTime(dir.resolve("libjfxwebkit.so"), FileTime.fromMillis(before.toMillis() - 60_000));
        FileTime aged = Files.getLastModifiedTime(dir.resolve("libjfxwebkit.so"));
        NativeLibraries.copy(jar, dir);
        assertThat(Files.getLastModifiedTime(dir.resolve("libjfxwebkit.so"))).isEqualTo(aged);
    }

    @Test
    void aJarWithOtherLibrariesReplacesTheOnesBesideIt() throws IOException {
        NativeLibraries.copy(jar(Map.of("libglass.so", "glass v1", "libjfxwebkit.so", "webkit v1")), dir);
        // a rebuilt jar (another JavaFX): the library differs though its size is the same
        Path jar = jar(Map.of("libglass.so", "glass v2", "libjfxwebkit.so", "webkit v1"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        NativeLibraries.copy(jar, dir);
        assertThat(dir.resolve("libglass.so")).hasContent("glass v2");
        assertThat(dir.resolve(NativeLibraries.STAMP)).content().startsWith("jar " + Files.size(jar) + " ");
    }

    @Test
    void aLibraryRemovedFromBesideTheJarIsCopiedAgain() throws IOException {
        Path jar = jar(Map.of("libglass.so", "glass v1", "libprism_sw.so", "sw"));
        NativeLibraries.copy(jar, dir);
        Files.delete(dir.resolve("libprism_sw.so"));
        NativeLibraries.copy(jar, dir);
        assertThat(dir.resolve("libprism_sw.so")).hasContent("sw");
    }

    @Test
    void onlyJavaFxsGraphicsAndWebKitLibrariesCount() {
        assertThat(NativeLibraries.isJavaFxLibrary("libprism_es2.so")).isTrue();
        assertThat(NativeLibraries.isJavaFxLibrary("libjavafx_font_freetype.so")).isTrue();
        assertThat(NativeLibraries.isJavaFxLibrary("libdecora_sse.dylib")).isTrue();
        assertThat(NativeLibraries.isJavaFxLibrary("libgstreamer-lite.so")).isFalse();
        assertThat(NativeLibraries.isJavaFxLibrary("glass.dll")).as("Windows looks in ../bin").isFalse();
        assertThat(NativeLibraries.isJavaFxLibrary("x/libglass.so")).isFalse();
    }
}
