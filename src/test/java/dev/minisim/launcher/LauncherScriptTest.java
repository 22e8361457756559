package dev.minisim.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, "Done when": the launcher {@code ./minisim} run as a user's shell runs it, with a
 * controlled PATH, JAVA_HOME and install folders. A JDK 17 is a fake (a release file and a
 * {@code java} that would print FAKE17); the JDK 21+ is the one running this test, linked into
 * the install folder. The jar is {@link LauncherProbe}, which prints what the launcher chose.
 */
class LauncherScriptTest {

    @TempDir
    Path tmp;

    private Path script;
    private Path bin;
    private Path fake17;
    private Path jvmDir;
    private Path modern;
    private Path jar;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell (not on Windows)");
        script = Path.of(System.getProperty("minisim.repo", ".")).resolve("minisim").toAbsolutePath();
        // the tools a POSIX system has, but no java: only the fake JDK 17 is on PATH
        bin = Files.createDirectories(tmp.resolve("bin"));
        for (String d : List.of("/usr/bin", "/bin")) {
            try (Stream<Path> tools = Files.list(Path.of(d))) {
                for (Path t : (Iterable<Path>) tools::iterator) {
                    Path link = bin.resolve(t.getFileName().toString());
                    if (!t.getFileName().toString().startsWith("java") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, t);
                    }
                }
            }
        }
        fake17 = fakeJdk(tmp.resolve("old/jdk-17"), "17.0.15");
        jvmDir = Files.createDirectories(tmp.resolve("jvm"));
        modern = Path.of(System.getProperty("java.home")).toRealPath();
        Files.createSymbolicLink(jvmDir.resolve("temurin-" + Runtime.version().feature()), modern);
        jar = tmp.resolve("target/minisim.jar");
        writeProbeJar(jar, null);
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\necho FAKE17\nexit 3\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** A runnable jar of {@link LauncherProbe}; {@code extra} adds an entry (a "new build"). */
    private static void writeProbeJar(Path jar, String extra) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            if (extra != null) {
                out.putNextEntry(new JarEntry("extra.txt"));
                out.write(extra.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    record Run(int status, String out, String err) {
        List<String> jvm() {
            return out.lines().filter(l -> l.startsWith("jvm=")).map(l -> l.substring(4)).toList();
        }

        String command() {
            return out.lines().filter(l -> l.startsWith("command=")).map(l -> l.substring(8)).findFirst().orElse("");
        }

        String javaHome() {
            return out.lines().filter(l -> l.startsWith("java.home=")).map(l -> l.substring(10)).findFirst().orElse("");
        }
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        Map<String, String> e = pb.environment();
        e.clear();
        e.put("HOME", tmp.toString());
        e.put("PATH", fake17.resolve("bin") + ":" + bin);
        e.put("MINISIM_JDK_DIRS", jvmDir + "/*");
        e.put("MINISIM_JAR", jar.toString());
        e.put("MINISIM_CACHE", "off");
        e.put("MINISIM_MAIN", LauncherProbe.class.getName()); // the probe jar's class, in place of dev.minisim.cli.Main
        e.putAll(env);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        int status = p.waitFor();
        return new Run(status, Files.readString(out), Files.readString(err));
    }

    @Test
    @DisplayName("#11: only JDK 17 on PATH and a newer JDK in the install folders: the launcher finds the newer one")
    void findsTheInstalledJdkPastAnOldOneOnPath() throws Exception {
        Run r = launch(Map.of(), "run", "app", "exit=0");

        assertThat(r.status()).isZero();
        assertThat(Path.of(r.javaHome()).toRealPath()).isEqualTo(modern);
        assertThat(r.out()).doesNotContain("FAKE17").contains("arg=run\narg=app\narg=exit=0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("#11: JAVA_HOME comes first when it is 21 or later")
    void javaHomeFirst() throws Exception {
        Path other = Files.createSymbolicLink(tmp.resolve("my-jdk"), modern);
        Run r = launch(Map.of("JAVA_HOME", other.toString(), "MINISIM_JDK_DIRS", tmp.resolve("nothing") + "/*"), "--version");

        assertThat(r.status()).isZero();
        assertThat(Path.of(r.javaHome()).toRealPath()).isEqualTo(modern);
    }

    @Test
    @DisplayName("#11: no JDK 21+ anywhere (JAVA_HOME, PATH and the install folders all 17): one clear line, exit 2")
    void noModernJdkIsOneLine() throws Exception {
        Files.delete(jvmDir.resolve("temurin-" + Runtime.version().feature()));
        fakeJdk(jvmDir.resolve("java-17-openjdk"), "17.0.9");
        Run r = launch(Map.of("JAVA_HOME", fake17.toString()), "run", "app");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("minisim: needs a JDK 21 or later and found none")
                .contains("JAVA_HOME=" + fake17 + " is Java 17.0.15")
                .contains("java-17-openjdk is Java 17.0.9")
                .contains("set JAVA_HOME");
    }

    @Test
    @DisplayName("#11: the JVM options MiniSim needs, quiet on JDK 23+; C1 only, for headless commands and (#10's speed bar, "
            + "docs/notes-issue-winspeed.md) for the window too")
    void options() throws Exception {
        List<String> headless = launch(Map.of(), "run", "app").jvm();
        List<String> window = launch(Map.of(), "open").jvm();

        assertThat(headless).contains("-XX:TieredStopAtLevel=1", "-Dpolyglot.engine.WarnInterpreterOnly=false");
        assertThat(window).contains("-XX:TieredStopAtLevel=1", "-Dpolyglot.engine.WarnInterpreterOnly=false");
        if (Runtime.version().feature() >= 23) {
            assertThat(headless).contains("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");
        }
    }

    @Test
    @DisplayName("#11: the first run trains the cache without changing its output or status; later runs use it; a new jar never meets the old cache")
    void classCacheKeyedByTheJar() throws Exception {
        Map<String, String> env = Map.of("MINISIM_CACHE", "wait");
        Run plain = launch(Map.of(), "run", "app", "exit=1");
        Run first = launch(env, "run", "app", "exit=1");

        assertThat(first.status()).isEqualTo(1);
        assertThat(first.err()).isEmpty();
        assertThat(first.out().lines().filter(l -> !l.startsWith("jvm=")).toList())
                .isEqualTo(plain.out().lines().filter(l -> !l.startsWith("jvm=")).toList());
        Path cache = caches().stream().collect(singleCache());

        Run second = launch(env, "run", "app", "exit=0");
        assertThat(second.status()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.jvm()).anyMatch(o -> o.endsWith("=" + cache) && (o.startsWith("-XX:AOTCache") || o.startsWith("-XX:SharedArchiveFile")));

        // a rebuilt jar (same mtime even): the checksum differs, so the old cache is not used
        FileTime mtime = Files.getLastModifiedTime(jar);
        writeProbeJar(jar, "a new build");
        Files.setLastModifiedTime(jar, mtime);
        Run third = launch(env, "run", "app", "exit=0");
        assertThat(third.jvm()).noneMatch(o -> o.contains(cache.getFileName().toString()));
        assertThat(caches()).doesNotContain(cache).hasSize(1);
    }

    @Test
    @DisplayName("#11: MINISIM_JAVA_OPTS reach the JVM and use the cache, but never train or replace it")
    void userOptionsUseTheCache() throws Exception {
        launch(Map.of("MINISIM_CACHE", "wait"), "run", "app");
        Path cache = caches().stream().collect(singleCache());

        Run r = launch(Map.of("MINISIM_CACHE", "wait", "MINISIM_JAVA_OPTS", "-Dminisim.test=1 -Xmx256m"), "run", "app");

        assertThat(r.status()).isZero();
        assertThat(r.jvm()).contains("-Dminisim.test=1", "-Xmx256m").anyMatch(o -> o.endsWith("=" + cache));
        assertThat(caches()).containsExactly(cache);
    }

    @Test
    @DisplayName("#11: --help and other commands that run no mini-program use a cache but never train one")
    void noTrainingOnHelp() throws Exception {
        Run r = launch(Map.of("MINISIM_CACHE", "wait"), "--help");

        assertThat(r.status()).isZero();
        assertThat(caches()).isEmpty();
    }

    @Test
    @DisplayName("#10 speed: bench --window runs as the window does, with the window's cache (its first run trains it); "
            + "a headless bench trains none")
    void benchWindowUsesTheWindowsCache() throws Exception {
        Map<String, String> env = Map.of("MINISIM_CACHE", "wait");
        launch(env, "bench", "app");
        assertThat(caches()).isEmpty();
        assertThat(caches("window")).isEmpty();

        assertThat(launch(env, "bench", "--window").status()).isZero();
        Path cache = caches("window").stream().collect(singleCache());
        assertThat(caches()).isEmpty();
        Run second = launch(env, "bench", "--window", "app");
        assertThat(second.jvm()).anyMatch(o -> o.endsWith("=" + cache));
    }

    @Test
    @DisplayName("#11: ES modules' CommonJS form is kept beside the jar in a folder named by its checksum; a new jar gets a new folder and the old one goes")
    void moduleCacheKeyedByTheJar() throws Exception {
        Map<String, String> env = Map.of("MINISIM_CACHE", "wait");
        String option = moduleCacheOption(launch(env, "run", "app"));
        Path folder = Path.of(option.substring("-Dminisim.moduleCache=".length()));
        assertThat(folder.getParent()).isEqualTo(jar.getParent());
        assertThat(folder.getFileName().toString()).startsWith("minisim-modules-");
        Files.createDirectories(folder).resolve("js-x.cjs").toFile().createNewFile(); // as a run that transformed a module

        writeProbeJar(jar, "a new build");
        String next = moduleCacheOption(launch(env, "run", "app"));
        assertThat(next).isNotEqualTo(option);
        assertThat(folder).doesNotExist();
        assertThat(launch(Map.of("MINISIM_CACHE", "off"), "run", "app").jvm()).noneMatch(o -> o.startsWith("-Dminisim.moduleCache"));
    }

    @Test
    @DisplayName("#11 cold start: once the cache is trained, a start with the same jar, JDK and options reads the JDK's "
            + "version and the cache's key with shell built-ins (no sed, cksum, tr or readlink: each process it starts costs "
            + "time before MiniSim's own start); a new jar still gets a new key")
    void laterStartsNeedNoTools() throws Exception {
        Map<String, String> env = Map.of("MINISIM_CACHE", "wait");
        launch(env, "run", "app");
        Path cache = caches().stream().collect(singleCache());
        for (String tool : List.of("sed", "cksum", "tr", "readlink")) {
            Files.deleteIfExists(bin.resolve(tool));
        }

        Run later = launch(env, "run", "app", "exit=0");

        assertThat(later.status()).isZero();
        assertThat(later.err()).isEmpty();
        assertThat(later.javaHome()).isEqualTo(modern.toString());
        assertThat(later.jvm()).anyMatch(o -> o.endsWith("=" + cache) && (o.startsWith("-XX:AOTCache") || o.startsWith("-XX:SharedArchiveFile")));

        // the key is still the jar's: a rebuilt jar (with the tools back) never meets the old cache
        for (String tool : List.of("sed", "cksum", "tr", "readlink")) {
            Path t = Path.of("/usr/bin", tool);
            if (!Files.exists(t)) {
                t = Path.of("/bin", tool);
            }
            Files.createSymbolicLink(bin.resolve(tool), t);
        }
        writeProbeJar(jar, "a new build");
        Run rebuilt = launch(env, "run", "app", "exit=0");
        assertThat(rebuilt.jvm()).noneMatch(o -> o.contains(cache.getFileName().toString()));
    }

    @Test
    @DisplayName("#11 cold start: the JVM starts MiniSim's main class by name with the jar as its class path, never with "
            + "-jar (which opens the jar's 26,000-entry index once more only to read its Main-Class), with and without a cache")
    void startsTheMainClassByName() throws Exception {
        Map<String, String> env = Map.of("MINISIM_CACHE", "wait");
        Run plain = launch(Map.of(), "run", "app");
        Run training = launch(env, "run", "app");
        Run cached = launch(env, "run", "app");

        for (Run r : List.of(plain, training, cached)) {
            assertThat(r.status()).isZero();
            assertThat(r.command()).isEqualTo(LauncherProbe.class.getName() + " run app");
        }
        assertThat(cached.jvm()).anyMatch(o -> o.startsWith("-XX:AOTCache") || o.startsWith("-XX:SharedArchiveFile"));
        assertThat(Files.readString(script)).contains("main=${MINISIM_MAIN:-dev.minisim.cli.Main}");
    }

    private static String moduleCacheOption(Run r) {
        List<String> found = r.jvm().stream().filter(o -> o.startsWith("-Dminisim.moduleCache=")).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<Path> caches() throws IOException {
        return caches("headless");
    }

    private List<Path> caches(String mode) throws IOException {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.filter(f -> f.getFileName().toString().matches("minisim-" + mode + "-.*\\.(aot|jsa)")).toList();
        }
    }

    private static java.util.stream.Collector<Path, ?, Path> singleCache() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
            assertThat(l).hasSize(1);
            return l.get(0);
        });
    }
}
