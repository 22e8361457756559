package dev.minisim.runtime.modules;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.Swc4jLibLoader;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.enums.Swc4jSourceMapOption;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.interfaces.ISwc4jLibLoadingListener;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;
import com.caoccao.javet.swc4j.outputs.Swc4jParseOutput;
import com.caoccao.javet.swc4j.outputs.Swc4jTranspileOutput;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWC, the Rust parser and TypeScript compiler, through swc4j's JNI binding: the one parser that
 * the module transform, the TypeScript pass and {@code check} share.
 *
 * <p>Loaded on first use only (a class that nobody touches costs nothing), because the native
 * library is 18 MB: swc4j would copy it into a fresh temporary folder in every process, so this
 * class keeps one copy per user in {@code ~/.cache/minisim/native} and loads it from there.
 */
final class Swc {

    private static final String VERSION = "2.0.0";
    private static final Pattern WHERE = Pattern.compile("^(.*?) at \\S+:(\\d+):(\\d+)$");

    /** A syntax error SWC reports, with the 1-based line in the text it parsed. */
    static final class ParseError extends Exception {
        private final int line;

        ParseError(String message, int line) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private static final class Holder {
        static final Swc4j SWC = load();
    }

    private Swc() {
    }

    private static Swc4j load() {
        Path cached = deployOnce();
        if (cached != null) {
            Swc4jLibLoader.setLibLoadingListener(new ISwc4jLibLoadingListener() {
                @Override
                public File getLibPath() {
                    return cached.getParent().toFile();
                }

                @Override
                public boolean isDeploy() {
                    return false;
                }
            });
        }
        return new Swc4j();
    }

    /**
     * Copies the native library out of the jar into the user's cache, once (a copy of the same
     * size is reused); null when that is impossible, and swc4j then deploys it its own way.
     */
    private static Path deployOnce() {
        String name = libFileName();
        URL resource = name == null ? null : Swc4j.class.getResource("/" + name);
        if (resource == null) {
            return null;
        }
        try {
            String base = System.getenv("XDG_CACHE_HOME");
            Path dir = (base == null || base.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(base))
                    .resolve("minisim").resolve("native");
            Path target = dir.resolve(name);
            long size = resource.openConnection().getContentLengthLong();
            if (Files.isRegularFile(target) && size > 0 && Files.size(target) == size) {
                return target;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".part");
            try (InputStream in = resource.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            // another process may be doing the same: the move is atomic, the last one wins
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** swc4j's own naming: libswc4j-OS-ARCH.v.VERSION.EXT. */
    private static String libFileName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.contains("aarch64") || arch.contains("arm64") ? "arm64"
                : arch.contains("64") ? "x86_64" : null;
        if (a == null) {
            return null;
        }
        if (os.contains("linux")) {
            return "libswc4j-linux-" + a + ".v." + VERSION + ".so";
        } else if (os.contains("mac")) {
            return "libswc4j-macos-" + a + ".v." + VERSION + ".dylib";
        } else if (os.contains("win")) {
            return "libswc4j-windows-" + a + ".v." + VERSION + ".dll";
        }
        return null;
    }

    /** Parses JavaScript (module or script, as its syntax says) with scopes resolved and tokens. */
    static Swc4jParseOutput parse(String code) throws ParseError {
        Swc4jParseOptions options = new Swc4jParseOptions()
                .setMediaType(Swc4jMediaType.JavaScript)
                .setParseMode(Swc4jParseMode.Program)
                .setScopeAnalysis(true)
                .setCaptureAst(true)
                .setCaptureTokens(true);
        try {
            return Holder.SWC.parse(code, options);
        } catch (Swc4jCoreException e) {
            throw error(e);
        }
    }

    /** Strips TypeScript down to JavaScript (module syntax kept), with a source map. */
    static Swc4jTranspileOutput typeScript(String code) throws ParseError {
        Swc4jTranspileOptions options = new Swc4jTranspileOptions()
                .setMediaType(Swc4jMediaType.TypeScript)
                .setParseMode(Swc4jParseMode.Program)
                .setSourceMap(Swc4jSourceMapOption.Separate)
                .setInlineSources(false)
                .setKeepComments(false);
        try {
            return Holder.SWC.transpile(code, options);
        } catch (Swc4jCoreException e) {
            throw error(e);
        }
    }

    /** SWC's message is "Expected ... at file:///main.js:LINE:COL" and an excerpt: keep the first part. */
    private static ParseError error(Swc4jCoreException e) {
        String first = e.getMessage() == null ? "syntax error" : e.getMessage().strip().lines().findFirst().orElse("");
        Matcher m = WHERE.matcher(first);
        if (m.find()) {
            return new ParseError("SyntaxError: " + m.group(1), Integer.parseInt(m.group(2)));
        }
        return new ParseError("SyntaxError: " + first, 0);
    }
}
