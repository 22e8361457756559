package dev.minisim.runtime.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.minisim.runtime.ModuleFiles;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a module file becomes before the CommonJS loader runs it: TypeScript compiled to
 * JavaScript, then ES module syntax rewritten to CommonJS with Babel's semantics (see
 * {@link EsmToCommonJs}), on the author's own line numbers.
 *
 * <p>A file with no sign of module syntax (most CommonJS files of a mini-program) is returned as
 * it is, and the parser is not even loaded: the test is a cheap search for the words
 * {@code import} and {@code export} outside member names, which errs towards parsing (a comment
 * that says "export" costs one parse, and the file is still returned unchanged). Results are
 * cached by content hash for the life of the process, so every page, component and later
 * simulation of the same app reuses them.
 *
 * <p>With {@code -Dminisim.moduleCache=DIR} (the {@code ./minisim} launcher sets it to a folder
 * beside the jar whose name carries the jar's checksum) results are also kept on disk, so a cold
 * run of an unchanged ES-module app never loads SWC and its native library (issue #11: ~0.1-0.2 s
 * of an idle cold start, more under load). A file there is named by the content hash, written
 * whole (a temporary file moved into place) and only ever read back for the same content; a
 * folder that cannot be written is no error, just no cache.
 */
public final class ModuleTransform {

    /** A syntax error in a module, with the 1-based line of the author's file. */
    public static final class SyntaxProblem extends RuntimeException {
        private final int line;

        public SyntaxProblem(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** A module that a script loads: the specifier as written and the line it is on. */
    public record Dependency(String specifier, int line) {
    }

    /** {@code import} as a word (also {@code import(} and {@code import.meta}); {@code export} before a name, { or *. */
    private static final Pattern MODULE_WORD =
            Pattern.compile("(?<![.\\w$#])(?:import(?![\\w$])|export(?=\\s*[{*]|\\s+[\\w$]))");
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
    private static volatile Path disk = folder(System.getProperty("minisim.moduleCache"));

    private ModuleTransform() {
    }

    /**
     * Starts compiling the app's own first scripts ({@code app} and the home page: each base name
     * resolved to .js or .ts) on a background thread when one of them needs the parser, so that
     * loading SWC (a few hundred milliseconds on a cold JVM) overlaps the creation of the JS
     * context instead of following it. Apps that need no transform start no thread.
     */
    public static void warmUp(ModuleFiles files, String... bases) {
        List<String[]> work = new ArrayList<>();
        for (String base : bases) {
            files.script(base).ifPresent(path -> files.read(path).filter(code -> needsTransform(path, code))
                    .ifPresent(code -> work.add(new String[] {path, code})));
        }
        if (work.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            for (String[] w : work) {
                try {
                    toCommonJs(w[0], w[1]);
                } catch (RuntimeException e) {
                    // only a head start: the real load reports the problem
                }
            }
        }, "minisim-modules-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** Whether {@code path} is TypeScript, which must be compiled before it runs. */
    public static boolean isTypeScript(String path) {
        return path.endsWith(".ts") && !path.endsWith(".d.ts");
    }

    /** Whether the file may hold module syntax (or is TypeScript), so it goes through the parser. */
    public static boolean needsTransform(String path, String code) {
        return isTypeScript(path) || MODULE_WORD.matcher(code).find();
    }

    /**
     * The CommonJS form of a module file, with the same line numbers.
     *
     * @throws SyntaxProblem when the file does not parse
     */
    public static String toCommonJs(String path, String code) {
        if (!needsTransform(path, code)) {
            return code;
        }
        boolean ts = isTypeScript(path);
        String key = (ts ? "ts:" : "js:") + sha256(code);
        Object cached = CACHE.get(key);
        if (cached == null) {
            Path dir = disk;
            Path file = dir == null ? null : dir.resolve(key.replace(':', '-') + ".cjs");
            cached = file == null ? null : readOrNull(file);
            if (cached == null) {
                try {
                    cached = EsmToCommonJs.transform(ts ? TypeScriptLines.toJavaScript(code) : code);
                    if (file != null) {
                        write(file, (String) cached);
                    }
                } catch (Swc.ParseError e) {
                    cached = new SyntaxProblem(e.getMessage(), e.line());
                }
            }
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(key, cached);
        }
        if (cached instanceof SyntaxProblem p) {
            throw new SyntaxProblem(p.getMessage(), p.line());
        }
        return (String) cached;
    }

    /**
     * The modules a file loads, found in its syntax tree: {@code require('x')} calls, imports,
     * re-exports and {@code import('x')} with a literal path; never a word inside a string or a
     * comment. TypeScript files are compiled first ({@code import type} loads nothing).
     *
     * @throws SyntaxProblem when the file does not parse
     */
    public static List<Dependency> dependencies(String path, String code) {
        try {
            return Dependencies.of(isTypeScript(path) ? TypeScriptLines.toJavaScript(code) : code);
        } catch (Swc.ParseError e) {
            throw new SyntaxProblem(e.getMessage(), e.line());
        }
    }

    /** Sets the folder of the disk cache (null: none); for tests, the launcher uses the property. */
    static void diskCache(Path dir) {
        disk = dir;
        CACHE.clear();
    }

    private static Path folder(String property) {
        try {
            return property == null || property.isBlank() ? null : Path.of(property);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String readOrNull(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void write(Path file, String cjs) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "module", ".part");
            try {
                Files.writeString(tmp, cjs);
                // another process may be doing the same: the move is atomic, either copy is the same
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // no cache this time: the transform itself succeeded
        }
    }

    private static String sha256(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
