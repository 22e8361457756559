package dev.minisim.auto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #12, item 4: "The project's tests drive it with the real SDK from npm ... a script written
 * as a user writes one: launch, element lookups, taps, input, a custom component, evaluate, a
 * mock, an authorization prompt answered through native(), a screenshot, navigation, close" —
 * and "Done when: the script of point 4 passes against every bundled sample where it applies".
 * The scripts are src/test/automator/*.test.js; {@code cliPath} is a wrapper that starts this
 * build's classes (the jar does not exist yet when tests run). Skipped, saying why, where Node or
 * the installed package is missing ({@code .ci/run} installs both).
 */
class AutomatorSdkTest {

    static final Path SCRIPTS = Path.of("src/test/automator").toAbsolutePath();

    @TempDir
    static Path tmp;

    static Path cli;

    @BeforeAll
    static void needsNodeAndTheSdk() throws Exception {
        Assumptions.assumeTrue(nodeVersion() != null, "node is not on the PATH: install Node.js (and run `npm ci` in "
                + "src/test/automator) to run the miniprogram-automator scripts");
        Assumptions.assumeTrue(Files.isRegularFile(SCRIPTS.resolve("node_modules/miniprogram-automator/package.json")),
                "miniprogram-automator is not installed: run `npm ci` in src/test/automator");
        String java = ProcessHandle.current().info().command().orElse("java");
        cli = tmp.resolve("minisim-from-classes");
        Files.writeString(cli, "#!/bin/sh\nexec '" + java + "' -Dpolyglot.engine.WarnInterpreterOnly=false"
                + " --enable-native-access=ALL-UNNAMED -cp '" + System.getProperty("java.class.path")
                + "' dev.minisim.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"basics.test.js", "auth-demo.test.js", "every-sample.test.js"})
    void theScriptPasses(String script) throws Exception {
        Path log = tmp.resolve(script + ".log");
        ProcessBuilder pb = new ProcessBuilder("node", script).directory(SCRIPTS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MINISIM_CLI", cli.toString());
        int port = freePort();
        pb.environment().put("AUTO_PORT", String.valueOf(port));
        // the screenshot's painter runs headless (Monocle), as in CI
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        boolean done = p.waitFor(6, TimeUnit.MINUTES);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(done).as("%s finished within 6 minutes; its output:%n%s", script, out).isTrue();
        assertThat(p.exitValue()).as("%s exit status; its output:%n%s", script, out).isZero();
        assertThat(out).contains(script.replace(".test.js", "") + ": ok");
        // the SDK's close ends MiniSim: no JVM left behind (every-sample uses the next ports too)
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        long left;
        do {
            left = ProcessHandle.allProcesses().filter(h -> h.info().commandLine()
                    .map(c -> c.contains("dev.minisim.cli.Main auto") && c.matches(".*--auto-port " + port / 10 + "\\d.*"))
                    .orElse(false)).count();
        } while (left > 0 && System.nanoTime() < end);
        assertThat(left).as("MiniSim processes left by %s", script).isZero();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
